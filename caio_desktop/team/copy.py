"""Copying a whole engagement between two databases, and reading its state row by row.

    copy_engagement(source_conn, target_conn, progress=...)   # every table, ids kept
    state = read_state(conn)                                  # {table: {id: {column: plain value}}}

Both work on SQLAlchemy Core over `Base.metadata`, so they serve any pair of engines: a `.caio` file
published to a PostgreSQL server (COPY there, through `team.bulk`), a server engagement checked out into
a file, or two files in the tests. Rows keep their ids, so the links between them (foreign keys, the
attachments' and the audit trail's (module, row id)) stay right without any remapping.

Settings whose key starts with `team:` belong to one side only (the file's checkout record, the
server's engagement identity) and are never copied or compared.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, delete, func, insert, select

from caio_desktop.workspace.models import Base

Progress = Callable[[int, int, str], None]  # (tables done, tables in all, table being copied)
TEAM_PREFIX = "team:"  # settings of one side only (see the module's docstring)
BATCH_ROWS = 2000
BLOB_BATCH_ROWS = 8  # evidence parts are up to 4 MiB each: a few at a time, never a register's worth
# Columns never changed in place once written: left out of the state (the bytes of an evidence part are
# content-addressed by their blob's SHA-256; reading hundreds of MB to compare them would tell nothing).
IMMUTABLE = {("evidence_parts", "data")}
Row = dict[str, Any]
State = dict[str, dict[int, Row]]


def tables() -> list[Table]:
    """Every table of the engagement, parents before the rows that link to them."""
    return list(Base.metadata.sorted_tables)


def _rows_query(table: Table, columns: Sequence[str] | None = None):  # noqa: ANN202 - a Select
    chosen = [table.c[name] for name in columns] if columns else list(table.c)
    query = select(*chosen).order_by(table.c.id)
    if table.name == "settings":
        query = query.where(~table.c.key.startswith(TEAM_PREFIX))
    return query


def batch_size(table: Table) -> int:
    """Rows of `table` read or written at once: fewer for a table of bytes."""
    return BLOB_BATCH_ROWS if any(isinstance(c.type, LargeBinary) for c in table.c) else BATCH_ROWS


def read_rows(conn: Connection, table: Table) -> Iterator[list[Row]]:
    """The table's rows (every column, Python values), in batches, ordered by id."""
    result = conn.execute(_rows_query(table)).mappings()
    while batch := result.fetchmany(batch_size(table)):
        yield [dict(row) for row in batch]


def clear_rows(conn: Connection) -> None:
    """Delete every row of every table (children first), `team:` settings excepted."""
    for table in reversed(tables()):
        statement = delete(table)
        if table.name == "settings":
            statement = statement.where(~table.c.key.startswith(TEAM_PREFIX))
        conn.execute(statement)


def write_rows(conn: Connection, table: Table, rows: list[Row]) -> None:
    """Insert `rows` (ids given) into `table`: COPY on PostgreSQL (which then moves the id sequence past
    them), one executemany elsewhere (SQLite numbers from max(id) + 1 by itself)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from caio_desktop.team.bulk import copy_columns

        copy_columns(conn, table, {name: [row[name] for row in rows] for name in rows[0]})
    else:
        conn.execute(insert(table), rows)


def copy_engagement(source: Connection, target: Connection, *, progress: Progress | None = None) -> int:
    """Copy every row of every table from `source` into the empty tables of `target`, ids kept; returns
    the number of rows copied. The caller owns both transactions (one each: all or nothing)."""
    every = tables()
    copied = 0
    for done, table in enumerate(every):
        if progress:
            progress(done, len(every), table.name)
        for batch in read_rows(source, table):
            write_rows(target, table, batch)
            copied += len(batch)
    if progress:
        progress(len(every), len(every), "")
    return copied


def count_rows(conn: Connection) -> int:
    """Rows of the engagement's tables (`team:` settings excepted): 0 means nothing to merge with."""
    total = 0
    for table in tables():
        query = select(func.count()).select_from(table)
        if table.name == "settings":
            query = query.where(~table.c.key.startswith(TEAM_PREFIX))
        total += conn.execute(query).scalar_one()
    return total


# --- state: every row as plain (JSON) values -------------------------------------------------------------
def plain(value: Any) -> Any:
    """A value as JSON can hold it and as it compares across engines: dates in ISO form, bytes by their
    SHA-256 (the base state must not carry a client's logo twice), everything else as it is."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def state_columns(table: Table) -> list[str]:
    return [c.name for c in table.c if (table.name, c.name) not in IMMUTABLE]


def read_state(conn: Connection, *, progress: Progress | None = None) -> State:
    """Every row of every table as {table: {id: {column: plain value}}} (immutable bytes left out)."""
    state: State = {}
    every = tables()
    for done, table in enumerate(every):
        if progress:
            progress(done, len(every), table.name)
        columns = state_columns(table)
        state[table.name] = {row["id"]: {k: plain(v) for k, v in row.items()}
                             for row in conn.execute(_rows_query(table, columns)).mappings()}
    return state


def pack_state(state: State) -> dict[str, Any]:
    """The state in the compact form kept in the file: per table, its columns once and rows as lists."""
    packed: dict[str, Any] = {}
    for name, rows in state.items():
        columns = state_columns(Base.metadata.tables[name])
        packed[name] = {"columns": columns, "rows": [[row.get(c) for c in columns] for row in rows.values()]}
    return packed


def unpack_state(packed: dict[str, Any]) -> State:
    """`pack_state`'s inverse. Tables or columns the record lacks (it was written by an older schema)
    read as empty / None."""
    state: State = {}
    for table in tables():
        entry = packed.get(table.name) or {"columns": [], "rows": []}
        columns = entry["columns"]
        state[table.name] = {}
        for values in entry["rows"]:
            row = dict(zip(columns, values, strict=True))
            state[table.name][int(row["id"])] = {c: row.get(c) for c in state_columns(table)}
    return state

