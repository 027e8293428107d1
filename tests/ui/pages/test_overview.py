"""Overview: counts of every register, top risks by level, overdue actions, links to the rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.ui.pages.overview import OverviewPage, overdue, top_risks
from caio_desktop.workspace.queries import fetch_rows


def test_overview_lists_follow_the_workspace(qtbot, context_empty) -> None:
    context = context_empty
    page = OverviewPage(context)
    qtbot.addWidget(page)
    page.refresh()
    assert page.risks_list.item(0).text() == "Aucun risque ouvert."
    context.perform(create_row, "risks", {"title": "Fuite de données", "likelihood": 5, "impact": 5})
    context.perform(create_row, "risks", {"title": "Dérive", "likelihood": 1, "impact": 2})
    context.perform(create_row, "actions", {"title": "Relancer la DPO",
                                            "due_date": dt.date.today() - dt.timedelta(days=3)})
    page.refresh()
    assert page.risks_list.item(0).text().startswith("Critique · R-001")
    assert page.overdue_list.item(0).text().endswith("Relancer la DPO")
    links = [page.risks_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.risks_list.count())]
    assert links[0][:2] == ("risks", "risks")
    with qtbot.waitSignal(page.navigate) as blocker:
        page._activated(page.overdue_list.item(0))
    assert blocker.args[:2] == ["governance", "actions"]


def test_phase_progress_and_counts_of_the_demo(qtbot, demo_context) -> None:
    page = OverviewPage(demo_context)
    qtbot.addWidget(page)
    page.refresh()
    phases = fetch_rows(demo_context.workspace, "phases")
    assert page.phases_layout.rowCount() >= len(phases)
    assert page.subtitle_label.text().startswith("Mutuelle Atlantique Assurances")


def test_top_risks_rank_by_level_then_score() -> None:
    risks = [{"code": "R-1", "level": "high", "likelihood": 3, "impact": 4, "status": "open"},
             {"code": "R-2", "level": "critical", "likelihood": 4, "impact": 5, "status": "open"},
             {"code": "R-3", "level": "high", "likelihood": 4, "impact": 4, "status": "open"},
             {"code": "R-4", "level": "critical", "likelihood": 5, "impact": 5, "status": "closed"}]
    assert [r["code"] for r in top_risks(risks)] == ["R-2", "R-3", "R-1"]
    today = dt.date(2026, 3, 16)
    rows = [{"due_date": dt.date(2026, 3, 1), "status": "done"}, {"due_date": dt.date(2026, 3, 2)}]
    assert overdue(rows, today) == [rows[1]]


def test_top_risks_read_by_the_database_are_those_of_the_whole_register(demo_context) -> None:
    from caio_desktop.ui.pages.overview import top_risk_rows

    workspace = demo_context.workspace
    expected = top_risks(fetch_rows(workspace, "risks"))
    assert len(expected) == 6
    assert [r["id"] for r in top_risk_rows(workspace)] == [r["id"] for r in expected]
    every_open = top_risks(fetch_rows(workspace, "risks"), 100)  # the whole ranking, closed risks left out
    assert len(every_open) < len(fetch_rows(workspace, "risks"))
    assert [r["id"] for r in top_risk_rows(workspace, 100)] == [r["id"] for r in every_open]
