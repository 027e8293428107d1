"""The detail form: every kind of editor writes the value people see, as one undo step each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from caio_desktop.operations import create_row
from caio_desktop.ui.registers.editors import ColorEditor
from caio_desktop.ui.registers.form import DetailForm
from caio_desktop.workspace.queries import fetch_rows, get_row


def _form(qtbot, context, module_key: str, row_id: int) -> DetailForm:
    form = DetailForm(context, module_key)
    qtbot.addWidget(form)
    form.set_row(row_id)
    return form


def test_date_choice_and_number_editors(qtbot, context) -> None:
    row_id = context.perform(create_row, "trainings", {"title": "Sensibilisation IA"}).row_ids[0]
    form = _form(qtbot, context, "trainings", row_id)
    held_on = form.field_editor("held_on")
    held_on.edit.setDate(held_on.edit.date().fromString("2026-03-16", "yyyy-MM-dd"))
    held_on.edit.editingFinished.emit()
    assert get_row(context.workspace, "trainings", row_id)["held_on"] == dt.date(2026, 3, 16)
    held_on.clear_button.click()  # "no date"
    assert get_row(context.workspace, "trainings", row_id)["held_on"] is None
    fmt = form.field_editor("format")
    fmt.setCurrentIndex(fmt.findData("workshop"))
    fmt.activated.emit(fmt.currentIndex())
    assert get_row(context.workspace, "trainings", row_id)["format"] == "workshop"
    duration = form.field_editor("duration_hours")
    duration.setText("3,5")  # the French decimal comma
    duration.editingFinished.emit()
    assert get_row(context.workspace, "trainings", row_id)["duration_hours"] == 3.5
    assert context.undo_stack.count() == 4  # the add, the date (two edits of one cell merge), format, duration
    context.undo_stack.undo()
    assert duration.text() == ""


def test_reference_lists_and_checkboxes(qtbot, context) -> None:
    first = context.perform(create_row, "objectives", {"title": "Réduire les délais"}).row_ids[0]
    second = context.perform(create_row, "objectives", {"title": "Mieux servir"}).row_ids[0]
    use_case = context.perform(create_row, "use_cases", {"title": "Tri des sinistres"}).row_ids[0]
    form = _form(qtbot, context, "use_cases", use_case)
    links = form.field_editor("objective_ids")
    assert [links.item(i).text() for i in range(links.count())] == ["Mieux servir", "Réduire les délais"]
    links.item(1).setCheckState(Qt.CheckState.Checked)
    assert get_row(context.workspace, "use_cases", use_case)["objective_ids"] == [first]
    links.item(0).setCheckState(Qt.CheckState.Checked)
    assert get_row(context.workspace, "use_cases", use_case)["objective_ids"] == [first, second]
    system = context.perform(create_row, "ai_systems", {"name": "Copilot"}).row_ids[0]
    form = _form(qtbot, context, "ai_systems", system)
    shadow = form.field_editor("shadow_ai")
    shadow.click()
    assert get_row(context.workspace, "ai_systems", system)["shadow_ai"] is True


def test_colour_and_percent(qtbot, context, monkeypatch) -> None:
    monkeypatch.setattr(ColorEditor, "ask_color", classmethod(lambda cls, parent, current: QColor("#AA3300")))
    engagement = fetch_rows(context.workspace, "engagement")[0]["id"]
    form = _form(qtbot, context, "engagement", engagement)
    form.field_editor("primary_color").click()
    assert fetch_rows(context.workspace, "engagement")[0]["primary_color"] == "#AA3300"
    phase = fetch_rows(context.workspace, "phases")[0]["id"]
    form = _form(qtbot, context, "phases", phase)
    progress = form.field_editor("progress")
    progress.setValue(40)
    progress.editingFinished.emit()
    assert get_row(context.workspace, "phases", phase)["progress"] == 40


def test_computed_fields_are_shown_not_edited(qtbot, context) -> None:
    use_case = context.perform(create_row, "use_cases", {"title": "Tri", "business_value": 5,
                                                         "strategic_alignment": 5}).row_ids[0]
    form = _form(qtbot, context, "use_cases", use_case)
    assert "quadrant" not in form.editors and "quadrant" in form.computed
    assert form.computed["value_score"].text() != "–"


def test_an_action_names_the_register_and_row_it_comes_from(qtbot, context) -> None:
    risk = context.perform(create_row, "risks", {"title": "Fuite de données", "likelihood": 3, "impact": 4})
    decision = context.perform(create_row, "decisions", {"decided_on": dt.date(2026, 3, 2),
                                                         "text": "Choisir un LLM souverain"})
    action = context.perform(create_row, "actions", {"title": "Chiffrer les exports", "source_module": "risks",
                                                     "source_id": risk.row_ids[0]}).row_ids[0]
    form = _form(qtbot, context, "actions", action)
    module, item = form.field_editor("source_module"), form.field_editor("source_id")
    assert module.currentText() == "Risques" and item.currentText() == "R-001" and item.isEnabled()
    module.setCurrentIndex(module.findData("decisions"))  # the action now comes from a decision
    module.activated.emit(module.currentIndex())
    moved = get_row(context.workspace, "actions", action)
    assert (moved["source_module"], moved["source_id"]) == ("decisions", None)  # not risk 1's number
    assert item.currentText() == "" and item.isEnabled()
    item.set_value(decision.row_ids[0])
    item.activated.emit(item.currentIndex())
    assert get_row(context.workspace, "actions", action)["source_id"] == decision.row_ids[0]
    assert item.currentText().startswith("Choisir un LLM souverain")
    bare = context.perform(create_row, "actions", {"title": "Former les managers"}).row_ids[0]
    form.set_row(bare)
    assert module.currentText() == "" and not item.isEnabled()  # no register chosen: no row to pick


def test_a_field_still_being_typed_in_is_saved_when_the_engagement_closes(qtbot, context, workspace) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    row_id = context.perform(create_row, "risks", {"title": "Dérive", "likelihood": 2, "impact": 3}).row_ids[0]
    form = _form(qtbot, context, "risks", row_id)
    form.show()
    form.activateWindow()  # an offscreen window takes the keyboard only once asked
    qtbot.waitUntil(form.isActiveWindow)
    title = form.field_editor("title")
    title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    title.selectAll()
    QTest.keyClicks(title, "Derive du modele de tarification")  # typed, the field not left
    context.set_workspace(None)  # File › Close (or another file opened)
    form.hide()  # the focus leaves the field after the close: nothing to write to, nothing raised
    assert get_row(workspace, "risks", row_id)["title"] == "Derive du modele de tarification"
