"""Risks & compliance: the risk register under its heat maps (current and residual; a click on a cell
filters the register), the risk actions, and the compliance items by framework."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.ui.optional import module_exists
from caio_desktop.ui.pages.base import Page, optional_class

LIBRARY = "caio_desktop.ui.risk_library.dialog"


class RisksPage(Page):
    key = "risks"

    def title(self) -> str:
        return self.tr("Risks & compliance")

    def subtitle(self) -> str:
        # The heat-map hint only where the heat maps are: on the actions or compliance tab it misled.
        if self.heat_maps and self.tabs.currentIndex() == 0:
            return self.tr("Click a cell of a heat map to see its risks; click it again to see them all.")
        return self.tr("The client's AI risks, the actions that treat them and compliance by framework.")

    def build(self) -> None:
        register = self.add_register("risks")
        self.library_button = self.writes(QPushButton())
        self.library_button.setVisible(module_exists(LIBRARY))
        self.library_button.clicked.connect(self.add_from_library)
        register.add_action_widget(self.library_button)
        self.empty_library_button = self.writes(register.add_empty_action(QPushButton()))  # the same, when empty
        self.empty_library_button.setVisible(module_exists(LIBRARY))
        self.empty_library_button.clicked.connect(self.add_from_library)
        charts = []
        heat_map = optional_class("caio_desktop.ui.charts.heatmap", "RiskHeatMap")
        self.heat_maps = []
        if heat_map is not None:
            for mode, keys, title in (
                ("current", ("likelihood", "impact"), lambda: self.tr("Current risk")),
                ("residual", ("residual_likelihood", "residual_impact"), lambda: self.tr("Residual risk")),
            ):
                chart = heat_map(lang=self.context.lang, mode=mode)
                chart.follow(self.context)
                chart.cell_clicked.connect(lambda li, im, k=keys, c=chart: self.filter_cell(k, li, im, c))
                chart.cell_cleared.connect(lambda k=keys: self.clear_cell(k))
                charts.append((chart, title))
                self.heat_maps.append(chart)
        self.add_tab(self.with_charts(register, charts), lambda: self.module_label("risks"))
        self.add_register_tab("risk_actions")
        self.add_tab(self._compliance(), lambda: self.module_label("compliance"))
        self.tabs.currentChanged.connect(lambda _i: self.subtitle_label.setText(self.subtitle()))

    def retranslate(self, *args: object) -> None:
        super().retranslate(*args)
        if hasattr(self, "library_button"):
            self.library_button.setText(self.tr("From the risk library…"))
            self.library_button.setToolTip(self.tr("Add risks from the AI risk library (one undo step)"))
            self.empty_library_button.setText(self.library_button.text())
            self.empty_library_button.setToolTip(self.library_button.toolTip())

    def library_dialog(self):  # noqa: ANN201 - a QDialog (replaceable in tests)
        return optional_class(LIBRARY, "RiskLibraryDialog")(self.context, parent=self)

    def add_from_library(self) -> None:
        if self.writable():
            self.library_dialog().exec()

    def select_cell(self, likelihood: int, impact: int) -> None:
        """Filter the register on a cell of the current heat map, as a click on it would."""
        self.filter_cell(("likelihood", "impact"), likelihood, impact, None)

    def filter_cell(self, keys: tuple[str, str], likelihood: int, impact: int, source: QWidget) -> None:
        register = self.registers["risks"]
        for other in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
            register.set_value_filter(other, None)
        register.set_value_filter(keys[0], {likelihood})
        register.set_value_filter(keys[1], {impact})

    def clear_cell(self, keys: tuple[str, str]) -> None:
        register = self.registers["risks"]
        register.set_value_filter(keys[0], None)
        register.set_value_filter(keys[1], None)

    def _compliance(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        self.framework_label = self.translated(QLabel(), lambda: self.tr("Framework:"))
        self.framework = QComboBox()
        self.framework.currentIndexChanged.connect(self._framework_chosen)
        row.addWidget(self.framework_label)
        row.addWidget(self.framework)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.add_register("compliance"), 1)
        self.context.language_changed.connect(self._fill_frameworks)
        self._fill_frameworks()
        return holder

    def _fill_frameworks(self, *_: object) -> None:
        current = self.framework.currentData()
        self.framework.blockSignals(True)
        self.framework.clear()
        self.framework.addItem(self.tr("All frameworks"), None)
        for choice in ENUMERATIONS["framework"].choices:
            self.framework.addItem(choice.label(self.context.lang), choice.code)
        self.framework.setCurrentIndex(max(0, self.framework.findData(current)))
        self.framework.blockSignals(False)

    def _framework_chosen(self, _index: int) -> None:
        code = self.framework.currentData()
        self.registers["compliance"].set_value_filter("framework", {code} if code else None)
