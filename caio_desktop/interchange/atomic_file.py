"""Write an output file (workbook, PDF) so that it appears whole or not at all, readable by its owner only.

    with atomic_output(Path("out.xlsx")) as tmp:
        workbook.save(tmp)

The content goes to a temporary file in the destination folder (so the final rename stays on one file
system and is atomic), created 0600 because it holds confidential client data; it is flushed to disk
and renamed over the destination only when the block ends normally. On any error, cancellation or
interruption the temporary file is removed and the destination is left as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def atomic_output(out_path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `out_path`; rename it to `out_path` when the block succeeds."""
    out_path = Path(out_path)
    if out_path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file name", str(out_path))
    if not out_path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(out_path.parent))
    fd, name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=out_path.parent or ".")
    os.close(fd)
    tmp = Path(name)
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
