"""The Preferences row that updates the reference content from a data pack (``reference.packs``).

It shows what is in use (the content shipped with the application, or the installed pack's id, version
and date) and offers "Update from a data pack…": the pack is checked in full before anything changes, and
a refused pack (bad checksum, older version, unknown schema…) is explained in one sentence. The loaders
read the new content at once; open pages show it when they next read the reference data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from caio_desktop.reference.packs import InstallResult, PackError, install_pack, installed_manifest


class ReferenceUpdateRow(QWidget):
    """Label of the content in use and the update button; the dialogs sit behind classmethods so that
    tests replace them."""

    @classmethod
    def title(cls) -> str:
        """The row's label in the Preferences form."""
        return QCoreApplication.translate("ReferenceUpdateRow", "Reference content")

    @classmethod
    def ask_pack_path(cls, parent: QWidget) -> Path | None:
        """Ask for a data pack (replaced in tests)."""
        title = QCoreApplication.translate("ReferenceUpdateRow", "Reference data pack")
        patterns = QCoreApplication.translate("ReferenceUpdateRow", "Reference data packs (*.zip)")
        path, _ = QFileDialog.getOpenFileName(parent, title, "", patterns)
        return Path(path) if path else None

    @classmethod
    def show_result(cls, parent: QWidget, title: str, message: str, *, refused: bool) -> None:
        """Say what the update did or why it was refused (replaced in tests)."""
        (QMessageBox.warning if refused else QMessageBox.information)(parent, title, message)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.update_button = QPushButton(
            QCoreApplication.translate("ReferenceUpdateRow", "Update from a data pack…"))
        self.update_button.clicked.connect(self.choose_pack)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.update_button)
        self.show_status()

    def show_status(self) -> None:
        """Say which reference content is in use."""
        manifest = installed_manifest()
        if manifest is None:
            self.status.setText(QCoreApplication.translate("ReferenceUpdateRow", "Shipped with the application"))
        else:
            text = QCoreApplication.translate("ReferenceUpdateRow", "Data pack %1, version %2 (%3)")
            self.status.setText(text.replace("%1", manifest.id).replace("%2", manifest.version).replace(
                "%3", manifest.date.isoformat()))

    def choose_pack(self) -> InstallResult | None:
        """Ask for a pack and install it; None when cancelled or refused."""
        path = self.ask_pack_path(self)
        if path is None:
            return None
        return self.install(path)

    def install(self, path: Path) -> InstallResult | None:
        """Install the pack at `path` and say what changed, or why it was refused."""
        title = QCoreApplication.translate("ReferenceUpdateRow", "Reference content")
        try:
            result = install_pack(path)
        except PackError as error:
            text = QCoreApplication.translate("ReferenceUpdateRow", "The data pack was refused: %1")
            self.show_result(self, title, text.replace("%1", str(error)), refused=True)
            return None
        self.show_status()
        changed = "\n".join(f"{file_id}: {old} → {new}" for file_id, (old, new) in sorted(result.changed.items()))
        message = QCoreApplication.translate("ReferenceUpdateRow", "Reference content updated to version %1.")
        message = message.replace("%1", result.manifest.version)
        if changed:
            message += "\n\n" + changed
        message += "\n\n" + QCoreApplication.translate(
            "ReferenceUpdateRow", "Generate the compliance checklist again to see the items it adds or changes.")
        self.show_result(self, title, message, refused=False)
        return result
