"""`AttachmentsPanel`: the evidence files of the row a detail form shows — list, Add (button or
drag-and-drop onto the form), Open (the system viewer, on a temporary copy), Remove (one undo step).

The dialogs and the system viewer sit behind class attributes (`choose_files`, `opener`, `warn`) so
tests replace them (pytest-qt's note on dialogs).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.evidence import clean_name
from caio_desktop.operations.evidence import attach_file, detach, extract
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.evidence.model import AttachmentsModel
from caio_desktop.ui.worker import run_in_background
from caio_desktop.workspace.evidence import EvidenceError

BACKGROUND_BYTES = 8_000_000  # above this the write takes long enough to be worth a progress dialog
_TEMPORARY: list[Path] = []  # copies opened in the system viewer, removed when the app quits


@atexit.register
def _remove_temporary() -> None:
    for folder in _TEMPORARY:
        shutil.rmtree(folder, ignore_errors=True)


def _open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _choose(parent: QWidget, title: str) -> list[str]:
    return QFileDialog.getOpenFileNames(parent, title)[0]


def _warn(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


class AttachmentsPanel(QWidget):
    """The attachments of one row, with Add, Open and Remove."""

    opener: ClassVar[Callable[[Path], bool]] = staticmethod(_open_with_system)
    choose_files: ClassVar[Callable[[QWidget, str], list[str]]] = staticmethod(_choose)
    warn: ClassVar[Callable[[QWidget, str, str], None]] = staticmethod(_warn)

    def __init__(self, context: AppContext, module_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self.context = context
        self.module_key = module_key
        self.row_id: int | None = None
        self.job: Any = None  # the background attach of large files, if one ran (tests wait on it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.title = QLabel(self.tr("Evidence files"))
        self.title.setObjectName("fieldLabel")
        layout.addWidget(self.title)
        self.model = AttachmentsModel(self)
        self.view = QTableView()
        self.view.setObjectName("attachmentsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in range(1, self.model.columnCount()):  # short values: each as wide as it needs
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
        self.view.setWordWrap(False)
        self.view.setMinimumHeight(90)
        self.view.setMaximumHeight(160)
        self.view.doubleClicked.connect(lambda _: self.open_selected())
        layout.addWidget(self.view)
        self.hint = QLabel(self.tr("Drop files here, or use Add. Files are kept inside the engagement file."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        context.data_changed.connect(self._on_data_changed)
        self.setAcceptDrops(True)
        self._enable()

    def accept_drops_on(self, widget: QWidget) -> None:
        """Let files dropped anywhere on `widget` (the detail form) be attached here: on it and on every
        widget in it, whose own drop handling (a line edit pasting the path as text) comes after ours."""
        for target in (widget, *widget.findChildren(QWidget)):
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    # --- the row -------------------------------------------------------------------------------------
    def set_row(self, row_id: int | None) -> None:
        self.row_id = row_id
        self.model.set_row(self.context.workspace, self.module_key, row_id)
        self._enable()

    def _writable(self) -> bool:
        return self.row_id is not None and not getattr(self.context.workspace, "read_only", True)

    def _enable(self) -> None:
        selected = self._selected() is not None
        self.add_button.setEnabled(self._writable())
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and self._writable())

    def _selected(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if "attachments" in tables or self.module_key in tables:
            self.model.refresh()
            self._enable()

    # --- actions -------------------------------------------------------------------------------------
    def add_files(self) -> None:
        if self._writable():
            self.attach_paths([Path(p) for p in type(self).choose_files(self, self.tr("Attach evidence files"))])

    def attach_paths(self, paths: list[Path]) -> int:
        """Attach each file (one undo step each); a refused file says why. Returns how many were
        attached now: large files (over `BACKGROUND_BYTES` in all) are written off the GUI thread behind
        a progress dialog (`self.job`), and counted when done."""
        if not self._writable() or not paths:
            return 0
        total = sum(p.stat().st_size for p in paths if p.is_file())
        if total > BACKGROUND_BYTES:
            self._attach_in_background(paths)
            return 0
        done = 0
        for path in paths:
            try:
                self.context.perform(attach_file, self.module_key, self.row_id, path)
                done += 1
            except EvidenceError as exc:
                type(self).warn(self, self.tr("Attach evidence files"), str(exc))
        return done

    def _attach_in_background(self, paths: list[Path]) -> None:
        workspace, module_key, row_id = self.context.workspace, self.module_key, self.row_id

        def work(progress: Any) -> tuple[list[Any], list[str]]:
            changes, refusals = [], []
            for number, path in enumerate(paths):
                progress(number * 100 // len(paths), path.name)
                try:
                    changes.append(attach_file(workspace, module_key, row_id, path))
                except EvidenceError as exc:
                    refusals.append(str(exc))
            return changes, refusals

        def done(result: tuple[list[Any], list[str]]) -> None:
            changes, refusals = result
            for change in changes:  # each its own undo step, pushed on the GUI thread
                self.context.push(change)
            for text in refusals:
                type(self).warn(self, self.tr("Attach evidence files"), text)

        self.context.busy_changed.emit(True)
        self.job = run_in_background(self, self.tr("Attach evidence files"), work, done)
        self.job.finished.connect(lambda: self.context.busy_changed.emit(False))

    def open_selected(self) -> Path | None:
        """Open the selected file with the system viewer, from a temporary copy (the viewer may change
        or lock it; the stored bytes stay as they were). Returns the copy."""
        row = self._selected()
        if row is None:
            return None
        info = self.model.attachment(row)
        folder = Path(tempfile.mkdtemp(prefix="caio-evidence-"))
        _TEMPORARY.append(folder)
        try:
            copy = extract(self.context.workspace, info, folder / clean_name(info.name))
        except EvidenceError as exc:
            type(self).warn(self, self.tr("Open evidence file"), str(exc))
            return None
        copy.chmod(0o400)  # a copy to read: changes belong in a new version attached again
        type(self).opener(copy)
        return copy

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None or not self._writable():
            return
        self.context.perform(detach, self.model.attachment(row).id)

    # --- drag and drop -------------------------------------------------------------------------------
    @staticmethod
    def _dropped_files(event: Any) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._writable() and self._dropped_files(event):
            event.acceptProposedAction()

    dragMoveEvent = dragEnterEvent  # noqa: N815

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        files = self._dropped_files(event)
        if files and self._writable():
            event.acceptProposedAction()
            self.attach_paths(files)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Files dragged over the form are ours; anything else (text) goes on to the widget under it."""
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if not (self._writable() and self._dropped_files(event)):
            return False
        if kind == QEvent.Type.Drop:
            self.dropEvent(event)
        else:
            event.acceptProposedAction()
        return True
