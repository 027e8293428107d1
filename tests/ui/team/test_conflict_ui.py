"""An edit in the app refused because another consultant changed the same field: the dialog shows field,
their value, your value, who and when; Reload shows theirs, Overwrite writes yours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from caio_desktop.operations import create_row, update_row
from caio_desktop.team.conflicts import EditConflictError
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.ui.team.conflict import OVERWRITE, RELOAD, ConflictDialog, ConflictResolver
from caio_desktop.workspace.queries import get_row


@pytest.fixture
def risk(anne, bruno_context) -> int:
    return create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4}).row_ids[0]


def _answer(monkeypatch, choice: str | None) -> list:
    asked = []

    def ask(cls, parent, error, lang, labels):
        asked.append(error)
        return choice

    monkeypatch.setattr(ConflictResolver, "ask", classmethod(ask))
    return asked


def _impact(model: RegisterModel) -> str:
    return model.index(0, model.column("impact")).data()


def test_reload_takes_their_value(qtbot, anne, bruno_context, risk, monkeypatch) -> None:
    model = RegisterModel(bruno_context, "risks")  # Bruno's register shows impact 4
    update_row(anne, "risks", risk, {"impact": 5})  # Anne, meanwhile
    asked = _answer(monkeypatch, RELOAD)
    assert not model.setData(model.index(0, model.column("impact")), 2)
    assert asked[0].author == "Anne Martin" and asked[0].conflicts[0].theirs == 5
    assert _impact(model) == "5"  # Bruno's register now shows Anne's value
    assert get_row(anne, "risks", risk)["impact"] == 5
    assert bruno_context.undo_stack.count() == 0  # nothing written, nothing to undo


def test_overwrite_writes_mine_over_theirs(qtbot, anne, bruno_context, risk, monkeypatch) -> None:
    model = RegisterModel(bruno_context, "risks")
    update_row(anne, "risks", risk, {"impact": 5})
    _answer(monkeypatch, OVERWRITE)
    assert model.setData(model.index(0, model.column("impact")), 2)
    assert get_row(anne, "risks", risk)["impact"] == 2
    assert _impact(model) == "2"
    assert bruno_context.undo_stack.count() == 1


def test_another_field_lands_without_asking(qtbot, anne, bruno_context, risk, monkeypatch) -> None:
    model = RegisterModel(bruno_context, "risks")
    update_row(anne, "risks", risk, {"impact": 5})
    asked = _answer(monkeypatch, None)
    assert model.setData(model.index(0, model.column("owner")), "DSI")
    row = get_row(anne, "risks", risk)
    assert (row["impact"], row["owner"], asked) == (5, "DSI", [])


def test_the_detail_form_asks_too(qtbot, anne, bruno_context, risk, monkeypatch) -> None:
    from caio_desktop.ui.registers.form import DetailForm

    form = DetailForm(bruno_context, "risks")
    qtbot.addWidget(form)
    form.set_row(risk)
    update_row(anne, "risks", risk, {"owner": "Direction des risques"})
    asked = _answer(monkeypatch, RELOAD)
    form.field_editor("owner").set_value("DSI")
    form._commit("owner")
    assert asked[0].fields == ("owner",)
    assert form.field_editor("owner").value() == "Direction des risques"  # theirs, shown


def test_the_dialog_names_field_values_who_and_when(qtbot, anne, bruno_context, risk) -> None:
    read = get_row(anne, "risks", risk)
    update_row(anne, "risks", risk, {"impact": 5, "owner": "Direction des risques"})
    with pytest.raises(EditConflictError) as refused:
        update_row(bruno_context.workspace, "risks", risk, {"impact": 2, "owner": "DSI"},
                   seen={"impact": read["impact"], "owner": read["owner"]}, seen_version=read["row_version"])
    dialog = ConflictDialog(refused.value, "fr")
    qtbot.addWidget(dialog)
    dialog.show()
    heading = dialog.heading.text()
    assert heading.startswith("Anne Martin a modifié") and "R-001" in heading and "UTC" in heading
    cells = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert cells == [["Impact", "5", "2"], ["Responsable", "Direction des risques", "DSI"]]
    assert dialog.reload_button.text() == "Recharger (garder la leur)"
    assert dialog.overwrite_button.text() == "Écraser (garder la mienne)"
    folder = os.environ.get("CAIO_SCREENSHOTS")
    if folder:
        dialog.grab().save(str(Path(folder) / "team-conflict-dialog.png"))
    dialog.overwrite_button.click()
    assert dialog.choice == OVERWRITE
