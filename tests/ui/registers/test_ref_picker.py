"""The reference picker: a list while the referenced register is short, a search beyond LIST_LIMIT rows
that never holds the whole register, and either way one chosen row is one undoable edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, delete_rows
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.ui.registers import ref_picker
from caio_desktop.ui.registers.form import DetailForm
from caio_desktop.ui.registers.ref_picker import ROW_ID_ROLE, LabelSearchModel
from caio_desktop.workspace.queries import get_row, search_labels

RISKS = 5_000


def _add_risks(workspace, count: int) -> None:  # noqa: ANN001
    rows = [{"code": f"R-{n:05d}", "title": f"Dérive du modèle {n}", "likelihood": 2, "impact": 3,
             "level": "medium"} for n in range(1, count + 1)]
    run_recorded(workspace, ChangeSet("add", "risks", f"×{count}", [], [], None, "risque", "risk"),
                 lambda rec: rec.insert_many("risks", rows))


def _form(qtbot, context, module_key: str, row_id: int) -> DetailForm:  # noqa: ANN001
    form = DetailForm(context, module_key)
    qtbot.addWidget(form)
    form.show()
    form.set_row(row_id)
    return form


@pytest.fixture
def long_register(context, monkeypatch):  # noqa: ANN001, ANN201
    """5,000 risks (the picker searches beyond 1,000 here) and one action on risk R-00042."""
    monkeypatch.setattr(ref_picker, "LIST_LIMIT", 1_000)
    _add_risks(context.workspace, RISKS)
    action = context.perform(create_row, "risk_actions", {"title": "Revoir les données", "risk_id": 42})
    return action.row_ids[0]


def test_search_labels_matches_code_or_title_and_escapes_wildcards(workspace) -> None:
    _add_risks(workspace, 300)
    assert search_labels(workspace, "risks", "R-0012") == [(120 + n, f"R-{120 + n:05d}") for n in range(10)]
    assert [i for i, _ in search_labels(workspace, "risks", "modèle 7", limit=3)] == [7, 70, 71]
    assert len(search_labels(workspace, "risks", "r-00")) == 50  # LIKE ignores ASCII case; LIMIT 50
    assert search_labels(workspace, "risks", "%") == []  # a wildcard typed is a character searched


def test_label_search_model(qtmodeltester, workspace) -> None:
    _add_risks(workspace, 30)
    model = LabelSearchModel()
    model.set_source(workspace, "risks")
    assert model.rowCount() == 0
    model.search("R-0002")
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [f"R-{n:05d}" for n in range(20, 30)]
    assert model.index(0, 0).data(ROW_ID_ROLE) == 20


def test_long_register_is_searched_not_listed(qtbot, context, long_register) -> None:
    form = _form(qtbot, context, "risk_actions", long_register)
    picker = form.field_editor("risk_id")
    assert picker.searching and picker.isEnabled()
    assert picker.count() == 1  # only the current risk (the field is required: no empty choice)
    assert picker.currentText() == "R-00042" and picker.value() == 42
    picker.lineEdit().selectAll()  # as focusing it with Tab does
    qtbot.keyClicks(picker.lineEdit(), "R-0420")  # typing filters
    shown = picker.search_model
    assert [shown.index(r, 0).data() for r in range(shown.rowCount())] == [f"R-0420{n}" for n in range(10)]
    popup = picker.lineEdit().completer().popup()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(3, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center())
    assert get_row(context.workspace, "risk_actions", long_register)["risk_id"] == 4203
    assert picker.currentText() == "R-04203" and picker.count() == 1
    steps = context.undo_stack.count()
    context.undo_stack.undo()
    assert get_row(context.workspace, "risk_actions", long_register)["risk_id"] == 42
    assert picker.currentText() == "R-00042" and context.undo_stack.count() == steps


def test_refused_choice_shows_its_reason_beside_the_field(qtbot, context, long_register) -> None:
    form = _form(qtbot, context, "risk_actions", long_register)
    picker = form.field_editor("risk_id")
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "R-04999")
    popup = picker.lineEdit().completer().popup()
    qtbot.waitUntil(popup.isVisible)
    delete_rows(context.workspace, "risks", [4999])  # deleted behind the form's back while offered
    index = popup.model().index(0, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center())
    assert get_row(context.workspace, "risk_actions", long_register)["risk_id"] == 42
    assert form.errors["risk_id"].isVisibleTo(form) and "4999" in form.errors["risk_id"].text()


def test_typing_without_choosing_changes_nothing(qtbot, context, long_register) -> None:
    form = _form(qtbot, context, "risk_actions", long_register)
    picker = form.field_editor("risk_id")
    steps = context.undo_stack.count()
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "zzz")  # nothing matches: no popup
    picker.lineEdit().editingFinished.emit()
    assert picker.currentText() == "R-00042" and picker.lineEdit().text() == "R-00042"
    assert context.undo_stack.count() == steps
    assert get_row(context.workspace, "risk_actions", long_register)["risk_id"] == 42


def test_emptied_optional_reference_is_cleared(qtbot, context, monkeypatch) -> None:
    monkeypatch.setattr(ref_picker, "LIST_LIMIT", 2)
    _add_risks(context.workspace, 3)
    system = context.perform(create_row, "ai_systems", {"name": "Copilot"}).row_ids[0]
    context.perform(create_row, "ai_systems", {"name": "Tri"})
    context.perform(create_row, "ai_systems", {"name": "Chatbot"})
    context.perform(create_row, "ai_systems", {"name": "Scoring"})
    form = _form(qtbot, context, "risks", 1)
    picker = form.field_editor("ai_system_id")
    assert picker.searching and picker.currentText() == ""
    qtbot.keyClicks(picker.lineEdit(), "cop")
    popup = picker.lineEdit().completer().popup()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(0, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center())
    assert get_row(context.workspace, "risks", 1)["ai_system_id"] == system
    steps = context.undo_stack.count()
    picker.lineEdit().clear()
    picker.lineEdit().editingFinished.emit()
    assert get_row(context.workspace, "risks", 1)["ai_system_id"] is None and picker.currentText() == ""
    assert context.undo_stack.count() == steps  # two edits of one field in a row merge into one step
    context.undo_stack.undo()
    context.undo_stack.redo()
    assert get_row(context.workspace, "risks", 1)["ai_system_id"] is None and picker.currentText() == ""


def test_short_register_is_listed(qtbot, context) -> None:
    _add_risks(context.workspace, 3)
    action = context.perform(create_row, "risk_actions", {"title": "Revoir", "risk_id": 2}).row_ids[0]
    form = _form(qtbot, context, "risk_actions", action)
    picker = form.field_editor("risk_id")
    assert not picker.searching and not picker.isEditable()
    assert [picker.itemText(i) for i in range(picker.count())] == ["R-00001", "R-00002", "R-00003"]
    picker.setCurrentIndex(2)
    picker.activated.emit(2)
    assert get_row(context.workspace, "risk_actions", action)["risk_id"] == 3
