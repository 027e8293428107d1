"""Back-links: the rows of other registers that point at a row (issue 22) — an AI system's risks, use
cases, compliance items and actions; a use case's risks and initiatives; a risk's treatment actions.

Derived from the schema, not from a hand list: every foreign key of a register's table (`Risk.ai_system_id`),
every link table behind a REFS field (`LINKS`: the initiatives that deliver a use case), and the
actions' origin (`source_module` + `source_id`, which names a row of any register). Registers whose rows
are measurements rather than things with a name (option scores, KPI measurements: their "title" is a
number or a date) are left out; they are shown by their parent's own views.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Column, Table, select

from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.workspace.models import LINKS, MODELS
from caio_desktop.workspace.queries import PARAMETER_LIMIT, Row, id_chunks, row_label

NAMED_KINDS = (FieldKind.TEXT, FieldKind.LONG_TEXT)
SOURCE = ("source_module", "source_id")  # a row of any register, named by its module key and id


@dataclass(frozen=True)
class Pointer:
    """One way rows of `module` point at rows of `target`: a foreign key `column` of the module's
    table, a link table (`via`: its column naming the module's row, then the one naming the target's),
    or the actions' origin (`column` is None and `via` is None)."""

    module: str
    target: str
    column: str | None = None
    via: tuple[Table, str, str] | None = None

    def pointing(self, target_ids: Any) -> Any:
        """A select of (target id, pointing row id) for the target rows `target_ids` (a list)."""
        table = MODELS[self.module].__table__
        if self.via is not None:
            link, own, other = self.via
            return select(link.c[other], link.c[own]).where(link.c[other].in_(target_ids))
        if self.column is not None:
            return select(table.c[self.column], table.c.id).where(table.c[self.column].in_(target_ids))
        kind, row = (table.c[key] for key in SOURCE)
        return select(row, table.c.id).where(kind == self.target, row.in_(target_ids))


def _names_its_rows(module_key: str) -> bool:
    mod = MODULES[module_key]
    return not mod.singleton and mod.field(mod.title_field).kind in NAMED_KINDS


def _targets(column: Column) -> Iterator[str]:
    for foreign_key in column.foreign_keys:
        yield foreign_key.column.table.name


@cache
def pointers(target: str) -> tuple[Pointer, ...]:
    """Every way rows of other registers (or of the same one) point at rows of `target`, in the
    registry's order of the pointing registers."""
    found: list[Pointer] = []
    for key in MODULES:
        if not _names_its_rows(key):
            continue
        table = MODELS[key].__table__
        for column in table.columns:
            if target in _targets(column):
                found.append(Pointer(key, target, column=column.name))
        for (owner, _field), (link, own, other) in LINKS.items():
            if owner == key and target in _targets(link.__table__.c[other]):
                found.append(Pointer(key, target, via=(link.__table__, own, other)))
        if all(name in table.c for name in SOURCE) and target in MODULES:
            found.append(Pointer(key, target))
    return tuple(found)


@dataclass(frozen=True)
class BackLinks:
    """The rows of one register pointing at a row: the first ones (id, code and title) and how many."""

    module: str
    rows: tuple[Row, ...]
    total: int


def _label_columns(module_key: str) -> list[Column]:
    mod = MODULES[module_key]
    table = MODELS[module_key].__table__
    keys = [mod.title_field] + ([mod.code_field] if mod.code_field else [])
    return [table.c.id, *(table.c[k] for k in keys)]


def back_links(workspace: Any, target: str, row_id: int, *, limit: int = 30) -> list[BackLinks]:
    """The rows pointing at row `row_id` of `target`, one group per pointing register (registry order),
    each at most `limit` rows in code (else id) order, with its whole count."""
    by_module: dict[str, set[int]] = defaultdict(set)
    with workspace.engine.connect() as conn:
        for pointer in pointers(target):
            by_module[pointer.module].update(r[1] for r in conn.execute(pointer.pointing([row_id])))
        groups = []
        for module_key, ids in by_module.items():
            if not ids:
                continue
            mod = MODULES[module_key]
            table = MODELS[module_key].__table__
            order = [table.c[mod.code_field]] if mod.code_field else []
            # the first rows by id are ordered by code: with thousands pointing (100,000 imported risks
            # of one system) the form lists a page of them and says how many, without reading them all
            first = sorted(ids)[:PARAMETER_LIMIT]
            statement = (select(*_label_columns(module_key)).where(table.c.id.in_(first))
                         .order_by(*order, table.c.id).limit(limit))
            rows = tuple(dict(r) for r in conn.execute(statement).mappings())
            groups.append(BackLinks(module_key, rows, len(ids)))
    return groups


def linked_labels(workspace: Any, target: str, module_key: str,
                  target_ids: list[int] | None = None) -> dict[int, list[str]]:
    """target id → the labels (codes where the register has them: "R-003") of the rows of
    `module_key` pointing at it, in label order — for a deliverable's table of AI systems, in one
    query per way of pointing rather than one per system."""
    table = MODELS[target].__table__
    pointing: dict[int, set[int]] = defaultdict(set)
    with workspace.engine.connect() as conn:
        if target_ids is None:
            target_ids = list(conn.execute(select(table.c.id)).scalars())
        for pointer in pointers(target):
            if pointer.module != module_key:
                continue
            for chunk in id_chunks(target_ids):
                for target_id, row_id in conn.execute(pointer.pointing(list(chunk))):
                    pointing[target_id].add(row_id)
        every = sorted(set().union(*pointing.values())) if pointing else []
        names: dict[int, str] = {}
        for chunk in id_chunks(every):
            own = MODELS[module_key].__table__
            statement = select(*_label_columns(module_key)).where(own.c.id.in_(list(chunk)))
            names.update((r["id"], row_label(MODULES[module_key], dict(r), limit=60))
                         for r in conn.execute(statement).mappings())
    return {t: sorted((names[i] for i in ids if i in names), key=str.casefold) for t, ids in pointing.items()}

