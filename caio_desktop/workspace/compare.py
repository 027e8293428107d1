"""The comparison engine: what changed between two states of an engagement, module by module.

    for diff in compare_states(after=workspace.path, before=baseline.path, passphrase=...):
        print(diff.module, len(diff.added), len(diff.removed), len(diff.changed))

Rows are matched by their stable id with a join of the two states on one connection (`pairing.paired`),
one module at a time. SQLite compares every field (`IS NOT`, which treats two empty values as equal) and
hands Python only the rows that differ, so memory and Python work grow with the number of changes, never
with the unchanged rows of a 100,000-risk register (bench/bench_diff.py). Values are then named in the
workspace language: choices by their label, references by the referenced row's label in its own state,
the client's custom columns field by field. Each row names who changed it between the two states (the
authors of the later state's audit entries past the earlier state's last one: "changed by").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.domain.modules import MODULES, Module, module
from caio_desktop.workspace.comparison import CUSTOM_PREFIX, FieldChange, ModuleDiff, RowDiff
from caio_desktop.workspace.engine import Connection
from caio_desktop.workspace.models import LINKS
from caio_desktop.workspace.pairing import OLD, paired
from caio_desktop.workspace.queries import id_chunks, row_label

NEW = "main"
Progress = Callable[[int, int, str], None]  # (modules done, modules in all, module key being compared)
_YES_NO = {"fr": ("Oui", "Non"), "en": ("Yes", "No")}


def compared_fields(mod: Module) -> tuple[Field, ...]:
    """The fields of `mod` read from its own table (REFS live in link tables and are compared apart)."""
    return tuple(f for f in mod.fields if f.kind != FieldKind.REFS)


def row_name(mod: Module, row: dict[str, Any]) -> str:
    """How a compared row is named: its code and title when it has a code ("R-012 Biais du scoring"),
    since a list of bare codes says nothing to a steering committee; else its usual label."""
    named = row_label(mod, row)
    title = row.get(mod.title_field) if mod.code_field and row.get(mod.code_field) else None
    return f"{named} {row_label(mod, {mod.code_field: None, mod.title_field: title})}" if title else named


def _label_columns(mod: Module) -> list[str]:
    return [mod.title_field] + ([mod.code_field] if mod.code_field else [])


@dataclass
class _Changed:
    """A changed row while its module is compared: raw values, named once the module is read."""

    id: int
    label: str
    fields: list[tuple[Field | None, str, Any, Any]] = field(default_factory=list)  # field, key, old, new


def workspace_language(connection: Connection) -> str:
    row = connection.execute(f"SELECT language FROM {NEW}.engagement ORDER BY id LIMIT 1").fetchone()
    return row[0] if row and row[0] in _YES_NO else "fr"


def diff_module(connection: Connection, mod: Module, *, lang: str) -> ModuleDiff:
    """The rows of `mod` added, removed and changed from `old` to `main` on a paired connection."""
    fields = compared_fields(mod)
    columns = [f.key for f in fields] + ["custom"]
    table = f'"{mod.key}"'
    differs = " OR ".join(f'n."{c}" IS NOT o."{c}"' for c in columns)
    selected = ", ".join([*(f'n."{c}"' for c in columns), *(f'o."{c}"' for c in columns)])
    added: list[RowDiff] = []
    changed: dict[int, _Changed] = {}
    by_key = {f.key: f for f in fields}
    # One pass over the later state: rows absent before (added) or differing in any field (changed).
    for row in connection.execute(
            f"SELECT n.id, o.id, {selected} FROM {NEW}.{table} AS n LEFT JOIN {OLD}.{table} AS o "
            f"ON o.id = n.id WHERE o.id IS NULL OR {differs} ORDER BY n.id"):
        new = dict(zip(columns, row[2:2 + len(columns)], strict=True))
        label = row_name(mod, {"id": row[0], **new})
        if row[1] is None:
            added.append(RowDiff(row[0], label))
            continue
        old = dict(zip(columns, row[2 + len(columns):], strict=True))
        entry = _Changed(row[0], label, [(by_key[c], c, old[c], new[c]) for c in columns[:-1]
                                         if old[c] != new[c]])
        entry.fields.extend(_custom_changes(old["custom"], new["custom"]))
        if entry.fields:  # the same custom columns written in another order are no change
            changed[row[0]] = entry
    label_sql = ", ".join(f'o."{c}"' for c in _label_columns(mod))
    removed = [RowDiff(row[0], row_name(mod, {"id": row[0], **dict(zip(_label_columns(mod), row[1:],
                                                                         strict=True))}))
               for row in connection.execute(
                   f"SELECT o.id, {label_sql} FROM {OLD}.{table} AS o WHERE NOT EXISTS "
                   f"(SELECT 1 FROM {NEW}.{table} AS n WHERE n.id = o.id) ORDER BY o.id")]
    _link_changes(connection, mod, changed)
    named = _named(connection, sorted(changed.values(), key=lambda e: e.id), lang)
    authors = changed_by(connection, mod.key) if added or removed or named else {}
    if authors:  # (rows added by a bulk insert, an import, have its author: its entry names no row)
        bulk = authors.get(None, ())
        added = [RowDiff(r.id, r.label, r.fields, authors.get(r.id) or bulk) for r in added]
        removed, named = ([RowDiff(r.id, r.label, r.fields, authors.get(r.id, ())) for r in rows]
                          for rows in (removed, named))
    return ModuleDiff(mod.key, mod.label(lang), tuple(added), tuple(removed), tuple(named))


def changed_by(connection: Connection, table: str) -> dict[int | None, tuple[str, ...]]:
    """row id → who changed it from `old` to `main`, in the order of their first change: the authors of
    the audit entries of `table` that the later state has past the earlier state's last entry (None →
    the authors of bulk inserts, whose entry names no row). Empty when the later state records no
    authors (before schema 5)."""
    columns = {row[1] for row in connection.execute(f"PRAGMA {NEW}.table_info(audit_log)")}
    if "author" not in columns:
        return {}
    found: dict[int | None, list[str]] = defaultdict(list)
    for row_id, author in connection.execute(
            f"SELECT entity_id, author FROM {NEW}.audit_log WHERE entity = ? AND author IS NOT NULL "
            f"AND id > (SELECT coalesce(max(id), 0) FROM {OLD}.audit_log) ORDER BY id",
            (table,)):
        if author not in found[row_id]:
            found[row_id].append(author)
    return {row_id: tuple(names) for row_id, names in found.items()}


def _custom_changes(old_text: str | None, new_text: str | None) -> list[tuple[None, str, Any, Any]]:
    """The client's own columns that differ, one by one (JSON text compared as values, not as text)."""
    old, new = _custom(old_text), _custom(new_text)
    return [(None, CUSTOM_PREFIX + name, old.get(name), new.get(name))
            for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name)]


