"""How imported rows find existing ones: references by code or title, and the row an imported row
updates on re-import (its code, else its title, ignoring case and spacing)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from caio_desktop.domain.modules import module as get_module
from caio_desktop.interchange.importing.text import cell_text, fold
from caio_desktop.workspace.models import MODELS


def targets(workspace, module_key: str) -> dict[str, int]:  # noqa: ANN001
    """Folded code and title of every row of a module → its id (to resolve REF cells)."""
    mod = get_module(module_key)
    t = MODELS[module_key].__table__
    columns = [t.c.id, t.c[mod.title_field]] + ([t.c[mod.code_field]] if mod.code_field else [])
    found: dict[str, int] = {}
    with workspace.engine.connect() as conn:
        for row in conn.execute(select(*columns).order_by(t.c.id)):
            for value in row[1:]:
                if value is not None:
                    found.setdefault(fold(cell_text(value)), row[0])
    return found


def match_key(module_key: str, values: dict[str, Any]) -> tuple[str, str] | None:
    """How an imported row finds the existing row it updates: its code (risks), else its title,
    ignoring case and spacing."""
    mod = get_module(module_key)
    for key in (mod.code_field, mod.title_field):
        value = values.get(key) if key else None
        if value not in (None, ""):
            return key, " ".join(cell_text(value).split()).casefold()
    return None


def existing_keys(conn, module_key: str) -> dict[tuple[str, str], list[int]]:  # noqa: ANN001
    """Match key → ids of the module's existing rows, oldest first."""
    mod = get_module(module_key)
    t = MODELS[module_key].__table__
    keys = [k for k in (mod.code_field, mod.title_field) if k]
    found: dict[tuple[str, str], list[int]] = {}
    for row in conn.execute(select(t.c.id, *(t.c[k] for k in keys)).order_by(t.c.id)).mappings():
        for key in keys:
            if row[key] not in (None, ""):
                found.setdefault((key, " ".join(cell_text(row[key]).split()).casefold()), []).append(row["id"])
    return found
