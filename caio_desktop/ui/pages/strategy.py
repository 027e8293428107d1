"""Strategy & use cases: the use-case portfolio (criteria sliders in the form, computed quadrant, the
value × feasibility matrix), objectives, the AI charter and the vendor / tool selection matrix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from caio_desktop.ui.pages.base import BELOW_REGISTER, Page, card, optional_class
from caio_desktop.ui.strategy.vendor_matrix import VendorMatrixView


class StrategyPage(Page):
    key = "strategy"

    def title(self) -> str:
        return self.tr("Strategy & use cases")

    def subtitle(self) -> str:
        return self.tr("Objectives, charter and the portfolio of use cases, scored on value and feasibility.")

    def build(self) -> None:
        charts = []
        matrix = optional_class("caio_desktop.ui.charts.portfolio", "PortfolioMatrix")
        if matrix is not None:
            self.portfolio = matrix(lang=self.context.lang)
            self.portfolio.beside_register = BELOW_REGISTER
            self.portfolio.follow(self.context)
            self.portfolio.use_case_activated.connect(lambda row_id: self.show_row("use_cases", row_id))
            charts.append((self.portfolio, lambda: self.tr("Value × feasibility")))
        use_cases = self.add_register_tab("use_cases", charts=charts)
        header = use_cases.table.horizontalHeader()  # the computed quadrant next to the title
        header.moveSection(header.visualIndex(use_cases.model.column("quadrant")), 1)
        self.add_register_tab("objectives")
        self.add_register_tab("principles")
        self.add_tab(self._vendors(), lambda: self.tr("Vendor selection"))

    def _vendors(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.vendor_matrix = VendorMatrixView(self.context)
        frame, label = card("", self.vendor_matrix)
        self.translated(label, lambda: self.tr("Selection matrix: score each option 1–5 on each criterion"))
        splitter.addWidget(frame)
        lower = QSplitter(Qt.Orientation.Horizontal)
        for key in ("vendor_options", "vendor_criteria"):
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            register = self.add_register(key, show_form=False)
            title_frame, title = card("", register)
            self.translated(title, lambda k=key: self.module_label(k))
            layout.addWidget(title_frame)
            lower.addWidget(holder)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        return splitter
