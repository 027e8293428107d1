"""Reads of the registers, as plain dicts, shared by the UI models, exports, deliverables and CLI.

Rows are read with SQLAlchemy Core (no ORM objects) so that large registers page cheaply; REFS fields
(links kept in link tables) are filled in one query per page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, func, or_, select

from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES, Module, module
from caio_desktop.workspace.models import LINKS, MODELS, Base

Row = dict[str, Any]
PARAMETER_LIMIT = 900  # ids per `IN (…)`: under SQLite's limit on bound parameters


def id_chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    """`ids` in slices small enough for one `IN (…)` each."""
    for start in range(0, len(ids), PARAMETER_LIMIT):
        yield ids[start:start + PARAMETER_LIMIT]


def _table(module_key: str):  # noqa: ANN202 - a Table
    return MODELS[module_key].__table__


def count_rows(workspace, module_key: str) -> int:  # noqa: ANN001
    t = _table(module_key)
    with workspace.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t)).scalar_one())


def counts(workspace) -> dict[str, int]:  # noqa: ANN001
    """Row count per module key, in one round trip."""
    statements = [select(func.count()).select_from(_table(k)).scalar_subquery().label(k) for k in MODULES]
    with workspace.engine.connect() as conn:
        row = conn.execute(select(*statements)).mappings().one()
    return {k: int(row[k]) for k in MODULES}


def _with_links(conn, mod: Module, rows: list[Row]) -> list[Row]:  # noqa: ANN001
    refs = [f for f in mod.fields if f.kind == FieldKind.REFS]
    if not refs or not rows:
        return rows
    ids = [r["id"] for r in rows]
    for field in refs:
        link, own, other = LINKS[(mod.key, field.key)]
        lt = link.__table__
        linked: dict[int, list[int]] = defaultdict(list)
        for chunk in id_chunks(ids):
            for own_id, other_id in conn.execute(
                select(lt.c[own], lt.c[other]).where(lt.c[own].in_(chunk)).order_by(lt.c[other])
            ):
                linked[own_id].append(other_id)
        for row in rows:
            row[field.key] = linked.get(row["id"], [])
    return rows


def fetch_rows(
    workspace,  # noqa: ANN001
    module_key: str,
    *,
    offset: int = 0,
    limit: int | None = None,
    order_by: str | None = None,
    descending: bool = False,
    where: dict[str, Any] | None = None,
) -> list[Row]:
    """Rows of a module as dicts (all columns plus REFS lists), in id order unless `order_by`."""
    mod = module(module_key)
    t = _table(module_key)
    statement: Select = select(t)
    for key, value in (where or {}).items():
        statement = statement.where(t.c[key] == value)
    if order_by:
        column = t.c[order_by]
        statement = statement.order_by(column.desc() if descending else column, t.c.id)
    else:
        statement = statement.order_by(t.c.id)
    if offset:
        statement = statement.offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    with workspace.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(statement).mappings()]
        return _with_links(conn, mod, rows)


def get_row(workspace, module_key: str, row_id: int) -> Row | None:  # noqa: ANN001
    rows = fetch_rows(workspace, module_key, where={"id": row_id})
    return rows[0] if rows else None


def row_label(mod: Module, row: Row, *, limit: int = 40, titled: bool = False) -> str:
    """How a row is named to people: its code when it has one, else its title field. `titled` adds the
    title after the code ("R-001 — Biased scoring"): a reader of another register's cell needs both,
    while undo texts and matching keep the short code."""
    value = row.get(mod.code_field) if mod.code_field else None
    if value and titled and row.get(mod.title_field):
        value = f"{value} — {row[mod.title_field]}"
    if not value:
        value = row.get(mod.title_field)
    text = " ".join(str(value if value is not None else f"#{row.get('id')}").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_WHOLE_MODULE = 5_000  # asked for more ids than this, read the whole module's labels in one query


def labels(workspace, module_key: str, ids: Collection[int] | None = None,  # noqa: ANN001
           *, titled: bool = False) -> dict[int, str]:
    """id → label of the rows `ids` of a module, or of all its rows (for REF pickers and exports).
    Rows that do not exist are simply absent. `titled`: code and title (`row_label`)."""
    mod = module(module_key)
    limit = 120 if titled else 40  # a cell elides a long title itself, with the whole one in its tooltip
    statement = select(*_label_columns(mod))
    with workspace.engine.connect() as conn:
        if ids is None or len(ids) > _WHOLE_MODULE:
            found = {r["id"]: row_label(mod, dict(r), limit=limit, titled=titled)
                     for r in conn.execute(statement).mappings()}
            return found if ids is None else {i: found[i] for i in ids if i in found}
        found = {}
        for chunk in id_chunks(sorted(ids)):
            rows = conn.execute(statement.where(_table(module_key).c.id.in_(chunk))).mappings()
            found.update((r["id"], row_label(mod, dict(r), limit=limit, titled=titled)) for r in rows)
        return found


def _label_columns(mod: Module) -> list:  # noqa: ANN202 - Columns
    t = _table(mod.key)
    return [t.c.id, t.c[mod.title_field]] + ([t.c[mod.code_field]] if mod.code_field else [])


def search_labels(workspace, module_key: str, text: str, *, limit: int = 50) -> list[tuple[int, str]]:  # noqa: ANN001
    """(id, label) of at most `limit` rows whose code or title contains `text` (SQLite's LIKE: ASCII
    letters in any case), in code (else title) order — for pickers over registers too long to list."""
    mod = module(module_key)
    t = _table(module_key)
    pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    searched = [t.c[mod.title_field]] + ([t.c[mod.code_field]] if mod.code_field else [])
    order = t.c[mod.code_field] if mod.code_field else t.c[mod.title_field]
    statement = (select(*_label_columns(mod))
                 .where(or_(*(column.like(pattern, escape="\\") for column in searched)))
                 .order_by(order, t.c.id).limit(limit))
    with workspace.engine.connect() as conn:
        return [(r["id"], row_label(mod, dict(r))) for r in conn.execute(statement).mappings()]


def label_of(workspace, module_key: str, row_id: int) -> str | None:  # noqa: ANN001
    """The label of one row (None when there is no such row), without reading the others."""
    mod = module(module_key)
    statement = select(*_label_columns(mod)).where(_table(module_key).c.id == row_id)
    with workspace.engine.connect() as conn:
        found = conn.execute(statement).mappings().first()
    return row_label(mod, dict(found)) if found else None


def setting(workspace, key: str, default: Any = None) -> Any:  # noqa: ANN001
    t = Base.metadata.tables["settings"]
    with workspace.engine.connect() as conn:
        value = conn.execute(select(t.c.value).where(t.c.key == key)).scalar()
    return default if value is None else value
