"""Every chart renders to a PNG, in French and in English, shown or not."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage

from caio_desktop.ui.charts.export import render_to_png
from caio_desktop.ui.charts.gantt import GanttInitiative, RoadmapGantt
from caio_desktop.ui.charts.heatmap import RiskHeatMap, RiskPosition
from caio_desktop.ui.charts.kpi import KpiMeasurement, KpiSeries, KpiTrend
from caio_desktop.ui.charts.kpi_grid import KpiTrendGrid
from caio_desktop.ui.charts.portfolio import PortfolioMatrix, UseCasePoint
from caio_desktop.ui.charts.radar import DimensionRating, MaturityRadar
from caio_desktop.ui.charts.stakeholders import StakeholderMap, StakeholderPoint

SERIES = KpiSeries(1, "Adoption", "%", 10, 50, "increase",
                   (KpiMeasurement(dt.date(2026, 1, 1), 10), KpiMeasurement(dt.date(2026, 3, 1), 30)))


def charts(lang: str) -> list:
    radar = MaturityRadar(lang=lang)
    radar.set_data([DimensionRating(k, 2, 4) for k in ("ai_vision", "data_quality", "ai_security", "ai_literacy")])
    heat = RiskHeatMap(lang=lang)
    heat.set_data([RiskPosition(1, "R-001", "Biais", 5, 5)])
    portfolio = PortfolioMatrix(lang=lang)
    portfolio.set_data([UseCasePoint(1, "Tri des sinistres", 4, 4)])
    gantt = RoadmapGantt(lang=lang, today=dt.date(2026, 2, 1))
    gantt.set_data([GanttInitiative(1, "Diagnostic", "diagnosis", dt.date(2026, 1, 5), dt.date(2026, 3, 1), 50)])
    people = StakeholderMap(lang=lang)
    people.set_data([StakeholderPoint(1, "Claire Martin", 5, 4, "champion")])
    trend = KpiTrend(lang=lang)
    trend.set_data(SERIES)
    grid = KpiTrendGrid(lang=lang)
    grid.set_data([SERIES, SERIES])
    return [radar, heat, portfolio, gantt, people, trend, grid]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_chart_writes_a_png_of_the_size_asked(qtbot, tmp_path, lang) -> None:
    for n, chart in enumerate(charts(lang)):
        qtbot.addWidget(chart)
        path = render_to_png(chart, tmp_path / f"chart-{n}-{lang}.png", (640, 420))
        image = QImage(str(path))
        assert (image.width(), image.height()) == (640, 420)
        colours = {image.pixel(x, y) for x in range(0, 640, 16) for y in range(0, 420, 12)}
        assert len(colours) > 8, f"{type(chart).__name__} drew (almost) nothing"


def test_small_multiples_render_their_charts_while_hidden(qtbot, tmp_path) -> None:
    grid = KpiTrendGrid(lang="en", columns=2)
    qtbot.addWidget(grid)
    grid.set_data([SERIES, SERIES])
    image = QImage(str(render_to_png(grid, tmp_path / "grid.png", (800, 260))))
    right_half = {image.pixel(x, y) for x in range(420, 800, 8) for y in range(20, 240, 8)}
    assert len(right_half) > 8  # the second chart was laid out and drawn, not left blank


def test_scale_makes_a_denser_image(qtbot, tmp_path) -> None:
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    image = QImage(str(render_to_png(chart, tmp_path / "dense.png", (300, 200), scale=2.0)))
    assert (image.width(), image.height()) == (600, 400)


def test_an_unwritable_path_raises_a_clear_error(qtbot, tmp_path) -> None:
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    with pytest.raises(OSError, match="could not write the chart image"):
        render_to_png(chart, tmp_path / "missing-folder" / "x.png", (100, 100))
