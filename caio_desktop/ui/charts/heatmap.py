"""`RiskHeatMap`: the 5×5 risk matrix (likelihood rows × impact columns) with the number of risks in
each cell, before treatment (current) or after (residual).

Cell colours are the levels of the engagement's risk matrix (`risk_matrix.yaml`): occupied cells in the
level's full colour, empty ones in a pale tint of it, so the eye goes to where the risks are.

How a page uses it::

    heat_map = RiskHeatMap(lang=context.lang)
    heat_map.follow(context)                      # refreshes after edits/undo on "risks", on file switch
    heat_map.cell_clicked.connect(lambda likelihood, impact: register.filter_cell(
        likelihood, impact, residual=heat_map.mode == "residual"))
    heat_map.cell_cleared.connect(register.clear_cell_filter)
    residual_toggle.toggled.connect(lambda on: heat_map.set_mode("residual" if on else "current"))

Clicking a cell selects it (outlined) and emits `cell_clicked(likelihood, impact)`; clicking it again
clears the selection and emits `cell_cleared()`. Without a context, call `refresh(workspace, lang)` or
`set_data([RiskPosition(...), ...])`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from caio_desktop.domain.modules import MODULES
from caio_desktop.reference.risk_matrix import SCALE, RiskMatrix, load_risk_matrix
from caio_desktop.ui.charts import theme
from caio_desktop.ui.charts.base import ChartLayout, ChartWidget, Hotspot
from caio_desktop.ui.charts.legend import LegendItem, draw_legend, legend_height
from caio_desktop.ui.charts.risk_cells import (
    CURRENT,
    MODES,
    RESIDUAL,
    SAMPLE,
    RiskCells,
    RiskPosition,
    SharedCells,
    read_cells,
)

__all__ = ["CURRENT", "RESIDUAL", "RiskHeatMap", "RiskPosition"]

@dataclass
class HeatMapLayout(ChartLayout):
    cells: dict[tuple[int, int], QRectF] = field(default_factory=dict)
    caption: QRectF = field(default_factory=QRectF)
    row_labels: dict[int, QRectF] = field(default_factory=dict)
    column_labels: dict[int, QRectF] = field(default_factory=dict)
    y_title: QRectF = field(default_factory=QRectF)
    x_title: QRectF = field(default_factory=QRectF)
    legend: QRectF = field(default_factory=QRectF)
    legend_items: list[LegendItem] = field(default_factory=list)
    footnote: QRectF = field(default_factory=QRectF)


class RiskHeatMap(ChartWidget):
    """Risks counted per likelihood × impact cell of the risk matrix; cells are clickable filters.

    Signals: `cell_clicked(int likelihood, int impact)`, `cell_cleared()`.
    """

    tables = frozenset({"risks"})
    cell_clicked = Signal(int, int)
    cell_cleared = Signal()

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en", mode: str = CURRENT,
                 matrix: RiskMatrix | None = None) -> None:
        super().__init__(parent, lang=lang)
        self._matrix = matrix or load_risk_matrix()
        self._cells = RiskCells()
        self._shared: SharedCells | None = None
        self._mode = self._check_mode(mode)
        self._selected: tuple[int, int] | None = None

    # --- data --------------------------------------------------------------------------------------
    def set_data(self, risks: Iterable[RiskPosition]) -> None:
        """Show `risks` (each placed in both modes)."""
        self.set_cells(RiskCells.from_risks(risks))

    def set_cells(self, cells: RiskCells) -> None:
        """Show counts already aggregated (what `refresh` reads)."""
        self._cells = cells
        self._changed()

    def refresh(self, workspace: Any, lang: str) -> None:
        """Count the risks of `workspace` per cell (aggregate queries, whatever the register's size) and
        show them in `lang`."""
        self._lang = lang
        self.set_cells(self._shared.cells(workspace) if self._shared else read_cells(workspace))

    def follow(self, context: Any) -> None:
        """As `ChartWidget.follow`; heat maps following one context share each read of the register."""
        self._shared = SharedCells.for_context(context)  # connected first: drops its cache before we refresh
        super().follow(context)

    def clear(self) -> None:
        self.set_data([])

    @property
    def matrix(self) -> RiskMatrix:
        return self._matrix

    @property
    def mode(self) -> str:
        """"current" (likelihood × impact) or "residual" (after treatment)."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Show current or residual positions; a selected cell is cleared (it meant the other mode)."""
        mode = self._check_mode(mode)
        if mode == self._mode:
            return
        self._mode = mode
        if self._selected is not None:
            self._selected = None
            self.cell_cleared.emit()
        self._changed()

    @staticmethod
    def _check_mode(mode: str) -> str:
        if mode not in MODES:
            raise ValueError(f"heat map mode must be one of {MODES}, got {mode!r}")
        return mode

    def risks_in(self, likelihood: int, impact: int) -> list[RiskPosition]:
        """The first risks of one cell in the current mode, by id (at most `SAMPLE`: the tooltip's)."""
        return list(self._cells.sample(self._mode, (likelihood, impact)))

    def counts(self) -> dict[tuple[int, int], int]:
        """Number of risks per (likelihood, impact) cell in the current mode (every cell present)."""
        return dict(self._cells.counts[self._mode])

    def cell_color(self, likelihood: int, impact: int) -> QColor:
        """The matrix level colour of a cell (drawn in full when the cell holds risks)."""
        return QColor(self._matrix.level(self._matrix.level_for(likelihood, impact)).color)

    def unrated(self) -> int:
        """Risks not placed in the current mode (no residual rating yet)."""
        return self._cells.unplaced(self._mode)

    # --- selection ---------------------------------------------------------------------------------
    @property
    def selected_cell(self) -> tuple[int, int] | None:
        return self._selected

    def clear_selection(self, *, notify: bool = True) -> None:
        """Forget the selected cell; `cell_cleared` is emitted when one was selected and `notify` (pass
        False when another chart's click has replaced the filter this one set)."""
        if self._selected is not None:
            self._selected = None
            if notify:
                self.cell_cleared.emit()
            self.update()

    def _clicked(self, key: Hashable | None) -> None:
        if not isinstance(key, tuple):
            return
        if key == self._selected:
            self.clear_selection()
            return
        self._selected = key
        self.update()
        self.cell_clicked.emit(*key)

    # --- texts -------------------------------------------------------------------------------------
    def _empty_message(self) -> str:
        if not self._cells.total:
            return self.fr_en(
                "Aucun risque dans le registre pour l'instant.\n"
                "Ajoutez des risques au registre (ou depuis la bibliothèque de risques) pour les voir ici, "
                "case par case.",
                "No risks in the register yet.\n"
                "Add risks to the register (or from the risk library) to see them here, cell by cell.",
            )
        if self._mode == RESIDUAL and self.unrated() == self._cells.total:
            return self.fr_en(
                "Aucun risque n'a encore de probabilité et d'impact résiduels.\n"
                "Renseignez-les après traitement pour voir la carte résiduelle.",
                "No risk has a residual likelihood and impact yet.\n"
                "Rate them after treatment to see the residual heat map.",
            )
        return ""

    def footnote(self) -> str:
        missing = self.unrated()
        if not missing:
            return ""
        return self.counted(missing, ("{n} risque sans évaluation résiduelle, non représenté",
                                      "{n} risques sans évaluation résiduelle, non représentés"),
                            ("{n} risk without a residual rating is not shown",
                             "{n} risks without a residual rating are not shown"))

    def caption(self) -> str:
        count = self.counted(self._cells.total - self.unrated(), ("{n} risque", "{n} risques"),
                             ("{n} risk", "{n} risks"))
        if self._mode == CURRENT:
            return self.fr_en(f"Risque brut (avant traitement) · {count}", f"Current risk (before treatment) · {count}")
        return self.fr_en(f"Risque résiduel (après traitement) · {count}", f"Residual risk (after treatment) · {count}")

    def _cell_tooltip(self, likelihood: int, impact: int) -> str:
        lang, m = self._lang, self._matrix
        level = m.level(m.level_for(likelihood, impact)).label(lang)
        fields = MODULES["risks"]
        lines = [
            self.pair(fields.field("likelihood").label(lang), f"{m.likelihood_label(likelihood, lang)} ({likelihood})"),
            self.pair(fields.field("impact").label(lang), f"{m.impact_label(impact, lang)} ({impact})"),
            self.pair(fields.field("level").label(lang), level),
        ]
        risks = self.risks_in(likelihood, impact)
        if not risks:
            lines.append(self.fr_en("Aucun risque", "No risk"))
        else:
            lines.append("")
            lines += [f"{r.code} {r.title}".strip() for r in risks[:SAMPLE]]
            total = self.counts()[(likelihood, impact)]
            if total > SAMPLE:
                more = total - SAMPLE
                lines.append(self.counted(more, ("… et {n} autre", "… et {n} autres"), ("… and {n} more",) * 2))
        return "\n".join(lines)

    # --- layout ------------------------------------------------------------------------------------
    def _compute_layout(self, rect: QRectF) -> HeatMapLayout:
        layout = HeatMapLayout(rect)
        lang, m = self._lang, self._matrix
        label_font = QFontMetricsF(theme.font(12))
        margin = 14.0
        inner = rect.adjusted(margin, margin, -margin, -margin)
        layout.caption = QRectF(inner.left(), inner.top(), inner.width(), 22)
        layout.legend_items = [LegendItem(level.label(lang), QColor(level.color)) for level in m.levels]
        legend_h = legend_height(layout.legend_items, inner.width())
        foot_h = 18.0 if self.footnote() else 0.0
        layout.footnote = QRectF(inner.left(), inner.bottom() - foot_h, inner.width(), foot_h)
        layout.legend = QRectF(inner.left(), layout.footnote.top() - legend_h - 4, inner.width(), legend_h)

        row_label_w = max(label_font.horizontalAdvance(m.likelihood_label(n, lang)) for n in SCALE) + 10
        title_w = 22.0
        top = layout.caption.bottom() + 8
        bottom = layout.legend.top() - 14 - 42  # column labels and the x title
        left = inner.left() + title_w + row_label_w
        width = inner.right() - left
        height = max(bottom - top, 50.0)
        cell_h = height / 5
        cell_w = min(width / 5, max(cell_h * 2.4, 56.0))
        grid_w = cell_w * 5
        left += (width - grid_w) / 2  # centre the grid, labels follow it
        gap = 3.0
        for likelihood in SCALE:
            y = top + (5 - likelihood) * cell_h
            layout.row_labels[likelihood] = QRectF(left - row_label_w - 4, y, row_label_w, cell_h)
            for impact in SCALE:
                x = left + (impact - 1) * cell_w
                cell = QRectF(x + gap / 2, y + gap / 2, cell_w - gap, cell_h - gap)
                layout.cells[(likelihood, impact)] = cell
                layout.hotspots.append(Hotspot(cell, (likelihood, impact),
                                               partial(self._cell_tooltip, likelihood, impact)))
        grid_bottom = top + 5 * cell_h
        for impact in SCALE:
            layout.column_labels[impact] = QRectF(left + (impact - 1) * cell_w, grid_bottom + 4, cell_w, 20)
        layout.x_title = QRectF(left, grid_bottom + 24, grid_w, 18)
        layout.y_title = QRectF(left - row_label_w - 4 - title_w, top, title_w, 5 * cell_h)
        return layout

    # --- painting ----------------------------------------------------------------------------------
    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        assert isinstance(layout, HeatMapLayout)
        lang, m = self._lang, self._matrix
        self._paint_caption(painter, layout.caption)

        counts = self.counts()
        count_font = theme.font(max(14, min(28, int(layout.cells[(1, 1)].height() * 0.38))), bold=True)
        for (likelihood, impact), cell in layout.cells.items():
            color = self.cell_color(likelihood, impact)
            count = counts[(likelihood, impact)]
            fill = color if count else theme.tint(color, 0.80)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(cell, 4, 4)
            if count:
                painter.setFont(count_font)
                painter.setPen(theme.readable_on(fill))
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(count))
            key = (likelihood, impact)
            if key == self._selected or key == self.hovered:
                selected = key == self._selected
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(theme.HIGHLIGHT if selected else theme.shade(color, 0.35),
                                    3.0 if selected else 1.5))
                painter.drawRoundedRect(cell.adjusted(-1, -1, 1, 1) if selected else cell, 5, 5)

        painter.setFont(theme.font(12))
        painter.setPen(theme.TEXT)
        for likelihood, rect in layout.row_labels.items():
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             m.likelihood_label(likelihood, lang))
        for impact, rect in layout.column_labels.items():
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             m.impact_label(impact, lang))
        risks = MODULES["risks"]
        painter.setFont(theme.font(12, bold=True))
        painter.setPen(theme.MUTED)
        painter.drawText(layout.x_title, Qt.AlignmentFlag.AlignCenter, f"{risks.field('impact').label(lang)} →")
        painter.save()
        centre = layout.y_title.center()
        painter.translate(centre)
        painter.rotate(-90)
        title_rect = QRectF(-layout.y_title.height() / 2, -layout.y_title.width() / 2,
                            layout.y_title.height(), layout.y_title.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, f"{risks.field('likelihood').label(lang)} →")
        painter.restore()
        draw_legend(painter, layout.legend_items, layout.legend)
        self._paint_footnote(painter, layout.footnote)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(620, 460)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(400, 270)
