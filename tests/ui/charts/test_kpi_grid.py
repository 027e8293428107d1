"""The KPI small multiples: one compact chart per KPI, columns by width, scrolling, refresh."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, delete_rows, undo
from caio_desktop.ui.charts.kpi import KpiMeasurement, KpiSeries
from caio_desktop.ui.charts.kpi_grid import KpiTrendGrid
from tests.ui.charts.conftest import scrolled, sql

SERIES = [KpiSeries(i, f"Indicateur {i}", "%", 10, 50, "increase",
                    (KpiMeasurement(dt.date(2026, 1, 1), 10 + i), KpiMeasurement(dt.date(2026, 2, 1), 20 + i)))
          for i in range(1, 6)]


def test_one_small_chart_per_kpi_in_columns_by_width(show) -> None:
    grid = show(KpiTrendGrid(lang="fr"), size=(960, 600))
    grid.set_data(SERIES)
    assert [c.series.name for c in grid.charts] == [f"Indicateur {i}" for i in range(1, 6)]
    assert grid.columns() == 3
    geometries = [c.geometry() for c in grid.charts]
    assert geometries[0].top() == geometries[2].top() < geometries[3].top()
    assert geometries[0].left() < geometries[1].left() < geometries[2].left()
    grid.resize(500, 600)
    assert grid.columns() == 1
    assert grid.charts[1].geometry().top() > grid.charts[0].geometry().bottom()
    assert grid.minimumSizeHint().height() >= 5 * 210


def test_fewer_kpis_mean_fewer_charts_and_language_reaches_them(qtbot) -> None:
    grid = KpiTrendGrid(lang="fr")
    qtbot.addWidget(grid)
    grid.set_data(SERIES)
    grid.set_data(SERIES[:2])
    assert len(grid.charts) == 2
    grid.set_language("en")
    assert all(c.lang == "en" for c in grid.charts)
    grid.set_data([])
    assert "No KPIs yet" in grid.message


def test_click_on_a_small_chart_activates_its_kpi(qtbot, show) -> None:
    grid = show(KpiTrendGrid(), size=(960, 480))
    grid.set_data(SERIES)
    target = grid.charts[4]
    with qtbot.waitSignal(grid.kpi_activated) as activated:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())
    assert activated.args == [5]


def test_many_kpis_scroll(qtbot) -> None:
    grid = KpiTrendGrid()
    grid.set_data(SERIES * 3)
    area = scrolled(qtbot, grid)
    assert area.verticalScrollBar().maximum() > 0


def test_refresh_reads_every_kpi_and_follows_delete_and_undo(qtbot, workspace) -> None:
    grid = KpiTrendGrid()
    qtbot.addWidget(grid)
    ids = [create_row(workspace, "kpis", {"name": name}).row_ids[0] for name in ("Adoption", "Délai", "Formés")]
    create_row(workspace, "kpi_measurements", {"kpi_id": ids[1], "measured_on": dt.date(2026, 1, 1), "value": 9})
    grid.refresh(workspace, "en")
    assert [c.series.name for c in grid.charts] == ["Adoption", "Délai", "Formés"]
    assert [len(c.series.measurements) for c in grid.charts] == [0, 1, 0]
    removal = delete_rows(workspace, "kpis", [ids[0]])
    grid.refresh(workspace, "en")
    assert [c.series.name for c in grid.charts] == ["Délai", "Formés"]
    undo(workspace, removal)
    grid.refresh(workspace, "en")
    assert len(grid.charts) == 3


def test_refresh_on_the_demo_engagement_shows_every_kpi(qtbot, demo_workspace) -> None:
    grid = KpiTrendGrid()
    qtbot.addWidget(grid)
    grid.refresh(demo_workspace, "en")
    expected = dict(sql(demo_workspace, "select k.name, count(m.id) from kpis k left join kpi_measurements m "
                                        "on m.kpi_id = k.id group by k.id order by k.id"))
    assert {c.series.name: len(c.series.measurements) for c in grid.charts} == expected
