"""Computed scores read with fixed decimals, so a column compares at a glance ("4,00", not "4")."""

from __future__ import annotations

from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.ui.strategy.vendor_matrix import VendorMatrixModel
from caio_desktop.workspace.queries import fetch_rows


def test_weighted_scores_have_two_decimals_in_the_register_and_the_matrix(demo_context) -> None:
    options = fetch_rows(demo_context.workspace, "vendor_options")
    scored = [o for o in options if o["weighted_score"] is not None]
    assert scored
    model = RegisterModel(demo_context, "vendor_options")
    column = model.column("weighted_score")
    shown = [model.index(r, column).data() for r in range(model.rowCount())]
    assert all(text == "" or (text[-3] == "," and text[-2:].isdigit()) for text in shown), shown
    matrix = VendorMatrixModel(demo_context)
    total = matrix.columnCount() - 1
    cells = [matrix.index(r, total).data() for r in range(matrix.rowCount())]
    assert all(text == "" or text[-3] == "," for text in cells), cells
    assert sorted(c for c in cells if c) == sorted(model.index(r, column).data() for r in range(model.rowCount())
                                                   if model.index(r, column).data())


def test_an_integer_score_keeps_its_decimals_and_a_typed_number_does_not(demo_context) -> None:
    from caio_desktop.domain.modules import MODULES
    from caio_desktop.ui.registers.format import format_value

    weighted = MODULES["vendor_options"].field("weighted_score")
    baseline = MODULES["kpis"].field("baseline")
    assert format_value(weighted, 4.0, "fr") == "4,00" and format_value(weighted, 4.05, "en") == "4.05"
    assert format_value(baseline, 4.0, "fr") == "4" and format_value(baseline, 3.5, "fr") == "3,5"
