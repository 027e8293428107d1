"""File › Open team engagement…: the address of an engagement on the firm's PostgreSQL server.

The address names the user, the server, the database and the engagement
(`postgresql://anne@db.cabinet.fr/caio?engagement=acme-2026`). The password is never typed into it:
it comes from PGPASSFILE or ~/.pgpass, or the app asks for it when the server wants one, and keeps it
only in memory for the open engagement.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

EXAMPLE = "postgresql://anne@db.cabinet.fr/caio?engagement=acme-2026"


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpenTeamDialog", text)


def address_problem(text: str) -> str | None:
    """Why `text` is not an engagement address one may open (None: it is)."""
    from caio_desktop.team.address import TeamAddress, is_team_address
    from caio_desktop.team.errors import TeamAddressError

    text = text.strip()
    if not text:
        return _tr("Enter the engagement's address.")
    if not is_team_address(text):
        return _tr("An engagement on a server has an address starting with postgresql://, for example %1").replace(
            "%1", EXAMPLE)
    try:
        address = TeamAddress.parse(text)
    except TeamAddressError as error:
        return str(error).removeprefix("postgresql://: ")
    if address.password is not None:
        return _tr("Leave the password out of the address: it is asked for when the server wants one "
                   "(or read from ~/.pgpass), and never kept in the list of recent engagements.")
    return None


class OpenTeamDialog(QDialog):
    """The address field, checked as it is typed; OK only for an address that can be opened."""

    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("openTeamDialog")
        self.setWindowTitle(_tr("Open a team engagement"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        intro = QLabel(_tr("An engagement shared on your firm's PostgreSQL server: the address names the user, "
                           "the server, the database and the engagement."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.address = QLineEdit(address)
        self.address.setObjectName("teamAddress")
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setAccessibleName(_tr("Engagement address"))
        form.addRow(_tr("Address"), self.address)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        form.addRow("", self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.address.textChanged.connect(self._check)
        self._check()

    def _check(self, *_: object) -> None:
        text = self.address.text()
        problem = address_problem(text)
        self.problem.setText(problem if problem and text.strip() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(problem is None)

    def chosen(self) -> str:
        return self.address.text().strip()


def ask_password(parent: QWidget | None, display: str, *, retry: bool) -> str | None:
    """The password of the role in `display` (None: cancelled), hidden as it is typed."""
    from PySide6.QtWidgets import QInputDialog

    text = (_tr("The password was refused. Password for %1:") if retry
            else _tr("The server asks for a password. Password for %1:")).replace("%1", display)
    password, ok = QInputDialog.getText(parent, _tr("Server password"), text, QLineEdit.EchoMode.Password)
    return password if ok and password else None
