"""Strategy: the vendor selection matrix (scores become rows, weighted totals follow) and the
portfolio matrix that opens a use case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.ui.pages.strategy import StrategyPage
from caio_desktop.ui.strategy.vendor_matrix import VendorMatrixModel
from caio_desktop.workspace.queries import count_rows, fetch_rows


def test_vendor_matrix_model_passes_the_model_tester(qtmodeltester, demo_context) -> None:
    qtmodeltester.check(VendorMatrixModel(demo_context))


def test_scoring_a_cell_creates_the_score_and_updates_the_total(qtbot, context_empty) -> None:
    context = context_empty
    option = context.perform(create_row, "vendor_options", {"name": "Mistral AI"}).row_ids[0]
    context.perform(create_row, "vendor_criteria", {"name": "Sécurité", "weight": 3})
    context.perform(create_row, "vendor_criteria", {"name": "Coût", "weight": 1})
    model = VendorMatrixModel(context)
    assert (model.rowCount(), model.columnCount()) == (1, 3)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Sécurité\n×3"
    assert model.setData(model.index(0, 0), 5)
    assert model.setData(model.index(0, 1), 2)
    assert count_rows(context.workspace, "vendor_scores") == 2
    total = model.index(0, 2).data(Qt.ItemDataRole.EditRole)
    assert total == fetch_rows(context.workspace, "vendor_options", where={"id": option})[0]["weighted_score"]
    assert total is not None
    assert model.index(0, 0).data() == "5"
    context.undo_stack.undo()
    assert model.index(0, 1).data() == ""
    assert model.setData(model.index(0, 0), 0)  # clearing a cell deletes its score
    assert count_rows(context.workspace, "vendor_scores") == 0


def test_a_bubble_click_opens_the_use_case(qtbot, demo_context) -> None:
    page = StrategyPage(demo_context)
    qtbot.addWidget(page)
    use_case = fetch_rows(demo_context.workspace, "use_cases")[3]
    page.portfolio.use_case_activated.emit(use_case["id"])
    assert page.registers["use_cases"].selected_ids() == [use_case["id"]]
    assert page.registers["use_cases"].form.row_id == use_case["id"]
