"""The full integrity check of an engagement that opened cleanly, run after it is shown.

Opening reads only each table's root page, so that it stays fast as registers grow (docs/performance.md);
damage deeper in a file that was closed cleanly — a bad copy from a USB stick, a failing disk — would
otherwise show only when the damaged page is read, perhaps in the middle of a deliverable. This reads
every page (`PRAGMA quick_check`) on its own read-only connection, off the GUI thread, a moment after
the engagement is shown, and hands the verdict to the file controller, which offers the latest good
snapshot.

Only damage is reported as damage: a file that is busy, unreachable for a moment or being written is
"not checked yet" (`postponed`), never a reason to offer a restore. The check gives way at once to a
write of the app (its read lock would hold the write back) and to closing the engagement.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

MAX_REPORTED = 5  # lines of the check's verdict shown to the person
DELAY_MS = 1500  # after opening (and after a postponed check): the first page is shown and settled
_STEPS_BETWEEN_LOOKS = 2_000  # SQLite VM steps between two looks at "should the check give way?"
_CORRUPT, _NOT_A_DATABASE = 11, 26  # SQLite's result codes for a damaged file


def problems(path: Path, passphrase: str | None = None, *,
             give_way: Callable[[], bool] | None = None) -> list[str] | None:
    """What `PRAGMA quick_check` finds wrong in the file at `path` (read-only): [] when healthy, the
    check's lines when damaged, None when it could not tell (busy, unreachable, or `give_way()` became
    true while it ran)."""
    from caio_desktop.workspace.engine import raw_connect

    try:
        connection = raw_connect(path, read_only=True, passphrase=passphrase)
    except Exception:  # noqa: BLE001 - missing, moved, locked, key changed: not known to be damaged
        return None
    try:
        if give_way is not None:
            connection.set_progress_handler(give_way, _STEPS_BETWEEN_LOOKS)
        rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except Exception as exc:  # noqa: BLE001 - sqlite3 and sqlcipher3 errors alike
        return [str(exc)] if _is_damage(exc) else None
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows[:MAX_REPORTED]


def _is_damage(exc: Exception) -> bool:
    """A damaged file ("malformed", "not a database"), as opposed to a busy or unreachable one."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOT_A_DATABASE)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class IntegrityCheck(QThread):
    """The check of one open engagement: `checked(path, problems)` with the verdict, or
    `postponed(path)` when it could not tell (busy, a write of the app began, the file was
    unreachable); nothing once `cancel` was called (the engagement is closing)."""

    checked = Signal(str, list)
    postponed = Signal(str)

    def __init__(self, path: Path, passphrase: str | None, writes: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.passphrase = Path(path), passphrase
        self._writes = writes  # the workspace's count of write transactions begun
        self._cancelled = False

    def run(self) -> None:
        writes_before = self._writes()
        found = problems(self.path, self.passphrase,
                         give_way=lambda: self._cancelled or self._writes() != writes_before)
        if self._cancelled:
            return
        if found is None:
            self.postponed.emit(str(self.path))
        else:
            self.checked.emit(str(self.path), found)

    def cancel(self) -> None:
        """Stop at SQLite's next look (within milliseconds), or before starting; say nothing."""
        self._cancelled = True
