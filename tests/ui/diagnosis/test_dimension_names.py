"""Maturity ratings read by dimension name, not by the model's key; the Diagnosis tabs say what they are."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.ui.registers.delegate import RegisterDelegate
from caio_desktop.ui.registers.editors import DimensionEditor
from caio_desktop.ui.registers.form import DetailForm
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.workspace.queries import get_row


def _rated(context) -> tuple[int, str]:
    assessment = context.perform(create_row, "maturity", {"title": "Initiale", "assessed_on": "2026-02-01"})
    key = load_maturity_model().dimensions[0].key
    rating = context.perform(rate_dimension, assessment.row_ids[0], key, current_level=2).row_ids[0]
    return rating, key


def test_the_ratings_table_and_form_show_the_dimension_name(qtbot, context) -> None:
    rating, key = _rated(context)
    name = load_maturity_model().dimension(key).label("fr")
    assert name != key
    model = RegisterModel(context, "maturity_ratings")
    column = [f.key for f in model.fields].index("dimension")
    assert model.data(model.index(0, column)) == name
    assert model.data(model.index(0, column), Qt.ItemDataRole.EditRole) == key  # stored as the key
    assert name.casefold() in model.search_text(0)
    form = DetailForm(context, "maturity_ratings")
    qtbot.addWidget(form)
    form.set_row(rating)
    assert form.heading.text() == f"Note — {name}"
    assert key not in form.heading.text()


def test_the_dimension_is_picked_by_name_and_stored_by_key(qtbot, context) -> None:
    rating, key = _rated(context)
    form = DetailForm(context, "maturity_ratings")
    qtbot.addWidget(form)
    form.set_row(rating)
    picker = form.field_editor("dimension")
    assert isinstance(picker, DimensionEditor)
    names = [picker.itemText(i) for i in range(picker.count())]
    assert names == [d.label("fr") for d in load_maturity_model().dimensions]
    other = load_maturity_model().dimensions[3]
    picker.setCurrentIndex(picker.findData(other.key))
    picker.activated.emit(picker.currentIndex())
    assert get_row(context.workspace, "maturity_ratings", rating)["dimension"] == other.key
    assert form.heading.text() == f"Note — {other.label('fr')}"


def test_a_dimension_of_the_clients_own_stays_as_it_is(qtbot, context) -> None:
    picker = DimensionEditor("en")
    qtbot.addWidget(picker)
    picker.set_value("Client-specific axis")
    assert picker.currentText() == "Client-specific axis"
    assert picker.value() == "Client-specific axis"


def test_the_table_cell_edits_the_dimension_with_the_picker(qtbot, context) -> None:
    _rated(context)
    model = RegisterModel(context, "maturity_ratings")
    column = [f.key for f in model.fields].index("dimension")
    delegate = RegisterDelegate()
    editor = delegate.createEditor(None, None, model.index(0, column))
    qtbot.addWidget(editor)
    assert isinstance(editor, DimensionEditor)


def test_the_diagnosis_tabs_have_distinct_names(qtbot, context_empty) -> None:
    from caio_desktop.ui.pages.diagnosis import DiagnosisPage

    page = DiagnosisPage(context_empty)
    qtbot.addWidget(page)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs[:3] == ["Noter par dimension", "Évaluations de maturité", "Notes de maturité"]
    assert len(set(tabs)) == len(tabs)


def test_the_tree_shows_whole_names_and_pillar_averages_in_french(qtbot, demo_context) -> None:
    from PySide6.QtWidgets import QApplication

    from caio_desktop.ui.pages.diagnosis import DiagnosisPage

    page = DiagnosisPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1440, 900)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    tree = page.rating.tree
    metrics = tree.fontMetrics()
    for i in range(tree.topLevelItemCount()):
        pillar = tree.topLevelItem(i)
        if pillar.text(1):
            assert "," in pillar.text(1) and "." not in pillar.text(1)  # "1,8", the French separator
        for j in range(pillar.childCount()):
            item = pillar.child(j)
            # a dimension sits one indentation in, after the branch of its pillar
            assert metrics.horizontalAdvance(item.text(0)) + 2 * tree.indentation() <= tree.columnWidth(0), \
                item.text(0)


def test_the_diagnosis_page_fits_a_1440_window_and_names_have_tooltips(qtbot, demo_workspace) -> None:
    from caio_desktop.ui.context import AppContext
    from caio_desktop.ui.shell.window import MainWindow

    window = MainWindow(AppContext(lang="fr"))
    qtbot.addWidget(window)
    window.context.set_workspace(demo_workspace)
    try:
        page = window.show_page("diagnosis")
        window.resize(1440, 900)
        window.show()
        qtbot.waitExposed(window)
        assert window.minimumSizeHint().width() <= 1440  # a wide tree must not widen the window
        tree = page.rating.tree
        child = tree.topLevelItem(0).child(0)
        assert child.toolTip(0) == child.text(0)
    finally:
        window.context.set_workspace(None)


def test_the_level_headers_of_the_tree_are_whole_in_english(qtbot, demo_context) -> None:
    from PySide6.QtGui import QFontMetrics

    from caio_desktop.ui.diagnosis.rating_view import MaturityRatingView

    demo_context.set_language("en")
    view = MaturityRatingView(demo_context)
    qtbot.addWidget(view)
    font = view.tree.header().font()
    font.setBold(True)
    for column in (1, 2):
        text = view.tree.headerItem().text(column)
        assert view.tree.columnWidth(column) >= QFontMetrics(font).horizontalAdvance(text) + 12, text
