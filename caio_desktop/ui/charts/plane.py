"""A 1–5 × 1–5 plane split into four named quadrants: the ground of the use-case portfolio matrix and
of the stakeholder map (soft quadrant backgrounds, corner captions, ticks, axis titles)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout
from caio_desktop.ui.charts.legend import LegendItem

TICKS = (1, 2, 3, 4, 5)
_CAPTION_FONT = 12
_CAPTION_PAD = 8.0


@dataclass(frozen=True)
class Quadrant:
    """One quadrant: its caption, colour and side (right = high x, top = high y)."""

    key: str
    label: str
    color: QColor
    right: bool
    top: bool


@dataclass(frozen=True)
class Plane:
    """Where values land: `area` is the plotting rectangle, values run from `low` to `high` on both
    axes and `split` separates the low and high halves."""

    area: QRectF
    low: float = 0.5
    high: float = 5.5
    split: float = 3.0
    band: float = 24.0  # a strip along the top and bottom edges, kept for the captions: no point lands there

    def x(self, value: float) -> float:
        return self.area.left() + (value - self.low) / (self.high - self.low) * self.area.width()

    def y(self, value: float) -> float:
        height = self.area.height() - 2 * self.band
        return self.area.bottom() - self.band - (value - self.low) / (self.high - self.low) * height

    def point(self, x_value: float, y_value: float) -> QPointF:
        return QPointF(self.x(x_value), self.y(y_value))

    def quadrant_rect(self, *, right: bool, top: bool) -> QRectF:
        sx, sy = self.x(self.split), self.y(self.split)
        left_x, right_x = (sx, self.area.right()) if right else (self.area.left(), sx)
        top_y, bottom_y = (self.area.top(), sy) if top else (sy, self.area.bottom())
        return QRectF(QPointF(left_x, top_y), QPointF(right_x, bottom_y))

    def caption_rect(self, quadrant: Quadrant) -> QRectF:
        """Where a quadrant's caption goes: its outer top corner (kept clear of points' labels)."""
        rect = self.quadrant_rect(right=quadrant.right, top=quadrant.top)
        metrics = QFontMetricsF(theme.font(_CAPTION_FONT, bold=True))
        width = min(metrics.horizontalAdvance(quadrant.label) + 2, rect.width() - 2 * _CAPTION_PAD)
        height = metrics.height()
        x = rect.right() - _CAPTION_PAD - width if quadrant.right else rect.left() + _CAPTION_PAD
        y = rect.top() + (self.band - height) / 2 if quadrant.top else rect.bottom() - (self.band + height) / 2
        return QRectF(x, y, width, height)


def plane_area(rect: QRectF, *, bottom_reserved: float) -> QRectF:
    """The plotting rectangle inside `rect`, leaving room for ticks and axis titles (left, bottom)."""
    return rect.adjusted(48, 6, -8, -(bottom_reserved + 44))


def paint_plane(painter: QPainter, plane: Plane, quadrants: list[Quadrant], *, x_title: str,
                y_title: str, cell_lines: bool = False) -> None:
    """Quadrant backgrounds and captions, the split lines, ticks 1–5 and the axis titles."""
    area = plane.area
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for q in quadrants:
        painter.setBrush(theme.tint(q.color, 0.90))
        painter.drawRect(plane.quadrant_rect(right=q.right, top=q.top))
    if cell_lines:  # the 5×5 grid of whole scores, faint, under everything
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1.0))
        for edge in (1.5, 2.5, 3.5, 4.5):
            painter.drawLine(QPointF(plane.x(edge), area.top() + plane.band),
                             QPointF(plane.x(edge), area.bottom() - plane.band))
            painter.drawLine(QPointF(area.left(), plane.y(edge)), QPointF(area.right(), plane.y(edge)))
    painter.setPen(QPen(theme.AXIS, 1.2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(plane.x(plane.split), area.top()), QPointF(plane.x(plane.split), area.bottom()))
    painter.drawLine(QPointF(area.left(), plane.y(plane.split)), QPointF(area.right(), plane.y(plane.split)))
    painter.setPen(QPen(theme.AXIS, 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(area)

    painter.setFont(theme.font(_CAPTION_FONT, bold=True))
    for q in quadrants:
        painter.setPen(theme.shade(q.color, 0.25))
        caption = plane.caption_rect(q)
        text = QFontMetricsF(painter.font()).elidedText(q.label, Qt.TextElideMode.ElideRight, caption.width())
        align = Qt.AlignmentFlag.AlignRight if q.right else Qt.AlignmentFlag.AlignLeft
        painter.drawText(caption, align | Qt.AlignmentFlag.AlignVCenter, text)

    painter.setFont(theme.font(11))
    painter.setPen(theme.MUTED)
    for tick in TICKS:
        x, y = plane.x(tick), plane.y(tick)
        painter.drawText(QRectF(x - 12, area.bottom() + 4, 24, 16), Qt.AlignmentFlag.AlignCenter, str(tick))
        painter.drawText(QRectF(area.left() - 30, y - 8, 24, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick))
    painter.setFont(theme.font(12, bold=True))
    painter.drawText(QRectF(area.left(), area.bottom() + 20, area.width(), 20), Qt.AlignmentFlag.AlignCenter,
                     f"{x_title} →")
    painter.translate(QPointF(area.left() - 38, area.center().y()))
    painter.rotate(-90)
    painter.drawText(QRectF(-area.height() / 2, -10, area.height(), 20), Qt.AlignmentFlag.AlignCenter,
                     f"{y_title} →")
    painter.restore()


@dataclass
class PlaneLayout(ChartLayout):
    """Geometry shared by the charts drawn on a quadrant plane (portfolio, stakeholder map): the plane,
    the point labels, caption, legend and footnote; each chart adds where its points are."""

    plane: Plane = field(default_factory=lambda: Plane(QRectF()))
    labels: dict[int, QRectF] = field(default_factory=dict)
    label_texts: dict[int, str] = field(default_factory=dict)
    caption: QRectF = field(default_factory=QRectF)
    legend: QRectF = field(default_factory=QRectF)
    legend_items: list[LegendItem] = field(default_factory=list)
    footnote: QRectF = field(default_factory=QRectF)
