"""The steering report's "since the last committee": which date that is, and how each top risk moved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import update

from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.steering import last_committee, risk_changes
from caio_desktop.interchange.pdf import build_deliverable
from caio_desktop.operations import create_row, update_row
from caio_desktop.workspace.models import Risk, Setting

TODAY = dt.date.today()


def context(workspace, as_of: dt.date) -> DeliverableContext:  # noqa: ANN001
    return DeliverableContext(workspace=workspace, kind="steering", lang="fr", as_of=as_of, title="COPIL")


def test_last_committee_is_the_latest_steering_decision_before_the_report(workspace) -> None:
    as_of = dt.date(2026, 4, 10)
    assert last_committee(context(workspace, as_of)) is None
    for day, body in ((dt.date(2026, 2, 9), "Comité de pilotage IA"), (dt.date(2026, 3, 9), "COPIL"),
                      (dt.date(2026, 3, 20), "Comité des risques"), (dt.date(2026, 4, 12), "Steering committee")):
        create_row(workspace, "decisions", {"decided_on": day, "body": body, "text": "Décision", "status": "taken"})
    assert last_committee(context(workspace, as_of)) == dt.date(2026, 3, 9)  # not the risk committee, not later
    with workspace.writing() as conn:  # the date kept in the workspace settings wins when it is earlier
        conn.execute(Setting.__table__.insert().values(key="last_committee_date", value="2026-04-01", custom={},
                                                       created_at=dt.datetime.now(), updated_at=dt.datetime.now()))
    assert last_committee(context(workspace, as_of)) == dt.date(2026, 4, 1)


def test_risk_changes_since_the_committee_come_from_the_audit_trail(workspace) -> None:
    committee = TODAY - dt.timedelta(days=10)
    older, raised, lowered = (create_row(workspace, "risks", {"title": t, "likelihood": 3, "impact": 3}).row_ids[0]
                              for t in ("Stable", "Aggravé", "Réduit"))
    with workspace.writing() as conn:  # these three existed before the committee
        conn.execute(update(Risk.__table__).values(created_at=dt.datetime.combine(committee, dt.time())
                                                   - dt.timedelta(days=5)))
    update_row(workspace, "risks", raised, {"likelihood": 5, "impact": 5})
    update_row(workspace, "risks", lowered, {"likelihood": 1})
    newcomer = create_row(workspace, "risks", {"title": "Nouveau", "likelihood": 2, "impact": 2}).row_ids[0]
    ctx = context(workspace, TODAY)
    changes = risk_changes(ctx, ctx.rows("risks"), committee)
    assert changes == {older: "same", raised: "up", lowered: "down", newcomer: "new"}
    # A report dated before those edits does not see them.
    past = context(workspace, committee + dt.timedelta(days=1))
    assert set(risk_changes(past, past.rows("risks"), committee).values()) == {"same"}


def test_steering_report_lists_proposed_decisions_and_overdue_actions(workspace, tmp_path: Path) -> None:
    as_of = dt.date(2026, 5, 4)
    create_row(workspace, "decisions", {"decided_on": dt.date(2026, 5, 12), "body": "COPIL", "status": "proposed",
                                        "text": "Valider le budget « pilote » de 120 000 €"})
    create_row(workspace, "decisions", {"decided_on": dt.date(2026, 4, 1), "body": "COPIL", "status": "taken",
                                        "text": "Décision déjà prise"})
    create_row(workspace, "actions", {"title": "Rédiger la politique d'usage", "due_date": dt.date(2026, 4, 20),
                                      "status": "open", "owner": "DSI"})
    create_row(workspace, "actions", {"title": "Action terminée", "due_date": dt.date(2026, 4, 1), "status": "done"})
    out = build_deliverable(workspace, "steering", tmp_path / "copil.pdf", as_of=as_of)
    pages = PdfReader(out).pages
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pages).replace("\u202f", " ")
    assert "Valider le budget « pilote » de 120 000 €" in text
    assert "Décision déjà prise" not in text
    assert "Rédiger la politique d'usage" in text and "Action terminée" not in text
    assert "Dernier comité de pilotage : 1er avril 2026." in text
    assert 4 <= len(pages) <= 7
