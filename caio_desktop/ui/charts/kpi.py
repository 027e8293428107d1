"""`KpiTrend`: one KPI's measurements over time, with its baseline and target as dashed lines; and
`KpiTrendGrid` (in `kpi_grid.py`), the small multiples of every KPI.

The header gives the KPI's name, the direction that counts as progress (↑ increase / ↓ decrease) and
the latest value, green when the target is met. Values are written in the chart's language ("72,5 %"
/ "72.5%").

How a page uses it::

    trend = KpiTrend(lang=context.lang)
    trend.follow(context)              # refreshes after edits/undo on KPIs and measurements
    kpi_table.current_id_changed.connect(trend.set_kpi)   # which KPI to show (default: the first)

Without a context, call `refresh(workspace, lang)` or `set_data(KpiSeries(...))`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.scoring import add_months
from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout, ChartWidget, Hotspot
from caio_desktop.ui.charts.legend import LegendItem, Swatch, draw_legend, legend_height
from caio_desktop.ui.charts.numbers import nice_ticks, with_unit
from caio_desktop.workspace.queries import fetch_rows

MET = QColor("#2E7D4F")
SHORT_UNIT = 4  # units up to this length are written after every number; longer ones once


@dataclass(frozen=True)
class KpiMeasurement:
    """One measured value of a KPI."""

    measured_on: dt.date
    value: float
    comment: str | None = None


@dataclass(frozen=True)
class KpiSeries:
    """A KPI with its reference values and its measurements (in date order once set)."""

    id: int
    name: str
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    direction: str | None = None  # "increase" or "decrease"
    measurements: tuple[KpiMeasurement, ...] = ()

    @classmethod
    def from_rows(cls, kpi: dict[str, Any], measurements: list[dict[str, Any]]) -> KpiSeries:
        return cls(kpi["id"], kpi.get("name") or "", kpi.get("unit"), kpi.get("baseline"), kpi.get("target"),
                   kpi.get("direction"), tuple(KpiMeasurement(m["measured_on"], float(m["value"]), m.get("comment"))
                                               for m in measurements if m.get("value") is not None))

    @property
    def ordered(self) -> list[KpiMeasurement]:
        return sorted(self.measurements, key=lambda m: m.measured_on)

    @property
    def latest(self) -> KpiMeasurement | None:
        ordered = self.ordered
        return ordered[-1] if ordered else None

    def target_met(self, value: float) -> bool | None:
        """Whether `value` reaches the target in the KPI's direction (None without target or direction)."""
        if self.target is None or self.direction not in ("increase", "decrease"):
            return None
        return value >= self.target if self.direction == "increase" else value <= self.target


def read_series(workspace: Any) -> list[KpiSeries]:
    """Every KPI of `workspace` with its measurements, in KPI order (two queries, whatever the count)."""
    by_kpi: dict[int, list[dict[str, Any]]] = {}
    for row in fetch_rows(workspace, "kpi_measurements", order_by="measured_on"):
        by_kpi.setdefault(row["kpi_id"], []).append(row)
    return [KpiSeries.from_rows(kpi, by_kpi.get(kpi["id"], [])) for kpi in fetch_rows(workspace, "kpis")]


@dataclass
class KpiLayout(ChartLayout):
    header: QRectF = field(default_factory=QRectF)
    plot: QRectF = field(default_factory=QRectF)
    first: dt.date = dt.date.min
    last: dt.date = dt.date.min
    low: float = 0.0
    high: float = 1.0
    y_ticks: list[float] = field(default_factory=list)
    x_ticks: list[dt.date] = field(default_factory=list)
    points: list[QPointF] = field(default_factory=list)
    baseline_y: float | None = None
    target_y: float | None = None
    legend: QRectF = field(default_factory=QRectF)
    legend_items: list[LegendItem] = field(default_factory=list)


