"""Which columns a register shows by default and how wide they are.

A register opens readable: at most ten columns (long texts live in the detail form), widths from each
field's `width` in characters. People change the choice from the header's context menu; the choice is
remembered per module (QSettings).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.ui import settings

MAX_DEFAULT_COLUMNS = 10
_NARROW = {FieldKind.SCORE: 8, FieldKind.BOOL: 8, FieldKind.PERCENT: 9, FieldKind.DATE: 12,
           FieldKind.CHOICE: 16}
_PRIORITY = {  # lower is dropped last
    FieldKind.CHOICE: 1, FieldKind.SCORE: 1, FieldKind.DATE: 2, FieldKind.PERCENT: 2, FieldKind.BOOL: 3,
    FieldKind.NUMBER: 3, FieldKind.TEXT: 3, FieldKind.REF: 4, FieldKind.REFS: 5, FieldKind.INTEGER: 5,
    FieldKind.COLOR: 5, FieldKind.LONG_TEXT: 6,
}


def default_hidden(module: Module) -> list[str]:
    keep = [f for f in module.fields
            if f.kind != FieldKind.LONG_TEXT or f.key == module.title_field or f.required
            or len(module.fields) <= 3]
    essential = {module.title_field, module.code_field}
    while len(keep) > MAX_DEFAULT_COLUMNS:
        droppable = [f for f in keep if f.key not in essential and not f.required]
        if not droppable:
            break
        worst = max(droppable, key=lambda f: (_PRIORITY[f.kind], module.fields.index(f)))
        keep.remove(worst)
    kept = {f.key for f in keep}
    return [f.key for f in module.fields if f.key not in kept]


def hidden_columns(module: Module) -> list[str]:
    chosen = settings.hidden_columns(module.key)
    return default_hidden(module) if chosen is None else chosen


def apply_columns(view: QTableView, module: Module) -> None:
    """Show the chosen columns with sensible widths."""
    hidden = set(hidden_columns(module))
    metrics = view.fontMetrics()
    bold = QFont(view.font())
    bold.setBold(True)  # headers are drawn in bold by the theme
    header_metrics = QFontMetrics(bold)
    char = max(6, metrics.averageCharWidth())
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, field in enumerate(module.fields):
        view.setColumnHidden(column, field.key in hidden)
        label = view.model().headerData(column, header.orientation()) or ""
        chars = min(field.width, _NARROW.get(field.kind, 42))
        width = max(chars * char + 12, header_metrics.horizontalAdvance(str(label)) + 30)
        view.setColumnWidth(column, width)
    header.setStretchLastSection(True)
