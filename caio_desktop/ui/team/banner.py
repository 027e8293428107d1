"""The banner over the pages of an engagement this session may not change (issue 19): it names the
database role that may only read it, so the consultant knows whom to ask."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def banner_text(workspace: Any) -> str:
    """Why the open engagement cannot be changed, in one sentence ("" when it can)."""
    # (a file opened read-only keeps its title's "(read-only)", as before team mode)
    if workspace is None or not workspace.read_only or not getattr(workspace, "is_team", False):
        return ""
    tr = QCoreApplication.translate
    if not getattr(workspace, "can_write", True):
        return tr("ReadOnlyBanner", "Read-only: the database role “%1” may read this engagement but not "
                                    "change it. Ask the engagement's owner for write access.").replace(
            "%1", workspace.role)
    return tr("ReadOnlyBanner", "Read-only: this engagement was opened for reading only; open it again to "
                                "change it.")


class ReadOnlyBanner(QLabel):
    """A strip over the pages, shown while the open engagement is read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#readOnlyBanner { background: #FFF4CE; color: #5C4400; padding: 8px 14px; "
                           "border-bottom: 1px solid #E8C766; font-weight: 600; }")
        self.hide()

    def show_for(self, workspace: Any) -> None:
        text = banner_text(workspace)
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
