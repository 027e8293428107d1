"""The picker of a reference field (a risk action's risk, a use case's AI system).

While the referenced register is short it is a combo box listing every row. Past `LIST_LIMIT` rows
(a 100,000-risk engagement) listing them all took ≈ 1.5 s per row shown, so the combo box becomes
editable: it holds only the current value, and what one types is searched in the register's codes and
titles (`queries.search_labels`, at most `SEARCH_LIMIT` matches) and offered in a completer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from caio_desktop.ui.registers.editors import ChoiceEditor
from caio_desktop.workspace import queries

LIST_LIMIT = 500  # up to this many rows the picker lists them all; beyond, it searches as one types
SEARCH_LIMIT = 50  # matches offered at a time
ROW_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class LabelSearchModel(QAbstractListModel):
    """The rows of one module whose code or title contains the text last searched, by label (display)
    and id (`ROW_ID_ROLE`); empty until `search` is called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Any = None
        self.module_key = ""
        self._rows: list[tuple[int, str]] = []

    def set_source(self, workspace: Any, module_key: str) -> None:
        self.beginResetModel()
        self.workspace, self.module_key, self._rows = workspace, module_key, []
        self.endResetModel()

    def search(self, text: str) -> None:
        self.beginResetModel()
        self._rows = (queries.search_labels(self.workspace, self.module_key, text, limit=SEARCH_LIMIT)
                      if self.workspace is not None and self.module_key else [])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row_id, label = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == ROW_ID_ROLE:
            return row_id
        return None


class RefEditor(ChoiceEditor):
    """The id of another module's row, shown by its label: a list while the module is short, a search
    over it beyond `LIST_LIMIT` rows (`searching`). `committed` is emitted when a row is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_model = LabelSearchModel(self)
        self.searching = False
        self._allow_empty = True

    def set_source(self, workspace: Any, module_key: str, *, allow_empty: bool) -> None:
        """Offer the rows of `module_key`: all of them, or a search when there are too many to list."""
        self._allow_empty = allow_empty
        current = self.value()
        if queries.count_rows(workspace, module_key) <= LIST_LIMIT:
            self._set_searching(False)
            labels = queries.labels(workspace, module_key)
            self.set_options(sorted(labels.items(), key=lambda kv: kv[1].casefold()), allow_empty=allow_empty)
            return
        self.search_model.set_source(workspace, module_key)
        self._set_searching(True)
        self.set_value(current)

    def _set_searching(self, searching: bool) -> None:
        if searching == self.searching:
            return
        self.searching = searching
        self.setEditable(searching)
        if not searching:
            return
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.search_model, self)
        # the model is already filtered (by SQL, on "contains"): the completer must not filter it again
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._chosen)
        # on the line edit, not QComboBox.setCompleter: the combo box would look the chosen text up
        # among its own items (only the current value here) and "activate" none
        self.lineEdit().setCompleter(completer)
        self.lineEdit().setPlaceholderText(self.tr("Type a code or a title…"))
        self.lineEdit().textEdited.connect(self._search)
        self.lineEdit().editingFinished.connect(self._restore)

    def _search(self, text: str) -> None:
        self.search_model.search(text)
        completer = self.lineEdit().completer()
        if self.search_model.rowCount():
            completer.complete()
        else:
            completer.popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        row_id = index.data(ROW_ID_ROLE)
        if row_id is None:
            return
        self._show(row_id, index.data(Qt.ItemDataRole.DisplayRole))
        self.committed.emit()

    def _restore(self) -> None:
        """Typing without choosing changes nothing: an emptied box clears an optional reference, any
        other text goes back to the current value's label."""
        if not self.searching or self.lineEdit().completer().popup().isVisible():
            return
        if not self.lineEdit().text().strip() and self._allow_empty and self.value() is not None:
            self._show(None, "")
            self.committed.emit()
        else:  # (an editable combo box's currentText() is what is typed; the item holds the label)
            label = self.itemText(self.currentIndex())
            if self.lineEdit().text() != label:
                self.lineEdit().setText(label)

    def _show(self, row_id: int | None, label: str) -> None:
        """Hold only `row_id` (and the empty choice when allowed), current."""
        self.blockSignals(True)
        self.clear()
        if self._allow_empty or row_id is None:
            self.addItem("", None)
        if row_id is not None:
            self.addItem(label, row_id)
        self.setCurrentIndex(self.count() - 1 if row_id is not None else 0)
        self.blockSignals(False)

    def set_value(self, value: Any) -> None:
        if not self.searching:
            super().set_value(value)
            return
        model = self.search_model
        label = queries.label_of(model.workspace, model.module_key, value) if value is not None else ""
        self._show(value, label if label is not None else f"#{value}")
