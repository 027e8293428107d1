"""`caio check`: a full health check of a workspace file, reported as a list of problems.

Besides SQLite's own integrity and foreign-key checks, every stored value is read the way the app
reads it (UTF-8 text, dates, timestamps, JSON): a flipped bit inside a value leaves the b-tree intact,
so only reading the value shows the damage.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from caio_desktop.workspace import schema
from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.fileinfo import inspect_workspace

MAX_REPORTED = 20


def check_workspace(path: Path, *, passphrase: str | None = None) -> list[str]:
    """Every problem found in the file at `path` (empty when healthy).

    Never changes the file, except to roll back a write that a crash interrupted (see recovery.py).
    """
    from caio_desktop.workspace.encryption import interrupted_encryption, interrupted_rekey
    from caio_desktop.workspace.engine import raw_connect
    from caio_desktop.workspace.recovery import roll_back_interrupted_write
    from caio_desktop.workspace.soundness import file_digest, remember_sound

    path = Path(path)
    try:
        inspect_workspace(path, encrypted=passphrase is not None)
        roll_back_interrupted_write(path, passphrase=passphrase)
        before = file_digest(path)
        connection = raw_connect(path, read_only=True, passphrase=passphrase)
    except WorkspaceError as exc:
        return [str(exc)]
    except (sqlite3.Error, OSError) as exc:
        return [f"{path}: cannot be read ({exc})"]
    try:
        problems = _problems(connection)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        problems = [f"damaged: {exc}"]
    finally:
        connection.close()
    if not problems and file_digest(path) == before:
        # These very bytes passed the full check (no other process wrote meanwhile): the next session
        # may write without checking them again (soundness.py).
        remember_sound(path, before)
    interrupted = interrupted_encryption(path) if passphrase is None else interrupted_rekey(path, passphrase)
    return problems + ([interrupted] if interrupted else [])


def _problems(connection: sqlite3.Connection) -> list[str]:
    rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        # Reading values of a file whose b-trees are broken tells nothing more.
        return [f"integrity: {r}" for r in rows[:MAX_REPORTED]]
    problems: list[str] = []
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check").fetchall()[:MAX_REPORTED]:
        problems.append(f"broken link: {table} row {rowid} points to a missing {parent} row")
    version = schema.user_version(connection)
    if version > schema.SCHEMA_VERSION:
        return [*problems, f"schema version {version} is newer than this application ({schema.SCHEMA_VERSION})"]
    shape = schema.shape_problems(connection)
    if shape:
        return problems + shape
    engagements = connection.execute("SELECT count(*) FROM engagement").fetchone()[0]
    if engagements != 1:
        problems.append(f"expected exactly one engagement, found {engagements}")
    duplicated = connection.execute(
        "SELECT code FROM risks GROUP BY code HAVING count(*) > 1 LIMIT 5").fetchall()
    problems += [f"risk code {c} is used twice" for (c,) in duplicated]
    problems += value_problems(connection, limit=MAX_REPORTED)
    from caio_desktop.workspace.evidence import evidence_problems

    problems += evidence_problems(connection, limit=MAX_REPORTED)  # attached files, byte for byte
    return problems


def value_problems(connection: sqlite3.Connection, *, limit: int = MAX_REPORTED) -> list[str]:
    """Stored values the app could not read: text that is not UTF-8, unreadable dates, broken JSON.

    Each value goes through the very converter SQLAlchemy applies when the app reads it.
    """
    from sqlalchemy import LargeBinary
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from caio_desktop.workspace.models import Base

    dialect = sqlite_dialect.dialect()
    problems: list[str] = []
    saved = connection.text_factory
    connection.text_factory = _Text  # decode ourselves, so bad UTF-8 is a finding, not an exception
    try:
        for table in Base.metadata.sorted_tables:
            # BLOB columns (the client's logo) hold any bytes; every other column must be readable.
            columns = [c for c in table.columns if c.name != "id" and not isinstance(c.type, LargeBinary)]
            converters = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]
            names = ", ".join(f'"{c.name}"' for c in columns)
            for row in connection.execute(f'SELECT id, {names} FROM "{table.name}"'):
                for column, convert, value in zip(columns, converters, row[1:], strict=True):
                    if value is None or (convert is None and not isinstance(value, bytes)):
                        continue  # NULLs, and numbers in columns read as they are
                    problem = _read(value, convert)
                    if problem:
                        problems.append(f"unreadable value: {table.name} row {row[0]} {column.name} ({problem})")
                        if len(problems) >= limit:
                            return problems
    finally:
        connection.text_factory = saved
    return problems


class _Text(bytes):
    """TEXT values as undecoded bytes, told apart from BLOBs (plain bytes)."""


def _read(value: object, convert) -> str | None:  # noqa: ANN001 - SQLAlchemy's result processor
    if isinstance(value, bytes) and not isinstance(value, _Text):
        return "binary data where the application stores text or numbers"
    if isinstance(value, _Text):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return "not valid UTF-8 text"
    if convert is None:
        return None
    try:
        convert(value)
    except (ValueError, TypeError) as exc:
        return str(exc)[:80]
    return None
