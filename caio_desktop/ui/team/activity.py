"""Edit › History, "Everyone's changes": the engagement's latest operations from its audit trail — when,
who (the name set in Preferences or the database role) and what — beside this session's undo steps.
On a team engagement it lists the other consultants' changes as they land."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.format import format_date

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivityModel", text)


class ActivityModel(QAbstractTableModel):
    """The latest recorded operations, newest first: When, Who, What."""

    def __init__(self, context: AppContext, parent: Any = None, *, limit: int = 200) -> None:
        super().__init__(parent)
        self.context = context
        self.limit = limit
        self._items: list[Any] = []
        context.workspace_changed.connect(self.reload)
        context.language_changed.connect(self._retranslate)

    def reload(self, *_: object) -> None:
        from caio_desktop.operations.history import recorded_changes

        workspace = self.context.workspace
        self.beginResetModel()
        self._items = recorded_changes(workspace, self.limit) if workspace is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (_tr("When"), _tr("Who"), _tr("What"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return f"{format_date(item.at.date(), self.context.lang)} {item.at:%H:%M}"
            if index.column() == 1:
                return item.author or _tr("(not recorded)")
            from caio_desktop.operations.history import operation_text

            return operation_text(item.operation, self.context.lang)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and not item.author:
            from PySide6.QtGui import QColor

            return QColor("#757575")
        return None

    def _retranslate(self, *_: object) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 2))


class ActivityView(QTableView):
    """The list of everyone's changes; read again when shown and after every change while shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityView")
        self.activity = ActivityModel(context, self)
        self.setModel(self.activity)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        context.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, _tables: object) -> None:
        if self.isVisible():
            self.activity.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.activity.reload()
        super().showEvent(event)
