"""`StakeholderMap`: stakeholders on the influence (y) × interest (x) grid, with the four classic
quadrants (manage closely, keep satisfied, keep informed, monitor) and dots coloured by attitude.

Scores are whole numbers 1–5, so the plane is a 5×5 grid; a score of 3 or more counts as high (the
same threshold as the use-case portfolio). Stakeholders with the same scores are spread around their
cell's centre, and names are placed beside the dots without overlapping (a name with no free room
stays in the tooltip).

How a page uses it::

    stakeholder_map = StakeholderMap(lang=context.lang)
    stakeholder_map.follow(context)                 # refreshes after edits/undo on "stakeholders"
    stakeholder_map.stakeholder_activated.connect(page.open_stakeholder)   # a click on a dot
    table.current_id_changed.connect(stakeholder_map.set_highlighted)    # ring the selected stakeholder

Without a context, call `refresh(workspace, lang)` or `set_data([StakeholderPoint(...), ...])`.
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
from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout, ChartWidget, Hotspot
from caio_desktop.ui.charts.labels import label_size, paint_labels, place_labels, spread, wrap_label
from caio_desktop.ui.charts.legend import LegendItem, Swatch, draw_legend, legend_height
from caio_desktop.ui.charts.plane import Plane, PlaneLayout, Quadrant, paint_plane, plane_area
from caio_desktop.workspace.queries import fetch_rows

HIGH = 3  # a score from 3 up is high influence / high interest
ATTITUDE_COLORS = {
    "champion": QColor("#2E7D4F"),
    "supporter": QColor("#7FAE5F"),
    "neutral": QColor("#98A4B0"),
    "sceptic": QColor("#D39A2C"),
    "resistant": QColor("#C0392B"),
}
UNKNOWN_ATTITUDE = QColor("#FFFFFF")
# key: (French, English, right = high interest, top = high influence)
QUADRANTS = {
    "manage_closely": ("Gérer de près", "Manage closely", True, True),
    "keep_satisfied": ("Satisfaire", "Keep satisfied", False, True),
    "keep_informed": ("Tenir informé", "Keep informed", True, False),
    "monitor": ("Surveiller", "Monitor", False, False),
}
QUADRANT_COLORS = {"manage_closely": QColor("#3D6A98"), "keep_satisfied": QColor("#7A5C99"),
                   "keep_informed": QColor("#3C8D8A"), "monitor": QColor("#8A94A0")}
RADIUS = 7.5


def stakeholder_quadrant(influence: int, interest: int) -> str:
    """The engagement strategy a stakeholder's scores call for (a key of `QUADRANTS`)."""
    if influence >= HIGH:
        return "manage_closely" if interest >= HIGH else "keep_satisfied"
    return "keep_informed" if interest >= HIGH else "monitor"


@dataclass(frozen=True)
class StakeholderPoint:
    """One stakeholder's place on the map."""

    id: int
    name: str
    influence: int | None
    interest: int | None
    attitude: str | None = None
    role: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StakeholderPoint:
        role = " · ".join(p for p in (row.get("role"), row.get("department")) if p) or None
        return cls(row["id"], row.get("name") or "", row.get("influence"), row.get("interest"),
                   row.get("attitude"), role)

    @property
    def placed(self) -> bool:
        return self.influence is not None and self.interest is not None


@dataclass
class StakeholderLayout(PlaneLayout):
    dots: dict[int, QPointF] = field(default_factory=dict)


