"""`caio check`: a full health check of a workspace file, reported as a list of problems."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from caio_desktop.workspace import schema
from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.fileinfo import inspect_workspace


def check_workspace(path: Path) -> list[str]:
    """Every problem found in the file at `path` (empty when healthy). Never changes the file."""
    path = Path(path)
    try:
        inspect_workspace(path)
    except WorkspaceError as exc:
        return [str(exc)]
    problems: list[str] = []
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"{path}: cannot be read ({exc})"]
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems += [f"integrity: {r}" for r in rows[:20]]
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(f"broken link: {table} row {rowid} points to a missing {parent} row")
        version = schema.user_version(connection)
        if version > schema.SCHEMA_VERSION:
            problems.append(f"schema version {version} is newer than this application ({schema.SCHEMA_VERSION})")
        engagements = connection.execute("SELECT count(*) FROM engagement").fetchone()[0]
        if engagements != 1:
            problems.append(f"expected exactly one engagement, found {engagements}")
        duplicated = connection.execute(
            "SELECT code FROM risks GROUP BY code HAVING count(*) > 1 LIMIT 5").fetchall()
        problems += [f"risk code {c} is used twice" for (c,) in duplicated]
    except sqlite3.DatabaseError as exc:
        problems.append(f"damaged: {exc}")
    finally:
        connection.close()
    return problems
