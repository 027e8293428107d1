"""`PortfolioMatrix`: use cases as bubbles in the feasibility (x) × value (y) plane, on the four
quadrants of the portfolio (quick win, strategic bet, incremental, deprioritise).

Scores and quadrant are the ones the domain computes (`domain.scoring.use_case_score`, threshold 3);
use cases with the same scores are spread around their common point so that each stays visible, and
their titles are placed beside them without overlapping (titles with no free room remain in tooltips).
Abandoned use cases are drawn as hollow bubbles.

How a page uses it::

    matrix = PortfolioMatrix(lang=context.lang)
    matrix.follow(context)                          # refreshes after edits/undo on "use_cases"
    matrix.use_case_activated.connect(page.open_use_case)   # a click on a bubble
    table.current_id_changed.connect(matrix.set_highlighted)  # ring the use case selected in the table

Without a context, call `refresh(workspace, lang)` or `set_data([UseCasePoint(...), ...])`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.scoring import QUADRANT_THRESHOLD, quadrant
from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout, ChartWidget, Hotspot
from caio_desktop.ui.charts.labels import label_size, paint_labels, place_labels, spread, wrap_label
from caio_desktop.ui.charts.legend import LegendItem, Swatch, draw_legend, legend_height
from caio_desktop.ui.charts.plane import Plane, PlaneLayout, Quadrant, paint_plane, plane_area
from caio_desktop.workspace.queries import fetch_rows

QUADRANT_COLORS = {
    "quick_win": QColor("#3C8D5A"),
    "strategic_bet": QColor("#3D6A98"),
    "incremental": QColor("#C98A1B"),
    "deprioritise": QColor("#8A94A0"),
}
_SIDES = {"quick_win": (True, True), "strategic_bet": (False, True), "incremental": (True, False),
          "deprioritise": (False, False)}
RADIUS = 9.0


@dataclass(frozen=True)
class UseCasePoint:
    """One use case's place in the portfolio."""

    id: int
    title: str
    value: float | None
    feasibility: float | None
    quadrant: str | None = None
    status: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> UseCasePoint:
        return cls(row["id"], row.get("title") or "", row.get("value_score"), row.get("feasibility_score"),
                   row.get("quadrant"), row.get("status"))

    @property
    def scored(self) -> bool:
        return self.value is not None and self.feasibility is not None

    @property
    def quadrant_key(self) -> str | None:
        return self.quadrant or quadrant(self.value, self.feasibility)


@dataclass
class PortfolioLayout(PlaneLayout):
    bubbles: dict[int, QPointF] = field(default_factory=dict)