class KpiTrend(ChartWidget):
    """Line chart of one KPI; `compact` drops the legend and shrinks texts (small multiples).

    Signal: `kpi_activated(int id)` on a click anywhere on the chart (the grid opens that KPI).
    """

    tables = frozenset({"kpis", "kpi_measurements"})
    kpi_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en", compact: bool = False) -> None:
        super().__init__(parent, lang=lang)
        self._series: KpiSeries | None = None
        self._compact = compact
        self._kpi_id: int | None = None
        self._kpis = 0

    # --- data --------------------------------------------------------------------------------------
    def set_data(self, series: KpiSeries | None) -> None:
        self._series = series
        self._kpis = max(self._kpis, 1) if series else self._kpis
        self._changed()

    @property
    def series(self) -> KpiSeries | None:
        return self._series

    def set_kpi(self, kpi_id: int | None) -> None:
        """Which KPI `refresh` shows (None: the first); refreshes at once under `follow`."""
        self._kpi_id = kpi_id
        if self._context is not None and self._context.workspace is not None:
            self.refresh(self._context.workspace, self._context.lang)

    def refresh(self, workspace: Any, lang: str) -> None:
        """Show the chosen (or first) KPI of `workspace` with its measurements, in `lang`."""
        self._lang = lang
        kpis = fetch_rows(workspace, "kpis")
        self._kpis = len(kpis)
        chosen = next((k for k in kpis if k["id"] == self._kpi_id), None) or (kpis[0] if kpis else None)
        if chosen is None:
            self.set_data(None)
            return
        rows = fetch_rows(workspace, "kpi_measurements", where={"kpi_id": chosen["id"]}, order_by="measured_on")
        self.set_data(KpiSeries.from_rows(chosen, rows))

    def clear(self) -> None:
        self._kpis = 0
        self.set_data(None)

    # --- texts -------------------------------------------------------------------------------------
    def _empty_message(self) -> str:
        if self._series is None:
            return self.located(self.fr_en("Aucun indicateur pour l'instant.\nDéfinissez des indicateurs dans « Feuille de "
                              "route et indicateurs » et saisissez leurs mesures pour voir leur évolution.",
                              "No KPIs yet.\nDefine KPIs under “Roadmap & KPIs” and enter their measurements "
                              "to see their trend."))
        if not self._series.measurements:
            return self.fr_en(f"« {self._series.name} » n'a encore aucune mesure.",
                              f"“{self._series.name}” has no measurement yet.")
        return ""

    def value_text(self, value: float) -> str:
        """The value with its unit, whatever its length (tooltips)."""
        return with_unit(value, self._series.unit if self._series else None, self._lang)

    def short_text(self, value: float) -> str:
        """The value with its unit when the unit is short ("72 %", "3 j"); a long unit ("utilisateurs par
        mois") is said once in the header instead of on every tick."""
        unit = self._series.unit if self._series else None
        return with_unit(value, unit if unit and len(unit) <= SHORT_UNIT else None, self._lang)

    @property
    def long_unit(self) -> str:
        unit = (self._series.unit if self._series else None) or ""
        return unit if len(unit) > SHORT_UNIT else ""

    def _point_tooltip(self, measurement: KpiMeasurement) -> str:
        date = self.date_text(measurement.measured_on)
        lines = [self._series.name, self.pair(date, self.value_text(measurement.value))]
        if measurement.comment:
            lines.append(measurement.comment)
        return "\n".join(lines)

    def direction_text(self) -> str:
        direction = self._series.direction if self._series else None
        if direction not in ("increase", "decrease"):
            return ""
        arrow = "↑" if direction == "increase" else "↓"
        return f"{arrow} {ENUMERATIONS['kpi_direction'].label(direction, self._lang)}"

    # --- layout ------------------------------------------------------------------------------------
    def _compute_layout(self, rect: QRectF) -> KpiLayout:
        layout = KpiLayout(rect)
        series = self._series
        margin = 10.0 if self._compact else 14.0
        inner = rect.adjusted(margin, margin, -margin, -margin)
        header_h = 40.0 if self._compact else 46.0
        layout.header = QRectF(inner.left(), inner.top(), inner.width(), header_h)
        fields = MODULES["kpis"]
        if not self._compact:
            layout.legend_items = [LegendItem(self.fr_en("Mesures", "Measurements"), theme.CURRENT, Swatch.LINE)]
            if series.baseline is not None:
                layout.legend_items.append(LegendItem(fields.field("baseline").label(self._lang), theme.BASELINE,
                                                      Swatch.DASHED))
            if series.target is not None:
                layout.legend_items.append(LegendItem(fields.field("target").label(self._lang), theme.TARGET,
                                                      Swatch.DASHED))
        legend_h = legend_height(layout.legend_items, inner.width())
        layout.legend = QRectF(inner.left(), inner.bottom() - legend_h, inner.width(), legend_h)
        values = [m.value for m in series.measurements]
        references = [v for v in (series.baseline, series.target) if v is not None]
        layout.y_ticks = nice_ticks(min(values + references), max(values + references), count=4 if self._compact else 5)
        layout.low, layout.high = layout.y_ticks[0], layout.y_ticks[-1]
        axis_font = QFontMetricsF(theme.font(10 if self._compact else 11))
        y_label_w = max(axis_font.horizontalAdvance(self.short_text(t)) for t in layout.y_ticks) + 8
        x_label_h = 18.0
        layout.plot = QRectF(inner.left() + y_label_w, layout.header.bottom() + 6,
                             inner.width() - y_label_w - (8 if self._compact else 14),
                             layout.legend.top() - layout.header.bottom() - 6 - x_label_h - (6 if legend_h else 0))
        ordered = series.ordered
        first, last = ordered[0].measured_on, ordered[-1].measured_on
        if first == last:
            first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
        span = (last - first).days
        pad = max(span * 0.04, 3)
        layout.first, layout.last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
        layout.x_ticks = self._month_ticks(layout.first, layout.last, axis_font, layout.plot.width())
        for measurement in ordered:
            point = QPointF(self.x_of(layout, measurement.measured_on), self.y_of(layout, measurement.value))
            layout.points.append(point)
            layout.hotspots.append(Hotspot(QRectF(point.x() - 7, point.y() - 7, 14, 14), measurement.measured_on,
                                           self._point_tooltip(measurement)))
        layout.baseline_y = None if series.baseline is None else self.y_of(layout, series.baseline)
        layout.target_y = None if series.target is None else self.y_of(layout, series.target)
        return layout

    @staticmethod
    def x_of(layout: KpiLayout, day: dt.date) -> float:
        plot = layout.plot
        return plot.left() + (day - layout.first).days / max((layout.last - layout.first).days, 1) * plot.width()

    @staticmethod
    def y_of(layout: KpiLayout, value: float) -> float:
        plot = layout.plot
        return plot.bottom() - (value - layout.low) / ((layout.high - layout.low) or 1) * plot.height()

    @staticmethod
    def _month_ticks(first: dt.date, last: dt.date, metrics: QFontMetricsF, width: float) -> list[dt.date]:
        months = []
        month = add_months(first.replace(day=1), 1) if first.day > 1 else first
        while month <= last:
            months.append(month)
            month = add_months(month, 1)
        label_w = metrics.horizontalAdvance("sept. 26") + 10
        fit = max(1, int(width // label_w))
        step = next((s for s in (1, 2, 3, 6, 12, 24) if len(months) / s <= fit), 24)
        if step in (3, 6, 12):  # calendar quarters and halves read better than every third month from anywhere
            return [m for m in months if (m.month - 1) % step == 0]
        return months[::step]

    # --- painting ----------------------------------------------------------------------------------
    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        assert isinstance(layout, KpiLayout)
        if self._compact:  # a card per KPI, so the small multiples read as separate charts
            painter.setPen(QPen(theme.GRID, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        self._paint_header(painter, layout)
        plot = layout.plot
        axis_font = theme.font(10 if self._compact else 11)
        painter.setFont(axis_font)
        for tick in layout.y_ticks:
            y = self.y_of(layout, tick)
            painter.setPen(QPen(theme.GRID, 1.0))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(theme.MUTED)
            painter.drawText(QRectF(layout.rect.left(), y - 8, plot.left() - layout.rect.left() - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.short_text(tick))
        for day in layout.x_ticks:
            x = self.x_of(layout, day)
            painter.setPen(QPen(theme.GRID, 1.0))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.setPen(theme.MUTED)
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, 16), Qt.AlignmentFlag.AlignCenter,
                             self.month_text(day))
        painter.setPen(QPen(theme.AXIS, 1.0))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        self._paint_reference(painter, layout, layout.baseline_y, theme.BASELINE,
                              MODULES["kpis"].field("baseline").label(self._lang), self._series.baseline)
        self._paint_reference(painter, layout, layout.target_y, theme.TARGET,
                              MODULES["kpis"].field("target").label(self._lang), self._series.target)
        path = QPainterPath(layout.points[0])
        for point in layout.points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(theme.CURRENT, 2.2 if not self._compact else 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        ordered = self._series.ordered
        for measurement, point in zip(ordered, layout.points, strict=True):
            hovered = measurement.measured_on == self.hovered
            radius = 5.0 if hovered else (3.0 if self._compact else 3.6)
            painter.setPen(QPen(theme.BACKGROUND, 1.4))
            painter.setBrush(theme.CURRENT)
            painter.drawEllipse(point, radius, radius)
        if not self._compact:
            last = layout.points[-1]
            painter.setFont(theme.font(11, bold=True))
            painter.setPen(theme.CURRENT)
            text = self.short_text(ordered[-1].value)
            width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 4
            above = last.y() - 22 if last.y() - 22 > plot.top() else last.y() + 6
            painter.drawText(QRectF(min(last.x() - width / 2, plot.right() - width), above, width, 16),
                             Qt.AlignmentFlag.AlignCenter, text)
        if layout.legend_items:
            draw_legend(painter, layout.legend_items, layout.legend)

    def _paint_reference(self, painter: QPainter, layout: KpiLayout, y: float | None, color: QColor, name: str,
                         value: float | None) -> None:
        if y is None or value is None:
            return
        plot = layout.plot
        painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setFont(theme.font(10 if self._compact else 11))
        text = f"{name} {self.short_text(value)}"
        width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 6
        box = self._reference_box(layout, y, width, avoid=[layout.target_y, layout.baseline_y])
        backing = QColor(theme.BACKGROUND)
        backing.setAlphaF(0.8)
        painter.fillRect(box, backing)
        painter.setPen(theme.shade(color, 0.2))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    @staticmethod
    def _reference_box(layout: KpiLayout, y: float, width: float, *, avoid: list[float | None]) -> QRectF:
        """Where a reference line's caption goes: at the left or right end, above or below the line,
        wherever it covers neither the measured line nor the other reference line."""
        plot, height = layout.plot, 15.0
        candidates = [QRectF(plot.left() + 4, y - height - 1, width, height),
                      QRectF(plot.right() - width - 4, y - height - 1, width, height),
                      QRectF(plot.left() + 4, y + 1, width, height),
                      QRectF(plot.right() - width - 4, y + 1, width, height)]
        samples = [layout.points[0]]
        for a, b in zip(layout.points, layout.points[1:], strict=False):
            steps = max(1, int((b - a).manhattanLength() // 3))
            samples += [a + (b - a) * (k / steps) for k in range(1, steps + 1)]

        def clear(box: QRectF) -> bool:
            inside = plot.adjusted(0, -2, 0, 2).contains(box)
            others = [o for o in avoid if o is not None and abs(o - y) > 0.5]
            return (inside and not any(box.adjusted(-3, -3, 3, 3).contains(p) for p in samples)
                    and not any(box.top() <= o <= box.bottom() for o in others))

        def covered(box: QRectF) -> int:
            return sum(box.contains(p) for p in samples) + (0 if plot.contains(box) else 1000)

        return next((c for c in candidates if clear(c)), None) or min(candidates, key=covered)

    def _paint_header(self, painter: QPainter, layout: KpiLayout) -> None:
        series, header = self._series, layout.header
        latest = series.latest
        value_font = theme.font(18 if self._compact else 22, bold=True)
        value_text = self.short_text(latest.value)
        value_w = QFontMetricsF(value_font).horizontalAdvance(value_text) + 4
        met = series.target_met(latest.value)
        painter.setFont(value_font)
        painter.setPen(MET if met else theme.INK)
        painter.drawText(QRectF(header.right() - value_w, header.top(), value_w, header.height() - 14),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value_text)
        painter.setFont(theme.font(10 if self._compact else 11))
        painter.setPen(MET if met else theme.MUTED)
        status = self.fr_en("cible atteinte", "target met") if met else (
            self.fr_en(f"cible {self.short_text(series.target)}", f"target {self.short_text(series.target)}")
            if series.target is not None else "")
        painter.drawText(QRectF(header.right() - 160, header.bottom() - 16, 160, 14),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, status)
        name_font = theme.font(13 if self._compact else 15, bold=True)
        name_w = header.width() - value_w - 12
        painter.setFont(name_font)
        painter.setPen(theme.INK)
        painter.drawText(QRectF(header.left(), header.top(), name_w, 22), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(name_font).elidedText(series.name, Qt.TextElideMode.ElideRight, name_w))
        painter.setFont(theme.font(10 if self._compact else 11))
        painter.setPen(theme.MUTED)
        count = len(series.measurements)
        sub = "  ·  ".join(p for p in (self.long_unit, self.direction_text(), self.counted(count, ("{n} mesure", "{n} mesures"),
                                                                    ("{n} measurement", "{n} measurements")))
                           if p)
        painter.drawText(QRectF(header.left(), header.top() + 22, name_w, 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)

    def _clicked(self, key: Hashable | None) -> None:  # noqa: ARG002 - any click on the chart opens its KPI
        if self._series is not None:
            self.kpi_activated.emit(self._series.id)

    def _paint_message(self, painter: QPainter, message: str) -> None:
        if not self._compact:
            super()._paint_message(painter, message)
            return
        # In a grid cell, the KPI's name stays on top so the empty cell is still recognisable.
        painter.setPen(QPen(theme.GRID, 1.0))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(theme.font(12))
        painter.setPen(theme.MUTED)
        painter.drawText(QRectF(self.rect()).adjusted(14, 10, -14, -10),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, message)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, 200) if self._compact else QSize(640, 380)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, 170) if self._compact else QSize(360, 260)
