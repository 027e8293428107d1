"""The passphrase dialog of an encrypted workspace (called by the main window when opening a file
whose error offers `Remedy.ENTER_PASSPHRASE`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_passphrase(parent: QWidget | None, path: Path | str, *, retry: bool = False) -> str | None:
    """Ask for the passphrase of the workspace at `path`; None when the user cancels.

    `retry` says that the previous passphrase was wrong. The text is typed in password mode (echoed as
    dots) and never stored by the dialog.
    """
    name = Path(path).name

    def tr(source: str) -> str:
        return QCoreApplication.translate("ask_passphrase", source)

    text = tr("Passphrase of %1").replace("%1", name)
    if retry:
        text = tr("The passphrase is wrong.") + "\n" + text
    passphrase, accepted = QInputDialog.getText(parent, tr("Encrypted workspace"), text,
                                                QLineEdit.EchoMode.Password)
    return passphrase if accepted and passphrase else None
