"""File › Publish to server… and File › Take offline…: the open `.caio` file to a team engagement, and a
team engagement into a new file for a trip with no network (issue 19; docs/team-mode.md).

Both run `caio_desktop.team.publish.publish` / `team.checkout.checkout` with a progress dialog. A publish
whose file and server changed the same fields differently writes nothing and asks: keep the file's
values for all, the server's for all, or cancel (the list of conflicts under "Show Details…"; one by
one choices are `caio publish --resolve`'s). After a publish the file holds the server's state: the
pages are read again and the undo history, which named rows as they were, is cleared.

The questions are class methods, so that tests answer them without a modal dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

# QMessageBox and QProgressDialog are imported where a dialog is shown: the window builds these actions
# at start-up, and PySide6 creates a class's enums when the class is first named (~4 ms of a cold start)


def _tr(text: str) -> str:
    return QCoreApplication.translate("OfflineActions", text)


class OfflineActions(QObject):
    """The two File menu actions of one window: publish the open file, take an engagement offline."""

    def __init__(self, context: Any, window: QWidget, files: Any) -> None:
        super().__init__(window)
        self.context, self.window, self.files = context, window, files

    # --- the questions (tests answer them) ----------------------------------------------------------
    @classmethod
    def ask_address(cls, parent: QWidget, title: str, address: str = "") -> str | None:
        from caio_desktop.ui.team.open_team import OpenTeamDialog

        dialog = OpenTeamDialog(parent, address)
        dialog.setWindowTitle(title)
        return dialog.chosen() if dialog.exec() else None

    @classmethod
    def ask_target(cls, parent: QWidget, suggested: Path) -> Path | None:
        from caio_desktop.ui.shell.files import FileController

        return FileController.ask_save_path(parent, suggested)

    @classmethod
    def ask_password(cls, parent: QWidget, display: str) -> str | None:
        from caio_desktop.ui.team.open_team import ask_password

        return ask_password(parent, display, retry=False)

    @classmethod
    def choose(cls, parent: QWidget, conflicts: list[Any]) -> str | None:
        """"mine", "theirs" or None (cancel) for every conflict of a publish."""
        from PySide6.QtWidgets import QMessageBox

        from caio_desktop.cli.cmd_team import conflict_table

        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Publish to server"),
                          _tr("Fields were changed differently in this file and on the server (%1). Nothing "
                              "has been written yet. Which values should be kept?").replace("%1", str(len(conflicts))),
                          parent=parent)
        box.setDetailedText(conflict_table(conflicts))
        mine = box.addButton(_tr("Keep this file's values"), QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton(_tr("Keep the server's values"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {mine: "mine", theirs: "theirs"}.get(box.clickedButton())

    @classmethod
    def tell(cls, parent: QWidget, title: str, text: str, *, error: bool = False) -> None:
        from PySide6.QtWidgets import QMessageBox

        (QMessageBox.warning if error else QMessageBox.information)(parent, title, text)

    # --- the actions --------------------------------------------------------------------------------
    def publish_dialog(self) -> bool:
        """Publish the open file to the engagement whose address the user gives (the one it was checked
        out of, proposed)."""
        from caio_desktop.team.checkout import read_record
        from caio_desktop.team.merge import MergeError
        from caio_desktop.team.publish import PublishConflicts, PublishError, publish
        from caio_desktop.workspace.errors import WorkspaceError

        title = _tr("Publish to server")
        workspace = self.context.workspace
        if workspace is None or workspace.path is None or workspace.read_only:  # (path None: on a server)
            self.tell(self.window, title, _tr("Open the engagement's .caio file (for writing) to publish it."),
                      error=True)
            return False
        with workspace.engine.connect() as conn:
            record = read_record(conn)
        url = self.ask_address(self.window, title, record.source if record else "")
        if not url:
            return False
        take: str | None = None
        try:
            password = self._password(url)
            while True:
                try:
                    with self._progress(title) as progress:
                        result = publish(workspace, url, take=take, password=password, progress=progress)
                    break
                except PublishConflicts as conflicts:
                    take = self.choose(self.window, conflicts.conflicts)
                    if take is None:
                        return False
        except _Cancelled:
            return False
        except (PublishError, MergeError, WorkspaceError) as error:
            self.tell(self.window, title, str(error), error=True)
            return False
        # The file's rows were replaced by the server's state: steps of the undo history would replay
        # onto rows that are not what they named, and every page reads again.
        self.context.undo_stack.clear()
        workspace.install_choices()
        self.context.refresh_all()
        self.tell(self.window, title, result.summary())
        return True

    def take_offline_dialog(self) -> bool:
        """Copy a team engagement into a new file and open it."""
        from caio_desktop.team.address import TeamAddress
        from caio_desktop.team.checkout import checkout
        from caio_desktop.workspace.errors import WorkspaceError

        title = _tr("Take an engagement offline")
        url = self.ask_address(self.window, title)
        if not url:
            return False
        address = TeamAddress.parse(url)
        target = self.ask_target(self.window, Path.home() / f"{address.engagement}.caio")
        if target is None:
            return False
        if target.exists():
            self.tell(self.window, title, _tr("%1 already exists: taking offline writes a new file.").replace(
                "%1", str(target)), error=True)
            return False
        try:
            password = self._password(url)
            with self._progress(title) as progress:
                checkout(url, target, password=password, progress=progress)
        except _Cancelled:
            return False
        except (WorkspaceError, ValueError) as error:
            self.tell(self.window, title, str(error), error=True)
            return False
        return self.files.open_path(target)

    # --- helpers ------------------------------------------------------------------------------------
    def _password(self, url: str) -> str | None:
        """None when libpq finds the password itself (or none is wanted); else asked (cancel: _Cancelled)."""
        from caio_desktop.team.address import TeamAddress
        from caio_desktop.team.server import needs_password

        if not needs_password(url):
            return None
        password = self.ask_password(self.window, TeamAddress.parse(url).display)
        if password is None:
            raise _Cancelled
        return password

    def _progress(self, title: str) -> _Progress:
        return _Progress(self.window, title)


class _Cancelled(Exception):
    """The user cancelled a question: nothing was done."""


class _Progress:
    """A progress dialog fed by the (done, total, table) callback of publish and checkout."""

    def __init__(self, parent: QWidget, title: str) -> None:
        from PySide6.QtWidgets import QProgressDialog

        self.dialog = QProgressDialog(title, "", 0, 100, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)  # one transaction: stopping half-way would undo it all anyway
        self.dialog.setMinimumDuration(300)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()

    def __call__(self, done: int, total: int, table: str) -> None:
        self.dialog.setValue(int(done * 100 / total) if total else 100)
        if table:
            self.dialog.setLabelText(table)
        QApplication.processEvents()
