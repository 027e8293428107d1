"""The three-way merge behind publishing a checked-out file: base (the checkout) / mine (the file) /
theirs (the server now), row by row and field by field.

    plan = plan_merge(base, mine, theirs, take=None, resolutions={"risks:12:impact": "mine"})
    if plan.conflicts: ...                     # nothing is written; the user chooses
    apply_merge(plan, mine_conn, theirs_conn)  # inside the server's one transaction

The rules, for every row of every table:
- a field changed on one side only lands; the same field changed on both sides to different values is a
  `Conflict` (both values kept for the user to choose: `take` for all, or a resolution per conflict key
  `table:row id:field`); a client's own column (`custom`) merges key by key (`custom.KEY`);
- a row added in the file is inserted with a new server id and the file's links to it (foreign keys, the
  attachments' and the audit trail's module and row id) follow it; a row added in the file that has the
  same unique key as one on the server (a setting, a rating of the same dimension, the same evidence
  content) is that row, merged field by field — but a new risk numbered by the app like one the server
  added (R-031 on both sides) is another risk, and takes the next free number;
- a row deleted on one side and untouched on the other is deleted; deleted on one side and changed (or
  given rows hanging on it, new or moved there) on the other is a conflict of the whole row (field `(row)`): "mine" keeps
  the file's choice, "theirs" the server's, and the rows hanging on it follow.
The plan is computed from the three states in memory (`copy.read_state`), so a conflict is known before
anything is written. Bookkeeping columns (id, created and updated times, the row version) never conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, delete, func, select, text, update

from caio_desktop.team.copy import Progress, Row, State, batch_size, tables, write_rows
from caio_desktop.workspace.models import Base, utcnow

ID_CHUNK = 500  # ids in one `IN (…)` of a read
ROW = "(row)"  # the field of a conflict about a whole row (deleted on one side, changed on the other)
CUSTOM = "custom."
CHOICES = ("mine", "theirs")
BOOKKEEPING = {"id", "created_at", "updated_at", "row_version"}
# Tables that name a row by (module, row id) rather than a foreign key: their column pairs.
SOFT_LINKS = {"attachments": ("module", "row_id"), "actions": ("source_module", "source_id"),
              "audit_log": ("entity", "entity_id")}
# Values the operations derive from others (`operations.rules.derive`): never a conflict of their own, they
# are derived again from the merged row (one side's new likelihood and the other's new impact give a level
# neither side had).
DERIVED = {"risks": ("level", "residual_level"), "use_cases": ("value_score", "feasibility_score", "quadrant")}
HANGING = {"attachments"}
NUMBERED = {"risks": ("code", re.compile(r"^R-(\d+)$"))}  # codes the app numbers itself (rules.next_risk_code)  # soft links that belong to their row (deleting a row takes its attachments)
DELETED, CHANGED = "(deleted)", "(changed)"
HISTORY = "audit_log"


class MergeError(Exception):
    """A merge that cannot go on: a bad resolution, or the server changed while publishing."""


@dataclass(frozen=True)
class NewRow:
    """A row added in the file, before the server gives it its id."""

    table: str
    local_id: int

    def __str__(self) -> str:
        return f"(new {self.table} row)"


@dataclass(frozen=True)
class Conflict:
    """The same thing changed differently on both sides: `mine` is the file's value, `theirs` the
    server's (DELETED / CHANGED for a whole row)."""

    table: str
    row_id: int  # the server's id of the row
    row: str  # how people name it (its code, else its title)
    field: str
    mine: Any
    theirs: Any

    @property
    def key(self) -> str:
        """The key of a resolution file: `risks:12:impact`."""
        return f"{self.table}:{self.row_id}:{self.field}"


@dataclass
class _Update:
    table: str
    row_id: int  # on the server
    local_id: int  # in the file
    values: dict[str, Any]  # column → the file's value (plain; links may be NewRow)
    version: int | None  # the server row's version read for the plan (None: no row_version column)
    computed: frozenset[str] = frozenset()  # columns whose value is the plan's own (derived again)


