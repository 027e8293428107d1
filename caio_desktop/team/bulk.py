"""Bulk inserts into an engagement on a server: PostgreSQL's COPY (psycopg's `cursor.copy()`), the
counterpart of the file's one streamed executemany (operations/recorder.py).

COPY is one statement for the whole batch, its rows streamed as text: a 100,000-row import costs about
what the bare COPY of the same rows does, where an executemany would pay a round trip per batch of rows
and the parsing of every parameter. It runs on the caller's connection, inside its transaction: an import
still lands whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, text


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _converter(table: Table, name: str) -> Callable[[Any], Any] | None:
    """How a column's Python values reach COPY: JSON as its text, everything else as psycopg adapts it
    (dates, timestamps, booleans, bytes, numbers)."""
    return _json if isinstance(table.c[name].type, JSON) else None


def copy_columns(conn: Connection, table: Table, columns: Mapping[str, Sequence[Any]]) -> int:
    """COPY the rows given column by column (name → the rows' values, all of one length) into `table`,
    on `conn`'s own transaction; returns the number of rows. With ids given, the table's id sequence is
    moved past the highest (never back), so that the next single insert takes a free number."""
    names = list(columns)
    if not names:
        return 0
    values = []
    for name in names:
        convert = _converter(table, name)
        values.append(list(map(convert, columns[name])) if convert else columns[name])
    count = len(values[0])
    if not count:
        return 0
    quote = conn.dialect.identifier_preparer.quote
    statement = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    driver = conn.connection.driver_connection  # this transaction's psycopg connection
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            write = copy.write_row
            for row in zip(*values, strict=True):
                write(row)
    except Exception as exc:
        if "NUL" in str(exc):  # (looked for only then: nothing to pay when every text is fine)
            raise nul_error(table, columns) from None
        raise
    if "id" in columns:
        advance_id_sequence(conn, table)
    return count


def nul_error(table: Table, columns: Mapping[str, Sequence[Any]]) -> ValueError:
    """PostgreSQL stores no NUL character (U+0000) in a text, where SQLite does: the error names the
    first column and row that holds one, for the user to clean the sheet."""
    for name, values in columns.items():
        for number, value in enumerate(values, start=1):
            if isinstance(value, str) and "\x00" in value:
                return ValueError(f"{table.name}.{name}, row {number} of the batch: the text holds a NUL character "
                                  "(U+0000), which a PostgreSQL server cannot store; remove it and try again")
    return ValueError(f"{table.name}: a value holds a NUL character (U+0000), which a PostgreSQL server "
                      "cannot store; remove it and try again")


def advance_id_sequence(conn: Connection, table: Table) -> None:
    """Move `table`'s id sequence to its highest id when that is higher (rows written with their ids)."""
    sequence = conn.execute(text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}).scalar()
    if sequence is None:
        return
    quote = conn.dialect.identifier_preparer.quote
    conn.execute(text(
        f"SELECT setval(CAST(:seq AS regclass), GREATEST(coalesce(pg_sequence_last_value(CAST(:seq AS regclass)), 0),"
        f" (SELECT coalesce(max(id), 0) FROM {quote(table.name)}), 1))"), {"seq": sequence})


def index_definitions(conn: Connection, names: Sequence[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX …) of the named indexes of the engagement's schema, as the server has them
    (what the bulk load drops and builds again, like sqlite_master's text for a file)."""
    if not names:
        return []
    return [(name, sql) for name, sql in conn.execute(text(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        " AND indexname = ANY(:names)"), {"names": list(names)})]
