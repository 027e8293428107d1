"""Concurrent edits of one engagement (issue 19): an edit made on what someone read before another
consultant changed the same row.

An edit carries what its editor read: the row's `row_version` and the value of each field as shown.
In the write transaction the row is locked (`SELECT … FOR UPDATE` on PostgreSQL; a file's write lock
does as much on SQLite) and, when its version has moved since it was read:

- a field the edit sets whose stored value is no longer what was read (and is not already the value the
  edit sets) is a conflict: the edit is refused with an `EditConflictError` naming each such field, the
  other's value, who made the row's latest change and when — nothing is written;
- the fields nobody else changed land: two consultants editing different fields of one risk both land.

A field whose read value the editor did not give counts as changed by the other: never overwrite silently.

A delete may say what it read too: a row whose version moved since is refused with a
`DeleteConflictError` (who changed it, when, and the fields that differ from what was shown), so that
nobody deletes a colleague's fresh change unknowingly.

An edit that says what it read, of a row someone deleted since, is refused with a `RowDeletedError`
(a LookupError) naming who deleted it and when, from the audit trail, when it knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from caio_desktop.domain.errors import DomainError, quoted
from caio_desktop.domain.modules import module
from caio_desktop.workspace.models import AuditEntry, Base

_AUDIT = AuditEntry.__table__
_UNREAD = object()  # a field whose read value the editor did not give


@dataclass(frozen=True)
class FieldConflict:
    """One field two people changed: what the editor read, what the other wrote, what the editor wants."""

    field: str  # the field's key
    read: Any
    theirs: Any
    yours: Any


@dataclass(frozen=True)
class LastChange:
    """The latest recorded change of a row: who (None: not known) and when."""

    author: str | None
    at: dt.datetime | None


class EditConflictError(DomainError):
    """An edit refused because someone else changed the same fields of the row since it was read.

    `current` is the row as it is now (all its fields) and `version` its version: an editor who chooses
    to overwrite passes them as what it read (`seen=current, seen_version=version`).
    """

    def __init__(self, module_key: str, row_id: int, conflicts: tuple[FieldConflict, ...], last: LastChange,
                 current: Mapping[str, Any], version: int) -> None:
        self.module = module_key
        self.row_id = row_id
        self.conflicts = conflicts
        self.author = last.author
        self.at = last.at
        self.current = dict(current)
        self.version = version
        who = last.author or "someone else"
        when = f" at {last.at:%Y-%m-%d %H:%M} UTC" if last.at else ""
        super().__init__(f"{module_key} row {row_id} was changed by {who}{when} since you read it{self._what()}")

    def _what(self) -> str:
        return ": " + "; ".join(f"{c.field} is now {quoted(c.theirs)} (you read {quoted(c.read)}, you set "
                                f"{quoted(c.yours)})" for c in self.conflicts)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.conflicts)


class DeleteConflictError(EditConflictError):
    """A delete refused because someone else changed the row since it was read: `conflicts` are the
    fields whose value is not what was shown (`read` and `yours` what was shown, `theirs` the value now;
    none when only the version was given). To delete anyway, pass `current` as what was read."""

    def _what(self) -> str:
        changed = ", ".join(c.field for c in self.conflicts)
        return (f" ({changed})" if changed else "") + "; nothing was deleted"


class RowDeletedError(LookupError):
    """An edit refused because the row it was made on is gone: deleted by `author` at `at` (both None when
    the audit trail does not say: an import undone, a change made before authors were recorded)."""

    def __init__(self, module_key: str, row_id: int, last: LastChange) -> None:
        self.module = module_key
        self.row_id = row_id
        self.author = last.author
        self.at = last.at
        who = f" by {last.author}" if last.author else ""
        when = f" at {last.at:%Y-%m-%d %H:%M} UTC" if last.at else ""
        super().__init__(f"{module_key} has no row {row_id}: it was deleted{who}{when} since you read it; "
                         "nothing was written")


def deleted_by(conn: Connection, table_name: str, row_id: int) -> LastChange:
    """Who deleted a row and when, when the row's latest audit entry is its delete (before, no after)."""
    found = conn.execute(
        select(_AUDIT.c.author, _AUDIT.c.at, _AUDIT.c.before, _AUDIT.c.after)
        .where(_AUDIT.c.entity == table_name, _AUDIT.c.entity_id == row_id)
        .order_by(_AUDIT.c.id.desc()).limit(1)).first()
    if found is None or found.before is None or found.after is not None:
        return LastChange(None, None)
    return LastChange(found.author, found.at)


