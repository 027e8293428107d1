"""File handling like a document program: new, open, open recent, save a copy as, close, the demo.

There is no "save": every change is committed by its operation, so closing or quitting never asks.
A file that cannot be opened is named with the reason, and the way forward the workspace layer offers
(restore the latest good snapshot, open read-only, enter the passphrase) is a button of the message.
Every dialog is a classmethod so that tests can replace it (pytest-qt's advice).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QWidget

from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext

FILE_FILTER = "CAIO (*.caio)"


class FileController(QObject):
    """Opens and closes engagement files for one window's AppContext."""

    # --- dialogs (replaced in tests) -----------------------------------------------------------------
    @classmethod
    def ask_open_path(cls, parent: QWidget) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # dialogs are imported when used: start-up stays light

        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("FileController", "Open an engagement"), str(Path.home()),
                                              QCoreApplication.translate("FileController", "CAIO engagements (*.caio)"))
        return Path(path) if path else None

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("FileController", "Save a copy as"), str(suggested),
                                              QCoreApplication.translate("FileController", "CAIO engagements (*.caio)"))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix == ".caio" else path.with_name(path.name + ".caio")

    @classmethod
    def ask_passphrase(cls, parent: QWidget, path: Path, *, retry: bool = False) -> str | None:
        from caio_desktop.ui.passphrase import ask_passphrase

        return ask_passphrase(parent, path, retry=retry)

    @classmethod
    def show_error(cls, parent: QWidget, title: str, text: str, remedies: list[tuple[str, str]]) -> str | None:
        """Show why something failed; return the key of the remedy chosen (None: just close)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, parent)
        buttons = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in remedies}
        box.exec()
        return buttons.get(box.clickedButton())

    @classmethod
    def ask_team_address(cls, parent: QWidget) -> str | None:
        """File › Open team engagement…: the engagement's address (None: cancelled)."""
        from caio_desktop.ui.team.open_team import OpenTeamDialog

        dialog = OpenTeamDialog(parent)
        return dialog.chosen() if dialog.exec() else None

    @classmethod
    def ask_team_password(cls, parent: QWidget, display: str, *, retry: bool = False) -> str | None:
        from caio_desktop.ui.team.open_team import ask_password

        return ask_password(parent, display, retry=retry)

    @classmethod
    def new_engagement_values(cls, parent: QWidget, lang: str) -> dict[str, Any] | None:
        from caio_desktop.ui.shell.new_engagement import NewEngagementWizard

        wizard = NewEngagementWizard(lang, parent)
        return wizard.values() if wizard.exec() else None

    # --- the controller ------------------------------------------------------------------------------
    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self._check: Any = None  # the integrity check of the engagement just opened, while it runs
        self._damage_reported: Any = None  # the file whose damage was last said (said once a file)

    def open_path(self, path: Path | str, *, read_only: bool = False, passphrase: str | None = None) -> bool:
        """Open `path` in this window (the current engagement is closed first, if the new one opens)."""
        from caio_desktop.ui.team.identity import history_name
        from caio_desktop.workspace.errors import WorkspaceError
        from caio_desktop.workspace.workspace import Workspace

        path = Path(path)
        current = self.context.workspace
        if current is not None and current.path is not None and Path(current.path).resolve() == path.resolve():
            return True
        try:
            workspace = Workspace.open(path, read_only=read_only, passphrase=passphrase,
                                       daily_snapshot=not read_only, author=history_name())
        except WorkspaceError as error:
            return self._offer_remedies(path, error, passphrase=passphrase)
        self._switch(workspace)
        settings.add_recent_file(path)
        self._warn_of_interrupted_encryption(workspace)
        self._check_in_background(workspace)
        return True

    def open_team_dialog(self) -> bool:
        address = self.ask_team_address(self.window)
        return self.open_team(address) if address else False

    def open_team(self, address: str, *, password: str | None = None) -> bool:
        """Open the engagement on a server at `address` in this window; the password is asked for when
        the server wants one and kept only by the open engagement. The recent list keeps the address
        without password."""
        from caio_desktop.team.errors import PasswordRequiredError
        from caio_desktop.team.workspace import TeamWorkspace
        from caio_desktop.ui.team.identity import add_recent_team_address, history_name
        from caio_desktop.workspace.errors import WorkspaceError

        current = self.context.workspace
        try:
            if current is not None and getattr(current, "location", None) == team_display(address):
                return True
            workspace = TeamWorkspace.open(address, password=password, author=history_name())
        except PasswordRequiredError as error:
            password = self.ask_team_password(self.window, error.location, retry=error.rejected)
            return self.open_team(address, password=password) if password else False
        except WorkspaceError as error:
            self.show_error(self.window, self.tr("Cannot open the engagement"), str(error), [])
            return False
        self._switch(workspace)
        add_recent_team_address(workspace.location)
        return True

    def _warn_of_interrupted_encryption(self, workspace: Any) -> None:
        """A plain workspace whose encryption was killed half-way (encrypted snapshots or the half-built
        copy beside it): say so, the consultant believes the engagement is protected."""
        from caio_desktop.workspace.encryption import interrupted_encryption

        if workspace.passphrase is None and interrupted_encryption(Path(workspace.path)):
            self.show_error(self.window, self.tr("Encryption interrupted"),
                            self.tr("An encryption of this engagement was interrupted: the file is still not "
                                    "encrypted, and some of its snapshots may be. Run the encryption again, "
                                    "or decrypt the snapshots."), [])

    def _check_in_background(self, workspace: Any, *, tries: int = 5) -> None:
        """Read every page of the engagement just opened, off the GUI thread, once it is shown
        (ui/shell/integrity.py); a check that could not tell (busy file) is tried again later."""
        from PySide6.QtCore import QTimer

        from caio_desktop.ui.shell import integrity

        def start() -> None:
            if self.context.workspace is not workspace:  # closed or replaced meanwhile
                return
            check = integrity.IntegrityCheck(Path(workspace.path), workspace.passphrase,
                                             lambda: workspace.writes, self.window)
            check.checked.connect(self._integrity_checked)
            if tries > 1:
                check.postponed.connect(lambda _path: self._check_in_background(workspace, tries=tries - 1))
            check.finished.connect(check.deleteLater)
            self._check = check
            check.start()

        QTimer.singleShot(integrity.DELAY_MS, self, start)

    def _stop_check(self) -> None:
        check, self._check = self._check, None
        if check is not None:
            with contextlib.suppress(RuntimeError):  # already finished, and deleted by Qt
                check.cancel()

    def _integrity_checked(self, path: str, problems: list[str]) -> None:
        """Damage found after opening: say so, and offer the latest good snapshot (the damaged file is
        kept as a "before-restore" snapshot)."""
        from caio_desktop.workspace.errors import Remedy
        from caio_desktop.workspace.snapshots import latest_good_snapshot

        workspace = self.context.workspace
        if not problems or workspace is None or Path(workspace.path) != Path(path):
            return
        passphrase, read_only = workspace.passphrase, workspace.read_only
        snapshot = latest_good_snapshot(Path(path), passphrase=passphrase)
        remedies = [self._restore_remedy(snapshot)] if snapshot is not None and not read_only else []
        text = self.tr("The file of this engagement is damaged: what it shows may be incomplete and some "
                       "changes may fail. Details: %1").replace("%1", "; ".join(problems))
        chosen = self.show_error(self.window, self.tr("Damaged engagement file"), text, remedies)
        if chosen == Remedy.RESTORE_SNAPSHOT and snapshot is not None:
            self.close()
            self._restore(Path(path), snapshot, passphrase)
            self.open_path(Path(path), passphrase=passphrase)  # restored, or as it was if that failed

    def damage_found(self, detail: str) -> None:
        """A read of the open workspace met damage (text SQLite cannot decode, a malformed page): say
        so and offer the latest good snapshot, once per open file (a register repainting would meet the
        same damaged row again and again)."""
        workspace = self.context.workspace
        if workspace is None or workspace.path is None or self._damage_reported == workspace.path:
            return  # (a team engagement: the server keeps its pages; no snapshot to offer)
        self._damage_reported = workspace.path
        self._integrity_checked(str(workspace.path), [detail])

    def _restore_remedy(self, snapshot: Any) -> tuple[str, str]:
        from caio_desktop.workspace.errors import Remedy

        stamp = snapshot.taken_at.strftime("%d/%m/%Y %H:%M" if self.context.lang == "fr" else "%d %b %Y %H:%M")
        return Remedy.RESTORE_SNAPSHOT, self.tr("Restore the snapshot of %1").replace("%1", stamp)

    def _restore(self, path: Path, snapshot: Any, passphrase: str | None) -> bool:
        """Put `snapshot` in place of the file at `path` (which is kept as a "before-restore" snapshot);
        False, said to the person, when that fails (the file is then untouched)."""
        from caio_desktop.workspace.snapshots import restore

        try:
            restore(path, snapshot.path, passphrase=passphrase)
        except Exception as restore_error:  # noqa: BLE001 - shown to the person, file untouched
            self.show_error(self.window, self.tr("Restore failed"), str(restore_error), [])
            return False
        return True

    def _offer_remedies(self, path: Path, error: Exception, *, passphrase: str | None = None) -> bool:
        from caio_desktop.workspace.errors import Remedy, WrongPassphraseError
        from caio_desktop.workspace.snapshots import latest_good_snapshot

        if tuple(getattr(error, "remedies", ())) == (Remedy.ENTER_PASSPHRASE,):
            # An encrypted file: ask for its passphrase at once (again, saying so, when it was wrong).
            passphrase = self.ask_passphrase(self.window, path, retry=isinstance(error, WrongPassphraseError))
            return self.open_path(path, passphrase=passphrase) if passphrase else False

        remedies: list[tuple[str, str]] = []
        snapshot = None
        for remedy in getattr(error, "remedies", ()):
            if remedy == Remedy.RESTORE_SNAPSHOT:
                # Snapshots of an encrypted workspace are encrypted with the same passphrase.
                snapshot = latest_good_snapshot(path, passphrase=passphrase)
                if snapshot is not None:
                    remedies.append(self._restore_remedy(snapshot))
            elif remedy == Remedy.OPEN_READ_ONLY:
                remedies.append((remedy, self.tr("Open read-only")))
            elif remedy == Remedy.ENTER_PASSPHRASE:
                remedies.append((remedy, self.tr("Enter the passphrase…")))
        chosen = self.show_error(self.window, self.tr("Cannot open the engagement"), str(error), remedies)
        if chosen == Remedy.OPEN_READ_ONLY:
            return self.open_path(path, read_only=True, passphrase=passphrase)
        if chosen == Remedy.ENTER_PASSPHRASE:
            passphrase = self.ask_passphrase(self.window, path)
            return self.open_path(path, passphrase=passphrase) if passphrase else False
        if chosen == Remedy.RESTORE_SNAPSHOT and snapshot is not None:
            return self._restore(path, snapshot, passphrase) and self.open_path(path, passphrase=passphrase)
        return False

    def open_dialog(self) -> bool:
        path = self.ask_open_path(self.window)
        return self.open_path(path) if path else False

    def new_engagement(self) -> bool:
        from caio_desktop.domain.errors import ValidationError
        from caio_desktop.workspace.errors import WorkspaceError
        from caio_desktop.workspace.workspace import Workspace

        values = self.new_engagement_values(self.window, self.context.lang)
        if not values:
            return False
        path = Path(values.pop("path"))
        from caio_desktop.ui.team.identity import history_name

        try:
            workspace = Workspace.create(path, **values, author=history_name())
        except (WorkspaceError, ValidationError) as error:
            self.show_error(self.window, self.tr("Cannot create the engagement"), str(error), [])
            return False
        self._switch(workspace)
        settings.add_recent_file(path)
        return True

    def save_copy_as(self) -> bool:
        """Copy the open engagement with SQLite's backup API into a new file, then work in the copy."""
        workspace = self.context.workspace
        if workspace is None or workspace.path is None:  # (a team engagement: caio checkout copies it)
            return False
        suggested = Path(workspace.path).with_name(Path(workspace.path).stem + " (copie).caio"
                                                   if self.context.lang == "fr" else
                                                   Path(workspace.path).stem + " (copy).caio")
        target = self.ask_save_path(self.window, suggested)
        if target is None:
            return False
        if target.resolve() == Path(workspace.path).resolve():
            return True  # already saved: every change is committed as it is made
        from caio_desktop.workspace.errors import WorkspaceError

        try:
            copy_workspace(workspace, target)
        except (OSError, WorkspaceError) as error:
            self.show_error(self.window, self.tr("Cannot save the copy"), str(error), [])
            return False
        read_only, passphrase = workspace.read_only, getattr(workspace, "passphrase", None)
        self.close()
        return self.open_path(target, read_only=read_only, passphrase=passphrase)

    def close(self) -> None:
        workspace = self.context.workspace
        if workspace is None:
            return
        self._stop_check()  # a check under way stops at once instead of reading the file to its end
        self.context.set_workspace(None)
        self.wait_for_background_work()
        workspace.close()

    def wait_for_background_work(self, timeout_ms: int = 60_000) -> None:
        """Background work (a preview, an export) reads the workspace: let it end before the file closes."""
        for thread in background_threads(self.window):
            if thread.isRunning():
                thread.wait(timeout_ms)

    def open_demo(self) -> bool:
        """Open the demo engagement in the interface language (built on first use)."""
        from caio_desktop.demo import build_demo

        path = demo_path(self.context.lang)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_demo(path, lang=self.context.lang)
        return self.open_path(path)

    def _switch(self, workspace: Any) -> None:
        previous = self.context.workspace
        self._damage_reported = None
        if previous is not None:
            self._stop_check()
        self.context.set_workspace(workspace)
        if previous is not None:
            self.wait_for_background_work()
            previous.close()


