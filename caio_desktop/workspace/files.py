"""Files that hold client data are created readable by their owner only (0600 on POSIX).

Creating the file with that mode (rather than chmod-ing it afterwards) leaves no moment in which
another account on the laptop could open it.
"""

from __future__ import annotations

import os
import shutil
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
