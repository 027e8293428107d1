"""The register widget as people use it: add, edit in the table and in the form, undo, redo, delete
with confirmation, search, filters, column choice remembered, refusals shown beside the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, update_row
from caio_desktop.ui.registers.view import RegisterWidget
from caio_desktop.workspace.queries import count_rows, fetch_rows, get_row


@pytest.fixture
def risks(qtbot, context) -> RegisterWidget:
    for title, likelihood, impact, status in (("Biais de tarification", 4, 5, "open"),
                                              ("Fuite de données", 3, 4, "open"),
                                              ("Dérive du modèle", 2, 2, "closed")):
        context.perform(create_row, "risks", {"title": title, "likelihood": likelihood, "impact": impact,
                                              "status": status, "owner": "Camille Durand"})
    widget = RegisterWidget(context, "risks")
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    return widget


def _titles(widget: RegisterWidget) -> list[str]:
    column = widget.model.column("title")
    return [widget.proxy.index(r, column).data() for r in range(widget.proxy.rowCount())]


def test_add_selects_a_valid_new_row_and_undo_removes_it(risks, context) -> None:
    row_id = risks.add_row()
    row = get_row(context.workspace, "risks", row_id)
    assert row["title"] == "Risque à compléter" and row["likelihood"] == 3 and row["code"] == "R-004"
    assert risks.selected_ids() == [row_id]
    assert risks.form.row_id == row_id
    assert risks.form.field_editor("title").hasFocus() or not risks.isVisible()
    context.undo_stack.undo()
    assert count_rows(context.workspace, "risks") == 3
    assert risks.proxy.rowCount() == 3
    context.undo_stack.redo()
    assert "Risque à compléter" in _titles(risks)


def test_edit_in_the_form_is_one_undo_step_and_the_table_follows(risks, context) -> None:
    first = fetch_rows(context.workspace, "risks")[0]["id"]
    risks.select_row(first)
    editor = risks.form.field_editor("title")
    editor.setText("Biais de tarification santé")
    editor.editingFinished.emit()
    assert _titles(risks)[0] == "Biais de tarification santé"
    assert context.undo_stack.undoText() == "Modifier risque R-001"
    context.undo_stack.undo()
    assert _titles(risks)[0] == "Biais de tarification"
    assert editor.text() == "Biais de tarification"
    context.undo_stack.redo()
    assert editor.text() == "Biais de tarification santé"


def test_score_slider_recomputes_the_level_shown_in_the_form(risks, context) -> None:
    risks.select_row(fetch_rows(context.workspace, "risks")[2]["id"])  # 2 × 2: low
    slider = risks.form.field_editor("impact").slider
    slider.setValue(5)
    slider.sliderReleased.emit()
    assert risks.form.computed["level"].text() == "Élevé"
    level = risks.proxy.index(2, risks.model.column("level")).data()
    assert level == "Élevé"


def test_refused_value_is_shown_beside_its_field_and_nothing_is_written(risks, context) -> None:
    risks.select_row(fetch_rows(context.workspace, "risks")[0]["id"])
    editor = risks.form.field_editor("title")
    editor.setText("   ")
    editor.editingFinished.emit()
    error = risks.form.errors["title"]
    assert not error.isHidden() and error.text() == "Obligatoire"
    assert fetch_rows(context.workspace, "risks")[0]["title"] == "Biais de tarification"
    editor.setText("Biais corrigé")
    editor.editingFinished.emit()
    assert error.isHidden()


def test_table_edit_refusal_reaches_the_form(risks) -> None:
    risks.select_row(risks.proxy.row_id(0))
    assert not risks.proxy.setData(risks.proxy.index(0, risks.model.column("title")), "")
    assert risks.form.errors["title"].text() == "Obligatoire"


def test_delete_asks_first_and_several_rows_are_one_undo_step(risks, context, monkeypatch) -> None:
    asked: list[str] = []
    answer = {"value": False}
    monkeypatch.setattr(RegisterWidget, "confirm_delete",
                        classmethod(lambda cls, parent, text: asked.append(text) or answer["value"]))
    risks.table.selectAll()
    assert not risks.delete_selected()
    assert count_rows(context.workspace, "risks") == 3
    assert asked == ["Supprimer 3 lignes ? Ctrl+Z permet d'annuler."]
    answer["value"] = True
    assert risks.delete_selected()
    assert count_rows(context.workspace, "risks") == 0 and risks.proxy.rowCount() == 0
    context.undo_stack.undo()
    assert _titles(risks) == ["Biais de tarification", "Fuite de données", "Dérive du modèle"]


def test_duplicate_copies_the_selected_row(risks, context) -> None:
    risks.select_row(risks.proxy.row_id(0))
    new_id = risks.duplicate_selected()
    assert get_row(context.workspace, "risks", new_id)["title"] == "Biais de tarification (copie)"
    assert risks.selected_ids() == [new_id]


def test_search_and_value_filters(qtbot, risks, context) -> None:
    risks.search.setText("fuite")
    qtbot.waitUntil(lambda: _titles(risks) == ["Fuite de données"])  # once typing pauses
    assert risks.count_label.text() == "1 sur 3"
    context.perform(update_row, "risks", fetch_rows(context.workspace, "risks")[2]["id"],
                    {"title": "Fuite de modèle"})  # an edit changes what the search finds
    assert _titles(risks) == ["Fuite de données", "Fuite de modèle"]
    risks.search.clear()
    risks.apply_search()
    risks.set_value_filter("status", {"closed"})
    assert _titles(risks) == ["Fuite de modèle"]
    assert not risks.filter_label.isHidden() and "Statut" in risks.filter_label.text()
    risks.clear_filters()
    assert risks.proxy.rowCount() == 3


def test_sorting_uses_raw_values(risks) -> None:
    risks.table.sortByColumn(risks.model.column("impact"), Qt.SortOrder.DescendingOrder)
    assert _titles(risks) == ["Biais de tarification", "Fuite de données", "Dérive du modèle"]
    risks.table.sortByColumn(risks.model.column("impact"), Qt.SortOrder.AscendingOrder)
    assert _titles(risks)[0] == "Dérive du modèle"


def test_column_choice_is_remembered_per_module(qtbot, risks, context) -> None:
    column = risks.model.column("likelihood")
    assert not risks.table.isColumnHidden(column)
    risks.show_column("likelihood", False)
    again = RegisterWidget(context, "risks")
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(column)
    again.show_column("likelihood", True)
    third = RegisterWidget(context, "risks")
    qtbot.addWidget(third)
    assert not third.table.isColumnHidden(column)


def test_add_refused_when_a_required_reference_is_missing(qtbot, context, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(RegisterWidget, "show_refusal", classmethod(lambda cls, parent, text: shown.append(text)))
    actions = RegisterWidget(context, "risk_actions")
    qtbot.addWidget(actions)
    assert actions.add_row() is None
    assert shown and shown[0].startswith("Risque")
    assert count_rows(context.workspace, "risk_actions") == 0


def test_sorting_a_lazily_loaded_register_orders_all_its_rows(qtbot, context) -> None:
    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded

    rows = [{"code": f"R-{i:04d}", "title": f"Risque {i:04d}", "likelihood": 1, "impact": 1, "level": "low"}
            for i in range(1, 451)]
    run_recorded(context.workspace, ChangeSet("import", "risks", "bulk"),
                 lambda rec: rec.insert_many("risks", rows))
    widget = RegisterWidget(context, "risks")
    qtbot.addWidget(widget)
    assert widget.proxy.rowCount() == 200  # the first page only
    widget.table.sortByColumn(widget.model.column("code"), Qt.SortOrder.DescendingOrder)
    assert widget.proxy.rowCount() == 450
    assert _titles(widget)[:2] == ["Risque 0450", "Risque 0449"]


def test_a_selected_row_keeps_its_level_badge(qtbot, risks) -> None:
    """Levels are drawn as pills: selecting the row shows the selection around the badge, not over it."""
    from PySide6.QtGui import QColor

    from caio_desktop.ui.registers.badges import risk_level_colors

    risks.show()
    qtbot.waitExposed(risks)
    row = _titles(risks).index("Biais de tarification")  # 4 × 5: critical
    risks.table.selectRow(row)
    level = risks.proxy.index(row, risks.model.column("level"))
    cell = risks.table.visualRect(level)
    image = risks.table.viewport().grab().toImage()
    expected = QColor(risk_level_colors()["critical"])
    badge_pixels = [image.pixelColor(cell.center().x() + dx, cell.center().y() + 1) for dx in range(-30, 31, 3)]
    assert any(abs(p.red() - expected.red()) + abs(p.green() - expected.green()) + abs(p.blue() - expected.blue())
               < 30 for p in badge_pixels), [p.name() for p in badge_pixels]
    assert image.pixelColor(cell.left() + 1, cell.top() + 1).name() != expected.name()  # the selection's corner
