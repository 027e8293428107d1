"""What every chart shares: live refresh from the app context (deferred while hidden), tooltips, sizes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from caio_desktop.operations import create_row
from caio_desktop.ui.charts.heatmap import RiskHeatMap, RiskPosition
from caio_desktop.ui.charts.stakeholders import StakeholderMap
from caio_desktop.ui.context import AppContext


def test_a_hidden_chart_refreshes_when_shown_again(qtbot, workspace) -> None:
    context = AppContext(lang="en")
    context.set_workspace(workspace)
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    chart.follow(context)
    context.perform(create_row, "risks", {"title": "Drift", "likelihood": 2, "impact": 3})
    assert chart.counts()[(2, 3)] == 0  # hidden: not re-read yet
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.counts()[(2, 3)] == 1


def test_edits_elsewhere_do_not_refresh_a_chart(qtbot, show, workspace) -> None:
    context = AppContext(lang="en")
    context.set_workspace(workspace)
    chart = show(StakeholderMap())
    chart.follow(context)
    refreshed: list[str] = []
    chart.refresh = lambda ws, lang: refreshed.append(lang)  # type: ignore[method-assign]
    context.perform(create_row, "risks", {"title": "Drift", "likelihood": 2, "impact": 3})
    assert refreshed == []
    context.perform(create_row, "stakeholders", {"name": "Claire"})
    assert refreshed == ["en"]


def test_closing_the_workspace_empties_the_chart(qtbot, show, workspace) -> None:
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    chart = show(RiskHeatMap())
    chart.follow(context)
    context.perform(create_row, "risks", {"title": "Drift", "likelihood": 2, "impact": 3})
    assert chart.message == ""
    context.set_workspace(None)
    assert chart.message == ""  # the page's table goes first: charts follow right after the next paint
    qtbot.waitUntil(lambda: "Aucun risque" in chart.message)


def test_tooltip_event_shows_the_hovered_mark(qtbot, show) -> None:
    chart = show(RiskHeatMap(lang="en"))
    chart.set_data([RiskPosition(1, "R-001", "Drift", 3, 3)])
    centre = chart.chart_layout().cells[(3, 3)].center().toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, centre, chart.mapToGlobal(centre)))
    assert "R-001 Drift" in QToolTip.text()
    assert chart.tooltip_at(QPointF(1, 1)) == ""
    QToolTip.hideText()


def test_hover_highlights_the_mark_under_the_mouse(qtbot, show) -> None:
    chart = show(RiskHeatMap())
    chart.set_data([RiskPosition(1, "R-001", "Drift", 3, 3)])
    qtbot.mouseMove(chart, chart.chart_layout().cells[(3, 3)].center().toPoint())
    qtbot.waitUntil(lambda: chart.hovered == (3, 3))
    qtbot.mouseMove(chart, QPoint(2, 2))
    qtbot.waitUntil(lambda: chart.hovered is None)


def test_size_hints_leave_room_to_read(qtbot) -> None:
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    assert chart.minimumSizeHint().width() >= 400 and chart.sizeHint().height() > chart.minimumSizeHint().height()


def test_counts_agree_in_number_as_each_language_does(qtbot) -> None:
    chart = RiskHeatMap(lang="fr")
    qtbot.addWidget(chart)
    words = (("{n} risque", "{n} risques"), ("{n} risk", "{n} risks"))
    assert [chart.counted(n, *words) for n in (0, 1, 2)] == ["0 risque", "1 risque", "2 risques"]
    chart.set_language("en")
    assert [chart.counted(n, *words) for n in (0, 1, 2)] == ["0 risks", "1 risk", "2 risks"]


def test_screen_readers_get_the_caption_and_the_empty_state(qtbot) -> None:
    chart = RiskHeatMap(lang="en")
    qtbot.addWidget(chart)
    chart.set_data([])
    assert "No risks in the register yet" in chart.accessibleDescription()
    chart.set_data([RiskPosition(1, "R-001", "Drift", 3, 3)])
    assert chart.accessibleName() == "Current risk (before treatment) · 1 risk"


def test_a_language_switch_reformats_what_came_from_the_data(qtbot, show, workspace) -> None:
    import datetime as dt

    from caio_desktop.operations.diagnosis import rate_dimension
    from caio_desktop.ui.charts.radar import MaturityRadar

    assessment = create_row(workspace, "maturity", {"title": "Diagnostic", "assessed_on": dt.date(2026, 2, 20)})
    for key in ("ai_vision", "data_quality", "ai_security"):
        rate_dimension(workspace, assessment.row_ids[0], key, current_level=2, target_level=4)
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    chart = show(MaturityRadar())
    chart.follow(context)
    assert chart.caption() == "Diagnostic · 20/02/2026"
    context.set_language("en")
    assert chart.caption() == "Diagnostic · 20 Feb 2026"


def test_dates_follow_the_chart_language_not_the_system_locale(qtbot) -> None:
    import datetime as dt

    chart = RiskHeatMap(lang="fr")
    qtbot.addWidget(chart)
    day = dt.date(2026, 2, 20)
    assert (chart.date_text(day), chart.month_text(day)) == ("20/02/2026", "févr. 26")
    chart.set_language("en")
    assert (chart.date_text(day), chart.month_text(day)) == ("20 Feb 2026", "Feb 26")


def test_two_heat_maps_of_one_context_share_each_read(qtbot, show, workspace, monkeypatch) -> None:
    from caio_desktop.ui.charts import risk_cells

    reads: list[object] = []
    real = risk_cells.read_cells
    monkeypatch.setattr(risk_cells, "read_cells", lambda ws: reads.append(ws) or real(ws))
    context = AppContext(lang="en")
    context.set_workspace(workspace)
    current, residual = show(RiskHeatMap()), show(RiskHeatMap(mode="residual"))
    current.follow(context)
    residual.follow(context)
    assert len(reads) == 1
    context.perform(create_row, "risks", {"title": "Drift", "likelihood": 2, "impact": 3,
                                          "residual_likelihood": 1, "residual_impact": 2})
    assert len(reads) == 2  # one read after the edit, for both
    assert current.counts()[(2, 3)] == 1 and residual.counts()[(1, 2)] == 1
    context.perform(create_row, "stakeholders", {"name": "Claire"})
    assert len(reads) == 2  # an edit elsewhere reads nothing
