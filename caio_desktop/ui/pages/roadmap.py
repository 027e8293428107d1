"""Roadmap & KPIs: initiatives (on the Gantt timeline when available) with their dependencies and
linked use cases, milestones, and KPIs with the measurements of the selected KPI and their trend."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from caio_desktop.ui.pages.base import BELOW_REGISTER, Page, card, optional_class


class RoadmapPage(Page):
    key = "roadmap"

    def title(self) -> str:
        return self.tr("Roadmap & KPIs")

    def subtitle(self) -> str:
        return self.tr("Initiatives by phase, milestones, and the indicators that show progress.")

    def build(self) -> None:
        charts = []
        gantt = optional_class("caio_desktop.ui.charts.gantt", "RoadmapGantt")
        if gantt is not None:
            self.gantt = gantt(lang=self.context.lang)
            self.gantt.beside_register = BELOW_REGISTER
            self.gantt.follow(self.context)
            self.gantt.initiative_activated.connect(lambda row_id: self.show_row("initiatives", row_id))
            self.gantt.milestone_activated.connect(lambda row_id: self.show_row("milestones", row_id))
            charts.append((self.gantt, lambda: self.tr("Timeline")))
        self.add_register_tab("initiatives", charts=charts)
        self.add_register_tab("milestones")
        self.add_tab(self._kpis(), lambda: self.module_label("kpis"))

    def _kpis(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical)
        kpis = self.add_register("kpis")
        splitter.addWidget(kpis)
        lower = QSplitter(Qt.Orientation.Horizontal)
        self.measurements = self.add_register("kpi_measurements", where={"kpi_id": None}, show_form=False)
        frame, label = card("", self.measurements)
        self.translated(label, lambda: self.module_label("kpi_measurements"))
        lower.addWidget(frame)
        trend = optional_class("caio_desktop.ui.charts.kpi", "KpiTrend")
        self.trend = None
        if trend is not None:
            self.trend = trend(lang=self.context.lang)
            self.trend.beside_register = ("dans le registre ci-dessus", "in the register above")
            self.trend.follow(self.context)
            chart_frame, chart_label = card("", self.trend)
            chart_label.hide()  # the chart names its KPI
            lower.addWidget(chart_frame)
            lower.setStretchFactor(0, 2)
            lower.setStretchFactor(1, 3)
        splitter.addWidget(lower)
        kpis.selection_changed.connect(self._kpi_selected)
        self._kpi_selected(kpis.current_id())
        return splitter

    def _kpi_selected(self, kpi_id: int | None) -> None:
        self.measurements.model.set_where({"kpi_id": kpi_id})  # None: no KPI chosen, nothing to show
        if self.trend is not None:
            self.trend.set_kpi(kpi_id)
