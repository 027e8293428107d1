"""KPI trends as small multiples: one line chart per indicator with its target and baseline."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Line, PolyLine, Rect, String
from reportlab.lib import colors

from caio_desktop.interchange.pdf.charts.common import (
    BOLD,
    INK,
    MUTED,
    REGULAR,
    RULE,
    ChartDrawing,
    label,
    tint,
)


def nice_axis(low: float, high: float, *, steps: int = 4) -> tuple[float, float, list[float]]:
    """Axis bounds and ticks on round numbers (1, 2, 2.5, 5 × 10^n) around [low, high]; an axis of
    values that are all positive does not go below zero."""
    if high == low:
        low, high = (low - 1, high + 1) if low else (0.0, 1.0)
    raw = (high - low) / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    if low >= 0 > start:
        start = 0.0
    end = math.ceil(high / step) * step
    ticks = []
    value = start
    while value <= end + step / 1000:
        ticks.append(round(value, 10))
        value += step
    return start, end, ticks


def kpi_trend(name: str, points: Sequence[tuple[dt.date, float]], *, target: float | None,
              baseline: float | None, accent: colors.Color, width: float, height: float,
              fmt: Callable[[float], str], date_label: Callable[[dt.date], str], target_text: str) -> ChartDrawing:
    """One indicator: measurements over time (dots and line), target dashed, latest value in bold."""
    drawing = ChartDrawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=RULE, strokeWidth=0.6))
    latest = points[-1][1] if points else None
    drawing.add(label(8, height - 14, name, size=8, font=BOLD, width=width - 70))
    if latest is not None:
        drawing.add(String(width - 8, height - 15, fmt(latest), fontName=BOLD, fontSize=10, fillColor=accent,
                           textAnchor="end"))
    left, right, bottom, top = 30.0, 10.0, 16.0, height - 24
    values = [v for _, v in points] + [v for v in (target, baseline) if v is not None]
    if not points:
        return drawing
    low, high, ticks = nice_axis(min(values), max(values))
    first, last = points[0][0], points[-1][0]
    days = max((last - first).days, 1)

    def at(day: dt.date, value: float) -> tuple[float, float]:
        x = left + ((day - first).days / days if len(points) > 1 else 0.5) * (width - left - right)
        return x, bottom + (value - low) / (high - low) * (top - bottom)

    for value in ticks:
        _, y = at(first, value)
        drawing.add(Line(left, y, width - right, y, strokeColor=tint(RULE, 0.4), strokeWidth=0.4))
        drawing.add(String(left - 3, y - 2, fmt(value), fontName=REGULAR, fontSize=5.5, fillColor=MUTED,
                           textAnchor="end"))
    if target is not None:
        _, y = at(first, target)
        drawing.add(Line(left, y, width - right, y, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[3, 2]))
        drawing.add(String(width - right, y + 2, f"{target_text} {fmt(target)}", fontName=REGULAR, fontSize=5.5,
                           fillColor=INK, textAnchor="end"))
    coords = [c for day, value in points for c in at(day, value)]
    if len(points) > 1:
        drawing.add(PolyLine(coords, strokeColor=accent, strokeWidth=1.5))
    for day, value in points:
        x, y = at(day, value)
        drawing.add(Circle(x, y, 1.8, fillColor=accent, strokeColor=colors.white, strokeWidth=0.5))
    drawing.add(String(left, 5, date_label(first), fontName=REGULAR, fontSize=5.5, fillColor=MUTED))
    if len(points) > 1:
        drawing.add(String(width - right, 5, date_label(last), fontName=REGULAR, fontSize=5.5, fillColor=MUTED,
                           textAnchor="end"))
    return drawing
