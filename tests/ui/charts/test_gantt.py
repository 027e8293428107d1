"""The roadmap Gantt: rows by phase and start date, bar geometry, today line, milestones, dependencies."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.ui.charts.gantt import GanttInitiative, GanttMilestone, PhaseSpan, RoadmapGantt
from tests.ui.charts.conftest import scrolled, sql

D = dt.date
TODAY = D(2026, 3, 16)
INITIATIVES = [
    GanttInitiative(3, "Feuille de route IA", "strategy", D(2026, 3, 2), D(2026, 4, 30), 30, "in_progress", (1,)),
    GanttInitiative(2, "Cartographie des systèmes", "diagnosis", D(2026, 1, 19), D(2026, 3, 13), 90, "in_progress"),
    GanttInitiative(1, "Entretiens", "diagnosis", D(2026, 1, 5), D(2026, 2, 27), 100, "done"),
    GanttInitiative(4, "Pilote sinistres", "deployment", D(2026, 5, 4), D(2026, 9, 30), 0, "planned", (3,)),
    GanttInitiative(5, "Sans dates", "deployment", None, None),
]
MILESTONES = [
    GanttMilestone(1, "Rapport de diagnostic", D(2026, 3, 6), "done", 2),
    GanttMilestone(2, "Revue à mi-parcours", D(2026, 6, 30), "planned", None),
]


def gantt(qtbot, lang: str = "fr", width: int = 900) -> RoadmapGantt:
    chart = RoadmapGantt(lang=lang, today=TODAY)
    qtbot.addWidget(chart)
    chart.set_data(INITIATIVES, MILESTONES, phases=[PhaseSpan("diagnosis", D(2026, 1, 5), D(2026, 3, 13))])
    chart.resize(width, chart.sizeHint().height())
    return chart


def test_today_line_falls_between_its_month_ticks(qtbot) -> None:
    layout = gantt(qtbot).chart_layout()
    ticks = dict(layout.month_ticks)
    assert ticks[D(2026, 3, 1)] < layout.today_x < ticks[D(2026, 4, 1)]
    # Mid-month, about halfway: 15 of 31 days.
    share = (layout.today_x - ticks[D(2026, 3, 1)]) / (ticks[D(2026, 4, 1)] - ticks[D(2026, 3, 1)])
    assert share == pytest.approx(15 / 31, abs=0.01)
    assert layout.first == D(2026, 1, 1) and layout.last == D(2026, 10, 1)


def test_rows_are_grouped_by_phase_then_ordered_by_start(qtbot) -> None:
    layout = gantt(qtbot).chart_layout()
    rows = [(r.kind, r.key) for r in layout.rows]
    assert rows == [("group", "diagnosis"), ("initiative", 1), ("initiative", 2), ("group", "strategy"),
                    ("initiative", 3), ("group", "deployment"), ("initiative", 4), ("group", "milestones"),
                    ("milestone", 2)]
    bars = layout.bars
    assert bars[1].left() < bars[2].left() < bars[3].left() < bars[4].left()
    assert bars[1].top() < bars[2].top() < bars[3].top() < bars[4].top()
    assert 5 not in bars


def test_bar_spans_its_dates_and_progress_fills_its_share(qtbot) -> None:
    layout = gantt(qtbot).chart_layout()
    ticks = dict(layout.month_ticks)
    entretiens = layout.bars[1]  # 5 Jan → 27 Feb inclusive
    assert ticks[D(2026, 1, 1)] < entretiens.left() < ticks[D(2026, 2, 1)]
    assert ticks[D(2026, 2, 1)] < entretiens.right() < ticks[D(2026, 3, 1)]
    assert layout.progress[1].width() == pytest.approx(entretiens.width())
    assert layout.progress[3].width() == pytest.approx(layout.bars[3].width() * 0.30)
    assert layout.progress[4].width() == 0


def test_milestones_sit_on_their_initiative_or_their_own_row(qtbot) -> None:
    layout = gantt(qtbot).chart_layout()
    assert layout.milestones[1].y() == pytest.approx(layout.bars[2].center().y())
    own = next(r for r in layout.rows if r.kind == "milestone")
    assert layout.milestones[2].y() == pytest.approx(own.rect.center().y())
    assert layout.bars[4].left() < layout.milestones[2].x() < layout.bars[4].right()


def test_dependency_arrows_run_from_end_to_start_and_flag_overlaps(qtbot) -> None:
    layout = gantt(qtbot).chart_layout()
    arrows = {(a, b): (path, state) for a, b, path, state in layout.arrows}
    assert set(arrows) == {(1, 3), (3, 4)}
    path, state = arrows[(3, 4)]
    assert path.elementAt(0).x == pytest.approx(layout.bars[3].right())
    assert path.currentPosition().x() == pytest.approx(layout.bars[4].left())
    assert state == "follows"  # the pilot starts after the roadmap ends
    chart = gantt(qtbot)
    chart.set_data([INITIATIVES[2], GanttInitiative(8, "Pendant", "strategy", D(2026, 2, 1), D(2026, 4, 1),
                                                    depends_on=(1,)),
                    GanttInitiative(9, "Trop tôt", "diagnosis", D(2025, 12, 1), D(2026, 3, 1), depends_on=(1,))])
    layout = chart.chart_layout()
    states = {b: state for _, b, _, state in layout.arrows}
    assert states == {8: "overlaps", 9: "before"}
    overlap = next(path for _, b, path, _ in layout.arrows if b == 8)
    # An overlap drops straight from the bar depended on to where the dependent one starts.
    assert overlap.elementAt(0).x == overlap.currentPosition().x() == pytest.approx(layout.bars[8].left() + 4)
    legend = [item.label for item in layout.legend_items]
    assert "Démarre avant la fin de ce dont elle dépend" in legend and "Démarre avant ce dont elle dépend" in legend


def test_clicking_a_bar_or_a_milestone_activates_it(qtbot, show) -> None:
    chart = show(gantt(qtbot), size=(900, 520))
    layout = chart.chart_layout()
    with qtbot.waitSignal(chart.initiative_activated) as activated:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=layout.bars[4].center().toPoint())
    assert activated.args == [4]
    with qtbot.waitSignal(chart.milestone_activated) as activated:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=layout.milestones[2].toPoint())
    assert activated.args == [2]


def test_tooltips_and_labels_in_the_language(qtbot) -> None:
    chart = gantt(qtbot, "fr")
    layout = chart.chart_layout()
    tip = chart.tooltip_at(layout.bars[3].center())
    assert tip.splitlines()[:3] == ["Feuille de route IA", "Stratégie", "02/03/2026 → 30/04/2026"]
    assert "Statut : En cours" in tip and "Avancement : 30 %" in tip and "Dépend de : Entretiens" in tip
    assert chart.footnote() == "1 initiative sans dates de début et de fin, non représentée"
    chart.set_language("en")
    assert "Status: In progress" in chart.tooltip_at(chart.chart_layout().bars[3].center())
    assert [i.label for i in chart.chart_layout().legend_items][-1] == "Today"


def test_tall_roadmap_scrolls_instead_of_squeezing_rows(qtbot) -> None:
    chart = RoadmapGantt(lang="en", today=TODAY)
    many = [GanttInitiative(i, f"Initiative {i}", "deployment", D(2026, 1, 1) + dt.timedelta(days=7 * i),
                            D(2026, 3, 1) + dt.timedelta(days=7 * i)) for i in range(1, 41)]
    chart.set_data(many)
    assert chart.minimumSizeHint().height() > 40 * 30
    area = scrolled(qtbot, chart)
    assert area.verticalScrollBar().maximum() > 0
    assert chart.chart_layout().bars[2].top() - chart.chart_layout().bars[1].top() == pytest.approx(30)


def test_empty_roadmap_and_undated_initiatives_explain_themselves(qtbot) -> None:
    chart = RoadmapGantt(lang="en", today=TODAY)
    qtbot.addWidget(chart)
    assert "No initiatives or milestones yet" in chart.message
    chart.set_data([GanttInitiative(1, "Undated", "strategy", None, None)])
    assert "No initiative has start and end dates yet" in chart.message
    chart.set_data([], [GanttMilestone(1, "Kick-off", D(2026, 1, 5))])
    assert chart.message == ""


def test_refresh_reads_the_roadmap_and_follows_edit_and_undo(qtbot, workspace) -> None:
    chart = RoadmapGantt(today=TODAY)
    qtbot.addWidget(chart)
    first = create_row(workspace, "initiatives", {"title": "Diagnostic", "phase": "diagnosis",
                                                  "start_date": D(2026, 1, 5), "end_date": D(2026, 2, 27)})
    second = create_row(workspace, "initiatives", {
        "title": "Feuille de route", "phase": "strategy", "start_date": D(2026, 3, 2), "end_date": D(2026, 4, 30),
        "depends_on_ids": [first.row_ids[0]]})
    create_row(workspace, "milestones", {"title": "Comité", "due_date": D(2026, 4, 30),
                                         "initiative_id": second.row_ids[0]})
    chart.refresh(workspace, "fr")
    layout = chart.chart_layout()
    assert set(layout.bars) == {first.row_ids[0], second.row_ids[0]} and len(layout.milestones) == 1
    assert [(a, b) for a, b, _, _ in layout.arrows] == [(first.row_ids[0], second.row_ids[0])]
    edit = update_row(workspace, "initiatives", second.row_ids[0], {"depends_on_ids": []})
    chart.refresh(workspace, "fr")
    assert chart.chart_layout().arrows == []
    undo(workspace, edit)
    chart.refresh(workspace, "fr")
    assert len(chart.chart_layout().arrows) == 1


def test_refresh_on_the_demo_engagement_draws_the_whole_roadmap(qtbot, demo_workspace) -> None:
    chart = RoadmapGantt(today=TODAY)
    qtbot.addWidget(chart)
    chart.refresh(demo_workspace, "fr")
    chart.resize(1000, chart.sizeHint().height())
    layout = chart.chart_layout()
    dated = {i for i, in sql(demo_workspace, "select id from initiatives where start_date is not null "
                                             "and end_date is not null and end_date >= start_date")}
    assert set(layout.bars) == dated
    (milestones,), = sql(demo_workspace, "select count(*) from milestones")
    assert len(layout.milestones) == milestones
    links = {(a, b) for b, a in sql(demo_workspace, "select initiative_id, depends_on_id from initiative_dependencies")
             if a in dated and b in dated}
    assert {(a, b) for a, b, _, _ in layout.arrows} == links
