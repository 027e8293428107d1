"""The full integrity check of an engagement that opened cleanly, run after it is shown.

Opening reads only each table's root page, so that it stays fast as registers grow (docs/performance.md);
damage deeper in a file that was closed cleanly — a bad copy from a USB stick, a failing disk — would
otherwise show only when the damaged page is read, perhaps in the middle of a deliverable. This reads
every page (`PRAGMA quick_check`) on its own read-only connection, off the GUI thread, a moment after
the engagement is shown, and hands the verdict to the file controller, which offers the latest good
snapshot. Closing the engagement interrupts a check under way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

MAX_REPORTED = 5  # lines of the check's verdict shown to the person
DELAY_MS = 1500  # after opening: the engagement's first page is shown and settled before pages are read


class IntegrityCheck(QThread):
    """`PRAGMA quick_check` of the file at `path`; `checked(path, problems)` (empty when healthy), not
    emitted when `cancel` stopped it (the file is being closed)."""

    checked = Signal(str, list)

    def __init__(self, path: Path, passphrase: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.passphrase = Path(path), passphrase
        self._connection = None
        self._cancelled = False

    def run(self) -> None:
        found = problems(self.path, self.passphrase, opened=self._opened)
        self._connection = None  # closed by now
        if not self._cancelled:
            self.checked.emit(str(self.path), found)

    def _opened(self, connection) -> None:  # noqa: ANN001 - sqlite3 or sqlcipher3 connection
        self._connection = connection
        if self._cancelled:
            connection.interrupt()

    def cancel(self) -> None:
        """Stop a check under way at once (SQLite's interrupt is safe from another thread)."""
        self._cancelled = True
        connection = self._connection
        if connection is not None:
            with contextlib.suppress(Exception):  # closed meanwhile: nothing left to stop
                connection.interrupt()


def problems(path: Path, passphrase: str | None = None, *,
             opened: Callable[[Any], None] | None = None) -> list[str]:
    """What `PRAGMA quick_check` finds wrong in the file at `path` (read-only; empty when healthy).
    `opened(connection)` is told the connection before the check starts (to interrupt it)."""
    from caio_desktop.workspace.engine import raw_connect

    try:
        connection = raw_connect(path, read_only=True, passphrase=passphrase)
    except Exception as exc:  # noqa: BLE001 - sqlite3 and sqlcipher3 errors alike: the file is unreadable
        return [str(exc)]
    try:
        if opened is not None:
            opened(connection)
        rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except Exception as exc:  # noqa: BLE001 - a page so damaged that the check itself fails
        return [str(exc)]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows[:MAX_REPORTED]
