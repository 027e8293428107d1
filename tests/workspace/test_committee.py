"""`committee_changes`: what the steering report says moved since the latest baseline."""

from __future__ import annotations

import datetime as dt

from caio_desktop.operations import create_row, update_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.baselines import mark_baseline
from caio_desktop.workspace.committee import committee_changes

COMMITTEE = dt.date(2026, 3, 2)
REPORT = dt.date(2026, 4, 6)


def _id(changeset) -> int:  # noqa: ANN001
    return changeset.row_ids[0]


def test_no_baseline_gives_none(workspace: Workspace) -> None:
    assert committee_changes(workspace, as_of=REPORT) is None


def test_nothing_moved_is_empty(workspace: Workspace) -> None:
    create_row(workspace, "risks", {"title": "Biais", "likelihood": 2, "impact": 2})
    mark_baseline(workspace, name="COPIL 3", date=COMMITTEE)
    changes = committee_changes(workspace, as_of=REPORT)
    assert changes is not None and changes.empty
    assert (changes.baseline_name, changes.baseline_date, changes.as_of) == ("COPIL 3", COMMITTEE, REPORT)


def test_what_moved_since_the_committee(workspace: Workspace) -> None:
    ws = workspace
    rerated = _id(create_row(ws, "risks", {"title": "Biais", "likelihood": 2, "impact": 2}))
    closed = _id(create_row(ws, "risks", {"title": "Fuite", "likelihood": 3, "impact": 3}))
    kpi = _id(create_row(ws, "kpis", {"name": "Délai de règlement", "unit": "jours", "direction": "decrease"}))
    create_row(ws, "kpi_measurements", {"kpi_id": kpi, "measured_on": dt.date(2026, 2, 20), "value": 19.5})
    done = _id(create_row(ws, "actions", {"title": "Relire le contrat", "status": "open"}))
    late = _id(create_row(ws, "actions", {"title": "Former la DSI", "due_date": dt.date(2026, 3, 20),
                                          "status": "open"}))
    treatment = _id(create_row(ws, "risk_actions", {"risk_id": closed, "title": "Chiffrer", "status": "open"}))
    old_decision = _id(create_row(ws, "decisions", {"text": "Lancer le pilote",
                                                    "decided_on": dt.date(2026, 2, 1), "status": "taken"}))
    reached = _id(create_row(ws, "milestones", {"title": "Pilote lancé", "due_date": dt.date(2026, 3, 15)}))
    moved = _id(create_row(ws, "milestones", {"title": "Charte adoptée", "due_date": dt.date(2026, 4, 30)}))
    mark_baseline(ws, name="COPIL 3", date=COMMITTEE)

    update_row(ws, "risks", rerated, {"likelihood": 5, "impact": 5})
    update_row(ws, "risks", closed, {"status": "closed"})
    new_risk = _id(create_row(ws, "risks", {"title": "Dérive", "likelihood": 4, "impact": 2}))
    create_row(ws, "kpi_measurements", {"kpi_id": kpi, "measured_on": dt.date(2026, 3, 30), "value": 15.0})
    create_row(ws, "kpi_measurements", {"kpi_id": kpi, "measured_on": dt.date(2026, 5, 1), "value": 9.0})
    update_row(ws, "actions", done, {"status": "done"})
    update_row(ws, "risk_actions", treatment, {"status": "done"})
    new_decision = _id(create_row(ws, "decisions", {"text": "Étendre le pilote", "status": "taken",
                                                    "decided_on": dt.date(2026, 3, 25)}))
    create_row(ws, "decisions", {"text": "Recruter", "status": "proposed", "decided_on": dt.date(2026, 3, 26)})
    update_row(ws, "milestones", reached, {"status": "done", "done_on": dt.date(2026, 3, 14)})
    update_row(ws, "milestones", moved, {"due_date": dt.date(2026, 6, 30)})
    system = _id(create_row(ws, "ai_systems", {"name": "Copilote RH", "shadow_ai": True}))

    c = committee_changes(ws, as_of=REPORT)
    assert c is not None and not c.empty
    assert [(r.id, r.code, r.level) for r in c.new_risks] == [(new_risk, "R-003", "medium")]
    assert [r.id for r in c.closed_risks] == [closed]
    assert [(r.code, r.old_level, r.new_level) for r in c.level_changes] == [("R-001", "low", "critical")]
    (delta,) = c.kpi_deltas
    assert (delta.name, delta.unit, delta.previous, delta.latest, delta.direction, delta.better) == (
        "Délai de règlement", "jours", 19.5, 15.0, "down", True)  # the May value is after the report
    assert [(a.module, a.id) for a in c.actions_completed] == [("actions", done), ("risk_actions", treatment)]
    assert c.actions_completed[1].risk_code == "R-002"
    assert [a.id for a in c.actions_overdue] == [late]
    assert [d.id for d in c.decisions] == [new_decision] and old_decision not in [d.id for d in c.decisions]
    assert [(m.id, m.done_on) for m in c.milestones_passed] == [(reached, dt.date(2026, 3, 14))]
    assert [(m.id, m.previous_due_date, m.due_date) for m in c.milestones_slipped] == [
        (moved, dt.date(2026, 4, 30), dt.date(2026, 6, 30))]
    assert [(s.id, s.name, s.shadow_ai) for s in c.new_systems] == [(system, "Copilote RH", True)]
    assert committee_changes(ws, baseline="copil 3", as_of=REPORT) == c
