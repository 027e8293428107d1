"""The file of a deliverable handed over: its name as text, "Browse…" to pick it and "Open" to see it.

A file inside the engagement file's folder is recorded by its relative path (the folder can move with
its deliverables), anywhere else by its full path (`stored_name`, used by the exports too); a bare name
(older records) is looked for beside the engagement file.
A file that cannot be found says so beside the field, and Open is then off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.theme import is_dark

FILE_FIELD = MODULES["deliverables"].field("file_name")
MISSING_STYLE = {"light": "color: #C0392B;", "dark": "color: #F08A80;"}  # red that reads on either scheme


def stored_name(path: Path, folder: Path | None) -> str:
    """How a deliverable's file is recorded: relative to the engagement's folder when inside it (the
    folder can move with its deliverables), else its full path."""
    path = Path(path).resolve()
    if folder is not None and path.is_relative_to(Path(folder).resolve()):
        return path.relative_to(Path(folder).resolve()).as_posix()
    return str(path)


class FileEditor(QWidget):
    """A file name with Browse… and Open; `value()` is the stored text (None when empty)."""

    committed = Signal()

    @classmethod
    def ask_file_path(cls, parent: QWidget, start: str) -> Path | None:
        """The file the person picks (replaced in tests)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("FileEditor", "Deliverable file"), start)
        return Path(path) if path else None

    @classmethod
    def open_file(cls, path: Path) -> bool:
        """Open `path` with the system's application for it (replaced in tests)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.edit = QLineEdit()
        self.browse_button = QPushButton(QCoreApplication.translate("FileEditor", "Browse…"))
        self.open_button = QPushButton(QCoreApplication.translate("FileEditor", "Open"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.open_button)
        outer.addLayout(row)
        outer.addWidget(self.status)
        self.setFocusProxy(self.edit)
        self._last = ""
        self.edit.editingFinished.connect(self._finish)
        self.edit.textChanged.connect(lambda _text: self._show_state())
        self.browse_button.clicked.connect(self.browse)
        self.open_button.clicked.connect(self.open)
        self._show_state()

    # --- the engagement's folder ---------------------------------------------------------------------
    def engagement_folder(self) -> Path | None:
        """The folder of the open engagement file, from the nearest widget above that has the window's
        context (the detail form, the register): editors are made knowing only their field."""
        widget: Any = self.parentWidget()
        while widget is not None:
            context = getattr(widget, "context", None)
            path = getattr(getattr(context, "workspace", None), "path", None)
            if path is not None:
                return Path(path).parent
            widget = widget.parentWidget()
        return None

    def resolved(self) -> Path | None:
        """The file the field names, when it exists (a bare name is looked for beside the engagement)."""
        text = self.edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            folder = self.engagement_folder()
            if folder is None:
                return None
            path = folder / path
        return path if path.is_file() else None

    # --- actions -------------------------------------------------------------------------------------
    def browse(self) -> None:
        folder = self.engagement_folder()
        current = self.resolved()
        start = str(current or folder or "")
        path = self.ask_file_path(self, start)
        if path is None:
            return
        self.edit.setText(stored_name(path, folder))
        self._finish()

    def open(self) -> bool:
        """Open the file; False (and the field says why) when it cannot be found."""
        path = self.resolved()
        self._show_state()
        return path is not None and self.open_file(path)

    def _finish(self) -> None:
        if self.edit.text() != self._last:
            self._last = self.edit.text()
            self.committed.emit()

    def _show_state(self) -> None:
        text = self.edit.text().strip()
        found = self.resolved() if text else None
        self.open_button.setEnabled(found is not None)
        self.open_button.setToolTip(str(found) if found else "")
        missing = bool(text) and found is None
        self.status.setVisible(missing)
        if missing:
            self.status.setStyleSheet(MISSING_STYLE["dark" if is_dark() else "light"])
            folder = self.engagement_folder()
            self.status.setText(QCoreApplication.translate("FileEditor", "File not found: %1").replace(
                "%1", text if Path(text).is_absolute() or folder is None else str(folder / text)))

    # --- the editor protocol -------------------------------------------------------------------------
    def value(self) -> Any:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self._last = "" if value is None else str(value)
        self.edit.blockSignals(True)
        self.edit.setText(self._last)
        self.edit.setCursorPosition(0)
        self.edit.blockSignals(False)
        self._show_state()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._show_state()  # now that it sits in a form, the engagement's folder is known
