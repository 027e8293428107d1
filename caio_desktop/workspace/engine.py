"""The one place where a workspace's SQLite connections are made and configured.

Pragmas, chosen for a document that lives on a laptop (see docs/architecture.md):
- `journal_mode=DELETE`: a closed workspace is one self-contained file that can be copied, mailed or
  put on a USB stick (WAL would keep recent commits in a `-wal` file beside it);
- `synchronous=FULL`: a commit is on disk before it returns, so a power loss keeps every committed edit;
- `foreign_keys=ON`: links between registers stay consistent.
pysqlite's implicit transactions are turned off and `BEGIN` is emitted by SQLAlchemy, so one session
transaction is exactly one SQLite transaction (atomic imports, consistent reads).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def configure(connection: sqlite3.Connection, *, read_only: bool = False) -> None:
    """Apply the workspace pragmas to a raw sqlite3 connection."""
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=FULL")


def raw_connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A raw sqlite3 connection in autocommit mode (we issue BEGIN ourselves)."""
    if read_only:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                     check_same_thread=False)
    else:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    configure(connection, read_only=read_only)
    return connection


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An SQLAlchemy engine over `path` whose connections all carry the workspace pragmas."""
    engine = create_engine("sqlite+pysqlite://", creator=lambda: raw_connect(path, read_only=read_only))

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    return engine