class PortfolioMatrix(ChartWidget):
    """Use cases placed by value and feasibility; a click on a bubble emits `use_case_activated(id)`."""

    tables = frozenset({"use_cases"})
    use_case_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent, lang=lang)
        self._use_cases: list[UseCasePoint] = []

    def set_data(self, use_cases: Iterable[UseCasePoint]) -> None:
        self._use_cases = list(use_cases)
        self._changed()

    def refresh(self, workspace: Any, lang: str) -> None:
        """Read every use case's scores from `workspace` and show them in `lang`."""
        self._lang = lang
        self.set_data(UseCasePoint.from_row(r) for r in fetch_rows(workspace, "use_cases"))

    def clear(self) -> None:
        self.set_data([])

    @property
    def placed(self) -> list[UseCasePoint]:
        """The use cases drawn (those with both scores)."""
        return [u for u in self._use_cases if u.scored]

    def quadrants(self) -> list[Quadrant]:
        labels = ENUMERATIONS["quadrant"]
        return [Quadrant(key, labels.label(key, self._lang), QUADRANT_COLORS[key], *_SIDES[key])
                for key in labels.codes]

    def _empty_message(self) -> str:
        if not self._use_cases:
            return self.located(self.fr_en(
                "Aucun cas d'usage pour l'instant.\nAjoutez-en dans « Stratégie et cas d'usage » et notez "
                "leurs critères pour les voir dans la matrice valeur × faisabilité.",
                "No use cases yet.\nAdd some under “Strategy & use cases” and rate their criteria to see "
                "them in the value × feasibility matrix.",
            ))
        if not self.placed:
            return self.fr_en(
                "Aucun cas d'usage n'est encore noté.\nNotez la valeur et la faisabilité "
                "(valeur métier, données, complexité…) pour les placer dans la matrice.",
                "No use case is scored yet.\nRate value and feasibility (business value, data, "
                "complexity…) to place them in the matrix.",
            )
        return ""

    def caption(self) -> str:
        count = len(self._use_cases)
        return self.fr_en("Valeur × faisabilité · ", "Value × feasibility · ") + self.counted(
            count, ("{n} cas d'usage",) * 2, ("{n} use case", "{n} use cases"))

    def footnote(self) -> str:
        missing = len(self._use_cases) - len(self.placed)
        if not missing:
            return ""
        return self.counted(missing, ("{n} cas d'usage non noté, non représenté",
                                      "{n} cas d'usage non notés, non représentés"),
                            ("{n} use case not scored yet is not shown", "{n} use cases not scored yet are not shown"))

    def _tooltip(self, use_case: UseCasePoint) -> str:
        lang = self._lang
        fields = MODULES["use_cases"]
        lines = [use_case.title,
                 ENUMERATIONS["quadrant"].label(use_case.quadrant_key, lang),
                 self.pair(fields.field("value_score").label(lang), f"{use_case.value:.1f}"),
                 self.pair(fields.field("feasibility_score").label(lang), f"{use_case.feasibility:.1f}")]
        if use_case.status:
            status = ENUMERATIONS["use_case_status"].label(use_case.status, lang)
            lines.append(self.pair(fields.field("status").label(lang), status))
        return "\n".join(lines)

    def _compute_layout(self, rect: QRectF) -> PortfolioLayout:
        layout = PortfolioLayout(rect)
        inner = rect.adjusted(14, 12, -14, -14)
        layout.caption = QRectF(inner.left(), inner.top(), inner.width(), 22)
        labels = ENUMERATIONS["quadrant"]
        layout.legend_items = [LegendItem(labels.label(k, self._lang), QUADRANT_COLORS[k], Swatch.CIRCLE)
                               for k in labels.codes]
        legend_h = legend_height(layout.legend_items, inner.width())
        foot_h = 18.0 if self.footnote() else 0.0
        layout.footnote = QRectF(inner.left(), inner.bottom() - foot_h, inner.width(), foot_h)
        layout.legend = QRectF(inner.left(), layout.footnote.top() - legend_h - 2, inner.width(), legend_h)
        below_caption = inner.adjusted(0, 28, 0, 0)
        plane = Plane(plane_area(below_caption, bottom_reserved=legend_h + foot_h + 6), split=QUADRANT_THRESHOLD)
        layout.plane = plane

        # Use cases with the same scores share a point: spread them on a small ring around it.
        groups: dict[tuple[float, float], list[UseCasePoint]] = defaultdict(list)
        for use_case in self.placed:
            groups[(use_case.feasibility, use_case.value)].append(use_case)
        for (feasibility, value), members in groups.items():
            centre = plane.point(feasibility, value)
            for use_case, offset in zip(members, spread(len(members), RADIUS * 2.2), strict=True):
                layout.bubbles[use_case.id] = centre + offset

        metrics = QFontMetricsF(theme.font(11))
        order = sorted(self.placed, key=lambda u: (-(u.value or 0), -(u.feasibility or 0), u.id))
        texts = [wrap_label(u.title, plane.area.width(), metrics) for u in order]
        rects = place_labels(
            [layout.bubbles[u.id] for u in order],
            [label_size(t, metrics) for t in texts],
            bounds=plane.area.adjusted(2, 2, -2, -2), radius=RADIUS + 1,
            obstacles=[plane.caption_rect(q) for q in self.quadrants()],
        )
        layout.labels = {u.id: r for u, r in zip(order, rects, strict=True) if r is not None}
        layout.label_texts = {u.id: t for u, t in zip(order, texts, strict=True)}
        for use_case in self.placed:
            centre = layout.bubbles[use_case.id]
            path = QPainterPath()
            path.addEllipse(centre, RADIUS + 2, RADIUS + 2)
            layout.hotspots.append(Hotspot(path, use_case.id, self._tooltip(use_case)))
            if use_case.id in layout.labels:  # the label too: hovering a shortened one shows it whole
                layout.hotspots.append(Hotspot(layout.labels[use_case.id], use_case.id, self._tooltip(use_case)))
        return layout

    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        assert isinstance(layout, PortfolioLayout)
        fields = MODULES["use_cases"]
        self._paint_caption(painter, layout.caption)
        paint_plane(painter, layout.plane, self.quadrants(),
                    x_title=fields.field("feasibility_score").label(self._lang),
                    y_title=fields.field("value_score").label(self._lang))
        paint_labels(painter, layout.label_texts, layout.labels)
        for use_case in sorted(self.placed, key=lambda u: self.marked(u.id)):  # the marked bubble on top
            centre = layout.bubbles[use_case.id]
            color = QUADRANT_COLORS.get(use_case.quadrant_key or "", theme.MUTED)
            radius = RADIUS + (2 if self.marked(use_case.id) else 0)
            if use_case.status == "abandoned":
                painter.setBrush(theme.BACKGROUND)
                painter.setPen(QPen(color, 2.0))
            else:
                fill = QColor(color)
                fill.setAlphaF(0.88)
                painter.setBrush(fill)
                painter.setPen(QPen(theme.HIGHLIGHT if self.marked(use_case.id) else theme.BACKGROUND, 1.5))
            painter.drawEllipse(centre, radius, radius)
        draw_legend(painter, layout.legend_items, layout.legend)
        self._paint_footnote(painter, layout.footnote)

    def _clicked(self, key: Hashable | None) -> None:
        if isinstance(key, int):
            self.use_case_activated.emit(key)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 520)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(380, 340)