def check_delete(conn: Connection, module_key: str, row_id: int, current: Mapping[str, Any],
                 seen: Mapping[str, Any]) -> None:
    """Refuse (DeleteConflictError) the delete of `current`, the locked row (REFS lists included), when
    its version is no longer the `row_version` of `seen`, the row as the person saw it."""
    version = current.get("row_version")
    if seen.get("row_version") is None or version is None or version == seen["row_version"]:
        return
    mod = module(module_key)
    conflicts = tuple(FieldConflict(f.key, seen[f.key], current.get(f.key), seen[f.key]) for f in mod.fields
                      if not f.computed and f.key in seen and f.key in current  # (a level follows the rest)
                      and not _same(current.get(f.key), seen[f.key]))
    raise DeleteConflictError(mod.key, row_id, conflicts, last_change(conn, mod.key, row_id), current, int(version))


def locked_row(conn: Connection, table_name: str, row_id: int) -> dict[str, Any] | None:
    """The row as stored, locked until the transaction ends (FOR UPDATE; SQLite holds the file's lock)."""
    t = Base.metadata.tables[table_name]
    found = conn.execute(select(t).where(t.c.id == row_id).with_for_update()).mappings().first()
    return dict(found) if found else None


def last_change(conn: Connection, table_name: str, row_id: int) -> LastChange:
    """Who made the latest recorded change of a row, and when (from the audit trail)."""
    found = conn.execute(
        select(_AUDIT.c.author, _AUDIT.c.at).where(_AUDIT.c.entity == table_name, _AUDIT.c.entity_id == row_id)
        .order_by(_AUDIT.c.id.desc()).limit(1)).first()
    return LastChange(found.author, found.at) if found else LastChange(None, None)


def check_edit(conn: Connection, module_key: str, row_id: int, values: Mapping[str, Any],
               current: Mapping[str, Any], *, seen: Mapping[str, Any] | None,
               seen_version: int | None) -> None:
    """Refuse (EditConflictError) an edit of `values` on `current` — the locked row, REFS lists included —
    when fields it sets were changed by someone else since the editor read version `seen_version`.

    Nothing is checked without `seen_version` (an edit that does not say what it read: a script's, an
    import's) or when the version has not moved.
    """
    version = current.get("row_version")
    if seen_version is None or version is None or version == seen_version:
        return
    seen = seen or {}
    conflicts = []
    for key, wanted in values.items():
        read = seen.get(key, _UNREAD)
        now = current.get(key)
        if read is not _UNREAD and _same(now, read):
            continue  # nobody else changed this field: the edit lands
        if _same(now, wanted):
            continue  # the other wrote what this edit writes: nothing is lost
        conflicts.append(FieldConflict(key, None if read is _UNREAD else read, now, wanted))
    if conflicts:
        raise EditConflictError(module(module_key).key, row_id, tuple(conflicts), last_change(conn, module_key, row_id),
                                current, int(version))


def _same(stored: Any, shown: Any) -> bool:
    """Whether a stored value and a value as an editor holds it are the same (a REFS list in any order,
    an empty text and no value alike)."""
    if isinstance(stored, list) and isinstance(shown, list | tuple | set):
        return sorted(stored) == sorted(shown)
    if stored in (None, "") and shown in (None, ""):
        return True
    return stored == shown


__all__ = ["DeleteConflictError", "EditConflictError", "FieldConflict", "LastChange", "RowDeletedError",
           "check_delete", "check_edit", "deleted_by", "last_change", "locked_row"]
