"""Overview: where the engagement stands at a glance — progress through the phases, the size of every
register, the top risks, overdue actions, upcoming milestones and trainings. Everything listed is a
link to its page and row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import MODULE_LIST, MODULES
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.ui.pages.base import Page, card, optional_class
from caio_desktop.ui.registers.badges import risk_level_colors
from caio_desktop.ui.registers.format import format_date
from caio_desktop.workspace import queries

LINK_ROLE = Qt.ItemDataRole.UserRole
LIST_LENGTH = 6
AREAS = ("engagement", "diagnosis", "systems", "strategy", "roadmap", "change", "risks", "governance")


def top_risks(risks: list[dict[str, Any]], n: int = LIST_LENGTH) -> list[dict[str, Any]]:
    """The open risks people should look at first: highest level, then likelihood × impact."""
    ranks = {level.key: level.rank for level in load_risk_matrix().levels}
    open_risks = [r for r in risks if r.get("status") not in ("closed",)]
    return sorted(open_risks, key=lambda r: (-ranks.get(r.get("level") or "", 0),
                                              -(r.get("likelihood") or 0) * (r.get("impact") or 0),
                                              r.get("code") or ""))[:n]


def top_risk_rows(workspace: Any, n: int = LIST_LENGTH) -> list[dict[str, Any]]:
    """`top_risks` of the whole register, ranked by the database: a register can hold 100,000 risks,
    which should not all be read into Python to show six."""
    from sqlalchemy import case, func, select

    from caio_desktop.workspace.models import MODELS

    t = MODELS["risks"].__table__
    ranks = {level.key: level.rank for level in load_risk_matrix().levels}
    statement = (select(t.c.id).where(t.c.status.is_distinct_from("closed"))
                 .order_by(case(ranks, value=t.c.level, else_=0).desc(),
                           (func.coalesce(t.c.likelihood, 0) * func.coalesce(t.c.impact, 0)).desc(),
                           func.coalesce(t.c.code, ""))
                 .limit(n))
    with workspace.engine.connect() as conn:
        ids = list(conn.execute(statement).scalars())
    return top_risks([row for row_id in ids if (row := queries.get_row(workspace, "risks", row_id))], n)


def overdue(rows: list[dict[str, Any]], today: dt.date, *, date_key: str = "due_date") -> list[dict[str, Any]]:
    late = [r for r in rows if r.get(date_key) and r[date_key] < today
            and r.get("status") not in ("done", "cancelled", "closed")]
    return sorted(late, key=lambda r: r[date_key])


def upcoming(rows: list[dict[str, Any]], today: dt.date, *, date_key: str) -> list[dict[str, Any]]:
    soon = [r for r in rows if r.get(date_key) and r[date_key] >= today and r.get("status") != "done"]
    return sorted(soon, key=lambda r: r[date_key])


class OverviewPage(Page):
    key = "overview"
    navigate = Signal(str, str, object)  # page key, module key, row id (or None)
    risk_cell_chosen = Signal(int, int)  # likelihood, impact: open the risk register on that cell

    def title(self) -> str:
        return self.tr("Overview")

    def subtitle(self) -> str:
        workspace = self.context.workspace
        if workspace is None:
            return ""
        row = queries.fetch_rows(workspace, "engagement", limit=1)[0]
        lang = self.context.lang
        parts = [row.get("client_name") or "", row.get("sector") or "",
                 f"{format_date(row.get('start_date'), lang)} → {format_date(row.get('end_date'), lang)}"]
        if row.get("consultant_name"):
            parts.append(row["consultant_name"])
        return " · ".join(p for p in parts if p)

    def build(self) -> None:
        self._stale = True
        self.today = dt.date.today()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        columns = QHBoxLayout(body)  # two independent columns: each card keeps its natural height
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        self.phases_box = QWidget()
        self.phases_layout = QGridLayout(self.phases_box)
        self.phases_layout.setContentsMargins(0, 4, 0, 4)
        self.figures_box = QWidget()
        self.figures_layout = QGridLayout(self.figures_box)
        self.figures_layout.setContentsMargins(0, 4, 0, 4)
        self.figures_layout.setHorizontalSpacing(18)
        self.figures_layout.setVerticalSpacing(8)
        self.risks_list = self._list()
        self.overdue_list = self._list()
        self.upcoming_list = self._list()
        self.heat_map = self._heat_map()
        for widget, column, stretch, title in (
            (self.phases_box, left, 0, lambda: self.tr("Progress through the phases")),
            (self.figures_box, left, 0, lambda: self.tr("Registers")),
            (self.upcoming_list, left, 1, lambda: self.tr("Upcoming milestones and trainings")),
            (self.heat_map, right, 0, None),
            (self.risks_list, right, 1, lambda: self.tr("Top risks")),
            (self.overdue_list, right, 1, lambda: self.tr("Overdue actions")),
        ):
            if widget is None:  # no heat map in this build
                continue
            frame, label = card("", widget)
            if title is None:
                label.hide()  # a chart has its own caption
            else:
                self.translated(label, title)
            column.addWidget(frame, stretch)
        # The way to the Changes view (Governance): what moved since the last steering committee.
        self.changes_link = QPushButton()
        self.changes_link.setObjectName("linkButton")
        self.changes_link.clicked.connect(lambda: self.navigate.emit("governance", "changes", None))
        self.translated(self.changes_link, lambda: self.tr("What changed since the last committee →"))
        left.insertWidget(0, self.changes_link, 0, Qt.AlignmentFlag.AlignLeft)
        scroll.setWidget(body)
        self.body.addWidget(scroll, 1)
        self.context.workspace_changed.connect(self._mark_stale)
        self.context.data_changed.connect(self._mark_stale)
        self.context.language_changed.connect(self._mark_stale)

    def _heat_map(self) -> QWidget | None:
        """The current risk heat map; a click on a cell opens the register on that cell's risks."""
        heat_map_class = optional_class("caio_desktop.ui.charts.heatmap", "RiskHeatMap")
        if heat_map_class is None:
            return None
        chart = heat_map_class(lang=self.context.lang)
        chart.follow(self.context)
        chart.cell_clicked.connect(self._cell_clicked)
        return chart

    def _cell_clicked(self, likelihood: int, impact: int) -> None:
        self.heat_map.clear_selection(notify=False)  # the overview's map is a way in, not a filter of its own
        self.risk_cell_chosen.emit(likelihood, impact)

    def _list(self) -> QListWidget:
        widget = QListWidget()
        widget.setFrameShape(QFrame.Shape.NoFrame)
        widget.setMinimumHeight(110)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.setSpacing(1)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
        widget.itemActivated.connect(self._activated)
        widget.itemClicked.connect(self._activated)
        return widget

    # --- refreshing ----------------------------------------------------------------------------------
    def _mark_stale(self, *_: object) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.retranslate()
        workspace = self.context.workspace
        for layout in (self.phases_layout, self.figures_layout):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
        for widget in (self.risks_list, self.overdue_list, self.upcoming_list):
            widget.clear()
        if workspace is None:
            return
        self._fill_phases(workspace)
        self._fill_figures(workspace)
        self._fill_lists(workspace)

    def _fill_phases(self, workspace: Any) -> None:
        lang = self.context.lang
        phases = sorted(queries.fetch_rows(workspace, "phases"),
                        key=lambda p: (p.get("start_date") or dt.date.max, p["id"]))
        for i, phase in enumerate(phases):
            name = QPushButton(phase["title"])
            name.setObjectName("linkButton")
            name.clicked.connect(lambda _=False, pid=phase["id"]: self.navigate.emit("engagement", "phases", pid))
            dates = QLabel(f"{format_date(phase.get('start_date'), lang)} → {format_date(phase.get('end_date'), lang)}")
            dates.setObjectName("figureLabel")
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(int(phase.get("progress") or 0))
            bar.setFormat("%p %" if lang == "fr" else "%p%")
            status = QLabel(ENUMERATIONS["progress"].label(phase.get("status"), lang))
            status.setObjectName("figureLabel")
            for column, widget in enumerate((name, dates, bar, status)):
                self.phases_layout.addWidget(widget, i, column)
        self.phases_layout.setColumnStretch(2, 1)

    def _fill_figures(self, workspace: Any) -> None:
        lang = self.context.lang
        counts = queries.counts(workspace)
        column_count = 3  # leaves the right column room for the heat map
        for i, area in enumerate(AREAS):
            block = QWidget()
            layout = QVBoxLayout(block)
            layout.setContentsMargins(0, 0, 0, 6)
            layout.setSpacing(0)
            heading = QLabel(self.area_title(area))
            heading.setObjectName("sectionTitle")
            layout.addWidget(heading)
            for mod in MODULE_LIST:
                if mod.area != area or mod.singleton:
                    continue
                line = QHBoxLayout()
                value = QLabel(str(counts.get(mod.key, 0)))
                value.setMinimumWidth(30)
                line.setSpacing(8)
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setStyleSheet("font-weight: 600; color: palette(link);")  # the accent, lightened in dark
                link = QPushButton(mod.label(lang))
                link.setObjectName("linkButton")
                link.clicked.connect(lambda _=False, a=area, k=mod.key: self.navigate.emit(a, k, None))
                line.addWidget(value)
                line.addWidget(link, 1)
                layout.addLayout(line)
            layout.addStretch(1)
            self.figures_layout.addWidget(block, i // column_count, i % column_count,
                                          Qt.AlignmentFlag.AlignTop)
        self.figures_layout.setRowStretch(len(AREAS) // column_count + 1, 1)

    def area_title(self, area: str) -> str:
        return {
            "engagement": self.tr("Engagement"), "diagnosis": self.tr("Diagnosis"),
            "systems": self.tr("AI systems"), "strategy": self.tr("Strategy & use cases"),
            "roadmap": self.tr("Roadmap & KPIs"), "change": self.tr("Change"),
            "risks": self.tr("Risks & compliance"), "governance": self.tr("Governance"),
        }[area]

    def _fill_lists(self, workspace: Any) -> None:
        lang = self.context.lang
        colors = risk_level_colors()
        levels = ENUMERATIONS["risk_level"]
        for risk in top_risk_rows(workspace):
            item = QListWidgetItem(f"{levels.label(risk.get('level'), lang)} · {risk.get('code') or ''}  {risk['title']}")
            if risk.get("level") in colors:
                item.setForeground(QColor(colors[risk["level"]]).darker(115))
            item.setData(LINK_ROLE, ("risks", "risks", risk["id"]))
            self.risks_list.addItem(item)
        late = [("governance", "actions", r) for r in overdue(queries.fetch_rows(workspace, "actions"), self.today)]
        late += [("risks", "risk_actions", r)
                 for r in overdue(queries.fetch_rows(workspace, "risk_actions"), self.today)]
        late.sort(key=lambda t: t[2]["due_date"])
        for page, module_key, row in late[:LIST_LENGTH * 2]:
            owner = f" · {row['owner']}" if row.get("owner") else ""
            item = QListWidgetItem(f"{format_date(row['due_date'], lang)}  {row['title']}{owner}")
            item.setForeground(QColor("#C62828"))
            item.setData(LINK_ROLE, (page, module_key, row["id"]))
            self.overdue_list.addItem(item)
        if not late:
            self._empty(self.overdue_list, self.tr("No overdue action."))
        soon = [(r["due_date"], "milestones", r["title"], r["id"])
                for r in upcoming(queries.fetch_rows(workspace, "milestones"), self.today, date_key="due_date")]
        soon += [(r["held_on"], "trainings", r["title"], r["id"])
                 for r in upcoming(queries.fetch_rows(workspace, "trainings"), self.today, date_key="held_on")]
        soon.sort(key=lambda t: t[0])
        for when, module_key, title, row_id in soon[:LIST_LENGTH * 2]:
            kind = MODULES[module_key].entity(lang)
            item = QListWidgetItem(f"{format_date(when, lang)}  {title}  ({kind})")
            page = "roadmap" if module_key == "milestones" else "change"
            item.setData(LINK_ROLE, (page, module_key, row_id))
            self.upcoming_list.addItem(item)
        if not soon:
            self._empty(self.upcoming_list, self.tr("Nothing planned."))
        if not self.risks_list.count():
            self._empty(self.risks_list, self.tr("No open risk."))
        for widget in (self.risks_list, self.overdue_list, self.upcoming_list):
            for i in range(widget.count()):
                widget.item(i).setToolTip(widget.item(i).text())

    def _empty(self, widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QColor("#7F8C8D"))
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        link = item.data(LINK_ROLE)
        if link:
            self.navigate.emit(*link)
