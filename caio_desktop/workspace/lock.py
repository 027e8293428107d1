"""An advisory lock that keeps a workspace open in one process at a time.

The lock is an OS lock on a small file beside the workspace (`NAME.caio.lock`), not a PID file: the
operating system drops it when the process dies, so a crash never leaves a file that cannot be opened.
It is kept separate from the database file because POSIX record locks on the database itself would be
released behind SQLite's back whenever any descriptor of it is closed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from caio_desktop.workspace.errors import WorkspaceLockedError


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class WorkspaceLock:
    """Held while a workspace is open; `release()` (or process exit) frees it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> WorkspaceLock:
        # A lock file removed by its last holder between our open() and our lock would let two
        # processes each hold a lock on different inodes: retry until the locked inode is the one
        # at the path.
        for _ in range(5):
            fd = os.open(self._file, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                _lock(fd)
            except OSError:
                os.close(fd)
                raise WorkspaceLockedError(self.path) from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self._file).st_ino
            except FileNotFoundError:
                same = False
            if same or sys.platform == "win32":
                self._fd = fd
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
                return self
            os.close(fd)
        raise WorkspaceLockedError(self.path)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if sys.platform != "win32":
                self._file.unlink(missing_ok=True)
        finally:
            _unlock(fd)
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None


def held_elsewhere(path: Path) -> bool:
    """True when another process holds the lock of the workspace at `path` (it is open there).

    Read-only commands use it to say that they show what the other process last committed; they read
    all the same (SQLite's own locks keep every read consistent). A folder where no lock file can be
    made (read-only media) counts as not held.
    """
    try:
        WorkspaceLock(Path(path)).acquire().release()
    except WorkspaceLockedError:
        return True
    except OSError:
        return False
    return False


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
