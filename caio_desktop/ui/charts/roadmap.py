"""The roadmap as the Gantt chart sees it: initiatives, milestones and phase dates as plain data, and
how a dependency's dates relate (`dependency_state`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

# How a dependent initiative's start relates to the one it depends on: after its end (as planned),
# while it runs (overlap, often deliberate), or before it even starts (a planning mistake).
FOLLOWS, OVERLAPS, BEFORE = "follows", "overlaps", "before"


@dataclass(frozen=True)
class GanttInitiative:
    """One initiative of the roadmap."""

    id: int
    title: str
    phase: str | None
    start: dt.date | None
    end: dt.date | None
    progress: int | None = None
    status: str | None = None
    depends_on: tuple[int, ...] = ()

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> GanttInitiative:
        return cls(row["id"], row.get("title") or "", row.get("phase"), row.get("start_date"), row.get("end_date"),
                   row.get("progress"), row.get("status"), tuple(row.get("depends_on_ids") or ()))

    @property
    def scheduled(self) -> bool:
        return self.start is not None and self.end is not None and self.end >= self.start


@dataclass(frozen=True)
class GanttMilestone:
    """One milestone (a date to meet), tied to an initiative or not."""

    id: int
    title: str
    due: dt.date
    status: str | None = None
    initiative_id: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> GanttMilestone:
        return cls(row["id"], row.get("title") or "", row["due_date"], row.get("status"), row.get("initiative_id"))


@dataclass(frozen=True)
class PhaseSpan:
    """The dates of one phase of the engagement (drawn as a bracket on the phase's header row)."""

    phase: str
    start: dt.date | None
    end: dt.date | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PhaseSpan:
        return cls(row["phase"], row.get("start_date"), row.get("end_date"))


def dependency_state(before: GanttInitiative, after: GanttInitiative) -> str:
    """FOLLOWS, OVERLAPS or BEFORE: how `after` (which depends on `before`) starts; both scheduled."""
    if after.start > before.end:
        return FOLLOWS
    return OVERLAPS if after.start >= before.start else BEFORE