def _custom(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _link_changes(connection: Connection, mod: Module, changed: dict[int, _Changed]) -> None:
    """Add the REFS fields (links in a link table) of rows present in both states whose links differ."""
    for f in mod.fields:
        if f.kind != FieldKind.REFS:
            continue
        link, own, other = LINKS[(mod.key, f.key)]
        lt = f'"{link.__tablename__}"'
        pairs = f'SELECT "{own}", "{other}" FROM {{}}.{lt}'
        ids = [r[0] for r in connection.execute(
            f'SELECT "{own}" FROM ({pairs.format(NEW)} EXCEPT {pairs.format(OLD)}) UNION '
            f'SELECT "{own}" FROM ({pairs.format(OLD)} EXCEPT {pairs.format(NEW)})')]
        both = _present_in_both(connection, mod, ids)
        if not both:
            continue
        old_links, new_links = (_links(connection, database, lt, own, other, list(both))
                                for database in (OLD, NEW))
        for row_id, label in both.items():
            entry = changed.setdefault(row_id, _Changed(row_id, label))
            entry.fields.append((f, f.key, old_links.get(row_id, []), new_links.get(row_id, [])))


def _present_in_both(connection: Connection, mod: Module, ids: list[int]) -> dict[int, str]:
    """id → label (later state) of those `ids` that exist in both states."""
    columns = _label_columns(mod)
    found: dict[int, str] = {}
    for chunk in id_chunks(sorted(ids)):
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
                f'SELECT n.id, {", ".join(f"n.{c}" for c in columns)} FROM {NEW}."{mod.key}" AS n '
                f'JOIN {OLD}."{mod.key}" AS o ON o.id = n.id WHERE n.id IN ({marks})', list(chunk)):
            found[row[0]] = row_name(mod, {"id": row[0], **dict(zip(columns, row[1:], strict=True))})
    return found


