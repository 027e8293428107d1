"""Two states of one engagement side by side on one SQLite connection, so that comparing them is SQL.

    with paired(after=workspace_path, before=snapshot_path, passphrase=None) as conn:
        conn.execute('SELECT … FROM main.risks n JOIN old.risks o ON o.id = n.id …')

The later state is the connection's `main` database and the earlier one is ATTACHed as `old`, both
read-only: a comparison never writes to either file. A state written by an older schema is first copied
(SQLite's backup API, keyed like its source) into a private temporary folder and upgraded there, never in
place, so a baseline snapshot stays the file it was. Two states of different engagements, or of a schema
this version cannot read, are refused with a message that says so.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from caio_desktop.workspace import schema
from caio_desktop.workspace.engine import DATABASE_ERRORS, Connection, quote, raw_connect, sqlcipher
from caio_desktop.workspace.errors import (
    CorruptFileError,
    NewerVersionError,
    WorkspaceError,
    WrongPassphraseError,
)
from caio_desktop.workspace.fileinfo import SQLITE_MAGIC, inspect_workspace

OLD = "old"  # the schema name of the earlier state on a paired connection


class ForeignEngagementError(WorkspaceError):
    """The two states are not of the same engagement: comparing them would report everything changed."""

    def __init__(self, path: Path, theirs: str, ours: str) -> None:
        super().__init__(path, f"{path}: a state of another engagement ({theirs}), not of {ours}; "
                               "choose a snapshot of this engagement")


class IncompatibleStateError(WorkspaceError):
    """A state whose schema cannot be compared (too old to upgrade, or lacking tables)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(path, f"{path}: cannot be compared ({detail})")


def _is_plain(path: Path) -> bool:
    with open(path, "rb") as handle:  # noqa: PTH123
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _key(path: Path, passphrase: str | None) -> str | None:
    """The passphrase that opens `path`: none for a plain file (a snapshot left plain by an older
    version beside an encrypted workspace still compares)."""
    return None if passphrase is None or _is_plain(path) else passphrase


def _check(path: Path, passphrase: str | None) -> int:
    """The schema version of the state at `path`, or the error that says why it cannot be compared."""
    key = _key(path, passphrase)
    inspect_workspace(path, encrypted=key is not None)
    connection = raw_connect(path, read_only=True, passphrase=key)
    try:
        version = schema.user_version(connection)
    except (*DATABASE_ERRORS, UnicodeDecodeError) as exc:
        raise CorruptFileError(path, str(exc)) from exc
    finally:
        connection.close()
    if version > schema.SCHEMA_VERSION:
        raise NewerVersionError(path, version, schema.SCHEMA_VERSION)
    if version < schema.MIN_SUPPORTED_VERSION:
        raise IncompatibleStateError(path, f"unknown schema version {version}")
    return version


def _current_schema(path: Path, passphrase: str | None, scratch: Path) -> Path:
    """`path` itself when it has the current schema, else an upgraded copy of it inside `scratch`."""
    if _check(path, passphrase) == schema.SCHEMA_VERSION:
        return path
    from caio_desktop.workspace.snapshots import backup_into

    key = _key(path, passphrase)
    copy = scratch / f"{len(list(scratch.iterdir()))}-{path.name}"
    source = raw_connect(path, read_only=True, passphrase=key)
    try:
        backup_into(source, copy, scratch / f".{copy.name}.part", passphrase=key)
    finally:
        source.close()
    connection = raw_connect(copy, passphrase=key)
    try:
        schema.upgrade(connection, path)
        problems = schema.shape_problems(connection)
    finally:
        connection.close()
    if problems:
        raise IncompatibleStateError(path, "; ".join(problems[:3]))
    return copy


def _open_main(path: Path, key: str | None, *, cipher: bool) -> Connection:
    """A read-only connection to `path`; through SQLCipher when either state is encrypted, since only
    an SQLCipher connection can ATTACH an encrypted file."""
    if key is not None or not cipher:
        return raw_connect(path, read_only=True, passphrase=key)
    connection = sqlcipher().connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                     check_same_thread=False)
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def _attach(connection: Connection, path: Path, key: str | None, *, cipher: bool) -> None:
    uri = quote(f"{path.resolve().as_uri()}?mode=ro")
    clause = f" KEY {quote(key)}" if key is not None else (" KEY ''" if cipher else "")
    try:
        connection.execute(f"ATTACH DATABASE {uri} AS {OLD}{clause}")
        connection.execute(f"SELECT count(*) FROM {OLD}.sqlite_master").fetchone()
    except DATABASE_ERRORS as exc:
        if key is not None:
            raise WrongPassphraseError(path) from None
        raise CorruptFileError(path, str(exc)) from exc


def _identity(connection: Connection, database: str) -> tuple[tuple[Any, ...], str]:
    """(what tells this engagement from any other, its client now). The engagement row's creation time
    and the client's name as first created (the audit trail's first entry) never change; the client's
    name may be corrected later, so its current value is only for the message."""
    row = connection.execute(
        f"SELECT created_at, client_name FROM {database}.engagement ORDER BY id LIMIT 1").fetchone()
    created = connection.execute(
        f"SELECT after FROM {database}.audit_log WHERE operation = 'Create engagement' AND entity = "
        "'engagement' ORDER BY id LIMIT 1").fetchone()
    return ((row[0] if row else None, created[0] if created else None), (row[1] if row else None) or "?")


def _same_engagement(ours: tuple[Any, ...], theirs: tuple[Any, ...]) -> bool:
    """Equal creation times, and equal first names where both files still have them."""
    return ours[0] == theirs[0] and (None in (ours[1], theirs[1]) or ours[1] == theirs[1])


@contextmanager
def paired(*, after: Path, before: Path, passphrase: str | None = None) -> Iterator[Connection]:
    """One read-only connection with the state `after` as `main` and the state `before` as `old`."""
    after, before = Path(after), Path(before)
    with ExitStack() as stack:
        scratch = Path(tempfile.mkdtemp(prefix="caio-compare-"))  # 0700: copies hold client data
        stack.callback(shutil.rmtree, scratch, ignore_errors=True)
        after_file = _current_schema(after, passphrase, scratch)
        before_file = _current_schema(before, passphrase, scratch)
        after_key, before_key = _key(after_file, passphrase), _key(before_file, passphrase)
        cipher = after_key is not None or before_key is not None
        connection = _open_main(after_file, after_key, cipher=cipher)
        stack.callback(connection.close)
        _attach(connection, before_file, before_key, cipher=cipher)
        (ours, our_client), (theirs, their_client) = _identity(connection, "main"), _identity(connection, OLD)
        if not _same_engagement(ours, theirs):
            raise ForeignEngagementError(before, their_client, our_client)
        yield connection
