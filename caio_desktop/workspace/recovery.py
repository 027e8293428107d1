"""Finishing what a crash interrupted: the rollback of a write transaction that never committed.

When a process dies in the middle of a write, SQLite's rollback journal (`NAME.caio-journal`) holds
the pages as they were before it. The next read-write connection plays it back automatically; a
read-only one cannot always do so (when the interrupted transaction had grown the file it fails with
"attempt to write a readonly database"). So the read-only paths (`caio check`, `caio info`, opening
read-only) first let a read-write connection do the rollback, under the workspace lock. That returns
the file to its last committed state, as any open by SQLite would; no committed data is changed.
"""

from __future__ import annotations

from pathlib import Path

from caio_desktop.workspace.engine import DATABASE_ERRORS, raw_connect
from caio_desktop.workspace.errors import WorkspaceLockedError
from caio_desktop.workspace.fileinfo import hot_journal
from caio_desktop.workspace.lock import WorkspaceLock


def roll_back_interrupted_write(path: Path, *, passphrase: str | None = None) -> bool:
    """Roll back the transaction a crash left in `path`'s journal; True when there was one.

    Nothing is done while another process holds the workspace: its journal may be a live one.
    """
    path = Path(path)
    if not hot_journal(path):
        return False
    try:
        lock = WorkspaceLock(path).acquire()
    except WorkspaceLockedError:
        return False
    try:
        connection = raw_connect(path, passphrase=passphrase)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reading replays it
        finally:
            connection.close()
    except DATABASE_ERRORS:
        return False  # a damaged file: the check that follows says so
    finally:
        lock.release()
    return not hot_journal(path)
