"""No write on a damaged file: the record of the last state that passed the full check.

Opening a cleanly closed workspace reads only each table's root page (opening must stay fast as
registers grow), so damage deeper in the file (a flipped byte in an index) is not seen at open. Writing
to such a file, and above all snapshotting it, would spread the damage into the snapshots that are the
way back. So before the first write of a session (an operation, a snapshot, an upgrade) the file must
be *vouched for*: either it is byte for byte a state that passed `PRAGMA integrity_check`, or it passes
one now.

"Byte for byte" is a SHA-256 of the whole file kept beside it in `NAME.snapshots/verified.json`,
written when the check passes and again when a session that started on a verified file closes after
writing (our own committed writes keep a sound file sound). Hashing costs about a quarter of the check
(0.03 s against 0.11 s for 40 MB, 100,000 risks) and, unlike a record of size and modification time,
it also notices damage that changes no time stamp: a bad sector, a copy gone wrong, a file edited by
another program and its time reset. A file without a record (copied from elsewhere, written by an older
version, damaged by a crash) simply pays for one full check. Nothing here runs for a session that only
reads, so opening and `caio info` are unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from caio_desktop.workspace.engine import DATABASE_ERRORS, Connection, raw_connect
from caio_desktop.workspace.errors import CorruptFileError
from caio_desktop.workspace.fileinfo import hot_journal
from caio_desktop.workspace.files import OWNER_ONLY, lock_part

RECORD_NAME = "verified.json"
_CHUNK = 1 << 20


def record_path(path: Path) -> Path:
    """Where the record of `path`'s last verified state is kept: in its snapshot folder, which travels
    with the engagement folder (a file copied without it is checked once more, nothing worse)."""
    return path.with_name(f"{path.stem}.snapshots") / RECORD_NAME


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes, streamed."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:  # noqa: PTH123
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def vouched(path: Path) -> bool:
    """True when `path` is exactly the state last recorded as passing the full check."""
    try:
        record = json.loads(record_path(path).read_text(encoding="utf-8"))
        if hot_journal(path) or record.get("size") != path.stat().st_size:
            return False
        return record.get("sha256") == file_digest(path)
    except (OSError, ValueError, AttributeError):
        return False


def remember_sound(path: Path, digest: str | None = None) -> None:
    """Record the current bytes of `path` as a state that passed the full check.

    Written under a temporary name and renamed, owner-only; a failure to write it only means the next
    session checks the file again, so it is never an error.
    """
    record = record_path(path)
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(record.parent, 0o700)
        size = path.stat().st_size
        text = json.dumps({"sha256": digest or file_digest(path), "size": size})
        tmp = record.with_name(f".{RECORD_NAME}.{os.getpid()}.part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
        lock_part(fd)  # (a killed writer's part is removed by the next open: snapshots.remove_stale_parts)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.replace(tmp, record)


def forget_sound(path: Path) -> None:
    """Drop the record of `path` (a temporary file renamed away), and its folder when nothing else is
    in it."""
    record = record_path(path)
    with contextlib.suppress(OSError):
        record.unlink(missing_ok=True)
        record.parent.rmdir()  # only when empty: snapshots are never removed here


def integrity_problem(connection: Connection) -> str | None:
    """The first problem `PRAGMA integrity_check` reports on `connection` (None when it passes)."""
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check(5)").fetchall()]
    except (*DATABASE_ERRORS, UnicodeDecodeError) as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows)


def ensure_sound(path: Path, *, connection: Connection | None = None, passphrase: str | None = None) -> None:
    """Refuse (CorruptFileError, remedy: restore a snapshot) to let a write start on `path` unless it is
    vouched for or passes the full check now (which is then recorded).

    `connection` is one already open on the file (the caller holds the workspace lock, so nothing else
    writes meanwhile); without one a read-only connection is made for the check.
    """
    if vouched(path):
        return
    own = connection is None
    check = raw_connect(path, read_only=True, passphrase=passphrase) if own else connection
    try:
        problem = integrity_problem(check)
    finally:
        if own:
            check.close()
    if problem is not None:
        raise CorruptFileError(path, f"{problem}; nothing was written and no snapshot taken")
    remember_sound(path)


__all__ = ["ensure_sound", "file_digest", "forget_sound", "integrity_problem", "record_path", "remember_sound",
           "vouched"]
