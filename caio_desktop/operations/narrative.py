"""Editing the consultant's words of a deliverable (see `domain.narrative`): one undoable step a field."""

from __future__ import annotations

from typing import Any

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.narrative import FIELD_KEYS, MAX_NARRATIVE_CHARS, clean_narrative, setting_key
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.settings import set_setting
from caio_desktop.workspace import queries


def narrative(workspace: Any, kind: str, lang: str) -> dict[str, str]:
    """The stored narrative of deliverable `kind` in `lang`: field → text (empty fields left out)."""
    return clean_narrative(queries.setting(workspace, setting_key(kind, lang)))


def set_narrative(workspace: Any, kind: str, lang: str, field: str, text: str) -> ChangeSet:
    """Store the consultant's `text` for `field` of deliverable `kind` in `lang` (empty: generated)."""
    if field not in FIELD_KEYS:
        raise ValueError(f"unknown narrative field {field!r}; choose one of {', '.join(FIELD_KEYS)}")
    if len(text) > MAX_NARRATIVE_CHARS:
        raise ValidationError("narrative", field, text[:80], f"is {len(text):,} characters long; at most {MAX_NARRATIVE_CHARS:,}")
    stored = narrative(workspace, kind, lang)
    if text.strip():
        stored[field] = text.strip()
    else:
        stored.pop(field, None)
    return set_setting(workspace, setting_key(kind, lang), stored)
