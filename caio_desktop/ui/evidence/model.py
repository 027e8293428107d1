"""`AttachmentsModel`: the attachments of one row as a table (name, type, size, date, who).

A row's list is short (a handful of files), so the model reads it whole on `set_row` and on every
change of the attachments table; no paging.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from caio_desktop.domain.evidence import human_size
from caio_desktop.operations.evidence import AttachmentInfo, attachments

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("name", "type", "size", "date", "who")


def _headers() -> tuple[str, ...]:
    # (QCoreApplication.translate spelled out: lupdate does not see an alias)
    return (QCoreApplication.translate("AttachmentsModel", "Name"),
            QCoreApplication.translate("AttachmentsModel", "Type"),
            QCoreApplication.translate("AttachmentsModel", "Size"),
            QCoreApplication.translate("AttachmentsModel", "Date"),
            QCoreApplication.translate("AttachmentsModel", "Attached by"))


class AttachmentsModel(QAbstractTableModel):
    """The files attached to one row of one register."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[AttachmentInfo] = []
        self.workspace: Any = None
        self.module_key: str | None = None
        self.row_id: int | None = None

    def set_row(self, workspace: Any, module_key: str, row_id: int | None) -> None:
        self.workspace, self.module_key, self.row_id = workspace, module_key, row_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.items = (attachments(self.workspace, self.module_key, self.row_id)
                      if self.workspace is not None and self.row_id is not None else [])
        self.endResetModel()

    def attachment(self, row: int) -> AttachmentInfo:
        return self.items[row]

    # --- Qt ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        info = self.items[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                text = info.name.replace("\n", " ")
                if info.missing:
                    return text + " — " + QCoreApplication.translate("AttachmentsModel", "missing")
                return text + (" ↗" if info.linked else "")  # a link, not a copy
            if column == "type":
                return info.media_type or ""
            if column == "size":
                return human_size(info.size)
            if column == "date":
                return f"{info.attached_at:%Y-%m-%d %H:%M}"
            return info.attached_by or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            if info.missing:
                return QCoreApplication.translate("AttachmentsModel", "The linked file is missing: {}").format(info.link)
            return info.link or info.sha256
        if role == Qt.ItemDataRole.ForegroundRole and info.missing:
            return QColor("#C62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
