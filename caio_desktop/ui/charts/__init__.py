"""Charts of the engagement drawn with QPainter: maturity radar, risk heat map, use-case portfolio,
roadmap Gantt, stakeholder map and KPI trends (see each module's docstring for how a page uses it)."""
