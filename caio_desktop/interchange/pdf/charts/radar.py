"""Maturity radar: current and target levels (1–5) on one axis per pillar or dimension."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

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


def maturity_radar(axes: Sequence[tuple[str, float | None, float | None]], *, accent: colors.Color,
                   width: float, height: float, legend: tuple[str, str]) -> ChartDrawing:
    """`axes` is (label, current, target) per spoke; missing values sit at the centre."""
    drawing = ChartDrawing(width, height)
    cx, cy = width / 2, height / 2 + 6
    radius = min(width * 0.28, height / 2 - 26)
    count = max(len(axes), 3)

    def point(i: int, level: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / count
        r = radius * max(0.0, min(level, 5.0)) / 5
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for level in range(1, 6):
        ring = [c for i in range(count) for c in point(i, level)]
        drawing.add(Polygon(ring, strokeColor=RULE, strokeWidth=0.5 if level < 5 else 0.8,
                            fillColor=None))
        x, y = point(0, level)
        drawing.add(String(x + 2, y - 2.5, str(level), fontName=REGULAR, fontSize=6, fillColor=MUTED))
    for i in range(count):
        x, y = point(i, 5)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.5))
    target = [c for i, (_, _, t) in enumerate(axes) for c in point(i, t or 0)]
    current = [c for i, (_, cur, _) in enumerate(axes) for c in point(i, cur or 0)]
    if len(axes) >= 3:
        drawing.add(Polygon(target, strokeColor=INK, strokeWidth=1, strokeDashArray=[3, 2],
                            fillColor=None))
        drawing.add(Polygon(current, strokeColor=accent, strokeWidth=1.6, fillColor=tint(accent, 0.72)))
        for i, (_, cur, _) in enumerate(axes):
            x, y = point(i, cur or 0)
            drawing.add(Rect(x - 1.8, y - 1.8, 3.6, 3.6, fillColor=accent, strokeColor=None))
    for i, (name, _, _) in enumerate(axes):
        x, y = point(i, 5.5)
        anchor = "middle" if abs(x - cx) < 8 else ("start" if x > cx else "end")
        if anchor == "middle":  # clear the tip of the outer ring above and below
            y += 5 if y > cy else -6
        room = (width - x - 2) if anchor == "start" else (x - 2 if anchor == "end" else 110)
        drawing.add(label(x, y - 3, name, size=7.5, font=BOLD, anchor=anchor, width=min(room, 120)))
    # legend
    lx = 4
    drawing.add(Rect(lx, 4, 12, 6, fillColor=tint(accent, 0.72), strokeColor=accent, strokeWidth=1))
    drawing.add(label(lx + 16, 4.5, legend[0], size=7, color=MUTED))
    second = lx + 16 + stringWidth(legend[0], REGULAR, 7) + 14
    drawing.add(PolyLine([second, 7, second + 12, 7], strokeColor=INK, strokeWidth=1, strokeDashArray=[3, 2]))
    drawing.add(label(second + 16, 4.5, legend[1], size=7, color=MUTED))
    return drawing
