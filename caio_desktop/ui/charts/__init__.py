"""Charts of the engagement drawn with QPainter (QtCharts is not part of PySide6-Essentials):

    radar.MaturityRadar      current vs target per dimension / pillar   by_pillar_changed, dimension_activated
    heatmap.RiskHeatMap      5×5 risks per cell, current or residual    cell_clicked(l, i), cell_cleared
    portfolio.PortfolioMatrix use cases by value × feasibility          use_case_activated(id)
    gantt.RoadmapGantt       initiatives by phase, milestones, today    initiative_activated, milestone_activated
    stakeholders.StakeholderMap influence × interest, by attitude       stakeholder_activated(id)
    kpi.KpiTrend / kpi_grid.KpiTrendGrid  a KPI's trend / every KPI     kpi_activated(id)

Every chart (base.ChartWidget) has `set_data(...)` over plain dataclasses, `refresh(workspace, lang)`,
`follow(app_context)` (live refresh after edits, undo/redo, file switch and language switch; hidden
charts refresh when shown), `set_language`, `set_highlighted(key)`, `message` (the empty-state text,
"" when it draws), `caption()`, `footnote()`, `tooltip_at(point)` and `chart_layout()` (the geometry
of every mark, for tests). `base.scrollable(chart)` wraps a tall chart (Gantt, KPI grid) in a scroll
area; `export.render_to_png(widget, path, size)` draws any of them into a PNG, shown or not. See each
module's docstring for how a page wires it.

PySide6 6.12.0 also drops a reference to `None` on every call of a method returning void (`update()`,
`QPainter.drawLine()`, `QPainterPath.lineTo()`, …), not only to `True` on `emit()` (see
`caio_desktop.ui`); painting makes thousands of such calls, so on Python 3.11 `None` would be freed
and the process would abort ("none_dealloc"). Pinned here like `True` is in `caio_desktop.ui`, until
that pin covers `None` too. Harmless once the bug is fixed.
"""

import sys


def _pin_none() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_pin_none()
