"""A fingerprint of a workspace's content, table by table, to prove that nothing was lost or half-done.

`content_hash` reads every row (sorted by id) of every table with plain SQLite and hashes the values:
two files with the same fingerprint hold the same engagement, whatever their page layout. The crash
harness and the upgrade tests compare fingerprints before and after an operation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from caio_desktop.workspace.engine import raw_connect


def content_hash(path: Path, *, passphrase: str | None = None,
                 ignore: Iterable[str] = ()) -> dict[str, str]:
    """Table name → SHA-256 of its rows (sorted by id, columns by name), minus `ignore`d columns: a
    column name (in every table) or `table.column` (in that table only).

    Opens the file read-only; never changes it. Tables of the modules and the bookkeeping tables
    (links, audit trail, settings) are all included.
    """
    skipped = set(ignore)
    connection = raw_connect(Path(path), read_only=True, passphrase=passphrase)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        result = {}
        for table in tables:
            columns = sorted(row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')
                             if row[1] not in skipped and f"{table}.{row[1]}" not in skipped)
            names = ", ".join(f'"{c}"' for c in columns)
            digest = hashlib.sha256(",".join(columns).encode())
            for row in connection.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
            result[table] = digest.hexdigest()
        return result
    finally:
        connection.close()


def row_counts(path: Path, *, passphrase: str | None = None) -> dict[str, int]:
    """Table name → number of rows."""
    connection = raw_connect(Path(path), read_only=True, passphrase=passphrase)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
    finally:
        connection.close()
