"""The Changes view: what moved between two states of the engagement (a baseline, a snapshot, now).

Choose "From" and "To", Compare: the comparison runs off the GUI thread with its progress
(`run_in_background` over `compare_states`, which opens its own read-only connection), then a summary
per register and the filterable list of changes; double-clicking a change opens its row in its
register. "Mark a baseline" snapshots the engagement under a name and a date (a steering committee).
After a comparison, the registers mark the rows added or changed since "From" (`change_markers`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.changes.models import (
    ENTRY_ROLE,
    KINDS,
    MODULE_ROLE,
    ChangeFilter,
    ChangeListModel,
    SummaryModel,
    kind_label,
)
from caio_desktop.ui.context import AppContext
from caio_desktop.workspace.comparison import ModuleDiff, StateRef


class BaselineDialog(QDialog):
    """Name and date of a new baseline ("COPIL 3", the committee's day)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark a baseline"))
        layout = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Steering committee 3"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        layout.addRow(self.tr("Name"), self.name)
        layout.addRow(self.tr("Date"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


class ChangesView(QWidget):
    """Two states, compared: summary per register, list of changes, and the way to each row."""

    navigate = Signal(str, str, object)  # page key, module key, row id
    change_markers = Signal(object, str)  # {module: {row id: "added" | "changed"}}, the "From" state's name

    @classmethod
    def ask_baseline(cls, parent: QWidget) -> tuple[str, dt.date] | None:
        """Ask for a baseline's name and date (replaced in tests)."""
        dialog = BaselineDialog(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
            return None
        day = dialog.date.date()
        return dialog.name.text(), dt.date(day.year(), day.month(), day.day())

    @classmethod
    def show_error(cls, parent: QWidget, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("ChangesView", "Changes"), text)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.diffs: list[ModuleDiff] = []
        self.states: list[StateRef] = []
        self.job: Any = None
        self.compared: tuple[StateRef, StateRef] | None = None  # the states of the list shown
        self._build()
        context.workspace_changed.connect(self.refresh_states)
        context.language_changed.connect(self.retranslate)
        self.retranslate()
        self.refresh_states()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_box, self.to_box = QComboBox(), QComboBox()
        for box in (self.from_box, self.to_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("primaryButton")
        self.compare_button.clicked.connect(self.compare)
        self.baseline_button = QPushButton()
        self.baseline_button.clicked.connect(self.mark_baseline)
        for widget in (self.from_label, self.from_box, self.to_label, self.to_box, self.compare_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.baseline_button)
        layout.addLayout(bar)
        self.result_label = QLabel()
        self.result_label.setObjectName("pageSubtitle")
        layout.addWidget(self.result_label)

        self.summary = SummaryModel(self)
        self.summary_view = self._table(self.summary)
        self.summary_view.selectionModel().currentRowChanged.connect(self._module_chosen)
        header = self.summary_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary_view.setMinimumWidth(340)
        self.changes = ChangeListModel(self.context.lang, self)
        self.filter = ChangeFilter(self)
        self.filter.setSourceModel(self.changes)
        self.list_view = self._table(self.filter)
        for column in (0, 1):  # register and kind: as wide as their headers even before a comparison
            self.list_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list_view.doubleClicked.connect(self.open_change)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.filter.set_filter(text=text))
        self.kind_box = QComboBox()
        self.kind_box.currentIndexChanged.connect(
            lambda i: self.filter.set_filter(kind=self.kind_box.itemData(i) or ""))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_box)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.list_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.summary_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 900])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    def _table(self, model: Any) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setHighlightSections(False)
        return view

    def retranslate(self, *_: object) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.compare_button.setText(self.tr("Compare"))
        self.baseline_button.setText(self.tr("Mark a baseline…"))
        self.baseline_button.setToolTip(self.tr("Snapshot the engagement now under a name and a date, "
                                                "e.g. the day of a steering committee"))
        self.search.setPlaceholderText(self.tr("Filter the changes"))
        current = self.kind_box.currentIndex()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(self.tr("All changes"), "")
        for kind in KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.kind_box.setCurrentIndex(max(current, 0))
        self.kind_box.blockSignals(False)
        self.changes.lang = self.context.lang
        self._fill_state_boxes()
        self._show_result()

    # --- states --------------------------------------------------------------------------------------
    def refresh_states(self, *_: object) -> None:
        """Read the baselines and snapshots of the open engagement again (after a new baseline, an open)."""
        workspace = self.context.workspace
        self.states = []
        if workspace is not None:
            from caio_desktop.workspace.states import available_states

            self.states = available_states(workspace.path)
        self.diffs, self.compared = [], None
        self.summary.set_diffs([])
        self.changes.set_diffs([])
        self._fill_state_boxes(keep=False)
        self._show_result()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Shown again after an import (which snapshots first) or a baseline marked from the command
        line: offer the states there are now; the comparison shown stays while they are the same."""
        super().showEvent(event)
        workspace = self.context.workspace
        if workspace is not None:
            from caio_desktop.workspace.states import available_states

            if available_states(workspace.path) != self.states:
                self.refresh_states()

    def state_text(self, state: StateRef) -> str:
        if state.kind == "now":
            return self.tr("Now")
        if state.kind == "baseline":
            return self.tr("Baseline %1").replace("%1", state.name)
        return self.tr("Snapshot %1").replace("%1", state.name)

    def _fill_state_boxes(self, *, keep: bool = True) -> None:
        """The states in both boxes: the choices kept (a language switch), or "From" the latest baseline
        (else the newest snapshot) "To" now (a new list of states)."""
        for box, default in ((self.from_box, 1), (self.to_box, 0)):
            chosen = box.currentIndex() if keep else -1
            box.blockSignals(True)
            box.clear()
            for i, state in enumerate(self.states):
                box.addItem(self.state_text(state), i)
            box.setCurrentIndex(chosen if 0 <= chosen < len(self.states) else min(default, len(self.states) - 1))
            box.blockSignals(False)
        self.compare_button.setEnabled(len(self.states) > 1)

    def chosen(self) -> tuple[StateRef, StateRef] | None:
        if len(self.states) < 2 or self.from_box.currentIndex() < 0 or self.to_box.currentIndex() < 0:
            return None
        return self.states[self.from_box.currentData()], self.states[self.to_box.currentData()]

    # --- comparing -----------------------------------------------------------------------------------
    def compare(self) -> Any:
        """Compare the chosen states in a worker thread; returns the thread (tests wait on it)."""
        chosen = self.chosen()
        workspace = self.context.workspace
        if chosen is None or workspace is None:
            return None
        before, after = chosen
        passphrase = getattr(workspace, "passphrase", None)
        lang = self.context.lang
        from caio_desktop.ui.worker import run_in_background
        from caio_desktop.workspace.compare import compare_states

        def work(progress: Any) -> list[ModuleDiff]:  # in the worker thread: no widget here
            def step(done: int, total: int, key: str) -> None:
                progress(done * 100 // max(total, 1), MODULES[key].label(lang) if key else "")

            return list(compare_states(after=after.path, before=before.path, passphrase=passphrase,
                                       lang=lang, progress=step))

        self.job = run_in_background(self, self.tr("Comparing"), work,
                                     on_done=lambda diffs: self.show_diffs(before, after, diffs),
                                     on_error=lambda exc: self.show_error(self, str(exc)))
        return self.job

    def show_diffs(self, before: StateRef, after: StateRef, diffs: list[ModuleDiff]) -> None:
        self.compared = (before, after)
        self.diffs = [d for d in diffs if not d.empty]
        self.summary.set_diffs(self.diffs)
        self.changes.set_diffs(self.diffs)
        self.filter.set_filter(module="")
        self.list_view.resizeColumnsToContents()
        self.list_view.setColumnWidth(2, min(self.list_view.columnWidth(2), 320))  # room for what changed
        self.list_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._show_result()
        if after.kind == "now":  # the registers show now: mark what changed there since "From"
            markers = {d.module: {**{r.id: "added" for r in d.added}, **{r.id: "changed" for r in d.changed}}
                       for d in self.diffs}
            self.change_markers.emit(markers, self.state_text(before))

    def _on_server(self) -> bool:
        """An engagement on a server (team mode): no snapshots or baselines beside it to compare."""
        return getattr(self.context.workspace, "path", "") is None

    def _show_result(self) -> None:
        # a baseline is a snapshot written beside the file: not of a file opened read-only
        read_only = getattr(self.context.workspace, "read_only", True)
        self.baseline_button.setEnabled(not self._on_server() and not read_only)
        if self.compared is None and self._on_server():
            self.result_label.setText(self.tr("An engagement on a server keeps no snapshots to compare: take it "
                                              "offline with caio checkout to compare its states."))
            return
        if self.compared is None:
            self.result_label.setText(self.tr("Choose two states of the engagement and compare them."))
            return
        count = sum(d.count for d in self.diffs)
        before, after = (self.state_text(s) for s in self.compared)
        self.result_label.setText(
            self.tr("%1 → %2: no change").replace("%1", before).replace("%2", after) if not count
            else self.tr("%1 → %2: %n change(s)", "", count).replace("%1", before).replace("%2", after))

    def _module_chosen(self, current: Any, _previous: Any) -> None:
        module = self.summary.data(current, MODULE_ROLE) if current.isValid() else None
        self.filter.set_filter(module=module or "")

    def open_change(self, index: Any) -> None:
        """Open the row of a change in its register (a removed row has nowhere to go)."""
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is None or entry.kind == "removed":
            return
        self.navigate.emit(MODULES[entry.module].area, entry.module, entry.row.id)

    # --- baselines -----------------------------------------------------------------------------------
    def mark_baseline(self) -> None:
        workspace = self.context.workspace
        if workspace is None:
            return
        answer = self.ask_baseline(self)
        if answer is None:
            return
        from caio_desktop.domain.errors import DomainError
        from caio_desktop.workspace.baselines import mark_baseline
        from caio_desktop.workspace.errors import WorkspaceError

        try:
            mark_baseline(workspace, name=answer[0], date=answer[1])
        except (DomainError, WorkspaceError, OSError) as exc:
            self.show_error(self, str(exc))
            return
        self.refresh_states()
