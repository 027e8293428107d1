"""Run by the crash harness in a subprocess: open a workspace with a (test-only) slow, many-statement
upgrade step to the next schema injected, so that a SIGKILL lands in the middle of the upgrade transaction.

    python tests/reliability/slow_upgrade.py WORKSPACE.caio
"""

from __future__ import annotations

import sqlite3
import sys

from caio_desktop.workspace import Workspace, schema

TARGET_VERSION = schema.SCHEMA_VERSION + 1


def slow_step(connection: sqlite3.Connection) -> None:
    """A history table filled row by row and every risk rewritten: thousands of statements."""
    connection.execute("CREATE TABLE risk_history (id INTEGER PRIMARY KEY, risk_id INTEGER, title TEXT)")
    for risk_id, title in connection.execute("SELECT id, title FROM risks ORDER BY id").fetchall():
        cursor = connection.execute("INSERT INTO risk_history (risk_id, title) VALUES (?, ?)", (risk_id, title))
        connection.execute("UPDATE risks SET description = coalesce(description, '') || ' [next]' WHERE id = ?",
                           (risk_id,))
        connection.execute("UPDATE risk_history SET title = title || ' (before)' WHERE id = ?", (cursor.lastrowid,))
        connection.execute("UPDATE risks SET owner = coalesce(owner, '') WHERE id = ?", (risk_id,))
    connection.execute("CREATE INDEX ix_risk_history_risk ON risk_history (risk_id)")


def main(path: str) -> int:
    schema.UPGRADES = {**schema.UPGRADES, TARGET_VERSION - 1: slow_step}
    schema.SCHEMA_VERSION = TARGET_VERSION
    print("start", flush=True)
    Workspace.open(path).close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
