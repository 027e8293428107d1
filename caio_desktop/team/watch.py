"""Seeing what the other consultants change in a shared engagement (issue 19), by polling the audit trail.

Every change is written with an audit entry in the same transaction (operations/recorder.py), so the
entries past the highest id seen so far are exactly the changes committed since: one indexed range read
(`WHERE id > :last`) per look, the same on SQLite and PostgreSQL, with no trigger to install in the
engagement's schema and nothing lost while the app was busy. Entries written by this session (its mark,
operations/authorship.session_of) are left out: the app already showed them.

    watch = ChangeWatch(workspace)
    seen = watch.poll()   # None, or what others changed: rows per table, whole tables, who
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import func, select

from caio_desktop.operations.authorship import session_of
from caio_desktop.workspace.models import LINKS, AuditEntry

_AUDIT = AuditEntry.__table__
_LIMIT = 5_000  # entries read per look; more (an import undone row by row) reload the whole tables


class EveryRow(frozenset):
    """The rows of a table as `AppContext.rows_changed` carries them when every row may have changed
    (someone imported or removed many rows at once): registers read the table again."""


@cache
def _link_owners() -> dict[str, tuple[str, str]]:
    """link table → (owning module, the link's column holding the owner's id)."""
    return {link.__tablename__: (module_key, own) for (module_key, _), (link, own, _) in LINKS.items()}


@dataclass
class TeamChanges:
    """What other sessions committed since the last look."""

    rows: dict[str, set[int]] = field(default_factory=dict)  # table → ids of rows added, changed, removed
    whole: set[str] = field(default_factory=set)  # tables changed in bulk (ids not listed)
    authors: list[str] = field(default_factory=list)  # who, in the order of their first change
    last_id: int = 0

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows) | frozenset(self.whole)

    def rows_changed(self) -> dict[str, frozenset[int]]:
        """As `AppContext.rows_changed` carries them (`EveryRow` for a table changed in bulk)."""
        found: dict[str, frozenset[int]] = {t: frozenset(ids) for t, ids in self.rows.items()}
        found.update({t: EveryRow() for t in self.whole})
        return found


class ChangeWatch:
    """Looks for changes other sessions committed to the workspace since it was created or last polled."""

    def __init__(self, workspace: Any) -> None:
        self.workspace = workspace
        self._session = session_of(workspace.engine)
        with workspace.engine.connect() as conn:
            self.last_id = int(conn.execute(select(func.coalesce(func.max(_AUDIT.c.id), 0))).scalar_one())

    def poll(self) -> TeamChanges | None:
        """What others changed since the last look (None: nothing). A dropped connection raises
        SQLAlchemy's error with nothing marked as seen: the caller says so and looks again later."""
        with self.workspace.engine.connect() as conn:
            entries = conn.execute(
                select(_AUDIT.c.id, _AUDIT.c.entity, _AUDIT.c.entity_id, _AUDIT.c.author, _AUDIT.c.before,
                       _AUDIT.c.after, _AUDIT.c.custom)
                .where(_AUDIT.c.id > self.last_id).order_by(_AUDIT.c.id).limit(_LIMIT + 1)).all()
        if not entries:
            return None
        changes = TeamChanges(last_id=entries[-1].id)
        if len(entries) > _LIMIT:  # far behind: the tables named so far are read again whole
            with self.workspace.engine.connect() as conn:
                changes.last_id = int(conn.execute(select(func.max(_AUDIT.c.id))).scalar_one())
                changes.whole.update(conn.execute(select(_AUDIT.c.entity).distinct().where(
                    _AUDIT.c.id > self.last_id)).scalars())
        self.last_id = changes.last_id
        for entry in entries[:_LIMIT]:
            if _session(entry.custom) == self._session:
                continue
            if entry.author and entry.author not in changes.authors:
                changes.authors.append(entry.author)
            _note(changes, entry)
        changes.whole -= {"audit_log"}
        if not changes.rows and not changes.whole:
            return None
        return changes


def _note(changes: TeamChanges, entry: Any) -> None:
    """Add what one audit entry says changed (a link names its owner's row: that row changed)."""
    if entry.entity_id is None:
        changes.whole.add(entry.entity)
        return
    changes.rows.setdefault(entry.entity, set()).add(entry.entity_id)
    owner = _link_owners().get(entry.entity)
    if owner is not None:
        owner_table, own = owner
        changes.rows.setdefault(owner_table, set()).update(_values_of(own, (entry.before, entry.after)))


def _values_of(column: str, summaries: Iterable[str | None]) -> set[int]:
    """The ids a link's recorded states (JSON summaries) give for `column`."""
    found = set()
    for text in summaries:
        try:
            value = json.loads(text).get(column) if text else None
        except (ValueError, AttributeError):
            continue
        if isinstance(value, int):
            found.add(value)
    return found


def _session(custom: Any) -> str | None:
    if isinstance(custom, str):  # (a driver that hands JSON back as text)
        try:
            custom = json.loads(custom)
        except ValueError:
            return None
    return custom.get("session") if isinstance(custom, dict) else None


__all__ = ["ChangeWatch", "EveryRow", "TeamChanges"]
