"""Gantt of the roadmap: initiatives grouped by phase over the engagement's months, progress inside the
bars, milestones as diamonds, and a line for the report date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.graphics.shapes import Line, Polygon, Rect, String
from reportlab.lib import colors

from caio_desktop.interchange.deliverables.nodes import GanttRow
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

ROW = 13.0
HEADER = 16.0
ROWS_PER_DRAWING = 44  # about one page


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    months, current = [], dt.date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = dt.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def gantt(rows: Sequence[GanttRow], *, period: tuple[dt.date, dt.date], today: dt.date | None,
          width: float, month_label, today_text: str,  # noqa: ANN001 - a callable
          rows_per_drawing: int = ROWS_PER_DRAWING) -> list[ChartDrawing]:
    """One drawing per page-full of rows; every drawing repeats the month header. Row colours are
    "#RRGGBB" strings (the content model's)."""
    start, end = period
    months = _months(start, end)
    axis_start = months[0]
    axis_end = _months(end, end)[0]
    axis_end = dt.date(axis_end.year + axis_end.month // 12, axis_end.month % 12 + 1, 1)
    span = max((axis_end - axis_start).days, 1)
    label_w = width * 0.34
    plot_x, plot_w = label_w, width - label_w

    def x_of(day: dt.date) -> float:
        clamped = min(max(day, axis_start), axis_end)
        return plot_x + (clamped - axis_start).days / span * plot_w

    drawings = []
    for chunk_start in range(0, max(len(rows), 1), rows_per_drawing):
        chunk = rows[chunk_start:chunk_start + rows_per_drawing]
        height = HEADER + ROW * len(chunk) + 4
        drawing = ChartDrawing(width, height)
        top = height - HEADER
        # month columns and header
        step = 1 if len(months) <= 14 else (2 if len(months) <= 26 else 3)
        for i, month in enumerate(months):
            x = x_of(month)
            nxt = x_of(months[i + 1]) if i + 1 < len(months) else plot_x + plot_w
            if i % 2 == 0:
                drawing.add(Rect(x, 4, nxt - x, top - 4, fillColor=colors.HexColor("#F7F8FA"), strokeColor=None))
            drawing.add(Line(x, 4, x, top, strokeColor=RULE, strokeWidth=0.3))
            if i % step == 0:
                drawing.add(String((x + nxt) / 2 if step == 1 else x + 2, top + 5, month_label(month),
                                   fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                                   textAnchor="middle" if step == 1 else "start"))
        drawing.add(Line(0, top, width, top, strokeColor=INK, strokeWidth=0.6))
        y = top
        for row in chunk:
            y -= ROW
            if row.is_group:
                drawing.add(Rect(0, y + 1, width, ROW - 2, fillColor=tint(colors.HexColor(row.color), 0.85), strokeColor=None))
                drawing.add(label(4, y + 4, row.text, size=7.5, font=BOLD, color=INK, width=label_w - 8))
                continue
            drawing.add(label(10, y + 4, row.text, size=7, color=INK, width=label_w - 16))
            if row.start and row.end:
                x0, x1 = x_of(row.start), x_of(row.end)
                x1 = max(x1, x0 + 2)
                drawing.add(Rect(x0, y + 3, x1 - x0, ROW - 6, rx=1.5, ry=1.5, fillColor=tint(colors.HexColor(row.color), 0.55),
                                 strokeColor=None))
                if row.progress:
                    done = (x1 - x0) * max(0.0, min(float(row.progress), 100.0)) / 100
                    drawing.add(Rect(x0, y + 3, done, ROW - 6, rx=1.5, ry=1.5, fillColor=colors.HexColor(row.color),
                                     strokeColor=None))
            for due, reached in row.milestones:
                mx, my = x_of(due), y + ROW / 2
                drawing.add(Polygon([mx, my + 4.2, mx + 4.2, my, mx, my - 4.2, mx - 4.2, my],
                                    fillColor=INK if reached else colors.white, strokeColor=INK,
                                    strokeWidth=0.8))
            drawing.add(Line(0, y, width, y, strokeColor=colors.HexColor("#EEF0F3"), strokeWidth=0.3))
        if today and axis_start <= today <= axis_end:
            tx = x_of(today)
            drawing.add(Line(tx, 2, tx, top + 2, strokeColor=colors.HexColor("#C62828"), strokeWidth=1,
                             strokeDashArray=[2, 1.5]))
            drawing.add(label(tx + 2, 5, today_text, size=6, font=BOLD, color=colors.HexColor("#C62828")))
        drawings.append(drawing)
    return drawings
