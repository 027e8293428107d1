"""Converting a block of sheet rows column by column: each column's converter and the domain's cleaner
chosen once, equal cells converted once (a register repeats the same few levels, statuses and dates),
then each row validated and its derived values computed (`rules.derive`).

The rules are the domain's: `clean_column` cleans as `clean_values` does and the first refused field
of a row (in column order) is its error, as `clean_values` would raise it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from operator import itemgetter, setitem
from typing import Any

from caio_desktop.domain.distinct import MISSING, Memo, lookup, recall, remember
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.domain.modules import module as get_module
from caio_desktop.domain.validation import clean_column, clean_custom
from caio_desktop.interchange.importing.normalize import Converter, Unfit
from caio_desktop.interchange.importing.planned import PlannedRow, Problem, RowBlock
from caio_desktop.interchange.importing.reader import is_error_value
from caio_desktop.interchange.importing.text import cell_text
from caio_desktop.operations import rules

_PLAIN_TEXT = frozenset((FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.COLOR))
_SUSPECT = frozenset(" \t\n\r#\xa0")
_FIRST = itemgetter(slice(0, 1))


@dataclass
class PlanColumn:
    """One column of the sheet: its header, the field it maps to (None: a custom attribute) and the
    converter of its cells, with the cells already converted."""

    position: int
    header: str
    key: str | None
    convert: Converter | None
    kind: FieldKind | None = None
    memo: Memo = field(default_factory=dict)  # cell → value
    cleaned: Memo = field(default_factory=dict)  # value → as stored (clean_column)
    refused: Memo = field(default_factory=dict)  # cell → why it fits not (Unfit)


def convert_block(mod: Module, lines: list[int], block: list[list[Any]],
                  plan_columns: list[PlanColumn]) -> RowBlock:
    """The rows `block` (sheet rows numbered `lines`) converted, validated and derived, kept column by
    column in one RowBlock (its PlannedRow objects made when asked: `RowBlock.rows`)."""
    count = len(block)
    widths = set(map(len, block))
    width = min(widths, default=0)
    # Rows of one width (every sheet calamine reads) are turned into columns in C.
    by_column = list(zip(*block, strict=True)) if len(widths) <= 1 else None
    warnings: dict[int, list[Problem]] = {}
    unfit: dict[int, dict[str, Problem]] = {}
    customs: list[dict[str, str]] = [{} for _ in range(count)]
    raw_columns: dict[str, list[Any]] = {}
    clean_columns: dict[str, list[Any]] = {}
    first_error: dict[int, ValidationError] = {}
    for column in plan_columns:
        position, header, key = column.position, column.header, column.key
        if by_column is not None:
            cells = by_column[position] if position < width else (None,) * count
        else:
            cells = [row[position] if position < len(row) else None for row in block]
        if key is None:
            _keep_custom(header, cells, lines, warnings, customs)
            continue
        converted = _convert_cells(column, cells, lines, warnings, unfit, customs)
        cleaned, errors = clean_column(mod, key, converted, memo=column.cleaned)
        for index, exc in errors.items():
            first_error.setdefault(index, exc)
        raw_columns[key] = converted
        clean_columns[key] = cleaned
    for f in mod.required_fields:  # a required field no column maps to (check_required refuses it first)
        if f.key not in clean_columns:
            for index in range(count):
                first_error.setdefault(index, ValidationError(mod.key, f.key, None, "is required"))
    clean_custom(mod, dict.fromkeys((c.header for c in plan_columns), ""))  # the headers name attributes
    notes = [warnings.get(index, ()) for index in range(count)] if warnings else None
    shared = RowBlock(clean_columns, customs, lines=lines, cells=block, notes=notes)
    derived, refusals = rules.derive_new_columns(mod.key, clean_columns, count)
    computed = _computed(mod.key)
    shared.derived = {k: v for k, v in derived.items() if k in computed}
    refused = {**{i: exc for i, exc in enumerate(refusals) if exc is not None}, **first_error} \
        if any(refusals) else first_error
    if refused:
        headers = {c.key: c.header for c in plan_columns if c.key}
        for index in sorted(refused):
            # (its values as converted, detached from the block: what the rejected-rows report shows)
            row = PlannedRow(lines[index], block[index], _raw(index, raw_columns, customs),
                             notes[index] if notes is not None else (), None, index)
            row.error = _row_error(row.line, refused[index], headers, unfit.get(index, {}))
            shared.refused[index] = row
    return shared


def _keep_custom(header: str, cells: Sequence[Any], lines: list[int], warnings: dict[int, list[Problem]],
                 customs: list[dict[str, str]]) -> None:
    """An unmapped column: its cells kept as text under the header (the client's own attribute)."""
    if _all_plain_text(cells):  # the usual column of texts: each kept as it is, in C
        deque(map(setitem, customs, repeat(header), cells), maxlen=0)
        return
    for index, cell in enumerate(cells):
        if cell is None:
            continue
        if cell.__class__ is str:
            if not cell or cell[0] in _SUSPECT and _odd(cell):
                _error_warning(cell, index, lines, header, warnings)
                continue
            customs[index][header] = cell
        else:
            customs[index][header] = cell_text(cell)


def _error_warning(cell: str, index: int, lines: list[int], header: str,
                   warnings: dict[int, list[Problem]]) -> Problem | None:
    """A blank or error text cell (`_odd`): for a spreadsheet error (#REF!…) the warning that it is left
    empty, added to its row's; None for a blank one."""
    if not cell or not is_error_value(cell):
        return None
    problem = Problem(lines[index], header, cell, "is a spreadsheet error; the cell is left empty")
    warnings.setdefault(index, []).append(problem)
    return problem


def _raw(index: int, raw_columns: dict[str, list[Any]], customs: list[dict[str, str]]) -> dict[str, Any]:
    """A refused row's values as converted from its cells, before the domain's cleaning."""
    raw = {k: column[index] for k, column in raw_columns.items()}
    raw["custom"] = customs[index]
    return raw


def _convert_cells(column: PlanColumn, cells: Sequence[Any], lines: list[int], warnings: dict[int, list[Problem]],
                   unfit: dict[int, dict[str, Problem]], customs: list[dict[str, str]]) -> list[Any]:
    """A mapped column's cells as its field's values (None for a blank, error or unfit cell, whose raw
    text is kept as a custom attribute with a warning)."""
    header, key, convert, memo = column.header, column.key or "", column.convert, column.memo
    plain = column.kind in _PLAIN_TEXT
    if plain and _all_plain_text(cells):  # the usual text column, checked in C
        return list(cells)
    if plain:  # a text cell is its own value: only blanks, errors and non-texts need a look
        out = [c if c.__class__ is str and c and c[0] not in _SUSPECT else MISSING for c in cells]
        pending: Iterable[int] = [i for i, v in enumerate(out) if v is MISSING] if MISSING in out else ()
    else:
        out, pending = recall(memo, cells)
    for index in pending:
        cell = cells[index]
        out[index] = None
        if cell is None:
            continue
        if cell.__class__ is str and (not cell or cell[0] in _SUSPECT and _odd(cell)):
            problem = _error_warning(cell, index, lines, header, warnings)
            if problem is not None:
                unfit.setdefault(index, {})[key] = problem
            continue
        value = lookup(memo, cell)
        if value is not MISSING:
            out[index] = value
            continue
        try:
            value = _convert(convert, cell, column.refused)
        except Unfit as exc:
            problem = Problem(lines[index], header, cell, f"{exc.reason}; kept as a custom attribute")
            warnings.setdefault(index, []).append(problem)
            unfit.setdefault(index, {})[key] = problem
            customs[index][header] = cell_text(cell)
            continue
        out[index] = value
        if not plain:
            remember(memo, cell, value)
    return out


def _all_plain_text(cells: Sequence[Any]) -> bool:
    """Every cell a text that is neither blank nor perhaps a spreadsheet error (those start with #)."""
    if not cells or set(map(type, cells)) != {str}:
        return False
    firsts = set(map(_FIRST, cells))
    if any(map(str.isspace, firsts)):  # stripping changes where some start: look past the spaces
        firsts = set(map(_FIRST, map(str.strip, cells)))
    return "" not in firsts and "#" not in firsts


def _convert(convert: Converter, cell: Any, refused: Memo) -> Any:
    """`convert(cell)`, a cell refused once refused again at once (fuzzy matching is slow)."""
    earlier = lookup(refused, cell)
    if earlier is not MISSING:
        raise earlier
    try:
        return convert(cell)
    except Unfit as exc:
        remember(refused, cell, exc)
        raise


def _row_error(line: int, exc: ValidationError, headers: dict[str, str], unfit: dict[str, Problem]) -> Problem:
    """A refused row's error as the user reads it: an unfit cell's reason when that caused it."""
    cause = unfit.get(exc.field)
    if cause is not None:
        why = cause.reason.split(";")[0]
        return Problem(line, cause.column, cause.value,
                       f"{why}, and the field is required" if exc.reason == "is required" else why)
    header = headers.get(exc.field, "")
    return Problem(line, header, exc.value, exc.reason if header else f"{exc.field} {exc.reason}")


@cache
def _computed(module_key: str) -> tuple[str, ...]:
    return tuple(f.key for f in get_module(module_key).fields if f.computed)


def _odd(cell: str) -> bool:
    """A text cell that is blank or a spreadsheet error (#REF!, #DIV/0!…)."""
    return not cell.strip() or is_error_value(cell)
