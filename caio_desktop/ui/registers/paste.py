"""Rows pasted from Excel (or from another register) into a register: tab-separated text, read as an
import reads a sheet, added as one undo step or not at all.

    plan = read_pasted(text, module, shown_fields, lang=..., targets=...)
    if not plan.refusals:
        context.perform(paste_rows, module.key, plan.rows)

The first line is a header when its cells are column titles (in French or English, as the table or the
spreadsheet export names them); then columns are matched by title, whatever their order, and a column
that names no field is left out and said. Otherwise the cells follow the columns shown, in their order.
Each cell goes through the importer's converters (levels in words, choices by label or synonym, dates
and numbers written the French way, references by code or title) and the domain's validation, so a
paste accepts exactly what an import or an edit would. Any refused cell refuses the whole paste, with
its line, column and value: half a paste would leave the consultant to find which rows made it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import Field, Module
from caio_desktop.domain.modules import module as get_module
from caio_desktop.domain.validation import clean_values
from caio_desktop.interchange.importing.messages import reason
from caio_desktop.interchange.importing.normalize import Unfit, converter
from caio_desktop.interchange.importing.text import fold
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import insert_row

MAX_PASTED_ROWS = 5000  # beyond that, the import wizard (with its preview) is the way


@dataclass(frozen=True)
class PasteRefusal:
    """A pasted cell (or line) refused: `line` counts the pasted lines from 1, header included."""

    line: int
    column: str
    value: str
    reason: str

    def text(self, lang: str) -> str:
        where = (f"Ligne {self.line}" if lang == "fr" else f"Line {self.line}") + (
            f", {self.column}" if self.column else "")
        shown = f" « {self.value} »" if lang == "fr" else f" '{self.value}'"
        return f"{where} :{shown} {reason(self.reason, lang)}" if lang == "fr" else \
            f"{where}:{shown} {reason(self.reason, lang)}"


@dataclass
class PastePlan:
    """What a paste would add: one dict of values per row, or the refusals that stop it."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the pasted line of each row
    refusals: list[PasteRefusal] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # header cells naming no field
    has_header: bool = False


class PasteRefused(ValueError):
    """A pasted row the workspace refused while adding (a reference gone, a rule of the domain)."""

    def __init__(self, refusal: PasteRefusal) -> None:
        super().__init__(refusal.text("en"))
        self.refusal = refusal


