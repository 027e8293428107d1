"""The risk heat map: counts per cell, matrix colours, clickable cells, residual mode, live refresh."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.ui.charts.heatmap import RiskHeatMap, RiskPosition
from caio_desktop.ui.context import AppContext
from tests.ui.charts.conftest import pixel, sql

RISKS = [
    RiskPosition(1, "R-001", "Biais du modèle de tarification", 5, 5, 3, 2),
    RiskPosition(2, "R-002", "Fuite de données via les prompts", 5, 5, 2, 2),
    RiskPosition(3, "R-003", "Hallucinations dans les réponses clients", 4, 3, None, None),
    RiskPosition(4, "R-004", "Dépendance à un fournisseur unique", 1, 2, 1, 1),
]


def test_counts_per_cell_equal_the_risks_given(qtbot) -> None:
    chart = RiskHeatMap(lang="fr")
    qtbot.addWidget(chart)
    chart.set_data(RISKS)
    counts = chart.counts()
    assert counts[(5, 5)] == 2 and counts[(4, 3)] == 1 and counts[(1, 2)] == 1
    assert sum(counts.values()) == 4 and len(counts) == 25
    assert [r.code for r in chart.risks_in(5, 5)] == ["R-001", "R-002"]
    assert chart.message == ""


def test_residual_mode_moves_risks_and_notes_the_unrated(qtbot) -> None:
    chart = RiskHeatMap(lang="en")
    qtbot.addWidget(chart)
    chart.set_data(RISKS)
    chart.set_mode("residual")
    counts = chart.counts()
    assert counts[(5, 5)] == 0 and counts[(3, 2)] == 1 and counts[(2, 2)] == 1 and counts[(1, 1)] == 1
    assert chart.footnote() == "1 risk without a residual rating is not shown"
    assert "3 risks" in chart.caption()


def test_cell_colours_follow_the_risk_matrix(show) -> None:
    matrix = load_risk_matrix()
    chart = show(RiskHeatMap(lang="fr"))
    chart.set_data(RISKS)
    critical = matrix.level("critical").color
    assert chart.cell_color(5, 5).name().upper() == critical.upper()
    assert chart.cell_color(1, 1).name().upper() == matrix.level("low").color.upper()
    cell = chart.chart_layout().cells[(5, 5)]
    # Away from the count text, an occupied cell is painted in the level colour itself ...
    assert pixel(chart, cell.topLeft() + QPointF(8, 8)).name().upper() == critical.upper()
    # ... and an empty cell of the same level only in a pale tint of it.
    empty = chart.chart_layout().cells[(5, 4)]
    assert chart.counts()[(5, 4)] == 0
    assert pixel(chart, empty.topLeft() + QPointF(8, 8)).lightness() > 200


def test_clicking_a_cell_selects_it_and_clicking_again_clears(qtbot, show) -> None:
    chart = show(RiskHeatMap(lang="en"))
    chart.set_data(RISKS)
    centre = chart.chart_layout().cells[(4, 3)].center().toPoint()
    with qtbot.waitSignal(chart.cell_clicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
    assert clicked.args == [4, 3]
    assert chart.selected_cell == (4, 3)
    with qtbot.waitSignal(chart.cell_cleared):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
    assert chart.selected_cell is None


def test_cells_are_laid_out_likelihood_up_impact_right(qtbot) -> None:
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    chart.resize(700, 480)
    chart.set_data(RISKS)
    cells = chart.chart_layout().cells
    assert cells[(5, 1)].center().y() < cells[(1, 1)].center().y()
    assert cells[(1, 5)].center().x() > cells[(1, 1)].center().x()
    assert chart.hotspot_at(cells[(2, 4)].center()).key == (2, 4)


def test_tooltip_names_the_cell_and_its_risks_in_the_language(qtbot) -> None:
    chart = RiskHeatMap(lang="fr")
    qtbot.addWidget(chart)
    chart.resize(700, 480)
    chart.set_data(RISKS)
    tip = chart.tooltip_at(chart.chart_layout().cells[(5, 5)].center())
    assert "Quasi certain (5)" in tip and "Sévère (5)" in tip and "Critique" in tip
    assert "R-001 Biais du modèle de tarification" in tip
    chart.set_language("en")
    assert "Almost certain (5)" in chart.tooltip_at(chart.chart_layout().cells[(5, 5)].center())


def test_empty_register_explains_instead_of_an_empty_grid(qtbot) -> None:
    chart = RiskHeatMap(lang="en")
    qtbot.addWidget(chart)
    assert "No risks in the register yet" in chart.message
    assert chart.hotspot_at(QPointF(200, 200)) is None
    chart.set_data([RiskPosition(1, "R-001", "x", 2, 2)])
    chart.set_mode("residual")
    assert "residual" in chart.message


def test_refresh_reads_the_workspace_and_follows_edit_and_undo(qtbot, workspace) -> None:
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    first = create_row(workspace, "risks", {"title": "Biais", "likelihood": 4, "impact": 5})
    create_row(workspace, "risks", {"title": "Dérive", "likelihood": 4, "impact": 5})
    chart.refresh(workspace, "fr")
    assert chart.counts()[(4, 5)] == 2 and chart.lang == "fr"
    edit = update_row(workspace, "risks", first.row_ids[0], {"likelihood": 2})
    chart.refresh(workspace, "fr")
    assert chart.counts()[(4, 5)] == 1 and chart.counts()[(2, 5)] == 1
    undo(workspace, edit)
    chart.refresh(workspace, "fr")
    assert chart.counts()[(4, 5)] == 2 and chart.counts()[(2, 5)] == 0


def test_follow_refreshes_after_an_edit_and_its_undo(qtbot, show, workspace) -> None:
    context = AppContext(lang="en")
    context.set_workspace(workspace)
    chart = show(RiskHeatMap())
    chart.follow(context)
    assert chart.message  # empty register
    context.perform(create_row, "risks", {"title": "Prompt injection", "likelihood": 3, "impact": 4})
    assert chart.counts()[(3, 4)] == 1
    context.undo_stack.undo()
    assert chart.counts()[(3, 4)] == 0
    context.set_language("fr")
    assert chart.lang == "fr" and "Aucun risque" in chart.message


def test_refresh_on_the_demo_engagement_counts_every_risk(qtbot, demo_workspace) -> None:
    chart = RiskHeatMap()
    qtbot.addWidget(chart)
    chart.refresh(demo_workspace, "fr")
    expected = {(lk, im): n for lk, im, n in sql(
        demo_workspace, "select likelihood, impact, count(*) from risks group by likelihood, impact")}
    assert {cell: n for cell, n in chart.counts().items() if n} == expected
    chart.set_mode("residual")
    (rated,), = sql(demo_workspace, "select count(*) from risks where residual_likelihood is not null "
                                    "and residual_impact is not null")
    assert sum(chart.counts().values()) == rated > 0


def test_tooltip_of_a_crowded_cell_says_how_many_more(qtbot, workspace) -> None:
    chart = RiskHeatMap(lang="en")
    qtbot.addWidget(chart)
    chart.resize(700, 480)
    for n in range(11):
        create_row(workspace, "risks", {"title": f"Risk {n}", "likelihood": 4, "impact": 4})
    chart.refresh(workspace, "en")
    tip = chart.tooltip_at(chart.chart_layout().cells[(4, 4)].center())
    assert "R-001 Risk 0" in tip and "R-008 Risk 7" in tip and "R-009" not in tip
    assert tip.endswith("… and 3 more")
