"""Editing the consultant's words of a deliverable (see `domain.narrative`): one undoable step a field."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.narrative import FIELD_KEYS, MAX_NARRATIVE_CHARS, clean_narrative, setting_key
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.settings import setting_change, store_setting
from caio_desktop.team.conflicts import EditConflictError, FieldConflict, last_change
from caio_desktop.workspace import queries


def narrative(workspace: Any, kind: str, lang: str) -> dict[str, str]:
    """The stored narrative of deliverable `kind` in `lang`: field → text (empty fields left out)."""
    return clean_narrative(queries.setting(workspace, setting_key(kind, lang)))


def set_narrative(workspace: Any, kind: str, lang: str, field: str, text: str, *,
                  seen: str | None = None) -> ChangeSet:
    """Store the consultant's `text` for `field` of deliverable `kind` in `lang` (empty: generated).

    The other fields are read in the same transaction, the setting locked (a colleague saving another
    field at the same moment keeps it). `seen` (the field's text as the editor showed it, "" for empty)
    makes the save refuse, with an EditConflictError of module "narrative", to replace a text someone
    else saved since (team mode); `current` of the error holds the narrative as it is now, `kind` and
    `lang` included. Without `seen` nothing is checked."""
    if field not in FIELD_KEYS:
        raise ValueError(f"unknown narrative field {field!r}; choose one of {', '.join(FIELD_KEYS)}")
    if len(text) > MAX_NARRATIVE_CHARS:
        raise ValidationError("narrative", field, text[:80], f"is {len(text):,} characters long; at most {MAX_NARRATIVE_CHARS:,}")
    key = setting_key(kind, lang)
    wanted = text.strip()

    def operation(rec: Recorder) -> list[int]:
        t = table("settings")
        row = rec.conn.execute(select(t).where(t.c.key == key).with_for_update()).mappings().first()
        stored = clean_narrative(row["value"] if row else None)
        theirs = stored.get(field, "")
        if seen is not None and theirs not in (seen.strip(), wanted):
            row_id, version = (row["id"], row["row_version"]) if row else (0, 0)  # (none: undone since)
            raise EditConflictError("narrative", row_id, (FieldConflict(field, seen.strip(), theirs, wanted),),
                                    last_change(rec.conn, "settings", row_id),
                                    {**stored, "kind": kind, "lang": lang, "row_version": version}, version)
        if wanted:
            stored[field] = wanted
        else:
            stored.pop(field, None)
        return [store_setting(rec, key, stored)]

    return run_recorded(workspace, setting_change(key), operation)
