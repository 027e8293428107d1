"""Placing name labels beside points without letting them overlap each other, the points or the edges.

Greedy and deterministic: labels are placed in the order given (put the most important first); each
tries positions around its point (right, left, above, below, then diagonals and further out) and takes
the first free one. A label with no free place is left out — its point still has a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

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


def label_width(plot_width: float) -> float:
    """The widest a label beside a point may be in a plot `plot_width` pixels wide (more room, longer
    lines)."""
    return min(230.0, max(110.0, 110 + (plot_width - 420) * 0.3))


def wrap_label(text: str, plot_width: float, metrics: QFontMetricsF, *, lines: int = 2) -> str:
    """`text` in at most `lines` lines of at most `label_width` pixels, broken between words; what does
    not fit ends the last line with "…" after a whole word (the full text stays in the point's tooltip).
    A single word longer than a line is the only thing ever cut inside a word."""
    limit = label_width(plot_width)
    words = " ".join(text.split()).split(" ")
    out: list[str] = []
    current = ""
    while words:
        candidate = f"{current} {words[0]}" if current else words[0]
        if metrics.horizontalAdvance(candidate) <= limit:
            current = candidate
            words.pop(0)
            continue
        if not current:  # one word wider than a line
            current = metrics.elidedText(words.pop(0), Qt.TextElideMode.ElideRight, limit)
        out.append(current)
        current = ""
        if len(out) == lines:
            break
    if current:
        out.append(current)
    if words:  # more than the lines hold: end the last one on a whole word and "…"
        last = out[-1]
        while last and metrics.horizontalAdvance(last + " …") > limit and " " in last:
            last = last.rsplit(" ", 1)[0]
        out[-1] = last.rstrip(" ,;:—-") + " …" if not last.endswith("…") else last
    return "\n".join(out)


def label_size(text: str, metrics: QFontMetricsF) -> QSizeF:
    """The room a (possibly two-line) label takes, with a little air on each side."""
    rows = text.split("\n")
    return QSizeF(max(metrics.horizontalAdvance(r) for r in rows) + 4, metrics.height() * len(rows))


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
