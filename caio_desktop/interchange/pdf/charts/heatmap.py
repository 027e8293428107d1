"""5×5 risk heat map: likelihood up, impact across, each cell in its matrix level colour with the
number of risks in it."""

from __future__ import annotations

from reportlab.graphics.shapes import Group, Rect, String
from reportlab.lib import colors

from caio_desktop.interchange.deliverables.nodes import HeatMap
from caio_desktop.interchange.pdf.charts.common import BOLD, INK, MUTED, REGULAR, ChartDrawing, label, tint


def heat_map(chart: HeatMap, *, width: float) -> ChartDrawing:
    """The content model's grid: counts and level colours per (likelihood, impact) cell."""
    title, axis_x, axis_y = chart.title, chart.axis_x, chart.axis_y
    left, bottom, top_room = 72.0, 30.0, 18.0
    size = min((width - left - 6) / 5, 34.0)
    height = bottom + 5 * size + top_room
    drawing = ChartDrawing(width, height)
    drawing.add(label(left, height - 11, title, size=9, font=BOLD))
    for li in range(1, 6):
        for im in range(1, 6):
            base = colors.HexColor(chart.colors[li - 1][im - 1])
            n = chart.counts[li - 1][im - 1]
            x, y = left + (im - 1) * size, bottom + (li - 1) * size
            drawing.add(Rect(x + 0.8, y + 0.8, size - 1.6, size - 1.6, rx=1.5, ry=1.5,
                             fillColor=base if n else tint(base, 0.78), strokeColor=None))
            if n:
                drawing.add(String(x + size / 2, y + size / 2 - 4, str(n), fontName=BOLD, fontSize=11,
                                   fillColor=colors.white, textAnchor="middle"))
    for n in range(1, 6):
        drawing.add(label(left - 4, bottom + (n - 0.5) * size - 2.5, chart.likelihood_labels[n - 1],
                          size=6.3, color=MUTED, anchor="end", width=left - 20))
        drawing.add(label(left + (n - 0.5) * size, bottom - 9, chart.impact_labels[n - 1], size=6.0,
                          color=MUTED, anchor="middle", width=size + 2))
    drawing.add(String(left + 2.5 * size, 4, axis_x + " →", fontName=REGULAR, fontSize=7, fillColor=INK,
                       textAnchor="middle"))
    axis = String(0, 0, axis_y + " →", fontName=REGULAR, fontSize=7, fillColor=INK, textAnchor="middle")
    group = Group(axis)
    group.translate(8, bottom + 2.5 * size)
    group.rotate(90)
    drawing.add(group)
    return drawing
