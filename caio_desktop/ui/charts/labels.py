"""Placing name labels beside points without letting them overlap each other, the points or the edges.

Greedy and deterministic: labels are placed in the order given (put the most important first); each
tries positions around its point (right, left, above, below, then diagonals and further out) and takes
the first free one. A label with no free place is left out — its point still has a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter

from caio_desktop.ui.charts import theme


def _candidates(point: QPointF, size: QSizeF, radius: float) -> list[QRectF]:
    w, h = size.width(), size.height()
    gap = radius + 4
    x, y = point.x(), point.y()
    spots = [
        (x + gap, y - h / 2), (x - gap - w, y - h / 2),  # right, left
        (x - w / 2, y - gap - h), (x - w / 2, y + gap),  # above, below
        (x + gap * 0.7, y - gap * 0.7 - h), (x - gap * 0.7 - w, y - gap * 0.7 - h),  # diagonals above
        (x + gap * 0.7, y + gap * 0.7), (x - gap * 0.7 - w, y + gap * 0.7),  # diagonals below
    ]
    further = [(sx, sy + dy) for sx, sy in spots[:2] for dy in (-h, h)]
    return [QRectF(sx, sy, w, h) for sx, sy in spots + further]


def place_labels(
    points: Sequence[QPointF],
    sizes: Sequence[QSizeF],
    *,
    bounds: QRectF,
    radius: float,
    obstacles: Sequence[QRectF] = (),
    limit: int = 80,
) -> list[QRectF | None]:
    """One rectangle per label (None when it has no free place), given each point and label size.

    `radius` is the size of the marks: a label never covers any point's mark. `obstacles` are other
    areas to keep clear (e.g. quadrant captions). Only the first `limit` labels are tried: beyond that
    a plot is too crowded to read names anyway, and placement would cost quadratic time.
    """
    marks = [QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius) for p in points]
    taken: list[QRectF] = [*obstacles]
    placed: list[QRectF | None] = []
    for n, (point, size) in enumerate(zip(points, sizes, strict=True)):
        if n >= limit:
            placed.append(None)
            continue
        chosen = None
        for rect in _candidates(point, size, radius):
            if not bounds.contains(rect):
                continue
            if any(rect.intersects(other) for other in taken) or any(rect.intersects(m) for m in marks):
                continue
            chosen = rect
            break
        placed.append(chosen)
        if chosen is not None:
            taken.append(chosen)
    return placed


def spread(count: int, spacing: float) -> list[QPointF]:
    """Offsets for `count` marks sharing one position: a centred ring (or rings) `spacing` apart, so
    that two stakeholders with the same scores stay two visible dots."""
    if count <= 1:
        return [QPointF(0, 0)] * count
    offsets: list[QPointF] = []
    ring, left = 1, count
    while left:
        capacity = 6 * ring if ring > 1 else min(left, 6)
        n = min(left, capacity)
        radius = spacing * ring * (0.6 if ring == 1 and n <= 3 else 1.0)
        for i in range(n):
            angle = math.pi + 2 * math.pi * i / n  # the first to the left: pairs sit side by side
            offsets.append(QPointF(radius * math.cos(angle), radius * math.sin(angle)))
        left -= n
        ring += 1
    return offsets


def shorten(text: str, width: float) -> str:
    """`text` cut to what a label beside a point can hold in a plot `width` pixels wide (more room, longer
    labels; the full text stays in the tooltip)."""
    chars = int(min(44, max(20, 20 + (width - 420) / 22)))
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def paint_labels(painter: QPainter, texts: Mapping[Hashable, str], rects: Mapping[Hashable, QRectF]) -> None:
    """Draw placed labels on a soft white backing, so grid and split lines do not cut through words."""
    painter.save()
    painter.setFont(theme.font(11))
    backing = QColor(theme.BACKGROUND)
    backing.setAlphaF(0.78)
    for key, rect in rects.items():
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(backing)
        painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
        painter.setPen(theme.TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, texts[key])
    painter.restore()