def team_display(address: str) -> str:
    """`TeamAddress.parse(address).display`: how an engagement on a server is named (no password)."""
    from caio_desktop.team.address import TeamAddress

    return TeamAddress.parse(address).display


def background_threads(window: QWidget) -> list[Any]:
    """Worker threads of the window: its children, and threads its pages keep without a parent."""
    from PySide6.QtCore import QThread

    threads = list(window.findChildren(QThread))
    for page in getattr(window, "pages", {}).values():
        threads += [value for value in vars(page).values() if isinstance(value, QThread)]
    return threads


def demo_path(lang: str) -> Path:
    if os.environ.get("CAIO_NO_SETTINGS") == "1":
        import tempfile

        base = Path(tempfile.gettempdir()) / f"caio-demo-{os.getpid()}"
    else:
        base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    return base / f"demo-{lang}.caio"


def copy_workspace(workspace: Any, target: Path) -> None:
    """A consistent copy of an open workspace at `target` (built beside it, then renamed)."""
    from caio_desktop.workspace.lock import WorkspaceLock
    from caio_desktop.workspace.snapshots import backup_into

    target = Path(target)
    if target.exists():  # never replace an engagement that is open elsewhere
        WorkspaceLock(target).acquire().release()
    tmp = target.with_name(f".{target.name}.copying-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    raw = workspace.engine.raw_connection()
    try:
        backup_into(raw.driver_connection, target, tmp, passphrase=getattr(workspace, "passphrase", None))
    finally:
        raw.close()
