"""Qt models of a comparison: the summary per module (counts) and the list of changes, with its filter.

Both read the plain `ModuleDiff`s the engine returns (`workspace/compare.py`); nothing here queries
the workspace. Values of dates and numbers are shown in the interface's conventions (`format_value`),
everything else as the engine named it (choices as words, references by label).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.registers.format import format_value
from caio_desktop.workspace.comparison import FieldChange, ModuleDiff, RowDiff

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole  # the ChangeEntry of a row of the list
MODULE_ROLE = Qt.ItemDataRole.UserRole + 1  # the module key of a row of the summary
KINDS = ("added", "removed", "changed")
KIND_COLORS = {"added": "#2E7D32", "removed": "#C62828", "changed": "#1F4E79"}
_REFORMATTED = (FieldKind.DATE, FieldKind.NUMBER)


def kind_label(kind: str) -> str:
    return {"added": QCoreApplication.translate("Changes", "Added"),
            "removed": QCoreApplication.translate("Changes", "Removed"),
            "changed": QCoreApplication.translate("Changes", "Changed")}[kind]


@dataclass(frozen=True)
class ChangeEntry:
    """One line of the list: a row of a module added, removed or changed."""

    module: str
    module_label: str
    kind: str  # added | removed | changed
    row: RowDiff


def field_text(module_key: str, change: FieldChange, lang: str) -> str:
    """ "Level: High → Critical", with dates and numbers as the interface writes them."""
    old, new = change.old, change.new
    mod = MODULES.get(module_key)
    field = mod.field(change.key) if mod and mod.has_field(change.key) else None
    if field is not None and field.kind in _REFORMATTED:
        old, new = format_value(field, _date(field.kind, change.old_value), lang), format_value(
            field, _date(field.kind, change.new_value), lang)
    colon = " : " if lang == "fr" else ": "  # French sets a space before the colon
    return f"{change.field}{colon}{old or '∅'} → {new or '∅'}"


def _date(kind: FieldKind, value: Any) -> Any:
    if kind == FieldKind.DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


class _ComparisonTable(QAbstractTableModel):
    """What both tables share: a flat list of `_items`, named columns, a translated header."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []

    def header(self, column: str) -> str:  # pragma: no cover - every table overrides
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None


class SummaryModel(_ComparisonTable):
    """One row per module that changed: its name and how many rows were added, removed, changed."""

    COLUMNS = ("module", "added", "removed", "changed")

    def set_diffs(self, diffs: list[ModuleDiff]) -> None:
        self.beginResetModel()  # a new comparison replaces the whole list
        self._items = [d for d in diffs if not d.empty]
        self.endResetModel()

    def header(self, column: str) -> str:
        return QCoreApplication.translate("Changes", "Register") if column == "module" else kind_label(column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        diff = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return diff.label if column == "module" else str(len(getattr(diff, column)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "module":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column != "module" and getattr(diff, column):
            return QColor(KIND_COLORS[column])
        if role == MODULE_ROLE:
            return diff.module
        return None


class ChangeListModel(_ComparisonTable):
    """Every change of a comparison: register, kind, row, for a changed row its fields, and who changed
    it (the audit trail's authors between the two states)."""

    COLUMNS = ("module", "kind", "row", "details", "by")

    def __init__(self, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def set_diffs(self, diffs: list[ModuleDiff]) -> None:
        self.beginResetModel()
        self._items = [ChangeEntry(d.module, d.label, kind, row)
                         for d in diffs for kind in KINDS for row in getattr(d, kind)]
        self.endResetModel()

    def entry(self, row: int) -> ChangeEntry:
        return self._items[row]

    def header(self, column: str) -> str:
        return {"module": QCoreApplication.translate("Changes", "Register"),
                "kind": QCoreApplication.translate("Changes", "Change"),
                "row": QCoreApplication.translate("Changes", "Row"),
                "details": QCoreApplication.translate("Changes", "What changed"),
                "by": QCoreApplication.translate("Changes", "Changed by")}[column]

    def details(self, entry: ChangeEntry) -> str:
        return "; ".join(field_text(entry.module, f, self.lang) for f in entry.row.fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        entry = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = {"module": entry.module_label, "kind": kind_label(entry.kind), "row": entry.row.label,
                    "details": self.details(entry), "by": ", ".join(entry.row.changed_by)}[column]
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(field_text(entry.module, f, self.lang) for f in entry.row.fields) or None
            return text
        if role == Qt.ItemDataRole.ForegroundRole and column == "kind":
            return QColor(KIND_COLORS[entry.kind])
        if role == ENTRY_ROLE:
            return entry
        return None


class ChangeFilter(QSortFilterProxyModel):
    """The list narrowed to one module, one kind of change and a text (in any column)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.module = ""
        self.kind = ""
        self.text = ""

    def set_filter(self, *, module: str | None = None, kind: str | None = None, text: str | None = None) -> None:
        self.module = self.module if module is None else module
        self.kind = self.kind if kind is None else kind
        self.text = self.text if text is None else text.casefold().strip()
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if not isinstance(model, ChangeListModel) or source_row >= model.rowCount():
            return True
        entry = model.entry(source_row)
        if (self.module and entry.module != self.module) or (self.kind and entry.kind != self.kind):
            return False
        if not self.text:
            return True
        return self.text in (f"{entry.module_label} {entry.row.label} {model.details(entry)} "
                             f"{' '.join(entry.row.changed_by)}").casefold()
