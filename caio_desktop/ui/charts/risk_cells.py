"""What the risk heat map shows, cell by cell: how many risks sit in each likelihood × impact cell,
before and after treatment, and the first few of them (named in the cell's tooltip).

`RiskCells.from_risks` builds it from plain `RiskPosition`s (tests, previews); `read_cells` asks the
workspace for the counts with GROUP BY and for only the few risks each tooltip names, so that a
register of 100,000 risks costs a few small queries instead of 100,000 rows (the risk page shows two
heat maps, refreshed after every edit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary, ref

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from caio_desktop.reference.risk_matrix import SCALE
from caio_desktop.workspace.models import MODELS

CURRENT = "current"
RESIDUAL = "residual"
MODES = (CURRENT, RESIDUAL)
SAMPLE = 8  # risks named per cell in a tooltip before "and n more"
Cell = tuple[int, int]


@dataclass(frozen=True)
class RiskPosition:
    """Where one risk sits in the matrix, before and after treatment."""

    id: int
    code: str
    title: str
    likelihood: int | None
    impact: int | None
    residual_likelihood: int | None = None
    residual_impact: int | None = None

    @classmethod
    def from_row(cls, row: Any) -> RiskPosition:
        return cls(row["id"], row["code"] or "", row["title"] or "", row["likelihood"], row["impact"],
                   row["residual_likelihood"], row["residual_impact"])

    def cell(self, mode: str) -> Cell | None:
        """(likelihood, impact) in `mode`, or None when the risk is not placed in that mode."""
        pair = (self.likelihood, self.impact) if mode == CURRENT else (
            self.residual_likelihood, self.residual_impact)
        return pair if pair[0] in SCALE and pair[1] in SCALE else None  # type: ignore[return-value]


def _empty_counts() -> dict[Cell, int]:
    return {(lk, im): 0 for lk in SCALE for im in SCALE}


@dataclass
class RiskCells:
    """Counts per cell for both modes, the size of the register, and the few risks a cell's tooltip
    names (given, or read on demand by `sampler` when the tooltip is first shown)."""

    total: int = 0
    counts: dict[str, dict[Cell, int]] = field(default_factory=lambda: {m: _empty_counts() for m in MODES})
    samples: dict[str, dict[Cell, list[RiskPosition]]] = field(default_factory=lambda: {m: {} for m in MODES})
    sampler: Callable[[str, Cell], list[RiskPosition]] | None = None

    def unplaced(self, mode: str) -> int:
        return self.total - sum(self.counts[mode].values())

    def sample(self, mode: str, cell: Cell) -> list[RiskPosition]:
        """The first risks of `cell` in `mode` by id (at most SAMPLE)."""
        if cell not in self.samples[mode]:
            found = self.sampler(mode, cell) if self.sampler and self.counts[mode].get(cell) else []
            self.samples[mode][cell] = found
        return self.samples[mode][cell]

    @classmethod
    def from_risks(cls, risks: Iterable[RiskPosition]) -> RiskCells:
        cells = cls()
        for risk in risks:
            cells.total += 1
            for mode in MODES:
                cell = risk.cell(mode)
                if cell is None:
                    continue
                cells.counts[mode][cell] += 1
                sample = cells.samples[mode].setdefault(cell, [])
                if len(sample) < SAMPLE:
                    sample.append(risk)
        return cells


def _columns(t):  # noqa: ANN001, ANN202 - the risks Table and its columns
    return [t.c.id, t.c.code, t.c.title, t.c.likelihood, t.c.impact, t.c.residual_likelihood, t.c.residual_impact]


def read_cells(workspace: Any) -> RiskCells:
    """The heat map's cells from the register: one GROUP BY over the four scores (a single scan, at
    most 626 rows back); the risks a tooltip names are read when it is first shown."""
    t = MODELS["risks"].__table__
    cells = RiskCells()
    scores = (t.c.likelihood, t.c.impact, t.c.residual_likelihood, t.c.residual_impact)
    with workspace.engine.connect() as conn:
        for likelihood, impact, residual_likelihood, residual_impact, n in conn.execute(
                select(*scores, func.count()).group_by(*scores)):
            cells.total += n
            for mode, cell in ((CURRENT, (likelihood, impact)), (RESIDUAL, (residual_likelihood, residual_impact))):
                if cell in cells.counts[mode]:
                    cells.counts[mode][cell] += n

    def sampler(mode: str, cell: Cell) -> list[RiskPosition]:
        lk, im = (t.c.likelihood, t.c.impact) if mode == CURRENT else (t.c.residual_likelihood, t.c.residual_impact)
        try:
            with workspace.engine.connect() as conn:
                rows = conn.execute(select(*_columns(t)).where(lk == cell[0], im == cell[1])
                                    .order_by(t.c.id).limit(SAMPLE)).mappings().all()
        except SQLAlchemyError:  # the file went away under a lingering tooltip: name no risk, do not crash
            return []
        return [RiskPosition.from_row(r) for r in rows]

    cells.sampler = sampler
    return cells


class SharedCells:
    """One read of the register's cells per change, shared by the heat maps following one app context
    (the risk page shows current and residual side by side: both come from the same GROUP BY).

    Created in `RiskHeatMap.follow` before the chart connects its own slots, so that on every signal the
    cache is dropped before any heat map asks for cells again.
    """

    _by_context: WeakKeyDictionary[Any, SharedCells] = WeakKeyDictionary()

    def __init__(self, context: Any) -> None:
        self._context = ref(context)
        self._cells: RiskCells | None = None
        context.workspace_changed.connect(self._forget)
        context.data_changed.connect(self._forget_if_risks)

    @classmethod
    def for_context(cls, context: Any) -> SharedCells:
        shared = cls._by_context.get(context)
        if shared is None:
            shared = cls._by_context[context] = cls(context)
        return shared

    def cells(self, workspace: Any) -> RiskCells:
        context = self._context()
        if context is None or workspace is not context.workspace:
            return read_cells(workspace)  # a workspace of its own: nothing to share
        if self._cells is None:
            self._cells = read_cells(workspace)
        return self._cells

    def _forget(self, *_: object) -> None:
        self._cells = None

    def _forget_if_risks(self, tables: frozenset[str]) -> None:
        if "risks" in tables:
            self._cells = None
