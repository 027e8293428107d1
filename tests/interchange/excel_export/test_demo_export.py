"""The demo engagement exported as a consultant would hand it over: every register complete, the heat
map adding up to the register, and every risk level coloured by a rule."""

from __future__ import annotations

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.excel_export.heat_map import CURRENT_HEADER_ROW
from caio_desktop.workspace.queries import counts, fetch_rows
from tests.interchange.excel_export.conftest import export, records


def test_demo_workbook_holds_every_register(demo_workspace, tmp_path):
    wb = export(demo_workspace, tmp_path / "demo.xlsx", lang="en")
    rows = counts(demo_workspace)
    for key, mod in MODULES.items():
        assert wb[mod.en].max_row - 1 == rows[key], key
    risks = fetch_rows(demo_workspace, "risks")
    assert len(risks) >= 10
    heat = wb["Risk heat map"]
    grid = [heat.cell(row=CURRENT_HEADER_ROW + r, column=c).value for r in range(1, 6) for c in range(2, 7)]
    rated = sum(1 for r in risks if r["likelihood"] and r["impact"])
    assert sum(grid) == rated
    levels = {r["Level"].value for r in records(wb["Risks"])}
    assert levels <= {"Low", "Medium", "High", "Critical"} and len(levels) >= 2
