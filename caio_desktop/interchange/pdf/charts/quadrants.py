"""2×2 matrices on a 1–5 scale: the use-case portfolio (value × feasibility) and the stakeholder map
(influence × interest). Points carry a short label (a number or a name); near-identical points are
nudged apart so that none hides another."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Group, Line, Rect, String
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


@dataclass(frozen=True)
class Point:
    """One dot: position on the two 1–5 axes, its colour and its label."""

    x: float
    y: float
    color: colors.Color
    text: str


def quadrant_chart(points: Sequence[Point], *, width: float, height: float, axis_x: str, axis_y: str,
                   corners: tuple[str, str, str, str], accent: colors.Color, split: float = 3.0,
                   label_inside: bool = True,
                   legend: Sequence[tuple[str, colors.Color]] = ()) -> ChartDrawing:
    """`corners` names the quadrants: top-left, top-right, bottom-left, bottom-right.

    With `label_inside` the label is drawn in the dot (short numbers); otherwise the points that share a
    position are drawn side by side with their names stacked beside them. `legend` (text, colour)
    is drawn above the plot.
    """
    drawing = ChartDrawing(width, height)
    # Names go to the right of their dots, so a chart of names keeps room for them beyond x = 5.
    left, bottom, top_room = 26.0, 24.0, 18.0 if legend else 6.0
    right_room = 8.0 if label_inside else 84.0
    plot_w, plot_h = width - left - right_room, height - bottom - top_room
    inset = 20.0  # dots at 1 and 5 stay inside the frame, clear of the quadrant names

    def at(x: float, y: float) -> tuple[float, float]:
        return (left + inset + (x - 1) / 4 * (plot_w - 2 * inset),
                bottom + inset + (y - 1) / 4 * (plot_h - 2 * inset))

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
    lx = left
    for text, colour in legend:
        drawing.add(Circle(lx + 4, height - 8, 3.5, fillColor=colour, strokeColor=None))
        drawing.add(label(lx + 10, height - 10.5, text, size=7, color=MUTED))
        lx += 16 + stringWidth(text, REGULAR, 7)
    if label_inside:
        _numbered_points(drawing, points, at, right_edge=left + plot_w)
    else:
        _named_points(drawing, points, at, column=(plot_w - 2 * inset) / 4)
    return drawing


def _numbered_points(drawing: ChartDrawing, points: Sequence[Point], at, *, right_edge: float) -> None:  # noqa: ANN001
    """Numbered dots; one that would cover another is nudged beside it (same scores are common)."""
    placed: list[tuple[float, float]] = []
    radius = 6.5
    for point in points:
        x, y = at(point.x, point.y)
        for _ in range(12):
            if all((x - px) ** 2 + (y - py) ** 2 >= (2 * radius) ** 2 for px, py in placed):
                break
            x += radius * 1.2
            if x > right_edge - radius:
                x, y = at(point.x, point.y)[0] - radius * 1.2, y - radius * 1.2
        placed.append((x, y))
        drawing.add(Circle(x, y, radius, fillColor=point.color, strokeColor=colors.white, strokeWidth=0.8))
        drawing.add(String(x, y - 2.4, point.text, fontName=BOLD, fontSize=6.5, fillColor=colors.white,
                           textAnchor="middle"))


def _named_points(drawing: ChartDrawing, points: Sequence[Point], at, *, column: float) -> None:  # noqa: ANN001
    """People at the same position: their dots side by side, their names stacked to the right, within
    the width of one column so that they never run into the next position's dots."""
    groups: dict[tuple[float, float], list[Point]] = {}
    for point in points:
        groups.setdefault((round(point.x, 2), round(point.y, 2)), []).append(point)
    radius, line = 3.6, 8.0
    for (gx, gy), members in groups.items():
        x, y = at(gx, gy)
        step = radius * 2.3
        span = (len(members) - 1) * step
        first = x - span / 2
        for i, point in enumerate(members):
            drawing.add(Circle(first + i * step, y, radius, fillColor=point.color, strokeColor=colors.white,
                               strokeWidth=0.6))
        text_x = first + span + radius + 3
        room = column - (text_x - x) - radius - 6
        top = y + (len(members) - 1) * line / 2
        for i, point in enumerate(members):
            drawing.add(label(text_x, top - i * line - 2.3, point.text, size=6.5, width=room))
