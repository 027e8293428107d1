"""The columns of a register sheet, driven by the field registry: every field (computed ones included),
then the module's custom attributes; each with its header, width, value and cell style."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import WriteOnlyCell

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind, Module
from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.reading import RefLabels
from caio_desktop.interchange.excel_export.safe_text import is_formula_like, stored_text
from caio_desktop.interchange.workbook_layout import REFS_SEPARATOR, bool_text
from caio_desktop.workspace.queries import Row

FIELD, CUSTOM = "field", "custom"
_CUSTOM_WIDTH = 18


@dataclass
class Column:
    """One column of a register sheet."""

    header: str
    width: float
    role: str  # FIELD or CUSTOM
    value: Callable[[Row], Any]  # the row → what the cell shows (text, number, date or None)
    field: Field | None = None
    proto: WriteOnlyCell | None = None  # the styled data cell, reused; None: unstyled (the fast path)
    text_proto: WriteOnlyCell | None = None  # style of formula-like text in this column

    @property
    def wraps(self) -> bool:
        return self.field is not None and self.field.kind == FieldKind.LONG_TEXT

    def cell(self, ws: Any, value: Any) -> Any:
        """The cell (or bare value) to append for `value`, what `self.value(row)` gave."""
        if value is None:
            return None
        if isinstance(value, str):
            if is_formula_like(value):
                return styles.styled(ws, stored_text(value), self.text_proto, as_text=True)
            value = stored_text(value)
        if self.proto is None:
            return value
        # The styled cell is reused row after row: a write-only sheet writes each cell out as soon as
        # it is appended, so one object per column is enough and 100,000 rows allocate none.
        self.proto.value = value
        return self.proto


def text_lines(text: Any, width: float) -> int:
    """How many lines a wrapped cell of `width` characters needs for `text` (an estimate: proportional
    fonts fit about 1.2 characters per unit of column width)."""
    if not isinstance(text, str) or not text:
        return 1
    per_line = max(1, int(width * 1.2))
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))


def cell_style(field: Field | None, lang: str) -> dict[str, Any]:
    """The style of a data cell of `field` (custom attributes: plain text)."""
    kind = field.kind if field else FieldKind.TEXT
    if kind == FieldKind.LONG_TEXT:
        return {"alignment": styles.WRAP}
    if kind == FieldKind.DATE:
        return {"number_format": styles.DATE_FORMATS[lang], "alignment": styles.TOP}
    if kind == FieldKind.PERCENT:
        return {"number_format": styles.PERCENT_FORMAT}
    if kind == FieldKind.NUMBER and field is not None and field.computed:
        return {"number_format": styles.NUMBER_FORMAT}
    return {}


def _field_value(field: Field, lang: str, refs: RefLabels) -> Callable[[Row], Any]:
    key = field.key
    kind = field.kind
    if kind == FieldKind.BOOL:
        return lambda row: bool_text(row.get(key), lang)
    if kind == FieldKind.CHOICE:
        enum = ENUMERATIONS[field.choices or ""]
        return lambda row: enum.label(row.get(key), lang) or None
    if kind == FieldKind.REF:
        target = field.ref or ""
        return lambda row: refs.label(target, row.get(key))
    if kind == FieldKind.REFS:
        target = field.ref or ""
        return lambda row: REFS_SEPARATOR.join(refs.label(target, i) for i in row.get(key) or []) or None
    return lambda row: row.get(key)


def _custom_value(name: str) -> Callable[[Row], Any]:
    return lambda row: (row.get("custom") or {}).get(name)


def template_columns(mod: Module, lang: str) -> list[Column]:
    """The columns of an import template: the fields a person fills in, no id, nothing computed."""
    return [Column(f.label(lang), f.width, FIELD, lambda row: None, f) for f in mod.editable_fields]


def register_columns(ws: Any, mod: Module, *, lang: str, refs: RefLabels,
                     custom_names: list[str]) -> list[Column]:
    """The columns of `mod`'s sheet in `ws`, with their cell prototypes registered in its workbook."""
    columns = []
    for field in mod.fields:
        columns.append(Column(field.label(lang), field.width, FIELD, _field_value(field, lang, refs), field))
    for name in custom_names:
        columns.append(Column(name, max(_CUSTOM_WIDTH, min(len(name) + 2, 40)), CUSTOM, _custom_value(name)))
    for column in columns:
        style = cell_style(column.field, lang)
        column.proto = styles.write(ws, **style) if style else None
        column.text_proto = styles.write(ws, **{**style, "quotePrefix": True, "number_format": styles.TEXT_FORMAT})
    return columns