@dataclass
class _Insert:
    table: str
    local_id: int
    values: Row  # plain values, links resolved or NewRow
    keep_id: bool = False  # a row the server deleted, kept by the user's choice: back under its own id
    computed: frozenset[str] = frozenset()  # columns whose value is the plan's own (a new number)


@dataclass
class MergePlan:
    """What publishing will write on the server, and what stops it."""

    conflicts: list[Conflict] = field(default_factory=list)  # unresolved: nothing may be written
    resolved: list[Conflict] = field(default_factory=list)
    deletes: list[tuple[str, int]] = field(default_factory=list)
    updates: list[_Update] = field(default_factory=list)
    inserts: list[_Insert] = field(default_factory=list)
    paired: dict[tuple[str, int], int] = field(default_factory=dict)  # file row added → same server row
    renumbered: list[tuple[str, str, str]] = field(default_factory=list)  # (table, code in the file, new code)

    @property
    def writes(self) -> int:
        return len(self.deletes) + len(self.updates) + len(self.inserts)

    def summary(self) -> str:
        """What the merge writes, in words: rows of the registers, then entries of the history."""
        history = sum(1 for i in self.inserts if i.table == HISTORY)
        added = len(self.inserts) - history
        return (f"{counted(added, 'row')} added, {len(self.updates)} changed, {len(self.deletes)} deleted"
                + (f", {counted(history, 'history entry', 'history entries')}" if history else "")
                + (f", {counted(len(self.resolved), 'conflict')} resolved" if self.resolved else "")
                + "".join(f"; {old} added in the file is {new} (its number was taken)"
                          for _, old, new in self.renumbered))


def counted(count: int, one: str, many: str | None = None) -> str:
    """`1 row`, `2 rows`: a count with its noun."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def _links(table: Table) -> dict[str, tuple[str, bool]]:
    """Foreign key column → (parent table, whether the row goes with its parent)."""
    found = {}
    for column in table.c:
        for key in column.foreign_keys:
            found[column.name] = (key.column.table.name, key.ondelete == "CASCADE")
    return found


def merge_order() -> list[Table]:
    """Parents first; the tables naming rows by (module, id) last, once every row they name is placed."""
    every = tables()
    return [t for t in every if t.name not in SOFT_LINKS] + [t for t in every if t.name in SOFT_LINKS]


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    keys = [tuple(c.name for c in constraint.columns) for constraint in table.constraints
            if constraint.__class__.__name__ == "UniqueConstraint"]
    keys += [(c.name,) for c in table.c if c.unique]
    keys += [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
    return list(dict.fromkeys(keys))


def row_name(table_name: str, row: Row | None, row_id: int) -> str:
    """A row as people name it: its code when the register has one, else its title, else its id."""
    from caio_desktop.domain.modules import MODULES
    from caio_desktop.workspace.queries import row_label

    mod = MODULES.get(table_name)
    if mod is None or row is None:
        if table_name == "settings" and row:
            return str(row.get("key"))
        return f"#{row_id}"
    return row_label(mod, {**row, "id": row_id})


def _referenced(state: State, base: State, new_ids: Mapping[str, set[int]]) -> set[tuple[str, int]]:
    """The rows (table, id) that rows of that side newly link to — rows added under them, or moved
    under them: that changes them as much as an edit would."""
    found: set[tuple[str, int]] = set()
    for table in tables():
        links = _links(table)
        soft = SOFT_LINKS.get(table.name) if table.name in HANGING else None
        if not links and not soft:
            continue
        before = base.get(table.name, {})
        for row_id, row in state.get(table.name, {}).items():
            old = None if row_id in new_ids[table.name] else before.get(row_id)
            for column, (parent, _) in links.items():
                if row.get(column) is not None and (old is None or old.get(column) != row[column]):
                    found.add((parent, row[column]))
            if soft and row.get(soft[0]) and row.get(soft[1]) is not None and (
                    old is None or (old.get(soft[0]), old.get(soft[1])) != (row[soft[0]], row[soft[1]])):
                found.add((row[soft[0]], row[soft[1]]))
    return found


def _derive_again(table: str, merged: Row, theirs: Row) -> dict[str, Any]:
    """The derived values of the merged row that differ from the server's."""
    if table not in DERIVED:
        return {}
    from caio_desktop.operations.rules import derive

    values: dict[str, Any] = {}
    derive(table, values, merged)
    return {k: v for k, v in values.items() if k in DERIVED[table] and v != theirs.get(k)}


