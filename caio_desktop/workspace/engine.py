"""The one place where a workspace's SQLite connections are made and configured.

Pragmas, chosen for a document that lives on a laptop (see docs/architecture.md):
- `journal_mode=DELETE`: a closed workspace is one self-contained file that can be copied, mailed or
  put on a USB stick (WAL would keep recent commits in a `-wal` file beside it);
- `synchronous=FULL`: a commit is on disk before it returns, so a power loss keeps every committed edit;
- `foreign_keys=ON`: links between registers stay consistent.
pysqlite's implicit transactions are turned off and `BEGIN` is emitted by SQLAlchemy, so one session
transaction is exactly one SQLite transaction (atomic imports, consistent reads).

An encrypted workspace (a passphrase is given) is opened through SQLCipher (`sqlcipher3`) and
SQLAlchemy's `sqlite+pysqlcipher` dialect; everything else about it is the same.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from caio_desktop.workspace.errors import EncryptionUnavailableError, WrongPassphraseError

BUSY_TIMEOUT_MS = 5000


def _load_sqlcipher() -> ModuleType | None:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # optional: plain workspaces never need it
        return None
    return dbapi2


_SQLCIPHER = _load_sqlcipher()
# Errors of either driver: an encrypted connection raises sqlcipher3's own classes.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,) + (
    (_SQLCIPHER.DatabaseError,) if _SQLCIPHER else ())

Connection = Any  # sqlite3.Connection or sqlcipher3's twin: same DB-API surface


def sqlcipher() -> ModuleType:
    """The SQLCipher driver, or EncryptionUnavailableError when it is not installed."""
    if _SQLCIPHER is None:
        raise EncryptionUnavailableError()
    return _SQLCIPHER


def quote(text: str) -> str:
    """`text` as an SQL string literal (PRAGMA key and ATTACH … KEY take no bound parameters)."""
    if not text or "\x00" in text:
        raise ValueError("a passphrase cannot be empty or contain a NUL character")
    return "'" + text.replace("'", "''") + "'"


def configure(connection: Connection, *, read_only: bool = False) -> None:
    """Apply the workspace pragmas to a raw sqlite3 connection."""
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=FULL")


def raw_connect(path: Path, *, read_only: bool = False, passphrase: str | None = None) -> Connection:
    """A raw connection in autocommit mode (we issue BEGIN ourselves).

    With a passphrase the file is opened through SQLCipher and the key checked at once, so a wrong
    passphrase is a WrongPassphraseError here rather than an SQL error later.
    """
    driver = sqlite3 if passphrase is None else sqlcipher()
    if read_only:
        connection = driver.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                    check_same_thread=False)
    else:
        connection = driver.connect(path, isolation_level=None, check_same_thread=False)
    if passphrase is not None:
        try:
            # SQLCipher logs a failed key check on stderr; the WrongPassphraseError below says it better.
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = {quote(passphrase)}")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.DatabaseError:
            connection.close()
            raise WrongPassphraseError(path) from None
    configure(connection, read_only=read_only)
    return connection


def make_engine(path: Path, *, read_only: bool = False, passphrase: str | None = None) -> Engine:
    """An SQLAlchemy engine over `path` whose connections all carry the workspace pragmas."""
    def connect() -> Connection:
        return raw_connect(path, read_only=read_only, passphrase=passphrase)

    if passphrase is None:
        engine = create_engine("sqlite+pysqlite://", creator=connect)
    else:
        # The dialect keys each connection from the URL's password; ours are keyed already by
        # `raw_connect` (a second PRAGMA key after the first read is a no-op in SQLCipher).
        engine = create_engine(URL.create("sqlite+pysqlcipher", password=passphrase), creator=connect)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    return engine


# Words of SQLite's messages that mean the file itself is damaged (not busy, locked or missing).
DAMAGE_WORDS = ("could not decode", "malformed", "not a database", "disk image", "corrupt")


def database_error(exc: BaseException) -> tuple[str, bool] | None:
    """For an error of the database driver (or SQLAlchemy's wrapper of one): its first line, without
    the damaged text it may quote ("Could not decode to UTF-8 column 'title' with text '…'"), and
    whether it says the file is damaged. None for any other error."""
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError wraps the driver's error
    if orig is not None and type(orig).__module__.split(".")[0] == "psycopg":  # a team engagement's server
        # (told by its module, without importing psycopg here): never a damaged file
        return (str(orig).strip().splitlines() or [type(orig).__name__])[0][:200], False
    if orig is not None and isinstance(orig, DATABASE_ERRORS):
        exc = orig
    if not isinstance(exc, DATABASE_ERRORS):
        return None
    detail = (str(exc).splitlines() or [type(exc).__name__])[0].split(" with text ")[0][:200]
    return detail, any(word in detail.lower() for word in DAMAGE_WORDS)
