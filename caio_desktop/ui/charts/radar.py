"""`MaturityRadar`: the maturity diagnosis as a radar — current level (filled) against target level
(dashed) on each rated dimension, or on each pillar's average (the toggle at the top right).

Axes are the dimensions rated in the assessment, in the order of the maturity model
(`reference/maturity.py`), and named from it in the chart's language; in dimension mode, soft
alternating sectors group the dimensions of one pillar. A dimension key the model does not know (an
imported rating) keeps its key as its name rather than being dropped.

How a page uses it::

    radar = MaturityRadar(lang=context.lang)
    radar.follow(context)                 # refreshes after ratings change, undo/redo, file switch
    radar.by_pillar_changed.connect(settings.remember_radar_mode)
    radar.set_assessment(assessment_id)   # optional: show another assessment than the latest
    rating_view.dimension_changed.connect(radar.set_highlighted)   # mark the dimension being rated
    radar.dimension_activated.connect(rating_view.select_dimension)   # a click on a spoke

Without a context, call `refresh(workspace, lang)` (latest assessment) or
`set_data([DimensionRating(...), ...], caption=...)`.

A staff survey (issue 17) adds a third series, the respondents' mean level per dimension (dotted), when
the latest maturity campaign has enough respondents to be shown (`set_respondents`; `refresh` reads it).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from caio_desktop.reference.maturity import MaturityModel, load_maturity_model
from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout, ChartWidget, Hotspot
from caio_desktop.ui.charts.legend import LegendItem, Swatch, draw_legend, legend_height
from caio_desktop.workspace.queries import fetch_rows

LEVELS = (1, 2, 3, 4, 5)
RESPONDENTS = QColor("#2E7D32")  # the staff survey's series, apart from current (blue) and target (orange)
_TOGGLE_DIMENSIONS = "toggle:dimensions"
_TOGGLE_PILLARS = "toggle:pillars"


@dataclass(frozen=True)
class DimensionRating:
    """The rating of one dimension: current and target level, 1–5 (None when not rated)."""

    dimension: str
    current: int | None
    target: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DimensionRating:
        return cls(row["dimension"], row.get("current_level"), row.get("target_level"))


@dataclass(frozen=True)
class RadarAxis:
    """One spoke of the radar: a dimension or a pillar, with its (average) levels."""

    key: str
    label: str
    current: float
    target: float | None
    group: str  # pillar key (for the sector shading and tooltips)
    rated: int = 1  # dimensions behind the value (pillar mode)
    respondents: float | None = None  # the staff survey's mean level, when there is one


@dataclass
class RadarLayout(ChartLayout):
    centre: QPointF = field(default_factory=QPointF)
    radius: float = 0.0
    axes: list[RadarAxis] = field(default_factory=list)
    current_points: list[QPointF] = field(default_factory=list)
    target_points: list[QPointF | None] = field(default_factory=list)
    respondent_points: list[QPointF | None] = field(default_factory=list)
    label_rects: list[QRectF] = field(default_factory=list)
    label_flags: list[Qt.AlignmentFlag] = field(default_factory=list)
    label_texts: list[str] = field(default_factory=list)  # names, or numbers when names do not fit
    label_pixels: int = 11
    key: list[tuple[QRectF, str]] = field(default_factory=list)  # "1  Name" lines under a numbered radar
    caption: QRectF = field(default_factory=QRectF)
    toggle: dict[str, QRectF] = field(default_factory=dict)
    legend: QRectF = field(default_factory=QRectF)
    legend_items: list[LegendItem] = field(default_factory=list)


class MaturityRadar(ChartWidget):
    """Current vs target maturity per dimension or per pillar.

    Signals: `by_pillar_changed(bool)` when the toggle switches between dimensions and pillars;
    `dimension_activated(str key)` when a spoke (or its name) is clicked in dimension mode.
    """

    tables = frozenset({"maturity", "maturity_ratings", "survey_respondents", "survey_answers"})
    by_pillar_changed = Signal(bool)
    dimension_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en", by_pillar: bool = False,
                 show_toggle: bool = True, model: MaturityModel | None = None) -> None:
        super().__init__(parent, lang=lang)
        self._model = model or load_maturity_model()
        self._ratings: list[DimensionRating] = []
        self._caption = ""
        self._by_pillar = by_pillar
        self._show_toggle = show_toggle
        self._assessment_id: int | None = None
        self._assessments = 0
        self._respondents: dict[str, float] = {}
        # Beside the rating view (Diagnosis) the way to start is on the left, not "under Diagnosis"
        # — the page one is already on; elsewhere (Overview) the page is named.
        self.beside_rating = False

    # --- data --------------------------------------------------------------------------------------
    def set_data(self, ratings: Iterable[DimensionRating], *, caption: str = "") -> None:
        """Show `ratings` (one per dimension); `caption` names the assessment above the radar."""
        self._ratings = [r for r in ratings if r.current is not None]
        self._caption = caption
        self._assessments = max(self._assessments, 1) if self._ratings else self._assessments
        self._changed()

    def set_respondents(self, levels: dict[str, float] | None) -> None:
        """The staff survey's mean level per dimension key (None or empty: no survey series)."""
        self._respondents = dict(levels or {})
        self._changed()

    def set_assessment(self, assessment_id: int | None) -> None:
        """Which assessment `refresh` shows (None: the latest by date); refreshes at once under `follow`."""
        self._assessment_id = assessment_id
        if self._context is not None and self._context.workspace is not None:
            self.refresh(self._context.workspace, self._context.lang)

    def refresh(self, workspace: Any, lang: str) -> None:
        """Show the ratings of the chosen (or latest) maturity assessment of `workspace` in `lang`."""
        self._lang = lang
        assessments = fetch_rows(workspace, "maturity", order_by="assessed_on", descending=True)
        self._assessments = len(assessments)
        from caio_desktop.interchange.surveys.results import respondent_levels

        self._respondents = respondent_levels(workspace)
        chosen = next((a for a in assessments if a["id"] == self._assessment_id), None) or (
            assessments[0] if assessments else None)
        if chosen is None:
            self.set_data([])
            return
        rows = fetch_rows(workspace, "maturity_ratings", where={"assessment_id": chosen["id"]})
        date = self.date_text(chosen["assessed_on"])
        self.set_data((DimensionRating.from_row(r) for r in rows), caption=f"{chosen['title']} · {date}")

    def clear(self) -> None:
        self._assessments = 0
        self.set_data([])

    def caption(self) -> str:
        """The assessment shown ("Diagnostic · 20/02/2026")."""
        return self._caption

    @property
    def by_pillar(self) -> bool:
        """True when the spokes are pillars (averages of their rated dimensions)."""
        return self._by_pillar

    def set_by_pillar(self, by_pillar: bool) -> None:
        if by_pillar != self._by_pillar:
            self._by_pillar = by_pillar
            self._changed()
            self.by_pillar_changed.emit(by_pillar)

    def axes(self) -> list[RadarAxis]:
        """The spokes drawn, in model order: rated dimensions, or pillars with at least one rating."""
        lang = self._lang
        known = {d.key: d for d in self._model.dimensions}
        order = {d.key: i for i, d in enumerate(self._model.dimensions)}
        ratings = sorted(self._ratings, key=lambda r: (order.get(r.dimension, len(order)), r.dimension))
        if not self._by_pillar:
            return [RadarAxis(r.dimension, known[r.dimension].label(lang) if r.dimension in known else r.dimension,
                              float(r.current), None if r.target is None else float(r.target),
                              known[r.dimension].pillar_key if r.dimension in known else "",
                              respondents=self._respondents.get(r.dimension))
                    for r in ratings]
        axes = []
        for pillar in self._model.pillars:
            keys = {d.key for d in pillar.dimensions}
            rated = [r for r in ratings if r.dimension in keys]
            if not rated:
                continue
            targets = [r.target for r in rated if r.target is not None]
            surveyed = [self._respondents[r.dimension] for r in rated if r.dimension in self._respondents]
            axes.append(RadarAxis(pillar.key, pillar.label(lang), sum(r.current for r in rated) / len(rated),
                                  sum(targets) / len(targets) if targets else None, pillar.key, len(rated),
                                  sum(surveyed) / len(surveyed) if surveyed else None))
        return axes

    # --- texts -------------------------------------------------------------------------------------
    def _empty_message(self) -> str:
        if not self._ratings:
            if not self._assessments and self.beside_rating:
                return self.fr_en(
                    "Aucune évaluation de maturité pour l'instant.\n"
                    "Créez-en une avec « Nouvelle évaluation » à gauche, puis notez les dimensions.",
                    "No maturity assessment yet.\n"
                    "Create one with “New assessment” on the left, then rate the dimensions.",
                )
            if not self._assessments:
                return self.fr_en(
                    "Aucune évaluation de maturité pour l'instant.\n"
                    "Créez une évaluation dans « Diagnostic » et notez les dimensions (niveau actuel et cible).",
                    "No maturity assessment yet.\n"
                    "Create an assessment under “Diagnosis” and rate the dimensions (current and target level).",
                )
            return self.fr_en("Cette évaluation n'a encore aucune dimension notée.",
                              "This assessment has no rated dimension yet.")
        if len(self.axes()) < 3:
            what = self.fr_en("piliers", "pillars") if self._by_pillar else self.fr_en("dimensions", "dimensions")
            return self.fr_en(f"Le radar a besoin d'au moins trois {what} notés ({len(self.axes())} pour l'instant).",
                              f"The radar needs at least three rated {what} ({len(self.axes())} so far).")
        return ""

    def _tooltip(self, axis: RadarAxis) -> str:
        lines = [axis.label]
        if self._by_pillar:
            lines.append(self.counted(axis.rated, ("Moyenne de {n} dimension notée", "Moyenne de {n} dimensions notées"),
                                      ("Average of {n} rated dimension", "Average of {n} rated dimensions")))
        elif axis.group:
            lines.append(self._model.pillar(axis.group).label(self._lang))
        lines.append(self.pair(self.fr_en("Actuel", "Current"), _level(axis.current)))
        lines.append(self.pair(self.fr_en("Cible", "Target"), "—" if axis.target is None else _level(axis.target)))
        if axis.target is not None:
            lines.append(self.pair(self.fr_en("Écart", "Gap"), _level(axis.target - axis.current)))
        if axis.respondents is not None:
            lines.append(self.pair(self.fr_en("Enquête (moyenne)", "Survey (mean)"), _level(axis.respondents)))
        if not self._by_pillar and axis.key in {d.key for d in self._model.dimensions}:
            level = round(axis.current)
            lines.append(f"{level} · {self._model.dimension(axis.key).level_descriptor(level, self._lang)}")
        return "\n".join(lines)

    # --- layout ------------------------------------------------------------------------------------
    def _compute_layout(self, rect: QRectF) -> RadarLayout:
        layout = RadarLayout(rect)
        inner = rect.adjusted(14, 12, -14, -12)
        layout.caption = QRectF(inner.left(), inner.top(), inner.width(), 22)
        if self._show_toggle:
            self._layout_toggle(layout, inner)
        layout.legend_items = [LegendItem(self.fr_en("Niveau actuel", "Current level"), theme.CURRENT, Swatch.AREA),
                               LegendItem(self.fr_en("Niveau cible", "Target level"), theme.TARGET, Swatch.DASHED)]
        if self._respondents:
            layout.legend_items.append(LegendItem(self.fr_en("Enquête auprès des équipes", "Staff survey"),
                                                  RESPONDENTS, Swatch.LINE))
        legend_h = legend_height(layout.legend_items, inner.width())
        layout.legend = QRectF(inner.left(), inner.bottom() - legend_h, inner.width(), legend_h)
        axes = layout.axes = self.axes()
        area = QRectF(inner.left(), layout.caption.bottom() + 4, inner.width(),
                      layout.legend.top() - layout.caption.bottom() - 10)
        # Full names round the radar when they fit; otherwise numbered spokes and a numbered key below.
        for pixels in (11, 10):
            if self._place_spokes(layout, area, [a.label for a in axes], pixels=pixels,
                                  label_w=min(150.0, max(80.0, area.width() * 0.2))):
                break
        else:
            self._place_numbered(layout, area)
        n = len(axes)
        centre, radius = layout.centre, layout.radius
        for i, (axis, box) in enumerate(zip(axes, layout.label_rects, strict=True)):
            angle = 2 * math.pi * i / n
            dx, dy = math.sin(angle), -math.cos(angle)
            layout.current_points.append(self._at(centre, radius, dx, dy, axis.current))
            layout.target_points.append(None if axis.target is None else self._at(centre, radius, dx, dy, axis.target))
            layout.respondent_points.append(None if axis.respondents is None else
                                            self._at(centre, radius, dx, dy, axis.respondents))
            # The whole sector around a spoke, plus its label, points at that spoke.
            half = math.pi / n
            sector = QPainterPath(centre)
            steps = 6
            for k in range(steps + 1):
                a = angle - half + 2 * half * k / steps
                sector.lineTo(centre.x() + math.sin(a) * (radius + 8), centre.y() - math.cos(a) * (radius + 8))
            sector.closeSubpath()
            sector.addRect(box)
            tip = self._tooltip(axis)
            if layout.key:
                tip = f"{i + 1}. {tip}"
                sector.addRect(layout.key[i][0])
            layout.hotspots.append(Hotspot(sector, axis.key, tip, clickable=not self._by_pillar))
        for key, box in layout.toggle.items():
            layout.hotspots.append(Hotspot(box, key, self.fr_en("Afficher par dimension ou par pilier",
                                                                 "Show by dimension or by pillar")))
        return layout

    def _place_spokes(self, layout: RadarLayout, area: QRectF, texts: list[str], *, pixels: int,
                      label_w: float, min_radius: float = 70.0) -> bool:
        """Lay the radar out in `area` with `texts` at the spoke ends; False when they would overlap."""
        metrics = QFontMetricsF(theme.font(pixels))
        sizes = [metrics.boundingRect(QRectF(0, 0, label_w, 200), int(Qt.TextFlag.TextWordWrap), t).size()
                 for t in texts]
        label_h = max((sz.height() for sz in sizes), default=0.0)
        radius = min((area.width() - 2 * label_w - 16) / 2, (area.height() - 2 * label_h - 8) / 2)
        if radius < min_radius:
            return False
        centre = area.center()
        n = len(texts)
        rects, flags = [], []
        for i, size in enumerate(sizes):
            angle = 2 * math.pi * i / n
            dx, dy = math.sin(angle), -math.cos(angle)
            w, h = size.width() + 2, size.height()
            anchor = QPointF(centre.x() + dx * (radius + 10), centre.y() + dy * (radius + 10))
            if abs(dx) < 0.05:
                rects.append(QRectF(anchor.x() - w / 2, anchor.y() - h if dy < 0 else anchor.y(), w, h))
                flags.append(Qt.AlignmentFlag.AlignHCenter)
            elif dx > 0:
                rects.append(QRectF(anchor.x(), anchor.y() - h / 2 + dy * h / 2, w, h))
                flags.append(Qt.AlignmentFlag.AlignLeft)
            else:
                rects.append(QRectF(anchor.x() - w, anchor.y() - h / 2 + dy * h / 2, w, h))
                flags.append(Qt.AlignmentFlag.AlignRight)
        bounds = layout.rect.adjusted(2, 2, -2, -2)
        if any(not bounds.contains(r) for r in rects) or any(
                a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:]):
            return False
        layout.centre, layout.radius = centre, radius
        layout.label_rects, layout.label_flags, layout.label_pixels = rects, flags, pixels
        layout.label_texts = list(texts)
        return True

    def _place_numbered(self, layout: RadarLayout, area: QRectF) -> None:
        """Numbers at the spoke ends and a key "1  Name" under the radar or beside it, whichever leaves
        the larger radar; without room for a key, names stay in the tooltips."""
        axes, line = layout.axes, 15.0
        numbers = [str(i + 1) for i in range(len(axes))]
        options = []
        columns = max(1, int(area.width() // 190))
        rows = math.ceil(len(axes) / columns)
        below = QRectF(area.left(), area.bottom() - rows * line, area.width(), rows * line)
        options.append((QRectF(area.left(), area.top(), area.width(), area.height() - below.height() - 8),
                        below, columns))
        side_columns = 1 if len(axes) * line <= area.height() else 2
        side_w = min(230.0 * side_columns, area.width() * 0.55)
        side_rows = math.ceil(len(axes) / side_columns)
        beside = QRectF(area.right() - side_w, area.center().y() - side_rows * line / 2, side_w, side_rows * line)
        options.append((QRectF(area.left(), area.top(), area.width() - side_w - 8, area.height()), beside,
                        side_columns))
        best = None
        for radar_area, key_area, key_columns in options:
            if self._place_spokes(layout, radar_area, numbers, pixels=10, label_w=22, min_radius=40) and (
                    best is None or layout.radius > best[0]):
                best = (layout.radius, radar_area, key_area, key_columns)
        if best is None:
            self._place_spokes(layout, area, numbers, pixels=10, label_w=22, min_radius=0)
            return
        _, radar_area, key_area, key_columns = best
        self._place_spokes(layout, radar_area, numbers, pixels=10, label_w=22, min_radius=0)
        metrics = QFontMetricsF(theme.font(10))
        width = key_area.width() / key_columns
        key_rows = math.ceil(len(axes) / key_columns)
        for i, axis in enumerate(axes):
            row, column = i % key_rows, i // key_rows
            box = QRectF(key_area.left() + column * width, key_area.top() + row * line, width - 6, line)
            layout.key.append((box, metrics.elidedText(f"{i + 1}  {axis.label}", Qt.TextElideMode.ElideRight,
                                                       box.width())))

    def _layout_toggle(self, layout: RadarLayout, inner: QRectF) -> None:
        metrics = QFontMetricsF(theme.font(11, bold=True))
        texts = {_TOGGLE_DIMENSIONS: self.fr_en("Dimensions", "Dimensions"),
                 _TOGGLE_PILLARS: self.fr_en("Piliers", "Pillars")}
        x = inner.right()
        for key in (_TOGGLE_PILLARS, _TOGGLE_DIMENSIONS):
            w = metrics.horizontalAdvance(texts[key]) + 20
            x -= w
            layout.toggle[key] = QRectF(x, inner.top(), w, 22)

    @staticmethod
    def _at(centre: QPointF, radius: float, dx: float, dy: float, level: float) -> QPointF:
        r = radius * level / 5
        return QPointF(centre.x() + dx * r, centre.y() + dy * r)

    # --- painting ----------------------------------------------------------------------------------
    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        assert isinstance(layout, RadarLayout)
        centre, radius, axes = layout.centre, layout.radius, layout.axes
        n = len(axes)
        self._paint_caption(painter, layout.caption)
        self._paint_toggle(painter, layout)

        def ring(level: float) -> QPolygonF:
            return QPolygonF([self._at(centre, radius, math.sin(2 * math.pi * i / n),
                                       -math.cos(2 * math.pi * i / n), level) for i in range(n)])

        # Pillar sectors, alternating, so dimensions of one pillar read as a group.
        if not self._by_pillar:
            groups = [a.group for a in axes]
            shade_on = False
            for i in range(n):
                if i == 0 or groups[i] != groups[i - 1]:
                    shade_on = not shade_on
                if shade_on:
                    a0, a1 = 2 * math.pi * (i - 0.5) / n, 2 * math.pi * (i + 0.5) / n
                    edge = radius * math.cos(math.pi / n)  # mid-edge of the outer ring, not beyond it
                    spoke = self._at(centre, radius, math.sin(2 * math.pi * i / n), -math.cos(2 * math.pi * i / n), 5)
                    wedge = QPolygonF([centre,
                                       QPointF(centre.x() + math.sin(a0) * edge, centre.y() - math.cos(a0) * edge),
                                       spoke,
                                       QPointF(centre.x() + math.sin(a1) * edge, centre.y() - math.cos(a1) * edge)])
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(theme.PANEL)
                    painter.drawPolygon(wedge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for level in LEVELS:
            painter.setPen(QPen(theme.AXIS if level == 5 else theme.GRID, 1.0))
            painter.drawPolygon(ring(level))
        for axis, point in zip(axes, ring(5), strict=True):
            marked = self.marked(axis.key)
            painter.setPen(QPen(theme.CURRENT if marked else theme.GRID, 1.6 if marked else 1.0))
            painter.drawLine(centre, point)
        painter.setFont(theme.font(10))
        painter.setPen(theme.MUTED)
        for level in LEVELS:
            y = centre.y() - radius * level / 5
            painter.drawText(QRectF(centre.x() + 3, y - 12, 14, 12), Qt.AlignmentFlag.AlignLeft, str(level))

        # Target: dashed outline when every spoke has one, else diamonds where there is one.
        painter.setPen(QPen(theme.TARGET, 2.0, Qt.PenStyle.DashLine))
        if all(p is not None for p in layout.target_points):
            painter.drawPolygon(QPolygonF(layout.target_points))
        painter.setPen(QPen(theme.TARGET, 1.0))
        painter.setBrush(theme.TARGET)
        for point in layout.target_points:
            if point is not None:
                painter.drawPolygon(QPolygonF([point + QPointF(0, -4), point + QPointF(4, 0),
                                               point + QPointF(0, 4), point + QPointF(-4, 0)]))
        # Staff survey: a dotted outline when every spoke has a mean, else dots where there is one.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RESPONDENTS, 2.0, Qt.PenStyle.DotLine))
        if layout.respondent_points and all(p is not None for p in layout.respondent_points):
            painter.drawPolygon(QPolygonF(layout.respondent_points))
        painter.setBrush(RESPONDENTS)
        painter.setPen(QPen(theme.BACKGROUND, 1.0))
        for point in layout.respondent_points:
            if point is not None:
                painter.drawEllipse(point, 3.0, 3.0)
        fill = QColor(theme.CURRENT)
        fill.setAlphaF(0.22)
        painter.setBrush(fill)
        painter.setPen(QPen(theme.CURRENT, 2.0))
        painter.drawPolygon(QPolygonF(layout.current_points))
        painter.setBrush(theme.CURRENT)
        for axis, point in zip(axes, layout.current_points, strict=True):
            size = 5.0 if self.marked(axis.key) else 3.2
            painter.setPen(QPen(theme.BACKGROUND, 1.2))
            painter.drawEllipse(point, size, size)

        painter.setFont(theme.font(layout.label_pixels, bold=bool(layout.key)))
        for axis, box, flags, text in zip(axes, layout.label_rects, layout.label_flags, layout.label_texts,
                                          strict=True):
            marked = self.marked(axis.key)
            painter.setFont(theme.font(layout.label_pixels, bold=bool(layout.key) or axis.key == self._highlighted))
            painter.setPen(theme.INK if marked else theme.TEXT)
            painter.drawText(box, flags | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, text)
        for axis, (box, text) in zip(axes, layout.key, strict=False):
            painter.setFont(theme.font(10, bold=axis.key == self._highlighted))
            painter.setPen(theme.INK if self.marked(axis.key) else theme.TEXT)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        draw_legend(painter, layout.legend_items, layout.legend)

    def _paint_toggle(self, painter: QPainter, layout: RadarLayout) -> None:
        if not layout.toggle:
            return
        painter.save()
        painter.setFont(theme.font(11, bold=True))
        whole = layout.toggle[_TOGGLE_PILLARS].united(layout.toggle[_TOGGLE_DIMENSIONS])
        painter.setPen(QPen(theme.AXIS, 1.0))
        painter.setBrush(theme.BACKGROUND)
        painter.drawRoundedRect(whole, 5, 5)
        for key, box in layout.toggle.items():
            active = (key == _TOGGLE_PILLARS) == self._by_pillar
            if active:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.CURRENT)
                painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 4, 4)
            painter.setPen(theme.BACKGROUND if active else theme.TEXT)
            label = self.fr_en("Dimensions", "Dimensions") if key == _TOGGLE_DIMENSIONS else self.fr_en("Piliers", "Pillars")
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def _clicked(self, key: Hashable | None) -> None:
        if key == _TOGGLE_PILLARS:
            self.set_by_pillar(True)
        elif key == _TOGGLE_DIMENSIONS:
            self.set_by_pillar(False)
        elif isinstance(key, str) and not self._by_pillar:
            self.dimension_activated.emit(key)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(760, 600)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(460, 380)


def _level(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