def _compared(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in BOOKKEEPING}


class _Planner:
    """One merge being planned (see the module's docstring for the rules)."""

    def __init__(self, base: State, mine: State, theirs: State, choose: Callable[[Conflict], str | None]) -> None:
        self.base, self.mine, self.theirs, self.choose = base, mine, theirs, choose
        self.plan = MergePlan()
        self.ids: dict[tuple[str, int], int | NewRow] = {}  # file row added → its server id or NewRow
        self.gone: set[tuple[str, int]] = set()  # rows that will not be on the server
        self.restored: set[tuple[str, int]] = set()  # deleted on the server, kept by choice of mine
        self.kept: set[tuple[str, int]] = set()  # deleted in the file, kept by choice of theirs
        self.highest: dict[str, int] = {}  # table → the highest number in use (see `_next_code`)
        names = [t.name for t in tables()]
        self.mine_new = {t: set(mine.get(t, {})) - set(base.get(t, {})) for t in names}
        theirs_new = {t: set(theirs.get(t, {})) - set(base.get(t, {})) for t in names}
        self.mine_refs = _referenced(mine, base, self.mine_new)
        self.theirs_refs = _referenced(theirs, base, theirs_new)

    def decide(self, conflict: Conflict) -> str | None:
        choice = self.choose(conflict)
        (self.plan.resolved if choice else self.plan.conflicts).append(conflict)
        return choice

    def run(self) -> MergePlan:
        for table in merge_order():
            self._table(table)
        return self.plan

    # --- one table -----------------------------------------------------------------------------------
    def _table(self, table: Table) -> None:
        name = table.name
        base, mine, theirs = self.base.get(name, {}), self.mine.get(name, {}), self.theirs.get(name, {})
        for row_id, b in base.items():
            m, t = mine.get(row_id), theirs.get(row_id)
            remapped = self._remap(table, m) if m is not None else None
            if m is not None and remapped is None and t is not None:
                # it now hangs on a row that will not be on the server: it goes with it, as a delete would
                self._deleted_in_file(table, row_id, b, t)
            elif m is not None and t is not None:
                self._both(table, row_id, row_id, b, remapped, t)
            elif t is not None:  # deleted in the file
                self._deleted_in_file(table, row_id, b, t)
            elif m is not None:  # deleted on the server
                self._deleted_on_server(table, row_id, b, remapped)
        unique = _unique_keys(table)
        index: dict[tuple[tuple[str, ...], tuple[Any, ...]], int] = {}
        if unique and self.mine_new[name]:
            for row_id, t in theirs.items():
                if (name, row_id) in self.gone:
                    continue
                for columns in unique:
                    index[columns, tuple(t.get(c) for c in columns)] = row_id
        for local_id in sorted(self.mine_new[name]):
            m = self._remap(table, mine[local_id])
            if m is None:
                self.gone.add((name, local_id))
                continue
            twin = next((index[key] for key in ((c, tuple(m.get(x) for x in c)) for c in unique)
                         if None not in key[1] and key in index), None)
            computed: frozenset[str] = frozenset()
            if twin is not None and name in NUMBERED and NUMBERED[name][1].match(str(m[NUMBERED[name][0]])):
                # Two new risks numbered alike on both sides (R-031 offline, R-031 at the office) are two
                # risks: the file's takes the next free number instead of being merged into the other.
                column = NUMBERED[name][0]
                code = self._next_code(name)
                self.plan.renumbered.append((name, m[column], code))
                m, twin, computed = {**m, column: code}, None, frozenset({column})
            if twin is not None:
                self.ids[name, local_id] = twin
                self.plan.paired[name, local_id] = twin
                self._both(table, twin, local_id, None, m, theirs[twin])
            else:
                self.ids[name, local_id] = NewRow(name, local_id)
                self.plan.inserts.append(_Insert(name, local_id, m, computed=computed))

    def _next_code(self, name: str) -> str:
        """The next number free on both sides (R-NNN), one more for each row renumbered."""
        column, pattern = NUMBERED[name]
        if name not in self.highest:
            codes = [row.get(column) for side in (self.mine, self.theirs) for row in side.get(name, {}).values()]
            self.highest[name] = max((int(found.group(1)) for c in codes if c and (found := pattern.match(c))),
                                     default=0)
        self.highest[name] += 1
        return f"R-{self.highest[name]:03d}"

    def _remap(self, table: Table, row: Row) -> Row | None:
        """The file's row with its links pointing where they will on the server: added rows by their
        NewRow or twin, rows that will not be there dropped (a child that goes with its parent: None)
        or cleared (a mere link)."""
        out = dict(row)
        for column, (parent, cascade) in _links(table).items():
            value = row.get(column)
            if value is None:
                continue
            if (parent, value) in self.gone:
                if cascade:
                    return None
                out[column] = None
            else:
                out[column] = self.ids.get((parent, value), value)
        soft = SOFT_LINKS.get(table.name)
        if soft and row.get(soft[0]) in Base.metadata.tables and row.get(soft[1]) is not None:
            target = (row[soft[0]], row[soft[1]])
            if target in self.gone and table.name in HANGING:
                return None
            out[soft[1]] = self.ids.get(target, target[1])
        return out

    def _both(self, table: Table, row_id: int, local_id: int, b: Row | None, m: Row, t: Row) -> None:
        """A row on both sides: field by field (`b` None: added on both sides, no common past)."""
        values: dict[str, Any] = {}
        label = row_name(table.name, t, row_id)
        absent = object()
        bb = b or {}
        derived = DERIVED.get(table.name, ())
        for column in _compared(t).keys() | _compared(m).keys():
            if column in derived:
                continue
            bv = bb.get(column, absent) if b is not None else absent
            mv, tv = m.get(column), t.get(column)
            if column == "custom":
                merged = self._custom(table.name, row_id, label, bv if bv is not absent else None, mv, tv,
                                      both_new=b is None)
                if merged is not None:
                    values[column] = merged
                continue
            if mv in (tv, bv):
                continue  # the same on both sides, or the file left it alone: the server's stands
            if tv == bv or self.decide(Conflict(table.name, row_id, label, column, mv, tv)) == "mine":
                values[column] = mv
        if values:
            again = _derive_again(table.name, {**t, **values}, t)
            values.update(again)
            self.plan.updates.append(_Update(table.name, row_id, local_id, values, t.get("row_version"),
                                             frozenset(again)))

    def _custom(self, table: str, row_id: int, label: str, b: dict | None, m: dict | None, t: dict | None,
                *, both_new: bool) -> dict | None:
        """The client's own columns, key by key; the merged dict when it differs from the server's."""
        b, m, t = b or {}, m or {}, t or {}
        missing = object()
        merged = dict(t)
        for key in sorted(m.keys() | t.keys() | b.keys()):
            bv = missing if both_new else b.get(key, missing)
            mv, tv = m.get(key, missing), t.get(key, missing)
            if mv in (tv, bv):
                continue
            if tv == bv or self.decide(Conflict(table, row_id, label, CUSTOM + key,
                                                None if mv is missing else mv,
                                                None if tv is missing else tv)) == "mine":
                if mv is missing:
                    merged.pop(key, None)
                else:
                    merged[key] = mv
        return merged if merged != t else None

    def _parent_in(self, table: Table, row: Row, chosen: set[tuple[str, int]]) -> bool:
        """Whether the row hangs on a row the user chose to keep (so it follows it)."""
        for column, (parent, cascade) in _links(table).items():
            if cascade and (parent, row.get(column)) in chosen:
                return True
        soft = SOFT_LINKS.get(table.name)
        return bool(soft and table.name in HANGING and (row.get(soft[0]), row.get(soft[1])) in chosen)

    def _deleted_in_file(self, table: Table, row_id: int, b: Row, t: Row) -> None:
        name = table.name
        if self._parent_in(table, t, self.kept):
            self.kept.add((name, row_id))
            return
        changed = _compared(b) != _compared(t) or (name, row_id) in self.theirs_refs
        if changed and self.decide(Conflict(name, row_id, row_name(name, t, row_id), ROW, DELETED,
                                            CHANGED)) != "mine":
            self.kept.add((name, row_id))  # (also while unresolved: the plan is not written then)
            return
        self.plan.deletes.append((name, row_id))
        self.gone.add((name, row_id))

    def _deleted_on_server(self, table: Table, row_id: int, b: Row, m: Row | None) -> None:
        name = table.name
        if m is None:  # its parent will not be on the server either
            self.gone.add((name, row_id))
            return
        if not self._parent_in(table, m, self.restored):
            changed = _compared(b) != _compared(m) or (name, row_id) in self.mine_refs
            if not changed or self.decide(Conflict(name, row_id, row_name(name, m, row_id), ROW, CHANGED,
                                                   DELETED)) != "mine":
                self.gone.add((name, row_id))
                return
        self.restored.add((name, row_id))
        self.plan.inserts.append(_Insert(name, row_id, m, keep_id=True))


