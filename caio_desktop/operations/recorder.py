"""The only writer of workspace rows: every insert, update and delete goes through a Recorder, which
keeps the rows before and after (for undo) and writes the audit trail in the same transaction.

Deletes follow the schema's foreign keys explicitly (children first, links cleared) instead of
leaving it to SQLite's ON DELETE actions, so that every cascaded row is recorded and comes back on undo.

Team mode (issue 19): every audit entry names its author (operations/authorship.py) and every update of
a row raises its `row_version`, undo and redo included (they are new writes), so that an edit made on
what someone read before another person's change can be told apart (caio_desktop/team/conflicts.py).
An undo or redo of an edit writes back only the fields that step changed: a field another consultant
changed since is left as they left it. On a shared engagement (a server), an undo or redo that would
overwrite or delete what another consultant changed since is refused with an EditConflictError
(nothing replayed); a file has one writer, whose steps are replayed in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Index, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.sql import Select

from caio_desktop.domain.evidence import EVIDENCE_MODULES
from caio_desktop.operations.authorship import author_of, session_of
from caio_desktop.operations.changes import BulkInsert, Change, Row, RowChange
from caio_desktop.workspace.models import AuditEntry, Base, utcnow

_SUMMARY_LIMIT = 500
_STAMPS = frozenset(("id", "created_at", "updated_at"))
_UNSUMMARISED = frozenset(("updated_at", "row_version"))  # an edit's audit entry says what a person changed
_BULK_LOAD_ROWS = 10_000  # below this, dropping and rebuilding an index costs more than it saves
_AUDIT = AuditEntry.__table__


def table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def _select_by_id(table_name: str) -> Select:
    """`SELECT * FROM table WHERE id = :row_id`, built once per table: every write reads its row back
    (for undo), and building the statement each time cost more than running it."""
    t = table(table_name)
    return select(t).where(t.c.id == bindparam("row_id"))


@cache
def _children(table_name: str) -> tuple[tuple[str, str, bool], ...]:
    """(child table, child column, cascade?) for every foreign key that points at `table_name`."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table.name == table_name:
                found.append((child.name, fk.parent.name, fk.ondelete == "CASCADE"))
    return tuple(found)


def _summary(row: Mapping[str, Any] | None) -> str | None:
    if row is None:
        return None
    text = json.dumps(
        {k: v for k, v in row.items() if k not in {"created_at", "updated_at"} and v not in (None, "", {})},
        ensure_ascii=False, default=str,
    )
    return text if len(text) <= _SUMMARY_LIMIT else text[: _SUMMARY_LIMIT - 1] + "…"


def _bound_values(processor: Any, values: Sequence[Any]) -> Sequence[Any]:
    """One column's values as the driver takes them; a processed value is reused for equal inputs
    (timestamps, dates and custom attributes repeat across a bulk insert)."""
    if processor is None:
        return values
    kinds = set(map(type, values))
    if kinds == {dict}:  # custom attributes: each distinct set once, told apart in C
        processed = _bound_dicts(processor, values)
        if processed is not None:
            return processed
    if len(kinds) == 1 and dict not in kinds:  # one type (timestamps, dates): each distinct value once, in C
        try:
            processed = {value: processor(value) for value in set(values)}
        except TypeError:  # unhashable: below, one by one
            pass
        else:
            return list(map(processed.__getitem__, values))
    done: dict[Any, Any] = {}
    out = []
    for value in values:
        key = value
        if value.__class__ is dict:  # custom attributes: equal texts give equal JSON
            key = tuple(value.items())
            if not all(v.__class__ is str for v in value.values()):
                out.append(processor(value))
                continue
        try:
            found = done.get(key, done)
        except TypeError:  # unhashable: process each
            out.append(processor(value))
            continue
        if found is done:
            found = done[key] = processor(value)
        out.append(found)
    return out


def _sqlite_options(index: Index) -> dict[str, Any]:
    return {k: v for k, v in index.dialect_options["sqlite"].items() if v is not None}


