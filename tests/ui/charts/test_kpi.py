"""The KPI trend: points in date order on a value axis, baseline and target lines, header, refresh."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.ui.charts.kpi import MET, KpiMeasurement, KpiSeries, KpiTrend, read_series

D = dt.date
ADOPTION = KpiSeries(7, "Taux d'adoption de l'assistant IA", "%", 12.0, 60.0, "increase", (
    KpiMeasurement(D(2026, 3, 1), 24.0), KpiMeasurement(D(2026, 1, 1), 12.0, "Avant lancement"),
    KpiMeasurement(D(2026, 2, 1), 15.5)))


def trend(qtbot, series=ADOPTION, lang: str = "fr", **options) -> KpiTrend:
    chart = KpiTrend(lang=lang, **options)
    qtbot.addWidget(chart)
    chart.resize(640, 380)
    chart.set_data(series)
    return chart


def test_points_run_left_to_right_by_date_and_up_with_value(qtbot) -> None:
    layout = trend(qtbot).chart_layout()
    xs = [p.x() for p in layout.points]
    ys = [p.y() for p in layout.points]
    assert xs == sorted(xs) and len(xs) == 3
    assert ys[0] > ys[1] > ys[2]  # 12 → 15.5 → 24: higher values are drawn higher
    assert layout.baseline_y == pytest.approx(ys[0])  # the first measurement equals the baseline
    assert layout.target_y < min(ys)
    assert layout.low <= 12 and layout.high >= 60


def test_reference_captions_avoid_the_measured_line(qtbot) -> None:
    chart = trend(qtbot)
    layout = chart.chart_layout()
    box = chart._reference_box(layout, layout.baseline_y, 120, avoid=[layout.target_y])
    assert not any(box.contains(p) for p in layout.points)
    assert layout.plot.adjusted(0, -2, 0, 2).contains(box)


def test_tooltip_gives_date_value_and_comment_in_the_language(qtbot) -> None:
    chart = trend(qtbot, lang="fr")
    first = chart.chart_layout().points[0]
    assert chart.tooltip_at(first) == "Taux d'adoption de l'assistant IA\n01/01/2026 : 12\u202f%\nAvant lancement"
    chart.set_language("en")
    assert chart.tooltip_at(chart.chart_layout().points[1]).splitlines()[1] == "01 Feb 2026: 15.5%"
    assert chart.direction_text() == "↑ Increase"


def test_target_met_follows_the_direction() -> None:
    assert ADOPTION.target_met(61) and not ADOPTION.target_met(59)
    delay = KpiSeries(1, "Délai", "j", 14, 7, "decrease")
    assert delay.target_met(6.5) and not delay.target_met(8)
    assert KpiSeries(2, "Sans cible", None).target_met(3) is None
    assert MET.name() == "#2e7d4f"


def test_click_activates_the_kpi(qtbot, show) -> None:
    chart = show(trend(qtbot))
    with qtbot.waitSignal(chart.kpi_activated) as activated:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().center())
    assert activated.args == [7]


def test_missing_kpi_and_missing_measurements_explain_themselves(qtbot) -> None:
    chart = trend(qtbot, series=None, lang="en")
    assert "No KPIs yet" in chart.message
    chart.set_data(KpiSeries(3, "Incidents", None))
    assert chart.message == "“Incidents” has no measurement yet."
    chart.set_data(KpiSeries(3, "Incidents", None, measurements=(KpiMeasurement(D(2026, 1, 5), 4),)))
    assert chart.message == "" and len(chart.chart_layout().points) == 1


def test_refresh_shows_the_chosen_kpi_and_follows_edit_and_undo(qtbot, workspace) -> None:
    chart = KpiTrend()
    qtbot.addWidget(chart)
    chart.resize(600, 360)
    first = create_row(workspace, "kpis", {"name": "Adoption", "unit": "%", "baseline": 10, "target": 50,
                                           "direction": "increase"}).row_ids[0]
    second = create_row(workspace, "kpis", {"name": "Délai", "unit": "j"}).row_ids[0]
    for day, value in ((D(2026, 2, 1), 20), (D(2026, 1, 1), 10)):
        create_row(workspace, "kpi_measurements", {"kpi_id": first, "measured_on": day, "value": value})
    chart.refresh(workspace, "fr")
    assert chart.series.name == "Adoption" and [m.value for m in chart.series.ordered] == [10, 20]
    edit = update_row(workspace, "kpis", first, {"target": 30})
    chart.refresh(workspace, "fr")
    assert chart.series.target == 30
    undo(workspace, edit)
    chart.refresh(workspace, "fr")
    assert chart.series.target == 50
    chart.set_kpi(second)
    chart.refresh(workspace, "fr")
    assert chart.message == "« Délai » n'a encore aucune mesure."
    assert [s.name for s in read_series(workspace)] == ["Adoption", "Délai"]


def test_a_long_unit_is_said_once_not_on_every_tick(qtbot) -> None:
    users = KpiSeries(4, "Utilisateurs d'IA non approuvée", "utilisateurs par mois", 900, 50, "decrease",
                      (KpiMeasurement(D(2026, 9, 9), 900), KpiMeasurement(D(2026, 11, 18), 710)))
    chart = trend(qtbot, series=users, lang="fr")
    assert chart.short_text(710) == "710" and chart.long_unit == "utilisateurs par mois"
    assert chart.value_text(710) == "710 utilisateurs par mois"  # tooltips keep the whole unit
    assert trend(qtbot).short_text(72.5) == "72,5\u202f%"
