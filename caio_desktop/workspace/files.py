"""Files that hold client data are created readable by their owner only (0600 on POSIX).

Creating the file with that mode (rather than chmod-ing it afterwards) leaves no moment in which
another account on the laptop could open it.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import suppress
from pathlib import Path

OWNER_ONLY = 0o600


def owner_only(path: Path) -> None:
    """Make an existing file readable by its owner only (POSIX; a no-op where modes do not exist)."""
    with suppress(OSError, NotImplementedError):
        os.chmod(path, OWNER_ONLY)


def create_owner_only(path: Path) -> None:
    """Create `path` empty with mode 0600 from the start; an existing file is emptied and made 0600."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY))
    owner_only(path)  # O_CREAT keeps the mode of a file that already existed


def copy_owner_only(source: Path, target: Path) -> None:
    """Copy the bytes of `source` into a new owner-only `target`."""
    create_owner_only(target)
    shutil.copyfile(source, target)


# Temporary files (an export's `.part`, a snapshot being written) are locked by the process writing
# them, so that a later process can tell the part of a killed one (nobody holds it: remove it) from a
# part being written right now (held: leave it).
if sys.platform == "win32":  # pragma: no cover - Windows refuses to remove a file another process has open
    def lock_part(fd: int) -> None:
        """Hold a lock on the temporary file open as `fd` until it is closed."""

    def part_in_use(path: Path) -> bool:
        """True when a live process holds the lock of the temporary file at `path`."""
        return False

else:
    import fcntl

    def lock_part(fd: int) -> None:
        """Hold a lock on the temporary file open as `fd` until it is closed."""
        with suppress(OSError):  # (a file system without locks: the callers' age rules still protect it)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def part_in_use(path: Path) -> bool:
        """True when a live process holds the lock of the temporary file at `path`."""
        fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # (closing drops the lock just taken)
        return False
