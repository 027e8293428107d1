"""2×2 matrices on a 1–5 scale: the use-case portfolio (value × feasibility) and the stakeholder map
(influence × interest). Points carry a short label (a number or a name); near-identical points are
nudged apart so that none hides another."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Group, Line, Rect, String
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


@dataclass(frozen=True)
class Point:
    """One dot: position on the two 1–5 axes, its colour and its label."""

    x: float
    y: float
    color: colors.Color
    text: str


def quadrant_chart(points: Sequence[Point], *, width: float, height: float, axis_x: str, axis_y: str,
                   corners: tuple[str, str, str, str], accent: colors.Color, split: float = 3.0,
                   label_inside: bool = True) -> ChartDrawing:
    """`corners` names the quadrants: top-left, top-right, bottom-left, bottom-right.

    With `label_inside` the label is drawn in the dot (short numbers); otherwise beside it (names).
    """
    drawing = ChartDrawing(width, height)
    left, bottom, right_room, top_room = 26.0, 24.0, 8.0, 6.0
    plot_w, plot_h = width - left - right_room, height - bottom - top_room

    def at(x: float, y: float) -> tuple[float, float]:
        return left + (x - 1) / 4 * plot_w, bottom + (y - 1) / 4 * plot_h

    sx, sy = at(split, split)
    # The top-right quadrant (the one to act on) is tinted with the accent.
    drawing.add(Rect(left, bottom, plot_w, plot_h, fillColor=colors.HexColor("#FAFBFC"), strokeColor=RULE,
                     strokeWidth=0.6))
    drawing.add(Rect(sx, sy, left + plot_w - sx, bottom + plot_h - sy, fillColor=tint(accent, 0.9),
                     strokeColor=None))
    drawing.add(Line(sx, bottom, sx, bottom + plot_h, strokeColor=RULE, strokeWidth=0.8))
    drawing.add(Line(left, sy, left + plot_w, sy, strokeColor=RULE, strokeWidth=0.8))
    pad = 5
    top_left, top_right, bottom_left, bottom_right = corners
    y_top, y_bottom = bottom + plot_h - pad - 7, bottom + pad
    drawing.add(label(left + pad, y_top, top_left, size=7.5, font=BOLD, color=MUTED, width=sx - left - 2 * pad))
    drawing.add(label(left + plot_w - pad, y_top, top_right, size=7.5, font=BOLD, color=accent, anchor="end",
                      width=left + plot_w - sx - 2 * pad))
    drawing.add(label(left + pad, y_bottom, bottom_left, size=7.5, font=BOLD, color=MUTED,
                      width=sx - left - 2 * pad))
    drawing.add(label(left + plot_w - pad, y_bottom, bottom_right, size=7.5, font=BOLD, color=MUTED,
                      anchor="end", width=left + plot_w - sx - 2 * pad))
    for n in range(1, 6):
        x, _ = at(n, 1)
        _, y = at(1, n)
        drawing.add(String(x, bottom - 9, str(n), fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                           textAnchor="middle"))
        drawing.add(String(left - 5, y - 2.3, str(n), fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                           textAnchor="end"))
    drawing.add(String(left + plot_w / 2, 3, axis_x + " →", fontName=REGULAR, fontSize=7.5, fillColor=INK,
                       textAnchor="middle"))
    axis = Group(String(0, 0, axis_y + " →", fontName=REGULAR, fontSize=7.5, fillColor=INK,
                        textAnchor="middle"))
    axis.translate(9, bottom + plot_h / 2)
    axis.rotate(90)
    drawing.add(axis)
    placed: list[tuple[float, float]] = []
    radius = 6.5 if label_inside else 4.0
    for point in points:
        x, y = at(point.x, point.y)
        # Nudge a dot that would sit on one already drawn (same scores are common).
        for _ in range(12):
            if all((x - px) ** 2 + (y - py) ** 2 >= (2 * radius) ** 2 for px, py in placed):
                break
            x += radius * 1.2
            if x > left + plot_w - radius:
                x, y = at(point.x, point.y)[0] - radius * 1.2, y - radius * 1.2
        placed.append((x, y))
        drawing.add(Circle(x, y, radius, fillColor=point.color, strokeColor=colors.white, strokeWidth=0.8))
        if label_inside:
            drawing.add(String(x, y - 2.4, point.text, fontName=BOLD, fontSize=6.5, fillColor=colors.white,
                               textAnchor="middle"))
        else:
            right_side = x < left + plot_w * 0.72
            drawing.add(label(x + (radius + 2 if right_side else -radius - 2), y - 2.3, point.text, size=6.5,
                              anchor="start" if right_side else "end", width=70))
    return drawing
