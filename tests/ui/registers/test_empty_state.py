"""An empty register says so and offers the ways to fill it: Add, Import a spreadsheet…, and on the
Risks page the risk library; the rating view offers a first assessment instead of dead buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from caio_desktop.ui.registers.view import RegisterWidget
from caio_desktop.workspace.queries import fetch_rows


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def test_an_empty_register_offers_add_and_import(qtbot, context) -> None:
    widget = _shown(qtbot, RegisterWidget(context, "use_cases"))
    state = widget.empty_state
    assert state.isVisible()
    assert state.message.text().startswith("Rien dans « Cas d'usage » pour l'instant")
    assert widget.empty_add.text() == "Ajouter" and widget.empty_add.isEnabled()
    assert widget.empty_import.text() == "Importer un tableur…"
    opened = []
    widget.window().open_import_wizard = opened.append  # what the main window does
    widget.empty_import.click()
    assert opened == [None]
    widget.empty_add.click()  # the first row: the invitation goes away
    assert len(fetch_rows(context.workspace, "use_cases")) == 1
    assert not state.isVisible()
    context.undo_stack.undo()
    assert state.isVisible()


def test_a_filled_register_shows_no_invitation(qtbot, demo_context) -> None:
    widget = _shown(qtbot, RegisterWidget(demo_context, "risks"))
    assert not widget.empty_state.isVisible()


def test_the_empty_risk_register_offers_the_library(qtbot, context) -> None:
    from caio_desktop.ui.pages.risks import RisksPage

    page = _shown(qtbot, RisksPage(context))
    if not page.library_button.isVisibleTo(page):
        return
    button = page.empty_library_button
    assert button.isVisible() and button.text() == "Depuis la bibliothèque de risques…"
    asked = []
    page.add_from_library = lambda: asked.append(True)
    button.clicked.disconnect()
    button.clicked.connect(page.add_from_library)
    button.click()
    assert asked == [True]


def test_rating_starts_with_a_new_assessment(qtbot, context) -> None:
    from caio_desktop.ui.pages.diagnosis import DiagnosisPage

    page = _shown(qtbot, DiagnosisPage(context))
    view = page.rating
    assert view.no_assessment.isVisible() and view.new_assessment.isVisible()
    assert view.new_assessment.text() == "Nouvelle évaluation"
    assert not any(b.isEnabled() for b in view.current_buttons.buttons())
    if page.radar is not None:
        assert "« Nouvelle évaluation » à gauche" in page.radar._empty_message()
        assert "dans « Diagnostic »" not in page.radar._empty_message()
    view.new_assessment.click()
    assert len(fetch_rows(context.workspace, "maturity")) == 1
    assert view.assessment_id() is not None and not view.no_assessment.isVisible()
    assert all(b.isEnabled() for b in view.current_buttons.buttons())
    context.undo_stack.undo()
    assert view.no_assessment.isVisible()