def _literal(values: Sequence[Any], processor: Any = None) -> str | None:
    """The SQL literal of a column whose rows all hold the same value, as the driver would get it
    through `processor` ("NULL" when all are empty); None when they differ or the value has no safe
    literal (then it is bound)."""
    if not values:
        return None
    first = values[0]
    if values[-1] != first or values[len(values) // 2] != first:  # most columns: told apart at once
        return None
    if values.count(first) != len(values) or len(set(map(type, values))) != 1:
        return None  # (1, 1.0 and True are equal but not the same value)
    if first is None:
        return "NULL"
    if processor is not None:
        first = processor(first)
    kind = first.__class__
    if kind is str:
        return None if "\x00" in first else "'" + first.replace("'", "''") + "'"
    if kind is int and -(2**63) <= first < 2**63:
        return repr(first)  # (an int beyond SQLite's 64 bits is bound, and refused, as before)
    return None  # floats are bound: SQLite 3.40 reads some decimal literals one bit off


def _id_ranges(ids: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Runs of consecutive ids as (first, last): a bulk insert's ids are one run."""
    first = previous = None
    for row_id in sorted(ids):
        if first is None:
            first = previous = row_id
        elif row_id == previous + 1:
            previous = row_id
        else:
            yield first, previous
            first = previous = row_id
    if first is not None:
        yield first, previous


def _bound_dicts(processor: Any, values: Sequence[dict]) -> list[Any] | None:
    """Dicts of texts (custom attributes) as the driver takes them, each distinct one processed once;
    None when some hold other values (1 and True are equal but must not share an encoding)."""
    keys = list(map(tuple, map(dict.items, values)))
    try:
        distinct = set(keys)
    except TypeError:
        return None
    if not all(value.__class__ is str for key in distinct for _, value in key):
        return None
    processed = {key: processor(dict(key)) for key in distinct}
    return list(map(processed.__getitem__, keys))


class Recorder:
    """Writes rows within one transaction and remembers each change."""

    def __init__(self, conn: Connection, operation: str, *, audit: bool = True, author: str | None = None) -> None:
        self.conn = conn
        self.operation = operation
        self.changes: list[Change] = []
        self._audit = audit
        self._author = author  # None: resolved from the connection on the first audit entry
        self._audit_ids: list[int] = []  # the audit entries written, for `rename`

    @property
    def author(self) -> str | None:
        """Who this operation's changes are recorded as made by (see operations/authorship.py)."""
        if self._author is None:
            self._author = author_of(self.conn)
        return self._author

    def rename(self, operation: str) -> None:
        """Name the operation once it is known ("Add risk R-031": the code is assigned by the insert),
        the audit entries already written included."""
        self.operation = operation
        if self._audit_ids:
            self.conn.execute(update(_AUDIT).where(_AUDIT.c.id.in_(self._audit_ids)).values(operation=operation))

    # --- reads ---------------------------------------------------------------------------------------
    def row(self, table_name: str, row_id: int) -> Row | None:
        found = self.conn.execute(_select_by_id(table_name), {"row_id": row_id}).mappings().first()
        return dict(found) if found else None

    # --- writes --------------------------------------------------------------------------------------
    def insert(self, table_name: str, values: Mapping[str, Any]) -> int:
        t = table(table_name)
        now = utcnow()
        row = {"custom": {}, **values, "created_at": values.get("created_at") or now, "updated_at": now}
        # values as parameters, not `.values(row)`: SQLAlchemy then compiles and caches one statement per
        # table and column set instead of building a cache key from every value of every row
        row_id = self.conn.execute(insert(t), row).inserted_primary_key[0]
        after = self.row(table_name, row_id)
        self._record(RowChange(table_name, row_id, None, after))
        return row_id

    def insert_many(self, table_name: str, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Bulk insert of row dicts (see `insert_columns`)."""
        if not rows:
            return []
        names = list(dict.fromkeys(chain.from_iterable(rows)))
        columns = {name: [row.get(name) for row in rows] for name in names}
        if "custom" in columns:
            columns["custom"] = [{} if c is None else c for c in columns["custom"]]
        return self.insert_columns(table_name, columns, len(rows))

    def insert_columns(self, table_name: str, columns: Mapping[str, Sequence[Any]], count: int) -> list[int]:
        """Bulk insert (imports) of `count` rows given column by column: one executemany, ids assigned
        here, one compact undo record (`BulkInsert`) and one audit entry for the whole batch."""
        if not count:
            return []
        t = table(table_name)
        start = (self.conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1
        now = utcnow()
        full: dict[str, Sequence[Any]] = {"id": range(start, start + count), "custom": [{}] * count,
                                          **{k: v for k, v in columns.items() if k not in _STAMPS},
                                          "created_at": [now] * count, "updated_at": [now] * count}
        self._insert_columns(t, full, ids_given=False)
        highest = self.conn.execute(select(func.max(t.c.id))).scalar()
        if highest != start + count - 1:  # SQLite gives each new row max(id) + 1: never otherwise here
            raise RuntimeError(f"{table_name}: the bulk insert got ids up to {highest}, not {start + count - 1}")
        stored = {k: list(v) if k == "id" else v for k, v in full.items()}
        self.changes.append(BulkInsert(table_name, stored))
        if self._audit:
            self._write_audit(table_name, None, None, f"{count} rows")
        return list(full["id"])

    @contextmanager
    def bulk_load(self, table_name: str, incoming: int) -> Iterator[None]:
        """Around a bulk insert of `incoming` rows: when they outnumber (and are many) the rows already
        there, the table's plain secondary indexes are dropped for the load and built again after, in
        the same transaction — one build from sorted keys costs less than growing the index row by row
        (the heat-map index: 0.045 s of a 100,000-row import). Unique and partial indexes stay."""
        t = table(table_name)
        plain = [index.name for index in t.indexes if not index.unique and "where" not in _sqlite_options(index)]
        # (on a server only the owner may drop an index: a team import keeps them)
        if self.conn.dialect.name != "sqlite" or not plain or incoming < _BULK_LOAD_ROWS or incoming < self.conn.execute(
                select(func.count()).select_from(t)).scalar():
            yield
            return
        # Built again from the file's own definitions (exactly what was there, whatever the schema version).
        definitions = self.conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({', '.join('?' * len(plain))})",
            tuple(plain)).all()
        quote = self.conn.dialect.identifier_preparer.quote
        for name, _ in definitions:
            self.conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
        yield
        for _, sql in definitions:
            self.conn.exec_driver_sql(sql)

    def _insert_columns(self, t: Table, columns: Mapping[str, Sequence[Any]], *, ids_given: bool = True) -> None:
        """One executemany of `columns` (name → the rows' values), straight to the driver.

        SQLAlchemy's per-row parameter handling costs several times what SQLite itself does for a
        100,000-row import, so each column goes through its own bind processor here and the rows are
        streamed to sqlite3 as tuples. Binding parameters is most of what executemany costs per row: a
        column holding one value in every row (the same status, the batch's timestamps) is written once
        into the statement, an all-empty one is left to SQLite's NULL, and with `ids_given=False` SQLite
        numbers the rows itself (max(id) + 1 onwards, as `insert_columns` expects and checks).
        """
        dialect = self.conn.dialect
        if dialect.name == "postgresql":  # team mode: one COPY, ids as given (caio_desktop/team/bulk.py)
            from caio_desktop.team.bulk import copy_columns

            copy_columns(self.conn, t, columns)
            return
        quote = dialect.identifier_preparer.quote
        names, slots, bound = [], [], []
        for name, values in columns.items():
            if name == "id" and not ids_given:
                continue
            processor = t.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            literal = _literal(values, processor)
            if literal == "NULL":
                continue
            names.append(quote(name))
            slots.append(literal or "?")
            if literal is None:
                bound.append(_bound_values(processor, values))
        count = len(next(iter(columns.values())))
        cursor = self.conn.connection.driver_connection.cursor()  # this transaction's own connection
        try:
            cursor.executemany(f"INSERT INTO {quote(t.name)} ({', '.join(names)}) VALUES ({', '.join(slots)})",
                               zip(*bound, strict=True) if bound else [()] * count)
        finally:
            cursor.close()

    def update(self, table_name: str, row_id: int, values: Mapping[str, Any]) -> bool:
        """Set `values` on a row; returns False (and records nothing) when nothing actually changes."""
        before = self.row(table_name, row_id)
        if before is None:
            raise LookupError(f"{table_name} has no row {row_id}")
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            return False
        self._write_row(table(table_name), row_id, changed)
        self._record(RowChange(table_name, row_id, before, self.row(table_name, row_id)))
        return True

    def touch(self, table_name: str, row_id: int) -> None:
        """Raise a row's version without changing its columns: its links (a REFS field, kept in a link
        table) changed, and whoever read the row before must learn that it moved."""
        before = self.row(table_name, row_id)
        if before is None:
            return
        self._write_row(table(table_name), row_id, {})
        self.changes.append(RowChange(table_name, row_id, before, self.row(table_name, row_id)))

    def _write_row(self, t: Table, row_id: int, values: Mapping[str, Any]) -> None:
        """UPDATE one row with `values`, a new `updated_at` and the next `row_version` (every write is a
        new version, an undo's too)."""
        values = {k: v for k, v in values.items() if k not in ("id", "row_version")}
        values.setdefault("updated_at", utcnow())
        self.conn.execute(update(t).where(t.c.id == row_id).values(**values, row_version=t.c.row_version + 1))

    def delete(self, table_name: str, row_id: int) -> None:
        """Delete a row with everything that hangs on it, recording each row touched."""
        before = self.row(table_name, row_id)
        if before is None:
            return
        for child_name, column, cascade in _children(table_name):
            child = table(child_name)
            ids = self.conn.execute(select(child.c.id).where(child.c[column] == row_id)).scalars().all()
            for child_id in ids:
                if child_name == table_name and child_id == row_id:
                    continue
                if cascade:
                    self.delete(child_name, child_id)
                else:
                    self.update(child_name, child_id, {column: None})
        if table_name in EVIDENCE_MODULES:  # its attachments name it by module and id, not by a foreign key
            attached = table("attachments")
            for attachment_id in self.conn.execute(select(attached.c.id).where(
                    attached.c.module == table_name, attached.c.row_id == row_id)).scalars().all():
                self.delete("attachments", attachment_id)
        t = table(table_name)
        self.conn.execute(delete(t).where(t.c.id == row_id))
        self._record(RowChange(table_name, row_id, before, None))

    # --- replay (undo / redo) ------------------------------------------------------------------------
    def replay(self, changes: Iterable[Change]) -> None:
        """Apply recorded changes as they are (pass inverted ones, reversed, to undo)."""
        for change in changes:
            t = table(change.table)
            if isinstance(change, BulkInsert):
                self._replay_bulk(t, change)
                continue
            if self._shared and change.before is not None:
                self._check_unchanged_since(change)
            if change.after is None:
                self.conn.execute(delete(t).where(t.c.id == change.row_id))
            elif change.before is None:  # a row back (undo of a delete, redo of an add): a new version
                self.conn.execute(insert(t).values({**change.after,
                                                    "row_version": (change.after.get("row_version") or 1) + 1}))
            else:  # only what this step changed: a field someone else changed since stays theirs
                self._write_row(t, change.row_id, {k: v for k, v in change.after.items()
                                                   if change.before.get(k) != v})
            self._record(change)

    @property
    def _shared(self) -> bool:
        """Whether others may write the same rows meanwhile (an engagement on a server)."""
        return self.conn.dialect.name != "sqlite"

    def _check_unchanged_since(self, change: RowChange) -> None:
        """Refuse to replay `change` on a row someone else changed since the step left it as
        `change.before`: the fields it would write (or, for a delete, any field) no longer hold that."""
        from caio_desktop.team.conflicts import EditConflictError, FieldConflict, last_change, locked_row

        current = locked_row(self.conn, change.table, change.row_id)
        if current is None:
            return
        before = change.before or {}
        after = change.after or {}
        keys = [k for k in before if k not in _STAMPS and k != "row_version"
                and (change.after is None or before.get(k) != after.get(k))]
        moved = [FieldConflict(k, before.get(k), current.get(k), after.get(k)) for k in keys
                 if current.get(k) != before.get(k) and (change.after is None or current.get(k) != after.get(k))]
        if moved and self._changed_by_others(change.table, change.row_id,
                                              int(current.get("row_version") or 1) - int(before.get("row_version") or 0)):
            raise EditConflictError(change.table, change.row_id, tuple(moved),
                                    last_change(self.conn, change.table, change.row_id), current,
                                    int(current.get("row_version") or 1))

    def _changed_by_others(self, table_name: str, row_id: int, versions: int) -> bool:
        """Whether another session wrote any of the row's last `versions` changes (this session's own
        later edits are its to undo out of order, as on a file)."""
        if versions <= 0:
            return True  # (a version that did not move, yet other values: not ours to explain)
        own = session_of(self.conn.engine)
        marks = self.conn.execute(select(_AUDIT.c.custom).where(
            _AUDIT.c.entity == table_name, _AUDIT.c.entity_id == row_id).order_by(_AUDIT.c.id.desc())
            .limit(versions)).scalars().all()
        return len(marks) < versions or any(not isinstance(m, dict) or m.get("session") != own for m in marks)

    def _replay_bulk(self, t: Table, change: BulkInsert) -> None:
        ids = change.row_ids
        if change.removed:  # undo of an import: its rows go, a range of ids at a time
            for first, last in _id_ranges(ids):
                self.conn.execute(delete(t).where(t.c.id.between(first, last)))
        else:
            self._insert_columns(t, change.columns)
        self.changes.append(change)
        if self._audit:
            summary = f"{len(ids)} rows"
            self._write_audit(t.name, None, summary if change.removed else None,
                              None if change.removed else summary)

    # --- bookkeeping ---------------------------------------------------------------------------------
    def _record(self, change: RowChange) -> None:
        self.changes.append(change)
        if self._audit:
            before, after = change.before, change.after
            if before is not None and after is not None:  # an edit: keep only what changed
                keys = [k for k in after if before.get(k) != after.get(k) and k not in _UNSUMMARISED]
                before = {k: before.get(k) for k in keys}
                after = {k: after.get(k) for k in keys}
            self._write_audit(change.table, change.row_id, _summary(before), _summary(after))

    def _write_audit(self, entity: str, entity_id: int | None, before: str | None, after: str | None) -> None:
        now = utcnow()
        written = self.conn.execute(insert(_AUDIT), {  # parameters: one cached statement (see `insert`)
            "at": now, "operation": self.operation, "entity": entity, "entity_id": entity_id, "before": before,
            "after": after, "created_at": now, "updated_at": now, "author": self.author,
            "custom": {"session": session_of(self.conn.engine)},
        })
        self._audit_ids.append(written.inserted_primary_key[0])
