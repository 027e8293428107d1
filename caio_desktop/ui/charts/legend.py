"""Chart legends: swatches with labels, laid out in centred rows that wrap to the width available."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from caio_desktop.ui.charts import theme

_SWATCH = 12.0
_GAP = 6.0  # swatch to text
_SPACING = 18.0  # between items
_ROW = 20.0


class Swatch(StrEnum):
    """How a legend item draws its sample."""

    SQUARE = "square"
    CIRCLE = "circle"
    LINE = "line"
    DASHED = "dashed"
    DIAMOND = "diamond"
    AREA = "area"  # a filled polygon with an outline (radar series)


@dataclass(frozen=True)
class LegendItem:
    """One entry of a legend."""

    label: str
    color: QColor
    swatch: Swatch = Swatch.SQUARE


def _font():  # noqa: ANN202 - QFont
    return theme.font(12)


def _rows(items: list[LegendItem], width: float) -> list[list[tuple[LegendItem, float]]]:
    metrics = QFontMetricsF(_font())
    rows: list[list[tuple[LegendItem, float]]] = [[]]
    used = 0.0
    for item in items:
        item_width = _SWATCH + _GAP + metrics.horizontalAdvance(item.label)
        needed = item_width + (_SPACING if rows[-1] else 0)
        if rows[-1] and used + needed > width:
            rows.append([])
            used, needed = 0.0, item_width
        rows[-1].append((item, item_width))
        used += needed
    return [r for r in rows if r]


def legend_height(items: list[LegendItem], width: float) -> float:
    """Height the legend needs at `width` (0 when there is nothing to explain)."""
    return len(_rows(items, width)) * _ROW if items else 0.0


def draw_swatch(painter: QPainter, swatch: Swatch, color: QColor, rect: QRectF) -> None:
    """The sample of one legend item inside `rect` (a small square)."""
    painter.save()
    centre = rect.center()
    if swatch == Swatch.LINE or swatch == Swatch.DASHED:
        style = Qt.PenStyle.DashLine if swatch == Swatch.DASHED else Qt.PenStyle.SolidLine
        painter.setPen(QPen(color, 2.0, style, Qt.PenCapStyle.FlatCap))
        painter.drawLine(QPointF(rect.left(), centre.y()), QPointF(rect.right() + 2, centre.y()))
    elif swatch == Swatch.CIRCLE:
        painter.setPen(QPen(theme.shade(color, 0.25), 1.0))
        painter.setBrush(color)
        painter.drawEllipse(centre, rect.width() / 2 - 0.5, rect.height() / 2 - 0.5)
    elif swatch == Swatch.DIAMOND:
        path = QPainterPath()
        r = rect.width() / 2
        path.moveTo(centre.x(), centre.y() - r)
        path.lineTo(centre.x() + r, centre.y())
        path.lineTo(centre.x(), centre.y() + r)
        path.lineTo(centre.x() - r, centre.y())
        path.closeSubpath()
        painter.setPen(QPen(theme.shade(color, 0.25), 1.0))
        painter.setBrush(color)
        painter.drawPath(path)
    elif swatch == Swatch.AREA:
        fill = QColor(color)
        fill.setAlphaF(0.25)
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(rect, 2.5, 2.5)
    painter.restore()


def draw_legend(painter: QPainter, items: list[LegendItem], rect: QRectF) -> None:
    """Draw `items` in centred rows from the top of `rect`."""
    painter.save()
    painter.setFont(_font())
    y = rect.top()
    for row in _rows(items, rect.width()):
        total = sum(w for _, w in row) + _SPACING * (len(row) - 1)
        x = rect.left() + (rect.width() - total) / 2
        for item, item_width in row:
            swatch = QRectF(x, y + (_ROW - _SWATCH) / 2, _SWATCH, _SWATCH)
            draw_swatch(painter, item.swatch, item.color, swatch)
            painter.setPen(theme.TEXT)
            text_rect = QRectF(x + _SWATCH + _GAP, y, item_width - _SWATCH - _GAP + 1, _ROW)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, item.label)
            x += item_width + _SPACING
        y += _ROW
    painter.restore()
