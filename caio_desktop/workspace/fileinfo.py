"""Reading a file's SQLite header without opening it, to tell a workspace from anything else.

Looking at the 100-byte header first lets us give a specific message (empty, not SQLite, another
application's database, truncated) and guarantees that a file we refuse is never touched by SQLite.
"""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

from caio_desktop.workspace.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    ForeignDatabaseError,
    NotAFileError,
    NotEncryptedError,
    NotSQLiteError,
    TruncatedFileError,
    WorkspaceNotFoundError,
)

APPLICATION_ID = 0x43414930  # "CAI0": `PRAGMA application_id` of every .caio file
SQLITE_MAGIC = b"SQLite format 3\x00"


class HeaderInfo(namedtuple("HeaderInfo", "size page_size page_count application_id user_version")):
    """What the header of an SQLite file says: size, page_size, page_count (None when the header's
    count is stale, written by an old SQLite), application_id, user_version.

    A named tuple rather than a dataclass: `caio info` imports this module, and `dataclasses` imports
    `inspect` (≈ 7 ms of a start that must stay within 1.5× a bare sqlite3 script, bench_info.py)."""

    __slots__ = ()


def read_header(path: Path) -> HeaderInfo:
    """The header of `path`, or the WorkspaceError that says why it is not a readable SQLite file."""
    if not path.exists():
        raise WorkspaceNotFoundError(path)
    if path.is_dir():
        raise NotAFileError(path)
    size = path.stat().st_size
    if size == 0:
        raise EmptyFileError(path)
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC):
        if probably_encrypted(header, size):
            raise EncryptedFileError(path)
        raise NotSQLiteError(path)
    if len(header) < 100:
        raise TruncatedFileError(path, 100, len(header))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    # A damaged header would make SQLite misread every page: say so before SQLite sees the file.
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFileError(path, f"the header gives an impossible page size ({page_size})")
    if header[18] not in (1, 2) or header[19] not in (1, 2) or header[21:24] != b"\x40\x20\x20":
        raise CorruptFileError(path, "the file header is damaged")
    change_counter = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    count = int.from_bytes(header[28:32], "big")
    return HeaderInfo(
        size=size,
        page_size=page_size,
        page_count=count if count and change_counter == valid_for else None,
        application_id=int.from_bytes(header[68:72], "big"),
        user_version=int.from_bytes(header[60:64], "big"),
    )


def probably_encrypted(header: bytes, size: int) -> bool:
    """True when a file without the SQLite magic looks like an SQLCipher database: whole pages of
    what reads as random bytes (the first 16 are the key-derivation salt)."""
    if size < 1024 or size % 512 or len(header) < 16:
        return False
    salt = header[:16]
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in salt)
    return len(set(salt)) >= 12 and printable < 12


def hot_journal(path: Path) -> bool:
    """True when a rollback journal left by an interrupted write sits beside the file: SQLite will
    roll it back on first read, so the file's own size may be transiently wrong."""
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def inspect_workspace(path: Path, *, encrypted: bool = False) -> HeaderInfo | None:
    """Check that `path` looks like a whole CAIO workspace; raise the specific error otherwise.

    With `encrypted`, the header is ciphertext: only check that it is a non-empty file without the
    plain SQLite header (None is returned; SQLCipher checks the rest when the key is applied).
    """
    if encrypted:
        try:
            read_header(path)
        except (EncryptedFileError, NotSQLiteError):
            return None  # SQLCipher will tell a wrong passphrase from a file that is not a database
        raise NotEncryptedError(path)
    info = read_header(path)
    if not hot_journal(path):
        expected = info.page_size * info.page_count if info.page_count else None
        if (expected and info.size < expected) or info.size % info.page_size:
            raise TruncatedFileError(path, expected or info.size + info.page_size, info.size)
    if info.application_id != APPLICATION_ID:
        raise ForeignDatabaseError(path)
    return info
