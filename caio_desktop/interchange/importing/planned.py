"""The rows of an import plan and their problems, located as the user sees them in their sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caio_desktop.interchange.importing.text import cell_text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell or row, located as the user sees it in their sheet."""

    line: int  # row number in the sheet
    column: str  # column header ("" for the row as a whole)
    value: Any
    reason: str

    def text(self) -> str:
        where = f"row {self.line}" + (f", column '{self.column}'" if self.column else "")
        value = "" if self.value in (None, "") else f"{cell_text(self.value)!r} "
        return f"{where}: {value}{self.reason}"


@dataclass
class PlannedRow:
    """One data row: its original cells, the values it will be imported with, and its problems."""

    line: int
    cells: list[Any]
    values: dict[str, Any]
    warnings: list[Problem] = field(default_factory=list)
    error: Problem | None = None
    match_id: int | None = None  # the existing row it will update
    derived: dict[str, Any] = field(default_factory=dict)  # computed by rules.derive for a new row
