"""Create, edit, duplicate and delete rows of any module: the operations behind every table and form.

    change = create_row(ws, "risks", {"title": "Biais du modèle de tarification", "likelihood": 4,
                                      "impact": 5})
    update_row(ws, "risks", change.row_ids[0], {"impact": 3})
    undo(ws, change)

Values are validated by the domain rules first; a ValidationError names the field and the value.

An edit may say what its editor read (`update_row(..., seen={"impact": 4}, seen_version=3)`): when
someone else changed those fields since, it is refused with an EditConflictError naming field, their
value, who and when (caio_desktop/team/conflicts.py); fields nobody else changed land.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.sql import Select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import Module, module
from caio_desktop.domain.validation import clean_values
from caio_desktop.operations import rules
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.team.conflicts import RowDeletedError, check_delete, check_edit, deleted_by, locked_row
from caio_desktop.workspace.models import LINKS
from caio_desktop.workspace.queries import _with_links as with_links  # (REFS lists of the locked row)
from caio_desktop.workspace.queries import row_label


def _split(mod: Module, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """Column values apart from REFS values (kept in link tables)."""
    refs = {k: v for k, v in values.items() if mod.has_field(k) and mod.field(k).kind == FieldKind.REFS}
    return {k: v for k, v in values.items() if k not in refs}, refs


@cache
def _existing_ids(table_name: str) -> Select:
    """`SELECT id FROM table WHERE id IN (:ids)`, built once per table (every write checks its
    references; building the statement each time cost more than running it)."""
    t = table(table_name)
    return select(t.c.id).where(t.c.id.in_(bindparam("ids", expanding=True)))


def _check_refs(rec: Recorder, mod: Module, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if key == "custom" or value in (None, []):
            continue
        field = mod.field(key)
        if field.kind not in (FieldKind.REF, FieldKind.REFS):
            continue
        wanted = value if isinstance(value, list) else [value]
        found = set(rec.conn.execute(_existing_ids(field.ref or ""), {"ids": wanted}).scalars())
        missing = [v for v in wanted if v not in found]
        if missing:
            raise ValidationError(mod.key, key, value, f"refers to no existing {field.ref} row {missing[0]}")


def _set_links(rec: Recorder, mod: Module, row_id: int, refs: Mapping[str, list[int]]) -> None:
    for key, wanted in refs.items():
        link, own, other = LINKS[(mod.key, key)]
        lt = link.__table__
        if mod.key == "initiatives" and key == "depends_on_ids" and row_id in wanted:
            raise ValidationError(mod.key, key, wanted, "an initiative cannot depend on itself")
        current = {
            r.other: r.id for r in rec.conn.execute(
                select(lt.c.id, lt.c[other].label("other")).where(lt.c[own] == row_id))
        }
        for other_id, link_id in current.items():
            if other_id not in wanted:
                rec.delete(lt.name, link_id)
        for other_id in wanted:
            if other_id not in current:
                rec.insert(lt.name, {own: row_id, other: other_id})


def _changeset(verb: str, mod: Module, label: str, rec: Recorder, row_ids: list[int],
               merge_key: tuple[Any, ...] | None = None) -> ChangeSet:
    return ChangeSet(verb, mod.key, label, rec.changes, row_ids, merge_key, mod.entity_fr, mod.entity_en)


def insert_row(rec: Recorder, mod: Module, values: Mapping[str, Any]) -> int:
    """Validate and insert one row inside an existing operation (used by imports and domain ops)."""
    cleaned = clean_values(mod, values, partial=False)
    columns, refs = _split(mod, cleaned)
    _check_refs(rec, mod, cleaned)
    rules.prepare(rec, mod.key, columns, None)
    row_id = rec.insert(mod.key, columns)
    inserted = dict(rec.changes[-1].after or {})  # the row as stored, read back by the insert just now
    _set_links(rec, mod, row_id, refs)  # (link tables only: the row itself is unchanged)
    rules.after_change(rec, mod.key, inserted)
    return row_id


def change_row(rec: Recorder, mod: Module, row_id: int, values: Mapping[str, Any]) -> bool:
    """Validate and apply an edit inside an existing operation; False when nothing changed."""
    existing = rec.row(mod.key, row_id)
    if existing is None:
        raise LookupError(f"{mod.key} has no row {row_id}")
    cleaned = clean_values(mod, values, partial=True)
    columns, refs = _split(mod, cleaned)
    _check_refs(rec, mod, cleaned)
    rules.prepare(rec, mod.key, columns, existing)
    changed = rec.update(mod.key, row_id, columns)
    before = len(rec.changes)
    _set_links(rec, mod, row_id, refs)
    if len(rec.changes) > before and not changed:
        rec.touch(mod.key, row_id)  # only its links changed: the row still moves to a new version
    changed = changed or len(rec.changes) > before
    if changed:
        rules.after_change(rec, mod.key, rec.row(mod.key, row_id))
    return changed


def create_row(workspace, module_key: str, values: Mapping[str, Any]) -> ChangeSet:  # noqa: ANN001
    """Add one row to a module ("Add risk R-031")."""
    mod = module(module_key)
    if mod.singleton:
        raise ValidationError(module_key, "id", None, "there is exactly one engagement; edit it instead")
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Add {mod.entity_en}")
        row_id = insert_row(rec, mod, values)
        label = row_label(mod, rec.row(mod.key, row_id) or {})
        rec.rename(f"Add {mod.entity_en} {label}")  # (its audit entries too: the code is known now)
        return _changeset("add", mod, label, rec, [row_id])


def update_row(workspace, module_key: str, row_id: int, values: Mapping[str, Any], *,  # noqa: ANN001
               seen: Mapping[str, Any] | None = None, seen_version: int | None = None) -> ChangeSet:
    """Edit fields of one row ("Edit risk R-012"). Edits of a single field carry a merge key so that
    consecutive edits of the same cell become one undo step.

    `seen_version` (the row's `row_version` as read) and `seen` (field → value as read) make the edit
    refuse, with an EditConflictError, to overwrite fields someone else changed since, and, with a
    RowDeletedError (who deleted it, when), to edit a row someone deleted since.
    """
    mod = module(module_key)
    with workspace.writing() as conn:
        existing = locked_row(conn, mod.key, row_id)
        if existing is None and seen_version is not None:  # gone since it was read: say who deleted it
            raise RowDeletedError(mod.key, row_id, deleted_by(conn, mod.key, row_id))
        if existing is None:
            raise LookupError(f"{module_key} has no row {row_id}")
        if seen_version is not None:
            check_edit(conn, mod.key, row_id, values, with_links(conn, mod, [dict(existing)])[0],
                       seen=seen, seen_version=seen_version)
        label = row_label(mod, existing)
        rec = Recorder(conn, f"Edit {mod.entity_en} {label}")
        change_row(rec, mod, row_id, values)
        merge_key = (module_key, row_id, next(iter(values))) if len(values) == 1 else None
        return _changeset("edit", mod, label, rec, [row_id], merge_key)


def delete_rows(workspace, module_key: str, row_ids: Iterable[int], *,  # noqa: ANN001
                seen: Mapping[int, Mapping[str, Any]] | None = None) -> ChangeSet:
    """Delete rows with what hangs on them (a risk's actions, a KPI's measurements) as one step.

    `seen` (row id → the row as shown, its `row_version` included) makes the delete refuse, with a
    DeleteConflictError and nothing deleted, when someone else changed one of those rows since; one of
    those rows someone else deleted since is left out (it is gone, as asked), and when all are, the
    LookupError says so."""
    mod = module(module_key)
    if mod.singleton:
        raise ValidationError(module_key, "id", None, "the engagement cannot be deleted")
    ids = list(dict.fromkeys(row_ids))
    with workspace.writing() as conn:
        if seen:
            ids = _check_deletes(conn, mod, ids, seen)
        rec = Recorder(conn, f"Delete {mod.entity_en}")
        first = rec.row(mod.key, ids[0]) if ids else None
        label = row_label(mod, first) if first and len(ids) == 1 else f"×{len(ids)}"
        rec.operation = f"Delete {mod.entity_en} {label}"
        for row_id in ids:
            if rec.row(mod.key, row_id) is None:
                raise LookupError(f"{module_key} has no row {row_id}")
            rec.delete(mod.key, row_id)
        rules.after_change(rec, mod.key, None)
        return _changeset("delete", mod, label, rec, ids)


def _check_deletes(conn: Any, mod: Module, ids: list[int], seen: Mapping[int, Mapping[str, Any]]) -> list[int]:
    """The rows of `ids` still there, each seen one locked (a colleague's edit of it waits for this delete)
    and checked against what was seen (DeleteConflictError)."""
    kept, gone = [], []
    for row_id in ids:
        current = locked_row(conn, mod.key, row_id) if row_id in seen else {}
        if current is None:
            gone.append(row_id)
            continue
        if row_id in seen:
            check_delete(conn, mod.key, row_id, with_links(conn, mod, [current])[0], seen[row_id])
        kept.append(row_id)
    if gone and not kept:
        raise LookupError(f"{mod.key} rows {', '.join(map(str, gone))} were already deleted by someone else")
    return kept


def duplicate_row(workspace, module_key: str, row_id: int) -> ChangeSet:  # noqa: ANN001
    """Copy a row (codes are re-assigned, titles marked as copies)."""
    from caio_desktop.workspace.queries import get_row

    mod = module(module_key)
    source = get_row(workspace, module_key, row_id)
    if source is None:
        raise LookupError(f"{module_key} has no row {row_id}")
    values = {f.key: source.get(f.key) for f in mod.editable_fields}
    values["custom"] = dict(source.get("custom") or {})
    if mod.code_field:
        values[mod.code_field] = None
    title = values.get(mod.title_field)
    if isinstance(title, str) and mod.field(mod.title_field).kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        values[mod.title_field] = f"{title} (copie)" if _lang(workspace) == "fr" else f"{title} (copy)"
    values = {k: v for k, v in values.items() if v is not None}
    change = create_row(workspace, module_key, values)
    change.verb = "duplicate"
    return change


def _lang(workspace) -> str:  # noqa: ANN001
    from caio_desktop.workspace.queries import fetch_rows

    rows = fetch_rows(workspace, "engagement", limit=1)
    return rows[0]["language"] if rows else "en"


def update_engagement(workspace, values: Mapping[str, Any], *, seen: Mapping[str, Any] | None = None,  # noqa: ANN001
                      seen_version: int | None = None) -> ChangeSet:
    """Edit the engagement itself (client, dates, branding); `seen` and `seen_version` as `update_row`
    takes them (what the page showed: a colleague's change since is refused, not overwritten)."""
    with workspace.writing() as conn:
        row_id = conn.execute(select(table("engagement").c.id)).scalar_one()
    return update_row(workspace, "engagement", row_id, values, seen=seen, seen_version=seen_version)