def chooser(*, take: str | None = None, resolutions: Mapping[str, str] | None = None
            ) -> Callable[[Conflict], str | None]:
    """How conflicts are decided: a resolution for this conflict's key, else `take` for all, else None
    (unresolved). Bad values are refused before anything is planned."""
    resolutions = dict(resolutions or {})
    for key, choice in [("--take", take), *resolutions.items()]:
        if choice is not None and choice not in CHOICES:
            raise MergeError(f"{key}: {choice!r} is neither 'mine' nor 'theirs'")
    return lambda conflict: resolutions.get(conflict.key, take)


def plan_merge(base: State, mine: State, theirs: State, *, take: str | None = None,
               resolutions: Mapping[str, str] | None = None) -> MergePlan:
    """The merge of the three states (see the module's docstring); `resolutions` keys that name no
    conflict of this merge are refused (a typo must not pass for a decision)."""
    plan = _Planner(base, mine, theirs, chooser(take=take, resolutions=resolutions)).run()
    known = {c.key for c in (*plan.conflicts, *plan.resolved)}
    unknown = sorted(set(resolutions or {}) - known)
    if unknown:
        raise MergeError(f"the resolutions name no conflict of this publish: {', '.join(unknown[:5])}")
    return plan


# --- writing the plan on the server -----------------------------------------------------------------
class _Writer:
    """Writes a plan on the server, a table at a time: its added rows in one bulk insert (COPY on
    PostgreSQL) under ids taken from the server's own numbering, then its changed rows one by one, each
    on the version the plan read."""

    def __init__(self, plan: MergePlan, mine: Connection, theirs: Connection) -> None:
        self.plan, self.mine, self.theirs = plan, mine, theirs
        self.assigned: dict[tuple[str, int], int] = {}

    def resolve(self, value: Any) -> Any:
        if isinstance(value, NewRow):
            return self.assigned[value.table, value.local_id]
        return value

    def file_rows(self, table: Table, ids: list[int]) -> dict[int, Row]:
        """The file's rows as stored (dates, bytes), for the values the plan holds in plain form."""
        found: dict[int, Row] = {}
        for start in range(0, len(ids), ID_CHUNK):
            chunk = ids[start:start + ID_CHUNK]
            found.update((row["id"], dict(row)) for row in
                         self.mine.execute(select(table).where(table.c.id.in_(chunk))).mappings())
        return found

    def values(self, table: Table, raw: Row, plan_values: Row, computed: frozenset[str] = frozenset()) -> Row:
        """The values to write: links and derived values as the plan has them (resolved to server ids),
        the others as the file stores them."""
        links = set(_links(table))
        if table.name in SOFT_LINKS:
            links.add(SOFT_LINKS[table.name][1])
        return {column: self.resolve(value) if column in links or column == "custom" or column in computed
                else raw[column] for column, value in plan_values.items() if column in raw}

    def new_ids(self, table: Table, count: int) -> list[int]:
        """`count` ids the server gives out for `table` (its sequence on PostgreSQL; past the highest id in
        a file)."""
        if not count:
            return []
        if self.theirs.dialect.name == "postgresql":
            return list(self.theirs.execute(text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
                {"table": table.name, "count": count}).scalars())
        start = (self.theirs.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        return list(range(start, start + count))

    def delete_rows(self, deletes: Iterable[tuple[str, int]]) -> None:
        position = {t.name: i for i, t in enumerate(merge_order())}
        for name, row_id in sorted(deletes, key=lambda d: -position[d[0]]):  # children first
            table = Base.metadata.tables[name]
            self.theirs.execute(delete(table).where(table.c.id == row_id))

    def insert_rows(self, table: Table, changes: list[_Insert]) -> None:
        ids = iter(self.new_ids(table, sum(1 for c in changes if not c.keep_id)))
        size = batch_size(table)  # (evidence parts: a few of their MiB at a time)
        for start in range(0, len(changes), size):
            batch = changes[start:start + size]
            raws = self.file_rows(table, [c.local_id for c in batch])
            rows = []
            for change in batch:
                raw = raws[change.local_id]
                row = {**raw, **self.values(table, raw, change.values, change.computed)}
                row["id"] = change.local_id if change.keep_id else next(ids)
                if "row_version" in table.c:
                    row["row_version"] = 1
                self.assigned[table.name, change.local_id] = row["id"]
                rows.append(row)
            write_rows(self.theirs, table, rows)

    def update_rows(self, table: Table, changes: list[_Update]) -> None:
        raws = self.file_rows(table, [c.local_id for c in changes])
        for change in changes:
            values = self.values(table, raws[change.local_id], change.values, change.computed)
            statement = update(table).where(table.c.id == change.row_id)
            if "row_version" in table.c and change.version is not None:
                statement = statement.where(table.c.row_version == change.version)
                values["row_version"] = change.version + 1
            if "updated_at" in table.c:
                values["updated_at"] = utcnow()
            if self.theirs.execute(statement.values(**values)).rowcount != 1:
                raise MergeError(f"{table.name} {row_name(table.name, None, change.row_id)} changed on the "
                                 "server while publishing; publish again")

    def run(self, progress: Progress | None) -> dict[tuple[str, int], int]:
        self.delete_rows(self.plan.deletes)
        updates: dict[str, list[_Update]] = defaultdict(list)
        inserts: dict[str, list[_Insert]] = defaultdict(list)
        for u in self.plan.updates:
            updates[u.table].append(u)
        for i in self.plan.inserts:
            inserts[i.table].append(i)
        order = merge_order()
        for done, table in enumerate(order):
            if progress:
                progress(done, len(order), table.name)
            if inserts[table.name]:  # (before the updates: a paired row may link to them)
                self.insert_rows(table, inserts[table.name])
            if updates[table.name]:
                self.update_rows(table, updates[table.name])
        if progress:
            progress(len(order), len(order), "")
        return {**self.assigned, **self.plan.paired}


def apply_merge(plan: MergePlan, mine: Connection, theirs: Connection, *,
                progress: Progress | None = None) -> dict[tuple[str, int], int]:
    """Write `plan` (free of conflicts) on the server through `theirs` (the caller's transaction), reading
    the file's own values through `mine`; returns file row added → its server id."""
    if plan.conflicts:
        raise MergeError(f"{counted(len(plan.conflicts), 'conflict')} not resolved")
    return _Writer(plan, mine, theirs).run(progress)
