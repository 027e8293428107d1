"""`RoadmapGantt`: the roadmap as a Gantt chart — initiatives as bars grouped by phase (progress filled
in), milestones as diamonds, dependency arrows, a month grid and a "today" line.

Bars are coloured by status; the darker part of a bar is its progress. A dependency arrow runs from the
end of the initiative depended on to the start of the dependent one, in red when the dependent one
starts before the other ends. Milestones tied to an initiative sit on its row; the others get rows of
their own under "Milestones". Rows never shrink: the chart asks for the height its rows need, so put it
in a scroll area (`scrollable(gantt)`) where the roadmap can be long.

How a page uses it::

    gantt = RoadmapGantt(lang=context.lang)
    gantt.follow(context)       # refreshes after edits/undo on initiatives, milestones, dependencies
    page_layout.addWidget(scrollable(gantt))
    gantt.initiative_activated.connect(page.open_initiative)
    gantt.milestone_activated.connect(page.open_milestone)
    table.current_id_changed.connect(gantt.set_highlighted)   # outline the selected initiative

`today` defaults to the system date; pass `today=` (tests, screenshots of the demo) to pin it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.scoring import add_months
from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout, ChartWidget, Hotspot
from caio_desktop.ui.charts.legend import LegendItem, Swatch, draw_legend, legend_height
from caio_desktop.ui.charts.roadmap import (
    BEFORE,
    FOLLOWS,
    OVERLAPS,
    GanttInitiative,
    GanttMilestone,
    PhaseSpan,
    dependency_state,
)

__all__ = ["GanttInitiative", "GanttMilestone", "PhaseSpan", "RoadmapGantt"]
from caio_desktop.workspace.queries import fetch_rows

STATUS_COLORS = {
    "planned": QColor("#8DA2B8"),
    "in_progress": QColor("#3D6A98"),
    "done": QColor("#3C8D5A"),
    "on_hold": QColor("#C98A1B"),
    "cancelled": QColor("#A7AFB8"),
}
MILESTONE_COLORS = {"planned": QColor("#5B6B7C"), "done": QColor("#3C8D5A"), "missed": QColor("#C0392B")}
NO_PHASE = ""
ARROW_COLORS = {FOLLOWS: QColor("#7B8794"), OVERLAPS: QColor("#C98A1B"), BEFORE: QColor("#C0392B")}
_HEADER = 40.0
_GROUP_ROW = 26.0
_ROW = 30.0
_BAR = 16.0
_MARGIN = 14.0


@dataclass(frozen=True)
class GanttRow:
    """One line of the chart: a phase header ("group"), an initiative or a free-standing milestone."""

    kind: str  # "group", "initiative" or "milestone"
    key: Any
    rect: QRectF  # the whole line, label column included


@dataclass
class GanttLayout(ChartLayout):
    first: dt.date = dt.date.min
    last: dt.date = dt.date.min  # exclusive: the first day after the range
    timeline: QRectF = field(default_factory=QRectF)  # the dated area (right of the labels, below the header)
    header: QRectF = field(default_factory=QRectF)
    rows: list[GanttRow] = field(default_factory=list)
    bars: dict[int, QRectF] = field(default_factory=dict)
    progress: dict[int, QRectF] = field(default_factory=dict)
    milestones: dict[int, QPointF] = field(default_factory=dict)
    arrows: list[tuple[int, int, QPainterPath, bool]] = field(default_factory=list)  # from, to, path, late
    month_ticks: list[tuple[dt.date, float]] = field(default_factory=list)
    today_x: float | None = None
    legend: QRectF = field(default_factory=QRectF)
    legend_items: list[LegendItem] = field(default_factory=list)
    footnote: QRectF = field(default_factory=QRectF)


class RoadmapGantt(ChartWidget):
    """Initiatives and milestones on a timeline, grouped by phase.

    Signals: `initiative_activated(int id)`, `milestone_activated(int id)` (a click on the mark).
    """

    tables = frozenset({"initiatives", "milestones", "initiative_dependencies", "phases"})
    initiative_activated = Signal(int)
    milestone_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en", today: dt.date | None = None) -> None:
        super().__init__(parent, lang=lang)
        self._initiatives: list[GanttInitiative] = []
        self._milestones: list[GanttMilestone] = []
        self._phases: list[PhaseSpan] = []
        self._today = today

    # --- data --------------------------------------------------------------------------------------
    def set_data(self, initiatives: Iterable[GanttInitiative], milestones: Iterable[GanttMilestone] = (), *,
                 phases: Iterable[PhaseSpan] = ()) -> None:
        self._initiatives = list(initiatives)
        self._milestones = list(milestones)
        self._phases = list(phases)
        self._changed()

    def refresh(self, workspace: Any, lang: str) -> None:
        """Read initiatives, milestones and phase dates from `workspace` and show them in `lang`."""
        self._lang = lang
        self.set_data((GanttInitiative.from_row(r) for r in fetch_rows(workspace, "initiatives")),
                      (GanttMilestone.from_row(r) for r in fetch_rows(workspace, "milestones")),
                      phases=(PhaseSpan.from_row(r) for r in fetch_rows(workspace, "phases")))

    def clear(self) -> None:
        self.set_data([])

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_today(self, today: dt.date | None) -> None:
        """Pin the day the "today" line marks (None: the system date)."""
        self._today = today
        self._changed()

    @property
    def scheduled(self) -> list[GanttInitiative]:
        return [i for i in self._initiatives if i.scheduled]

    def _groups(self) -> list[tuple[str, list[GanttInitiative]]]:
        """(phase code, its scheduled initiatives by start date), phases in engagement order."""
        order = list(ENUMERATIONS["phase"].codes) + [NO_PHASE]
        groups: dict[str, list[GanttInitiative]] = {}
        for initiative in self.scheduled:
            phase = initiative.phase if initiative.phase in order else NO_PHASE
            groups.setdefault(phase, []).append(initiative)
        return [(p, sorted(groups[p], key=lambda i: (i.start, i.end, i.title.casefold(), i.id)))
                for p in order if p in groups]

    def _free_milestones(self) -> list[GanttMilestone]:
        drawn = {i.id for i in self.scheduled}
        return sorted((m for m in self._milestones if m.initiative_id not in drawn), key=lambda m: (m.due, m.id))

    # --- texts -------------------------------------------------------------------------------------
    def _empty_message(self) -> str:
        if not self.scheduled and not self._milestones:
            if self._initiatives:
                return self.located(self.fr_en("Aucune initiative n'a encore de dates de début et de fin.\n"
                                  "Datez-les dans « Feuille de route et indicateurs » pour voir le Gantt.",
                                  "No initiative has start and end dates yet.\n"
                                  "Date them under “Roadmap & KPIs” to see the Gantt chart."))
            return self.located(self.fr_en("Aucune initiative ni aucun jalon pour l'instant.\n"
                              "Ajoutez-en dans « Feuille de route et indicateurs » pour voir la feuille de route.",
                              "No initiatives or milestones yet.\n"
                              "Add some under “Roadmap & KPIs” to see the roadmap."))
        return ""

    def footnote(self) -> str:
        missing = len(self._initiatives) - len(self.scheduled)
        if not missing:
            return ""
        return self.counted(missing, ("{n} initiative sans dates de début et de fin, non représentée",
                                      "{n} initiatives sans dates de début et de fin, non représentées"),
                            ("{n} initiative without start and end dates is not shown",
                             "{n} initiatives without start and end dates are not shown"))

    def caption(self) -> str:
        initiatives, milestones = len(self.scheduled), len(self._milestones)
        return " · ".join((self.counted(initiatives, ("{n} initiative", "{n} initiatives"),
                                        ("{n} initiative", "{n} initiatives")),
                           self.counted(milestones, ("{n} jalon", "{n} jalons"), ("{n} milestone", "{n} milestones"))))

    def _phase_label(self, phase: str) -> str:
        return ENUMERATIONS["phase"].label(phase, self._lang) if phase else self.fr_en("Sans phase", "No phase")

    def _initiative_tooltip(self, initiative: GanttInitiative) -> str:
        fields, lang = MODULES["initiatives"], self._lang
        lines = [initiative.title, self._phase_label(initiative.phase or NO_PHASE),
                 f"{self.date_text(initiative.start)} → {self.date_text(initiative.end)}"]
        if initiative.status:
            lines.append(self.pair(fields.field("status").label(lang),
                                   ENUMERATIONS["initiative_status"].label(initiative.status, lang)))
        if initiative.progress is not None:
            lines.append(self.pair(fields.field("progress").label(lang), f"{initiative.progress} %"
                                   if lang == "fr" else f"{initiative.progress}%"))
        titles = {i.id: i.title for i in self._initiatives}
        if initiative.depends_on:
            names = ", ".join(titles.get(d, f"#{d}") for d in initiative.depends_on)
            lines.append(self.pair(fields.field("depends_on_ids").label(lang), names))
        return "\n".join(lines)

    def _milestone_tooltip(self, milestone: GanttMilestone) -> str:
        lines = [f"◆ {milestone.title}", self.date_text(milestone.due)]
        if milestone.status:
            lines.append(self.pair(MODULES["milestones"].field("status").label(self._lang),
                                   ENUMERATIONS["milestone_status"].label(milestone.status, self._lang)))
        return "\n".join(lines)

    # --- layout ------------------------------------------------------------------------------------
    def _rows_height(self) -> float:
        groups = self._groups()
        free = self._free_milestones()
        return (len(groups) * _GROUP_ROW + sum(len(g) for _, g in groups) * _ROW
                + ((_GROUP_ROW + len(free) * _ROW) if free else 0.0))

    def _range(self) -> tuple[dt.date, dt.date]:
        days = [d for i in self.scheduled for d in (i.start, i.end)] + [m.due for m in self._milestones]
        first, last = min(days), max(days)
        today = self.today
        # Show today when it is near the roadmap (it says where we stand), not when it is a year away.
        if add_months(first, -3) <= today < first:
            first = today
        if last < today <= add_months(last, 3):
            last = today
        return first.replace(day=1), add_months(last.replace(day=1), 1)

    def _compute_layout(self, rect: QRectF) -> GanttLayout:
        layout = GanttLayout(rect)
        inner = rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        layout.legend_items = self._legend_items()
        legend_h = legend_height(layout.legend_items, inner.width())
        foot_h = 18.0 if self.footnote() else 0.0
        label_w = min(300.0, max(160.0, inner.width() * 0.28))
        layout.header = QRectF(inner.left() + label_w, inner.top(), inner.width() - label_w, _HEADER)
        rows_top = layout.header.bottom()
        layout.timeline = QRectF(layout.header.left(), rows_top, layout.header.width(), self._rows_height())
        layout.legend = QRectF(inner.left(), layout.timeline.bottom() + 12, inner.width(), legend_h)
        layout.footnote = QRectF(inner.left(), layout.legend.bottom() + 2, inner.width(), foot_h)
        first, last = layout.first, layout.last = self._range()
        span = (last - first).days
        timeline = layout.timeline

        def x(day: dt.date) -> float:
            return timeline.left() + (day - first).days / span * timeline.width()

        month = first
        while month <= last:
            layout.month_ticks.append((month, x(month)))
            month = add_months(month, 1)
        if first <= self.today < last:
            layout.today_x = x(self.today)

        y = rows_top
        row_ids: dict[int, QRectF] = {}
        for phase, initiatives in self._groups():
            layout.rows.append(GanttRow("group", phase, QRectF(inner.left(), y, inner.width(), _GROUP_ROW)))
            y += _GROUP_ROW
            for initiative in initiatives:
                row = QRectF(inner.left(), y, inner.width(), _ROW)
                layout.rows.append(GanttRow("initiative", initiative.id, row))
                row_ids[initiative.id] = row
                bar = QRectF(x(initiative.start), y + (_ROW - _BAR) / 2,
                             max(x(initiative.end + dt.timedelta(days=1)) - x(initiative.start), 3.0), _BAR)
                layout.bars[initiative.id] = bar
                done = max(0, min(100, initiative.progress or 0)) / 100
                layout.progress[initiative.id] = QRectF(bar.left(), bar.top(), bar.width() * done, bar.height())
                tip = self._initiative_tooltip(initiative)
                label = QRectF(row.left(), row.top(), label_w - 8, row.height())
                layout.hotspots.append(Hotspot(label, ("initiative", initiative.id), tip))
                layout.hotspots.append(Hotspot(bar.adjusted(-2, -4, 2, 4), ("initiative", initiative.id), tip))
                y += _ROW
        free = self._free_milestones()
        if free:
            layout.rows.append(GanttRow("group", "milestones", QRectF(inner.left(), y, inner.width(), _GROUP_ROW)))
            y += _GROUP_ROW
        for milestone in self._milestones:
            if milestone in free:
                row = QRectF(inner.left(), y, inner.width(), _ROW)
                layout.rows.append(GanttRow("milestone", milestone.id, row))
                label = QRectF(row.left(), row.top(), label_w - 8, row.height())
                layout.hotspots.append(Hotspot(label, ("milestone", milestone.id), self._milestone_tooltip(milestone)))
                y += _ROW
            else:
                row = row_ids[milestone.initiative_id]  # type: ignore[index]
            centre = QPointF(x(milestone.due) + 0.5 * (x(first + dt.timedelta(days=1)) - x(first)),
                             row.center().y())
            layout.milestones[milestone.id] = centre
            diamond = QRectF(centre.x() - 8, centre.y() - 8, 16, 16)
            layout.hotspots.append(Hotspot(diamond, ("milestone", milestone.id), self._milestone_tooltip(milestone)))
        self._layout_arrows(layout)
        return layout

    def _layout_arrows(self, layout: GanttLayout) -> None:
        """One arrow per dependency, shaped by how the dates relate (see FOLLOWS, OVERLAPS, BEFORE)."""
        for before, initiative, state in self._dependencies():
            source, target = layout.bars[before.id], layout.bars[initiative.id]
            if state == OVERLAPS:  # started while the other runs: a short drop to where this one starts
                x = target.left() + 4
                down = target.top() > source.top()
                path = QPainterPath(QPointF(x, source.bottom() if down else source.top()))
                path.lineTo(x, target.top() if down else target.bottom())
            else:
                path = self._elbow(source, target)
            layout.arrows.append((before.id, initiative.id, path, state))

    @staticmethod
    def _elbow(source: QRectF, target: QRectF) -> QPainterPath:
        """From the end of `source` to the start of `target`, going round when the start lies behind."""
        start = QPointF(source.right(), source.center().y())
        end = QPointF(target.left(), target.center().y())
        path = QPainterPath(start)
        path.lineTo(start.x() + 7, start.y())
        if end.x() - start.x() >= 14:
            path.lineTo(start.x() + 7, end.y())
        else:
            middle = start.y() + (_ROW / 2 if end.y() > start.y() else -_ROW / 2)
            path.lineTo(start.x() + 7, middle)
            path.lineTo(end.x() - 9, middle)
            path.lineTo(end.x() - 9, end.y())
        path.lineTo(end)
        return path

    def _dependencies(self) -> list[tuple[GanttInitiative, GanttInitiative, str]]:
        """(depended on, dependent, state) for every dependency between drawn initiatives."""
        drawn = {i.id: i for i in self.scheduled}
        return [(drawn[b], initiative, dependency_state(drawn[b], initiative))
                for initiative in drawn.values() for b in initiative.depends_on if b in drawn]

    def _legend_items(self) -> list[LegendItem]:
        statuses = ENUMERATIONS["initiative_status"]
        used = {i.status or "planned" for i in self.scheduled}
        items = [LegendItem(statuses.label(code, self._lang), STATUS_COLORS[code])
                 for code in statuses.codes if code in used]
        if self._milestones:
            items.append(LegendItem(MODULES["milestones"].label(self._lang), MILESTONE_COLORS["planned"],
                                    Swatch.DIAMOND))
        states = {state for _, _, state in self._dependencies()}
        names = {FOLLOWS: MODULES["initiatives"].field("depends_on_ids").label(self._lang),
                 OVERLAPS: self.fr_en("Démarre avant la fin de ce dont elle dépend",
                                      "Starts before what it depends on ends"),
                 BEFORE: self.fr_en("Démarre avant ce dont elle dépend", "Starts before what it depends on")}
        items += [LegendItem(names[s], ARROW_COLORS[s], Swatch.LINE) for s in (FOLLOWS, OVERLAPS, BEFORE)
                  if s in states]
        items.append(LegendItem(self.fr_en("Aujourd'hui", "Today"), theme.TODAY, Swatch.DASHED))
        return items

    # --- painting ----------------------------------------------------------------------------------
    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        assert isinstance(layout, GanttLayout)
        self._paint_grid(painter, layout)
        self._paint_rows(painter, layout)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for _, _, path, state in layout.arrows:
            color = ARROW_COLORS[state]
            painter.setPen(QPen(color, 1.3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            tip = path.currentPosition()
            before = path.elementAt(path.elementCount() - 2)
            direction = tip - QPointF(before.x, before.y)
            length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
            ux, uy = direction.x() / length, direction.y() / length
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(QPolygonF([tip, tip + QPointF(-6 * ux + 3.5 * uy, -6 * uy - 3.5 * ux),
                                           tip + QPointF(-6 * ux - 3.5 * uy, -6 * uy + 3.5 * ux)]))
        by_id = {m.id: m for m in self._milestones}
        for milestone_id, centre in layout.milestones.items():
            milestone = by_id[milestone_id]
            color = MILESTONE_COLORS.get(milestone.status or "planned", MILESTONE_COLORS["planned"])
            size = 7.5 if self.marked(("milestone", milestone_id)) else 6.0
            painter.setPen(QPen(theme.BACKGROUND, 1.2))
            painter.setBrush(color)
            painter.drawPolygon(QPolygonF([centre + QPointF(0, -size), centre + QPointF(size, 0),
                                           centre + QPointF(0, size), centre + QPointF(-size, 0)]))
        if layout.today_x is not None:
            self._paint_today(painter, layout)
        draw_legend(painter, layout.legend_items, layout.legend)
        self._paint_footnote(painter, layout.footnote)

    def _paint_grid(self, painter: QPainter, layout: GanttLayout) -> None:
        timeline, header = layout.timeline, layout.header
        metrics = QFontMetricsF(theme.font(11))
        ticks = layout.month_ticks
        month_w = ticks[1][1] - ticks[0][1] if len(ticks) > 1 else header.width()
        every = 1
        while metrics.horizontalAdvance("sept. 26") + 8 > month_w * every and every < 12:
            every += 1 if every < 3 else 3
        painter.setFont(theme.font(11))
        for n, (_month, x) in enumerate(ticks):
            if n % 2 == 1 and n < len(ticks) - 1:  # alternate month shading makes months countable
                painter.fillRect(QRectF(x, header.top() + 22, ticks[n + 1][1] - x, timeline.bottom() - header.top() - 22),
                                 theme.tint(theme.PANEL, 0.2))
        for n, (month, x) in enumerate(ticks):
            quarter = month.month in (1, 4, 7, 10)
            painter.setPen(QPen(theme.AXIS if month.month == 1 else theme.GRID, 1.0))
            painter.drawLine(QPointF(x, header.top() + (0 if month.month == 1 else 22)), QPointF(x, timeline.bottom()))
            if n < len(ticks) - 1 and n % every == 0:
                text = self.month_text(month)
                painter.setPen(theme.TEXT if quarter else theme.MUTED)
                painter.drawText(QRectF(x + 4, header.top() + 22, month_w * every - 4, 18),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            if (month.month == 1 or n == 0) and n < len(ticks) - 1:
                painter.setFont(theme.font(12, bold=True))
                painter.setPen(theme.INK)
                painter.drawText(QRectF(x + 4, header.top(), 80, 20), Qt.AlignmentFlag.AlignLeft
                                 | Qt.AlignmentFlag.AlignVCenter, str(month.year))
                painter.setFont(theme.font(11))
        painter.setPen(QPen(theme.AXIS, 1.0))
        painter.drawLine(QPointF(layout.rect.left() + _MARGIN, header.bottom()), QPointF(header.right(), header.bottom()))
        self._paint_caption(painter, QRectF(layout.rect.left() + _MARGIN, header.top(),
                                            header.left() - layout.rect.left() - _MARGIN - 8, 20))
        painter.setFont(theme.font(12, bold=True))
        painter.setPen(theme.MUTED)
        painter.drawText(QRectF(layout.rect.left() + _MARGIN + 2, header.top() + 20, header.left() - layout.rect.left(), 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, MODULES["initiatives"].label(self._lang))

    def _paint_rows(self, painter: QPainter, layout: GanttLayout) -> None:
        by_id = {i.id: i for i in self._initiatives}
        milestones = {m.id: m for m in self._milestones}
        phases = {p.phase: p for p in self._phases}
        label_right = layout.timeline.left() - 8
        for row in layout.rows:
            text_rect = QRectF(row.rect.left() + 6, row.rect.top(), label_right - row.rect.left() - 6, row.rect.height())
            if row.kind == "group":
                painter.fillRect(row.rect, theme.PANEL)
                painter.setFont(theme.font(12, bold=True))
                painter.setPen(theme.INK)
                title = MODULES["milestones"].label(self._lang) if row.key == "milestones" else self._phase_label(row.key)
                painter.drawText(text_rect.adjusted(-4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 title)
                span = phases.get(row.key)
                if span and span.start and span.end:
                    self._paint_phase_span(painter, layout, row.rect, span)
                continue
            painter.setPen(QPen(theme.GRID, 1.0))
            painter.drawLine(QPointF(row.rect.left(), row.rect.bottom()), QPointF(row.rect.right(), row.rect.bottom()))
            painter.setFont(theme.font(12))
            metrics = QFontMetricsF(painter.font())
            if row.kind == "milestone":
                title = "◆ " + milestones[row.key].title
                painter.setPen(theme.TEXT)
            else:
                initiative = by_id[row.key]
                title = initiative.title
                painter.setPen(theme.MUTED if initiative.status == "cancelled" else theme.TEXT)
                self._paint_bar(painter, layout, initiative)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()))

    def _paint_phase_span(self, painter: QPainter, layout: GanttLayout, row: QRectF, span: PhaseSpan) -> None:
        timeline, first, last = layout.timeline, layout.first, layout.last

        def x(day: dt.date) -> float:
            day = min(max(day, first), last)
            return timeline.left() + (day - first).days / (last - first).days * timeline.width()

        left, right = x(span.start), x(span.end + dt.timedelta(days=1))
        y = row.center().y()
        painter.setPen(QPen(theme.AXIS, 1.5))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.drawLine(QPointF(left, y - 5), QPointF(left, y + 5))
        painter.drawLine(QPointF(right, y - 5), QPointF(right, y + 5))

    def _paint_bar(self, painter: QPainter, layout: GanttLayout, initiative: GanttInitiative) -> None:
        bar, done = layout.bars[initiative.id], layout.progress[initiative.id]
        color = STATUS_COLORS.get(initiative.status or "planned", STATUS_COLORS["planned"])
        hovered = self.marked(("initiative", initiative.id))
        painter.save()
        painter.setPen(QPen(theme.HIGHLIGHT, 1.5) if hovered else Qt.PenStyle.NoPen)
        painter.setBrush(theme.tint(color, 0.62))
        painter.drawRoundedRect(bar, 4, 4)
        if done.width() > 0:
            clip = QPainterPath()
            clip.addRoundedRect(bar, 4, 4)
            painter.setClipPath(clip)
            painter.fillRect(done, color)
            painter.setClipping(False)
        if initiative.progress:  # 0 % says nothing a pale bar does not
            text = f"{initiative.progress} %" if self._lang == "fr" else f"{initiative.progress}%"
            painter.setFont(theme.font(10, bold=True))
            width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 8
            if bar.width() >= width + 6:
                inside = done.width() >= width
                painter.setPen(theme.readable_on(color) if inside else theme.shade(color, 0.45))
                painter.drawText(bar.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                 if inside else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def _paint_today(self, painter: QPainter, layout: GanttLayout) -> None:
        x = layout.today_x
        painter.setPen(QPen(theme.TODAY, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, layout.header.bottom() - 4), QPointF(x, layout.timeline.bottom()))
        text = self.fr_en("Aujourd'hui", "Today")
        painter.setFont(theme.font(10, bold=True))
        width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 10
        left = min(max(x - width / 2, layout.header.left()), layout.header.right() - width)
        pill = QRectF(left, layout.header.top() + 2, width, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.TODAY)
        painter.drawRoundedRect(pill, 8, 8)
        painter.setPen(theme.BACKGROUND)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def set_highlighted(self, key: Hashable | None) -> None:
        """Mark an initiative (its id) or a milestone (("milestone", id)), e.g. the row selected below."""
        super().set_highlighted(("initiative", key) if isinstance(key, int) else key)

    def _clicked(self, key: Hashable | None) -> None:
        if isinstance(key, tuple) and key[0] == "initiative":
            self.initiative_activated.emit(key[1])
        elif isinstance(key, tuple) and key[0] == "milestone":
            self.milestone_activated.emit(key[1])

    # --- sizes -------------------------------------------------------------------------------------
    def _content_height(self) -> int:
        if self.message:
            return 240
        legend = legend_height(self._legend_items(), 600)
        return int(2 * _MARGIN + _HEADER + self._rows_height() + 12 + legend + (20 if self.footnote() else 0))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(900, max(320, self._content_height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(560, self._content_height())  # rows never squeeze: a scroll area scrolls instead
