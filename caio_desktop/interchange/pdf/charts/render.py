"""A chart of the content model as reportlab drawings, at a given width: the PDF's figures, and the
images of the Word report (rendered to PNG by `interchange.docx`)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from caio_desktop.interchange.deliverables import i18n
from caio_desktop.interchange.deliverables.nodes import (
    Chart,
    GanttChart,
    HeatMap,
    KpiTrend,
    QuadrantChart,
    RadarChart,
)
from caio_desktop.interchange.pdf.charts.gantt import gantt
from caio_desktop.interchange.pdf.charts.heatmap import heat_map
from caio_desktop.interchange.pdf.charts.quadrants import Point, quadrant_chart
from caio_desktop.interchange.pdf.charts.radar import maturity_radar
from caio_desktop.interchange.pdf.charts.trends import kpi_trend

KPI_HEIGHT = 118.0
KPI_WIDTH = 237.0  # half the report's frame: the height suits that width


def drawings_for(chart: Chart, width: float, lang: str, accent_hex: str, *,
                 rows_per_drawing: int | None = None) -> list[Drawing]:
    """`chart` drawn `width` points wide; a long Gantt is several drawings (one a page)."""
    accent = colors.HexColor(accent_hex)
    if isinstance(chart, RadarChart):
        return [maturity_radar(chart.axes, accent=accent, width=width, height=min(290.0, width * 0.6),
                               legend=chart.legend)]
    if isinstance(chart, HeatMap):
        return [heat_map(chart, width=width)]
    if isinstance(chart, QuadrantChart):
        points = [Point(p.x, p.y, colors.HexColor(p.color), p.text) for p in chart.points]
        height = min(255.0 if chart.label_inside else 300.0, width * 0.62)
        return [quadrant_chart(points, width=width, height=height, axis_x=chart.axis_x, axis_y=chart.axis_y,
                               corners=chart.corners, accent=accent, split=chart.split,
                               label_inside=chart.label_inside,
                               legend=[(text, colors.HexColor(c)) for text, c in chart.legend]
                               if not chart.label_inside else [])]
    if isinstance(chart, KpiTrend):
        return [kpi_trend(chart.name, chart.points, target=chart.target, baseline=chart.baseline, accent=accent,
                          width=width, height=KPI_HEIGHT * max(1.0, width / KPI_WIDTH) ** 0.5,
                          fmt=lambda v: i18n.format_kpi_value(v, chart.unit, lang),
                          date_label=lambda d: i18n.format_short_date(d, lang), target_text=chart.target_text)]
    if isinstance(chart, GanttChart):
        extra = {"rows_per_drawing": rows_per_drawing} if rows_per_drawing else {}
        return gantt(list(chart.rows), period=chart.period, today=chart.today, width=width,
                     month_label=lambda d: i18n.month_label(d, lang), today_text=chart.today_text, **extra)
    raise TypeError(f"no drawing for {type(chart).__name__}")


def drawing_for(chart: Chart, width: float, lang: str, accent_hex: str) -> Drawing:
    """`chart` as one drawing `width` points wide (a Gantt of any length in one piece)."""
    return drawings_for(chart, width, lang, accent_hex, rows_per_drawing=10_000)[0]