def _links(connection: Connection, database: str, lt: str, own: str, other: str,
           ids: list[int]) -> dict[int, list[int]]:
    linked: dict[int, list[int]] = defaultdict(list)
    for chunk in id_chunks(sorted(ids)):
        marks = ",".join("?" * len(chunk))
        for own_id, other_id in connection.execute(
                f'SELECT "{own}", "{other}" FROM {database}.{lt} WHERE "{own}" IN ({marks}) '
                f'ORDER BY "{other}"', list(chunk)):
            linked[own_id].append(other_id)
    return linked


def _named(connection: Connection, entries: list[_Changed], lang: str) -> list[RowDiff]:
    """The changed rows with their values as people read them; the labels of referenced rows are read
    in one query per referenced module and state, not one per value."""
    wanted: dict[tuple[str, str], set[int]] = defaultdict(set)
    for entry in entries:
        for f, _key, old, new in entry.fields:
            if f is not None and f.ref:
                wanted[(OLD, f.ref)].update(_ids(old))
                wanted[(NEW, f.ref)].update(_ids(new))
    labels = {where: ref_labels(connection, where[0], where[1], ids) for where, ids in wanted.items()}

    def named(f: Field | None, value: Any, database: str) -> str:
        return display(f, value, lang, labels.get((database, f.ref or "")) if f else None)

    return [RowDiff(entry.id, entry.label, tuple(
        FieldChange(key, f.label(lang) if f else key.removeprefix(CUSTOM_PREFIX),
                    named(f, old, OLD), named(f, new, NEW), old, new)
        for f, key, old, new in entry.fields)) for entry in entries]


def _ids(value: Any) -> list[int]:
    return [] if value is None else list(value) if isinstance(value, list) else [value]


def ref_labels(connection: Connection, database: str, target_key: str, ids: Iterable[int]) -> dict[int, str]:
    """id → label of the rows `ids` of module `target_key` in the state `database`: a risk linked to a
    system renamed since reads with the name each state gave it."""
    target = module(target_key)
    columns = _label_columns(target)
    found: dict[int, str] = {}
    for chunk in id_chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
                f'SELECT id, {", ".join(columns)} FROM {database}."{target.key}" WHERE id IN ({marks})',
                list(chunk)):
            found[row[0]] = row_name(target, {"id": row[0], **dict(zip(columns, row[1:], strict=True))})
    return found


def display(f: Field | None, value: Any, lang: str, labels: dict[int, str] | None = None) -> str:
    """`value` of field `f` as people read it, without Qt: choices as words, references by label,
    numbers without a trailing ".0"; dates stay ISO (the UI formats them in its own locale)."""
    if value is None or value == "" or value == []:
        return ""
    kind = f.kind if f else FieldKind.TEXT
    if kind == FieldKind.CHOICE:
        return ENUMERATIONS[f.choices or ""].label(value, lang)  # type: ignore[union-attr]
    if kind in (FieldKind.REF, FieldKind.REFS):
        return ", ".join((labels or {}).get(i, f"#{i}") for i in _ids(value))
    if kind == FieldKind.BOOL:
        yes, no = _YES_NO.get(lang, _YES_NO["en"])
        return yes if value else no
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if kind == FieldKind.PERCENT:
        return f"{value} %" if lang == "fr" else f"{value}%"
    return str(value)


def diff_pair(connection: Connection, *, modules: Sequence[str] | None = None, lang: str | None = None,
              progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> Iterator[ModuleDiff]:
    """Every module's differences on a paired connection, one module at a time, in registry order."""
    keys = [module(k).key for k in modules] if modules else list(MODULES)
    lang = lang or workspace_language(connection)
    for done, key in enumerate(keys):
        if cancelled and cancelled():
            return
        if progress:
            progress(done, len(keys), key)
        yield diff_module(connection, MODULES[key], lang=lang)
    if progress:
        progress(len(keys), len(keys), "")


def compare_states(*, after: Path, before: Path, passphrase: str | None = None,
                   modules: Sequence[str] | None = None, lang: str | None = None,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Iterator[ModuleDiff]:
    """The differences from the state file `before` to the state file `after` (a workspace or a
    snapshot), module by module; the states stay paired while the caller iterates."""
    with paired(after=after, before=before, passphrase=passphrase) as connection:
        yield from diff_pair(connection, modules=modules, lang=lang, progress=progress, cancelled=cancelled)
