"""`KpiTrendGrid`: small multiples — one compact `KpiTrend` per KPI, in as many columns as the width
allows (at most three), each with its baseline, target and latest value.

How a page uses it::

    grid = KpiTrendGrid(lang=context.lang)
    grid.follow(context)                         # refreshes after edits/undo on KPIs and measurements
    page_layout.addWidget(scrollable(grid))      # many KPIs scroll instead of shrinking
    grid.kpi_activated.connect(page.show_kpi)    # a click on a small chart

Without a context, call `refresh(workspace, lang)` or `set_data([KpiSeries(...), ...])`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QWidget

from caio_desktop.ui.charts.base import ChartLayout, ChartWidget
from caio_desktop.ui.charts.kpi import KpiSeries, KpiTrend, read_series

CELL_WIDTH = 300  # a column is added for every this many pixels of width
CELL_HEIGHT = 210
MAX_COLUMNS = 3
_GAP = 12
_MARGIN = 8


class KpiTrendGrid(ChartWidget):
    """Every KPI's trend, side by side. Signal: `kpi_activated(int id)` when one is clicked."""

    tables = KpiTrend.tables
    kpi_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en", columns: int | None = None) -> None:
        super().__init__(parent, lang=lang)
        self._series: list[KpiSeries] = []
        self._charts: list[KpiTrend] = []
        self._fixed_columns = columns
        self._placed_columns = 0

    def set_data(self, series: Iterable[KpiSeries]) -> None:
        self._series = list(series)
        while len(self._charts) < len(self._series):
            chart = KpiTrend(self, lang=self._lang, compact=True)
            chart.kpi_activated.connect(self.kpi_activated)
            chart.show()
            self._charts.append(chart)
        while len(self._charts) > len(self._series):
            chart = self._charts.pop()
            chart.hide()
            chart.deleteLater()
        for chart, one in zip(self._charts, self._series, strict=True):
            chart.set_language(self._lang)
            chart.set_data(one)
        self._place_charts()
        self._changed()

    def refresh(self, workspace: Any, lang: str) -> None:
        """Show every KPI of `workspace` with its measurements, in `lang`."""
        self._lang = lang
        self.set_data(read_series(workspace))

    def clear(self) -> None:
        self.set_data([])

    @property
    def charts(self) -> list[KpiTrend]:
        """The small charts, one per KPI, in KPI order."""
        return list(self._charts)

    def set_language(self, lang: str) -> None:
        super().set_language(lang)
        for chart in self._charts:
            chart.set_language(lang)

    def columns(self, width: int | None = None) -> int:
        """Columns used at `width` (the current width by default)."""
        if self._fixed_columns:
            return self._fixed_columns
        width = self.width() if width is None else width
        return max(1, min(MAX_COLUMNS, (width - 2 * _MARGIN + _GAP) // CELL_WIDTH, len(self._series) or 1))

    def _rows(self, columns: int) -> int:
        return math.ceil(len(self._series) / columns) if self._series else 0

    def _place_charts(self) -> None:
        columns = self.columns()
        cell_w = (self.width() - 2 * _MARGIN - (columns - 1) * _GAP) / columns
        for n, chart in enumerate(self._charts):
            row, column = divmod(n, columns)
            chart.setGeometry(QRect(round(_MARGIN + column * (cell_w + _GAP)), _MARGIN + row * (CELL_HEIGHT + _GAP),
                                    round(cell_w), CELL_HEIGHT))
        if columns != self._placed_columns:
            self._placed_columns = columns
            self.updateGeometry()  # the height needed depends on the columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self._place_charts()
        super().resizeEvent(event)

    def _empty_message(self) -> str:
        if self._series:
            return ""
        return self.located(self.fr_en("Aucun indicateur pour l'instant.\nDéfinissez des indicateurs dans « Feuille de route et "
                          "indicateurs » et saisissez leurs mesures pour suivre leur évolution ici.",
                          "No KPIs yet.\nDefine KPIs under “Roadmap & KPIs” and enter their measurements to "
                          "follow their trends here."))

    def _compute_layout(self, rect: QRectF) -> ChartLayout:
        return ChartLayout(rect)  # the small charts are child widgets with their own hotspots

    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        """Nothing under the small charts: they paint themselves."""

    def _height_for(self, columns: int) -> int:
        rows = self._rows(columns)
        return 2 * _MARGIN + rows * CELL_HEIGHT + max(rows - 1, 0) * _GAP if rows else 240

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        columns = self.columns(MAX_COLUMNS * CELL_WIDTH + 2 * _MARGIN)
        return QSize(MAX_COLUMNS * CELL_WIDTH + 2 * _MARGIN, self._height_for(columns))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(CELL_WIDTH - 40, self._height_for(self.columns()))  # rows never squeeze: scroll instead
