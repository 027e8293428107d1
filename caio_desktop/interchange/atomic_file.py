"""Write an output file (workbook, PDF) so that it appears whole or not at all, readable by its owner only.

    with atomic_output(Path("out.xlsx")) as tmp:
        workbook.save(tmp)

The content goes to a temporary file in the destination folder (so the final rename stays on one file
system and is atomic), created 0600 because it holds confidential client data; it is flushed to disk
and renamed over the destination only when the block ends normally. On any error, cancellation or
interruption the temporary file is removed and the destination is left as it was.

A process killed while writing cannot remove its temporary file: `.NAME.xlsx.XXXXXXXX.part` (or
`.NAME.XXXXXXXX.pdf.part`) stays in the folder. Every part is therefore locked (`flock`) by the
process writing it, and each new export to a folder first removes the parts of ours there that no live
process holds and that are older than this process (`remove_stale_parts`).
"""

from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from caio_desktop.workspace.files import lock_part, part_in_use

# What `new_part_file` names its files: a dot, the target's name (or stem, for ".pdf.part"), mkstemp's
# eight characters, the suffix. Nothing else in a client's folder is taken for one of ours.
_OUR_PART = re.compile(r"^\..+\.[a-z0-9_]{8}(?:\.[A-Za-z0-9]{2,5})?\.part$")
_STARTED = time.time()  # parts older than this process cannot be one this process is writing


def new_part_file(target: Path, *, suffix: str = ".part", prefix: str | None = None) -> tuple[int, Path]:
    """Create the temporary file an output is written to beside `target` (0600), after removing the
    stale parts left in that folder by killed exports; returns its descriptor, which holds a lock on it
    until closed, and its path."""
    folder = target.parent
    remove_stale_parts(folder)
    fd, name = tempfile.mkstemp(prefix=prefix if prefix is not None else f".{target.name}.", suffix=suffix,
                                dir=folder)
    lock_part(fd)
    return fd, Path(name)


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the temporary files of our exports that a killed process left in `folder`: named as ours,
    older than this process and locked by no live process. Returns what was removed."""
    removed = []
    try:
        candidates = [entry for entry in os.scandir(folder) if _OUR_PART.match(entry.name) and entry.is_file()]
    except OSError:
        return removed
    for entry in candidates:
        path = Path(entry.path)
        with suppress(OSError):
            if path.stat().st_mtime >= _STARTED or part_in_use(path):
                continue
            path.unlink()
            removed.append(path)
    return removed


@contextmanager
def atomic_output(out_path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `out_path`; rename it to `out_path` when the block succeeds."""
    out_path = Path(out_path)
    if out_path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file name", str(out_path))
    if not out_path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(out_path.parent))
    fd, tmp = new_part_file(out_path)
    if sys.platform == "win32":  # pragma: no cover - Windows renames no file that is open
        os.close(fd)
        fd = -1
    try:
        with suppress(OSError, NotImplementedError):
            os.chmod(tmp, 0o600)  # mkstemp already does; say it where it matters
        yield tmp
        with open(tmp, "rb+") as written:  # a laptop that loses power keeps either the old or the new file
            os.fsync(written.fileno())
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if fd >= 0:
            os.close(fd)  # held open (and locked) while the part is written, so no other export removes it
