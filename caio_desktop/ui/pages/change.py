"""Change: stakeholders (on their influence × interest map when available), trainings with planned
and actual attendance, and communications."""

from __future__ import annotations

from caio_desktop.ui.pages.base import BELOW_REGISTER, Page, optional_class


class ChangePage(Page):
    key = "change"

    def title(self) -> str:
        return self.tr("Change")

    def subtitle(self) -> str:
        return self.tr("Who must be on board, how they are trained and what they are told.")

    def build(self) -> None:
        charts = []
        stakeholder_map = optional_class("caio_desktop.ui.charts.stakeholders", "StakeholderMap")
        if stakeholder_map is not None:
            chart = stakeholder_map(lang=self.context.lang)
            chart.beside_register = BELOW_REGISTER
            self.stakeholder_map = chart
            chart.follow(self.context)
            chart.stakeholder_activated.connect(lambda row_id: self.show_row("stakeholders", row_id))
            charts.append((chart, lambda: self.tr("Influence × interest")))
        self.add_register_tab("stakeholders", charts=charts)
        self.add_register_tab("trainings")
        self.add_register_tab("communications")