class StakeholderMap(ChartWidget):
    """Stakeholders by influence and interest; a click on a dot emits `stakeholder_activated(id)`."""

    tables = frozenset({"stakeholders"})
    stakeholder_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent, lang=lang)
        self._stakeholders: list[StakeholderPoint] = []

    def set_data(self, stakeholders: Iterable[StakeholderPoint]) -> None:
        self._stakeholders = list(stakeholders)
        self._changed()

    def refresh(self, workspace: Any, lang: str) -> None:
        """Read every stakeholder from `workspace` and show them in `lang`."""
        self._lang = lang
        self.set_data(StakeholderPoint.from_row(r) for r in fetch_rows(workspace, "stakeholders"))

    def clear(self) -> None:
        self.set_data([])

    @property
    def placed(self) -> list[StakeholderPoint]:
        return [s for s in self._stakeholders if s.placed]

    def quadrants(self) -> list[Quadrant]:
        return [Quadrant(key, fr if self._lang == "fr" else en, QUADRANT_COLORS[key], right, top)
                for key, (fr, en, right, top) in QUADRANTS.items()]

    def quadrant_label(self, key: str) -> str:
        fr, en, _, _ = QUADRANTS[key]
        return self.fr_en(fr, en)

    def _empty_message(self) -> str:
        if not self._stakeholders:
            return self.located(self.fr_en("Aucune partie prenante pour l'instant.\nAjoutez-en dans « Conduite du changement » "
                              "avec leur influence et leur intérêt pour voir la carte.",
                              "No stakeholders yet.\nAdd some under “Change” with their influence and interest "
                              "to see the map."))
        if not self.placed:
            return self.fr_en("Aucune partie prenante n'a encore d'influence et d'intérêt notés.",
                              "No stakeholder has an influence and interest score yet.")
        return ""

    def caption(self) -> str:
        count = len(self._stakeholders)
        return self.fr_en("Influence × intérêt · ", "Influence × interest · ") + self.counted(
            count, ("{n} partie prenante", "{n} parties prenantes"), ("{n} stakeholder", "{n} stakeholders"))

    def footnote(self) -> str:
        missing = len(self._stakeholders) - len(self.placed)
        if not missing:
            return ""
        return self.counted(missing, ("{n} partie prenante sans influence ou intérêt notés, non représentée",
                                      "{n} parties prenantes sans influence ou intérêt notés, non représentées"),
                            ("{n} stakeholder without influence or interest scores is not shown",
                             "{n} stakeholders without influence or interest scores are not shown"))

    def _tooltip(self, person: StakeholderPoint) -> str:
        fields, lang = MODULES["stakeholders"], self._lang
        lines = [person.name] + ([person.role] if person.role else [])
        lines += [self.pair(fields.field("influence").label(lang), person.influence),
                  self.pair(fields.field("interest").label(lang), person.interest)]
        if person.attitude:
            lines.append(self.pair(fields.field("attitude").label(lang),
                                   ENUMERATIONS["attitude"].label(person.attitude, lang)))
        lines.append(self.quadrant_label(stakeholder_quadrant(person.influence, person.interest)))
        return "\n".join(lines)

    def _compute_layout(self, rect: QRectF) -> StakeholderLayout:
        layout = StakeholderLayout(rect)
        inner = rect.adjusted(14, 12, -14, -14)
        layout.caption = QRectF(inner.left(), inner.top(), inner.width(), 22)
        attitudes = ENUMERATIONS["attitude"]
        layout.legend_items = [LegendItem(attitudes.label(code, self._lang), ATTITUDE_COLORS[code], Swatch.CIRCLE)
                               for code in attitudes.codes]
        legend_h = legend_height(layout.legend_items, inner.width())
        foot_h = 18.0 if self.footnote() else 0.0
        layout.footnote = QRectF(inner.left(), inner.bottom() - foot_h, inner.width(), foot_h)
        layout.legend = QRectF(inner.left(), layout.footnote.top() - legend_h - 2, inner.width(), legend_h)
        below_caption = inner.adjusted(0, 28, 0, 0)
        plane = layout.plane = Plane(plane_area(below_caption, bottom_reserved=legend_h + foot_h + 6),
                                     split=HIGH - 0.5)

        cells: dict[tuple[int, int], list[StakeholderPoint]] = defaultdict(list)
        for person in sorted(self.placed, key=lambda s: (s.name.casefold(), s.id)):
            cells[(person.interest, person.influence)].append(person)
        for (interest, influence), people in cells.items():
            centre = plane.point(interest, influence)
            for person, offset in zip(people, spread(len(people), RADIUS * 2.3), strict=True):
                layout.dots[person.id] = centre + offset

        metrics = QFontMetricsF(theme.font(11))
        # Most influential first: their names are the ones that must show.
        order = sorted(self.placed, key=lambda s: (-s.influence, -s.interest, s.name.casefold(), s.id))
        texts = [wrap_label(s.name, plane.area.width(), metrics) for s in order]
        rects = place_labels([layout.dots[s.id] for s in order],
                             [label_size(t, metrics) for t in texts],
                             bounds=plane.area.adjusted(2, 2, -2, -2), radius=RADIUS + 1,
                             obstacles=[plane.caption_rect(q) for q in self.quadrants()])
        layout.labels = {s.id: r for s, r in zip(order, rects, strict=True) if r is not None}
        layout.label_texts = {s.id: t for s, t in zip(order, texts, strict=True)}
        for person in self.placed:
            path = QPainterPath()
            path.addEllipse(layout.dots[person.id], RADIUS + 2, RADIUS + 2)
            layout.hotspots.append(Hotspot(path, person.id, self._tooltip(person)))
            if person.id in layout.labels:  # the label too: hovering a shortened one shows it whole
                layout.hotspots.append(Hotspot(layout.labels[person.id], person.id, self._tooltip(person)))
        return layout

    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        assert isinstance(layout, StakeholderLayout)
        fields = MODULES["stakeholders"]
        self._paint_caption(painter, layout.caption)
        paint_plane(painter, layout.plane, self.quadrants(), x_title=fields.field("interest").label(self._lang),
                    y_title=fields.field("influence").label(self._lang), cell_lines=True)
        paint_labels(painter, layout.label_texts, layout.labels)
        for person in sorted(self.placed, key=lambda s: self.marked(s.id)):
            color = ATTITUDE_COLORS.get(person.attitude or "", UNKNOWN_ATTITUDE)
            radius = RADIUS + (2 if self.marked(person.id) else 0)
            painter.setBrush(color)
            outline = theme.HIGHLIGHT if self.marked(person.id) else (
                theme.AXIS if person.attitude not in ATTITUDE_COLORS else theme.BACKGROUND)
            painter.setPen(QPen(outline, 1.5))
            painter.drawEllipse(layout.dots[person.id], radius, radius)
        draw_legend(painter, layout.legend_items, layout.legend)
        self._paint_footnote(painter, layout.footnote)

    def _clicked(self, key: Hashable | None) -> None:
        if isinstance(key, int):
            self.stakeholder_activated.emit(key)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 520)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(380, 340)
