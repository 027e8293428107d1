"""The vendor / tool selection matrix: options (rows) × weighted criteria (columns), a 1–5 score in each
cell and the weighted total computed by the domain rules.

Editing a cell creates or updates the option's score for that criterion (one undo step); clearing it
deletes the score. The model follows edits, undo and redo of options, criteria and scores.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations import create_row, delete_rows
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.format import format_number
from caio_desktop.workspace import queries

Index = QModelIndex | QPersistentModelIndex
TABLES = frozenset({"vendor_options", "vendor_criteria", "vendor_scores"})


class VendorMatrixModel(QAbstractTableModel):
    """Rows: options; columns: criteria then the weighted score."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.options: list[dict[str, Any]] = []
        self.criteria: list[dict[str, Any]] = []
        self.scores: dict[tuple[int, int], dict[str, Any]] = {}
        context.workspace_changed.connect(self.reload)
        context.data_changed.connect(self._on_data_changed)
        context.language_changed.connect(self._on_language)
        self.reload()

    def reload(self, *_: object) -> None:
        self.beginResetModel()
        workspace = self.context.workspace
        if workspace is None:
            self.options, self.criteria, self.scores = [], [], {}
        else:
            self.options = queries.fetch_rows(workspace, "vendor_options")
            self.criteria = queries.fetch_rows(workspace, "vendor_criteria")
            self.scores = {(s["option_id"], s["criterion_id"]): s
                           for s in queries.fetch_rows(workspace, "vendor_scores")}
        self.endResetModel()

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if not tables & TABLES or self.context.workspace is None:
            return
        options = queries.fetch_rows(self.context.workspace, "vendor_options")
        criteria = queries.fetch_rows(self.context.workspace, "vendor_criteria")
        if [o["id"] for o in options] != [o["id"] for o in self.options] or \
                [c["id"] for c in criteria] != [c["id"] for c in self.criteria]:
            self.reload()  # options or criteria added or removed: the grid's shape changed
            return
        self.options, self.criteria = options, criteria
        self.scores = {(s["option_id"], s["criterion_id"]): s
                       for s in queries.fetch_rows(self.context.workspace, "vendor_scores")}
        if self.options:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.options) - 1, len(self.criteria)))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.criteria))

    def _on_language(self, _lang: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.criteria))
        if self.options:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.options) - 1, len(self.criteria)))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.options)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.options and not self.criteria else len(self.criteria) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.options[section]["name"] if 0 <= section < len(self.options) else None
        if 0 <= section < len(self.criteria):
            criterion = self.criteria[section]
            return f"{criterion['name']}\n×{format_number(criterion['weight'], self.context.lang)}"
        if section == len(self.criteria):
            return "Score pondéré" if self.context.lang == "fr" else "Weighted score"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() < len(self.criteria) and not getattr(self.context.workspace, "read_only", True):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.options):
            return None
        option = self.options[index.row()]
        if index.column() == len(self.criteria):
            value = option.get("weighted_score")
            if role == Qt.ItemDataRole.DisplayRole:
                return format_number(value, self.context.lang, fixed=True) if value is not None else ""
            if role == Qt.ItemDataRole.EditRole:
                return value
        elif 0 <= index.column() < len(self.criteria):
            score = self.scores.get((option["id"], self.criteria[index.column()]["id"]))
            value = score["score"] if score else None
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if value is None else str(value)
            if role == Qt.ItemDataRole.EditRole:
                return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and index.column() == len(self.criteria):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(bool(option.get("selected")))
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        option = self.options[index.row()]
        criterion = self.criteria[index.column()]
        existing = self.scores.get((option["id"], criterion["id"]))
        value = None if value in (None, "", 0) else int(value)
        try:
            if existing is None and value is not None:
                self.context.perform(create_row, "vendor_scores", {
                    "option_id": option["id"], "criterion_id": criterion["id"], "score": value})
            elif existing is not None and value is None:
                from caio_desktop.ui.team.refresh import is_team

                if is_team(self.context.workspace):  # a score a colleague changed since: asked (issue 19)
                    from caio_desktop.ui.team.conflict import ConflictResolver

                    return ConflictResolver.delete_rows(self.context, None, "vendor_scores", [existing["id"]],
                                                        {existing["id"]: existing})
                self.context.perform(delete_rows, "vendor_scores", [existing["id"]])
            elif existing is not None and value != existing["score"]:
                # a score a colleague changed since the matrix read it is asked about (issue 19)
                from caio_desktop.ui.team.conflict import ConflictResolver

                return ConflictResolver.edit_row(self.context, None, "vendor_scores", existing["id"],
                                                 {"score": value}, existing)
        except ValidationError:
            return False
        return True


class _ScoreDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:  # noqa: N802
        editor = QSpinBox(parent)
        editor.setRange(0, 5)
        editor.setSpecialValueText("–")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        model.setData(index, editor.value())


class VendorMatrixView(QTableView):
    """The matrix as a grid; double-click or type a digit to score a cell."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = VendorMatrixModel(context, self)
        self.setModel(self.matrix)
        self.setItemDelegate(_ScoreDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(self.fontMetrics().height() * 4 + 12)  # long criteria wrap on 3 lines + weight
        header.setMinimumSectionSize(90)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAlternatingRowColors(True)
