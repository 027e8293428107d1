"""The heat-map sheet: risks counted per likelihood × impact cell, coloured with the matrix levels,
before and after treatment."""

from __future__ import annotations

from collections import Counter

from caio_desktop.interchange.excel_export.heat_map import CURRENT_HEADER_ROW, RESIDUAL_HEADER_ROW
from caio_desktop.operations import create_row
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.excel_export.conftest import export


def _grid(ws, header_row: int) -> dict[tuple[int, int], object]:
    """(likelihood, impact) → cell, reading the block as a person does (likelihood 5 at the top)."""
    cells = {}
    for offset, likelihood in enumerate(range(5, 0, -1), start=1):
        for impact in range(1, 6):
            cells[(likelihood, impact)] = ws.cell(row=header_row + offset, column=1 + impact)
    return cells


def test_counts_equal_the_risks_per_cell_current_and_residual(register_workspace, tmp_path):
    for likelihood, impact in ((4, 5), (4, 5), (2, 3), (5, 1)):
        create_row(register_workspace, "risks", {"title": f"R {likelihood}{impact}", "likelihood": likelihood,
                                                 "impact": impact})
    risks = fetch_rows(register_workspace, "risks")
    current = Counter((r["likelihood"], r["impact"]) for r in risks)
    residual = Counter((r["residual_likelihood"], r["residual_impact"]) for r in risks
                       if r["residual_likelihood"] and r["residual_impact"])
    ws = export(register_workspace, tmp_path / "x.xlsx")["Carte des risques"]
    assert {k: c.value for k, c in _grid(ws, CURRENT_HEADER_ROW).items()} == {
        (lk, im): current[(lk, im)] for lk in range(1, 6) for im in range(1, 6)}
    assert {k: c.value for k, c in _grid(ws, RESIDUAL_HEADER_ROW).items()} == {
        (lk, im): residual[(lk, im)] for lk in range(1, 6) for im in range(1, 6)}
    assert ws.cell(row=RESIDUAL_HEADER_ROW + 6, column=1).value == f"Risques non évalués : {len(risks) - 2}"


def test_cells_carry_the_matrix_colours_and_axis_labels(exported_en):
    ws = exported_en["Risk heat map"]
    matrix = load_risk_matrix()
    for (likelihood, impact), cell in _grid(ws, CURRENT_HEADER_ROW).items():
        level = matrix.level(matrix.level_for(likelihood, impact))
        assert cell.fill.fgColor.rgb[-6:] == level.color.lstrip("#").upper()
    assert ws.cell(row=CURRENT_HEADER_ROW, column=2).value == "1 — Negligible"
    assert ws.cell(row=CURRENT_HEADER_ROW + 1, column=1).value == "5 — Almost certain"
    assert ws.cell(row=CURRENT_HEADER_ROW - 1, column=1).value == "Current risk level (likelihood × impact)"
