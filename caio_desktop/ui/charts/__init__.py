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
"""
