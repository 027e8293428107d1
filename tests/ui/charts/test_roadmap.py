"""The roadmap data of the Gantt chart: rows read from the registers, and dependency date relations."""

from __future__ import annotations

import datetime as dt

from caio_desktop.ui.charts.roadmap import (
    BEFORE,
    FOLLOWS,
    OVERLAPS,
    GanttInitiative,
    GanttMilestone,
    dependency_state,
)

D = dt.date


def initiative(start: dt.date, end: dt.date) -> GanttInitiative:
    return GanttInitiative(1, "x", "strategy", start, end)


def test_dependency_states_follow_the_dates() -> None:
    before = initiative(D(2026, 3, 1), D(2026, 4, 30))
    assert dependency_state(before, initiative(D(2026, 5, 1), D(2026, 6, 1))) == FOLLOWS
    assert dependency_state(before, initiative(D(2026, 4, 30), D(2026, 6, 1))) == OVERLAPS  # ends are inclusive
    assert dependency_state(before, initiative(D(2026, 3, 1), D(2026, 6, 1))) == OVERLAPS
    assert dependency_state(before, initiative(D(2026, 2, 1), D(2026, 6, 1))) == BEFORE


def test_rows_from_the_registers() -> None:
    row = {"id": 4, "title": "Pilote", "phase": "deployment", "start_date": D(2026, 5, 4),
           "end_date": D(2026, 9, 30), "progress": 20, "status": "in_progress", "depends_on_ids": [3, 1]}
    item = GanttInitiative.from_row(row)
    assert item.depends_on == (3, 1) and item.scheduled
    assert not GanttInitiative.from_row({**row, "end_date": D(2026, 1, 1)}).scheduled  # ends before it starts
    assert not GanttInitiative.from_row({**row, "start_date": None}).scheduled
    milestone = GanttMilestone.from_row({"id": 2, "title": "Go", "due_date": D(2026, 7, 1), "status": None,
                                         "initiative_id": None})
    assert (milestone.due, milestone.initiative_id) == (D(2026, 7, 1), None)
