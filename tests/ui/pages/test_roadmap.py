"""Roadmap & KPIs: the measurements shown are those of the selected KPI; adding one attaches it there."""

from __future__ import annotations

import datetime as dt

from caio_desktop.operations import create_row
from caio_desktop.ui.pages.roadmap import RoadmapPage
from caio_desktop.workspace.queries import fetch_rows


def test_measurements_follow_the_selected_kpi(qtbot, context_empty) -> None:
    context = context_empty
    adoption = context.perform(create_row, "kpis", {"name": "Taux d'adoption", "unit": "%"}).row_ids[0]
    delay = context.perform(create_row, "kpis", {"name": "Délai de règlement", "unit": "jours"}).row_ids[0]
    context.perform(create_row, "kpi_measurements", {"kpi_id": adoption, "measured_on": dt.date(2026, 2, 1),
                                                     "value": 12})
    page = RoadmapPage(context)
    qtbot.addWidget(page)
    measurements = page.measurements
    assert measurements.proxy.rowCount() == 0 and not measurements.add_button.isEnabled()
    page.registers["kpis"].select_row(adoption)
    assert measurements.proxy.rowCount() == 1
    assert measurements.table.isColumnHidden(measurements.model.column("kpi_id"))
    page.registers["kpis"].select_row(delay)
    assert measurements.proxy.rowCount() == 0
    new_id = measurements.add_row()
    assert fetch_rows(context.workspace, "kpi_measurements", where={"id": new_id})[0]["kpi_id"] == delay
    assert measurements.proxy.rowCount() == 1
    context.undo_stack.undo()
    assert measurements.proxy.rowCount() == 0
