"""The heat map's cell model: counts for both modes and the few risks a tooltip names, from plain
positions or from the workspace with aggregate queries."""

from __future__ import annotations

from caio_desktop.operations import create_row
from caio_desktop.ui.charts.risk_cells import SAMPLE, RiskCells, RiskPosition, read_cells


def test_from_risks_counts_both_modes_and_keeps_a_sample() -> None:
    risks = [RiskPosition(i, f"R-{i:03d}", f"Risque {i}", 4, 4, 2 if i % 2 else None, 2) for i in range(1, 13)]
    cells = RiskCells.from_risks(risks)
    assert cells.total == 12
    assert cells.counts["current"][(4, 4)] == 12 and cells.counts["residual"][(2, 2)] == 6
    assert cells.unplaced("residual") == 6
    assert [r.id for r in cells.sample("current", (4, 4))] == list(range(1, SAMPLE + 1))
    assert cells.sample("current", (1, 1)) == []


def test_read_cells_matches_the_register_and_names_the_first_risks(workspace) -> None:
    for n in range(10):
        create_row(workspace, "risks", {"title": f"Risque {n}", "likelihood": 5, "impact": 4,
                                        "residual_likelihood": 2 if n < 3 else None, "residual_impact": 3})
    create_row(workspace, "risks", {"title": "Seul", "likelihood": 1, "impact": 1})
    cells = read_cells(workspace)
    assert cells.total == 11
    assert cells.counts["current"][(5, 4)] == 10 and cells.counts["current"][(1, 1)] == 1
    assert cells.counts["residual"][(2, 3)] == 3 and cells.unplaced("residual") == 8
    sample = cells.sample("current", (5, 4))
    assert [r.code for r in sample] == [f"R-{n:03d}" for n in range(1, SAMPLE + 1)]
    assert [r.title for r in cells.sample("residual", (2, 3))] == ["Risque 0", "Risque 1", "Risque 2"]

