"""The rows of an import plan and their problems, located as the user sees them in their sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from caio_desktop.domain.errors import quoted
from caio_desktop.interchange.importing.text import cell_text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell or row, located as the user sees it in their sheet."""

    line: int  # row number in the sheet
    column: str  # column header ("" for the row as a whole)
    value: Any
    reason: str

    def text(self, lang: str = "en") -> str:
        """"row 4, column 'Probabilité': 'souvent' is not a level …", in English or French (the
        engagement's language: `messages`), the column and the value quoted."""
        from caio_desktop.interchange.importing import messages

        value = "" if self.value in (None, "") else f"{quoted(cell_text(self.value))} "
        return f"{messages.where(self.line, self.column, lang)}: {value}{messages.reason(self.reason, lang)}"


@dataclass(eq=False)  # one block is equal only to itself (rows are grouped by their block)
class RowBlock:
    """Rows converted together, kept column by column: each mapped field's cleaned values (None in a
    refused row), each row's custom attributes and derived values. The bulk insert reads these columns
    whole; a row's `values` dict is only made when someone asks for it (the preview, an update).

    The block's PlannedRow objects are made on the first call of `rows()` (the preview, the wizard, an
    update of existing rows): an import that only adds rows never makes them (0.09 s at 100,000 rows),
    and reads the refused rows, made at once, from `refused`."""

    columns: dict[str, list[Any]]
    customs: list[dict[str, str]]
    derived: dict[str, list[Any]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)  # each row's number in the sheet
    cells: list[list[Any]] = field(default_factory=list)  # each row's cells as read
    notes: list[Sequence[Problem]] | None = None  # each row's warnings (None: no row has any)
    refused: dict[int, PlannedRow] = field(default_factory=dict)  # position → the refused row, made at once
    made: list[PlannedRow] | None = None  # the rows, once `rows()` made them

    def rows(self) -> list[PlannedRow]:
        """The block's rows, made once: the same objects on every call."""
        if self.made is None:
            count = len(self.lines)
            notes = self.notes if self.notes is not None else repeat((), count)
            made = list(map(PlannedRow, self.lines, self.cells, repeat(None, count), notes, repeat(self, count),
                            range(count)))
            for index, row in self.refused.items():
                made[index] = row
            self.made = made
        return self.made

    def warnings(self) -> list[Problem]:
        """The warnings of the block's rows that are not refused, in row order, without making the rows."""
        if self.made is not None:
            return [w for row in self.made if row.error is None for w in row.warnings]
        if self.notes is None:
            return []
        refused = self.refused
        return [w for index, notes in enumerate(self.notes) if notes and index not in refused for w in notes]


class PlannedRow:
    """One data row: its original cells, the values it will be imported with, and its problems."""

    __slots__ = ("line", "cells", "warnings", "error", "match_id", "block", "index", "_values", "_derived")

    # (positional parameters only after `values`: an import makes one row per sheet line, and keyword
    # arguments cost a third of the construction)
    def __init__(self, line: int, cells: list[Any], values: dict[str, Any] | None = None,
                 warnings: Sequence[Problem] = (), block: RowBlock | None = None, index: int = 0) -> None:
        self.line = line  # row number in the sheet
        self.cells = cells
        self.warnings: Sequence[Problem] = warnings  # (an empty tuple shared by the rows without any)
        self.error: Problem | None = None
        self.match_id: int | None = None  # the existing row it will update
        self.block = block
        self.index = index
        self._values = values
        self._derived: dict[str, Any] | None = None

    @property
    def values(self) -> dict[str, Any]:
        """Field key → value as it will be stored, with "custom" (the client's own columns)."""
        if self._values is None:
            block, index = self.block, self.index
            self._values = {k: column[index] for k, column in block.columns.items()} if block else {}
            self._values["custom"] = block.customs[index] if block else {}
        return self._values

    @values.setter
    def values(self, values: dict[str, Any]) -> None:
        """Values set by hand: the row no longer reads its block (an import derives them afresh)."""
        self._values, self._derived, self.block = values, None, None

    @property
    def derived(self) -> dict[str, Any]:
        """Values computed by `rules` for a new row (risk levels, use-case scores)."""
        if self._derived is None:
            block, index = self.block, self.index
            self._derived = {k: column[index] for k, column in block.derived.items()} if block else {}
        return self._derived

    @derived.setter
    def derived(self, derived: dict[str, Any]) -> None:
        self._derived = derived

    def __repr__(self) -> str:
        return f"PlannedRow(line={self.line}, values={self.values!r}, error={self.error!r})"