def split_cells(text: str) -> list[list[str]]:
    """Tab-separated lines as Excel puts them on the clipboard (a cell holding a line break or a tab
    comes quoted), without the blank lines around them."""
    rows = [list(r) for r in csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t")]
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    return rows


def _titles(mod: Module, shown: Sequence[tuple[Field, str]]) -> dict[str, Field]:
    """Folded column title → field: the titles shown, each field's French and English labels and key,
    then the synonyms an import knows ("titre" for a risk's title), labels winning over synonyms."""
    titles: dict[str, Field] = {}
    for f, title in shown:
        titles.setdefault(fold(title), f)
    for f in mod.fields:
        for name in (f.label("fr"), f.label("en"), f.key):
            titles.setdefault(fold(name), f)
    for f in mod.fields:
        for name in f.synonyms:
            titles.setdefault(fold(name), f)
    return titles


def read_pasted(text: str, mod: Module, shown: Sequence[tuple[Field, str]], *, lang: str,
                targets: Callable[[str], Mapping[str, int]], fixed: Mapping[str, Any] | None = None) -> PastePlan:
    """The rows `text` would add to `mod`. `shown` is the table's columns as shown (field, title), in
    their order; `targets(module_key)` maps the folded codes and titles of a module's rows to their ids;
    `fixed` holds the values every row of a restricted register has (a system's risks)."""
    plan = PastePlan()
    lines = split_cells(text)
    if not lines:
        return plan
    titles = _titles(mod, shown)
    first = [c.strip() for c in lines[0]]
    named = [titles.get(fold(c)) if c else None for c in first]
    plan.has_header = sum(f is not None for f in named) >= max(1, (sum(bool(c) for c in first) + 1) // 2)
    if plan.has_header:
        columns: list[tuple[Field | None, str]] = list(zip(named, first, strict=True))
        plan.ignored_columns = [c for f, c in columns if f is None and c]
        body, start = lines[1:], 2
    else:
        columns = [(f, title) for f, title in shown]
        body, start = lines, 1
    if len(body) > MAX_PASTED_ROWS:
        plan.refusals.append(PasteRefusal(start, "", str(len(body)), f"rows are more than can be pasted at once "
                                          f"({MAX_PASTED_ROWS}); import them as a spreadsheet"))
        return plan
    converters: dict[str, Callable[[Any], Any]] = {}
    for f, _title in columns:
        if f is not None and not f.computed and f.key not in converters:
            converters[f.key] = converter(f, targets=targets(f.ref) if f.ref else None)
    for offset, cells in enumerate(body):
        line = start + offset
        if not any(c.strip() for c in cells):
            continue
        if not plan.has_header and len(cells) > len(columns):
            plan.refusals.append(PasteRefusal(line, "", "\t".join(cells[len(columns):]).strip(),
                                              f"goes beyond the {len(columns)} columns shown"))
            continue
        values, refused = _row_values(mod, columns, cells, converters, line)
        if refused is None:
            values.update(fixed or {})
            refused = _validate(mod, values, columns, line, lang)
        if refused is not None:
            plan.refusals.append(refused)
            continue
        plan.rows.append(values)
        plan.lines.append(line)
    return plan


def _row_values(mod: Module, columns: Sequence[tuple[Field | None, str]], cells: Sequence[str],
                converters: Mapping[str, Callable[[Any], Any]], line: int) -> tuple[dict[str, Any], PasteRefusal | None]:
    values: dict[str, Any] = {}
    for (f, title), cell in zip(columns, cells, strict=False):
        cell = cell.strip()
        if f is None or f.computed:  # a score or level the rules compute: pasted back, it is derived again
            continue
        if not cell:  # left out, as an add leaves it: the field's default (a status) applies
            continue
        try:
            values[f.key] = converters[f.key](cell)
        except Unfit as exc:
            return values, PasteRefusal(line, title or f.label("en"), cell, exc.reason)
    return values, None


def _validate(mod: Module, values: dict[str, Any], columns: Sequence[tuple[Field | None, str]], line: int,
              lang: str) -> PasteRefusal | None:
    try:
        clean_values(mod, values, partial=False)
    except ValidationError as exc:
        title = next((t for f, t in columns if f is not None and f.key == exc.field), "")
        if not title and mod.has_field(exc.field):
            title = mod.field(exc.field).label(lang)
        value = "" if exc.value is None else str(exc.value)
        return PasteRefusal(line, title, value, exc.reason)
    return None


def paste_rows(workspace, module_key: str, rows: Sequence[Mapping[str, Any]],  # noqa: ANN001
               lines: Sequence[int] | None = None) -> ChangeSet:
    """Add `rows` to a module in one transaction, as one undo step ("Add risk ×3"); a row refused on the
    way (PasteRefused, with its pasted line) leaves the workspace as it was. A code already in use (rows
    copied from the register itself) is given up for a new one, as Duplicate does."""
    mod = get_module(module_key)
    label = f"×{len(rows)}"
    change = ChangeSet("add", mod.key, label, entity_fr=mod.entity_fr, entity_en=mod.entity_en)
    numbers = list(lines) if lines is not None else list(range(1, len(rows) + 1))

    def apply(rec: Recorder) -> list[int]:
        ids = []
        code = mod.code_field
        taken = set(rec.conn.execute(select(table(mod.key).c[code])).scalars()) if code else set()
        for values, line in zip(rows, numbers, strict=True):
            if code and values.get(code) is not None:
                if values[code] in taken:  # rows copied in the register, pasted back: new codes, as a duplicate
                    values = {**values, code: None}
                else:
                    taken.add(values[code])
            try:
                ids.append(insert_row(rec, mod, values))
            except ValidationError as exc:
                title = mod.field(exc.field).label("en") if mod.has_field(exc.field) else exc.field
                raise PasteRefused(PasteRefusal(line, title, "" if exc.value is None else str(exc.value),
                                                exc.reason)) from exc
        return ids

    return run_recorded(workspace, change, apply)
