"""Diagnosis: rating a dimension with its descriptors in view, one undo step, the radar follows."""

from __future__ import annotations

from caio_desktop.operations import create_row
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.ui.pages.diagnosis import DiagnosisPage
from caio_desktop.workspace.queries import fetch_rows


def test_rating_a_dimension_current_then_target(qtbot, context_empty) -> None:
    context = context_empty
    context.perform(create_row, "maturity", {"title": "Évaluation initiale", "assessed_on": "2026-02-01"})
    page = DiagnosisPage(context)
    qtbot.addWidget(page)
    view = page.rating
    dimension = load_maturity_model().dimensions[2]
    view.select_dimension(dimension.key)
    assert view.dimension_title.text() == dimension.label("fr")
    assert view.level_texts[0].text() == dimension.level_descriptor(1, "fr")
    assert not view.target_buttons.button(4).isEnabled()  # rate the current level first
    view.current_buttons.button(2).click()
    view.target_buttons.button(4).click()
    ratings = fetch_rows(context.workspace, "maturity_ratings")
    assert [(r["dimension"], r["current_level"], r["target_level"]) for r in ratings] == [
        (dimension.key, 2, 4)]
    item = view.tree.currentItem()
    assert (item.text(1), item.text(2)) == ("2", "4")
    assert "#1F4E79" in view.level_names[1].styleSheet()  # level 2 marked as current
    context.undo_stack.undo()  # both clicks on one dimension are one step
    assert fetch_rows(context.workspace, "maturity_ratings") == []
    assert view.tree.currentItem().text(1) == "–"


def test_radar_follows_the_ratings(qtbot, demo_context) -> None:
    page = DiagnosisPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    if page.radar is None:
        return
    view = page.rating
    key = view.selected_dimension()
    rating = view.ratings[key]
    new_level = 5 if rating["current_level"] != 5 else 1
    view.current_buttons.button(new_level).click()
    assert view.ratings[key]["current_level"] == new_level
