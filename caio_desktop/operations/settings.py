"""Workspace settings that travel with the file (saved import mappings, last committee date), written
as an operation so that saving one is recorded in the audit trail and can be undone."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table


def set_setting(workspace, key: str, value: Any) -> ChangeSet:  # noqa: ANN001
    """Store `value` (JSON-serialisable) under `key`, replacing any previous value."""
    return run_recorded(workspace, setting_change(key), lambda rec: [store_setting(rec, key, value)])


def setting_change(key: str) -> ChangeSet:
    """The (empty) change of the setting `key`, for `run_recorded` to fill."""
    return ChangeSet("edit", "settings", key, entity_fr="réglage", entity_en="setting")


def store_setting(rec: Recorder, key: str, value: Any) -> int:
    """Write `value` under `key` in the recorder's transaction (insert or update); the row's id."""
    t = table("settings")
    row_id = rec.conn.execute(select(t.c.id).where(t.c.key == key)).scalar()
    if row_id is None:
        return rec.insert("settings", {"key": key, "value": value})
    rec.update("settings", row_id, {"value": value})
    return row_id
