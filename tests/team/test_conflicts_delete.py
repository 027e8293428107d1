"""Deleting rows of one engagement shared by two consultants (issue 19): a row Anne changed since
Bruno's register showed it is not deleted unasked — the conflict dialog says who changed what and when,
and offers to keep the row (Reload) or to delete it anyway. Rows nobody changed go at once, and on a
file a delete is what it always was."""

from __future__ import annotations

import pytest

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.team.conflicts import DeleteConflictError
from caio_desktop.ui.registers.view import RegisterWidget
from caio_desktop.ui.team.conflict import OVERWRITE, RELOAD, ConflictDialog
from caio_desktop.workspace.queries import count_rows, fetch_rows, get_row
from tests.ui.conftest import french_context
from tests.ui.team.conftest import anne, answer_conflicts, bruno_context, engagement_url  # noqa: F401 - two sessions, one engagement


@pytest.fixture(autouse=True)
def confirmed(monkeypatch) -> list[str]:
    """Bruno answers Yes to "Delete …?"; the questions asked."""
    asked: list[str] = []
    monkeypatch.setattr(RegisterWidget, "confirm_delete", classmethod(lambda cls, parent, text: asked.append(text) or True))
    return asked


def _risk(ws, title: str = "Biais") -> int:  # noqa: ANN001
    return create_row(ws, "risks", {"title": title, "likelihood": 2, "impact": 2}).row_ids[0]


def _register(qtbot, context, *rows: int) -> RegisterWidget:  # noqa: ANN001
    view = RegisterWidget(context, "risks")  # Bruno's risk register, the rows selected
    qtbot.addWidget(view)
    view.table.clearSelection()
    for row in rows:
        assert view.select_row(row)
    if len(rows) > 1:
        view.table.selectAll()
    return view


def test_deleting_a_row_a_colleague_changed_since_asks_and_reload_keeps_it(qtbot, anne, bruno_context,  # noqa: F811
                                                                            monkeypatch) -> None:
    risk = _risk(anne)
    view = _register(qtbot, bruno_context, risk)
    update_row(anne, "risks", risk, {"impact": 5})  # Anne, meanwhile
    asked = answer_conflicts(monkeypatch, RELOAD)
    assert not view.delete_selected()
    assert isinstance(asked[0], DeleteConflictError) and asked[0].author == "Anne Martin"
    assert [(c.field, c.read, c.theirs) for c in asked[0].conflicts] == [("impact", 2, 5)]
    assert get_row(anne, "risks", risk)["impact"] == 5  # still there, hers
    column = view.model.column("impact")
    assert view.model.raw(view.model.row_of(risk), column) == 5  # and Bruno's register shows it
    assert bruno_context.undo_stack.count() == 0


def test_delete_anyway_deletes_it_and_undo_brings_back_her_version(qtbot, anne, bruno_context,  # noqa: F811
                                                                    monkeypatch) -> None:
    risk = _risk(anne)
    view = _register(qtbot, bruno_context, risk)
    update_row(anne, "risks", risk, {"impact": 5})
    answer_conflicts(monkeypatch, OVERWRITE)
    assert view.delete_selected()
    assert get_row(anne, "risks", risk) is None
    bruno_context.undo_stack.undo()
    assert get_row(anne, "risks", risk)["impact"] == 5


def test_rows_nobody_changed_are_deleted_without_asking(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    first, second = _risk(anne, "Biais"), _risk(anne, "Fuite")
    view = _register(qtbot, bruno_context, first, second)
    update_row(anne, "risks", _risk(anne, "Dérive"), {"impact": 4})  # another row: nothing to do with it
    asked = answer_conflicts(monkeypatch, None)
    assert view.delete_selected()
    assert asked == [] and [r["title"] for r in fetch_rows(anne, "risks")] == ["Dérive"]


def test_of_several_rows_only_the_changed_one_is_asked_about(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    first, second = _risk(anne, "Biais"), _risk(anne, "Fuite")
    view = _register(qtbot, bruno_context, first, second)
    update_row(anne, "risks", second, {"title": "Fuite de données"})
    asked = answer_conflicts(monkeypatch, RELOAD)
    assert not view.delete_selected()
    assert [e.row_id for e in asked] == [second]
    assert count_rows(anne, "risks") == 2  # nothing deleted, not even the unchanged one
    again = answer_conflicts(monkeypatch, OVERWRITE)
    view.table.selectAll()  # the register reloaded: the rows as they are now
    assert view.delete_selected() and again == [] and count_rows(anne, "risks") == 0


def test_rows_a_colleague_deleted_meanwhile_are_simply_gone(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    first, second = _risk(anne, "Biais"), _risk(anne, "Fuite")
    view = _register(qtbot, bruno_context, first, second)
    delete_rows(anne, "risks", [first])  # Anne deletes one of them before Bruno does
    asked = answer_conflicts(monkeypatch, None)
    assert view.delete_selected()
    assert asked == [] and count_rows(anne, "risks") == 0
    bruno_context.undo_stack.undo()  # Bruno's undo brings back his delete only
    assert [r["title"] for r in fetch_rows(anne, "risks")] == ["Fuite"]


def test_deleting_a_row_a_colleague_deleted_already_says_nothing_and_shows_it_gone(  # noqa: F811
        qtbot, anne, bruno_context) -> None:  # noqa: F811
    risk = _risk(anne)
    view = _register(qtbot, bruno_context, risk)
    delete_rows(anne, "risks", [risk])
    assert view.delete_selected()
    assert view.model.row_of(risk) == -1 and bruno_context.undo_stack.count() == 0
    with pytest.raises(LookupError, match="already deleted by someone else"):
        delete_rows(bruno_context.workspace, "risks", [risk], seen={risk: {"id": risk, "row_version": 1}})


def test_the_dialog_says_who_changed_what_and_offers_to_delete_anyway(qtbot, anne, bruno_context,  # noqa: F811
                                                                      monkeypatch) -> None:
    risk = _risk(anne)
    view = _register(qtbot, bruno_context, risk)
    update_row(anne, "risks", risk, {"impact": 5})
    asked = answer_conflicts(monkeypatch, None)
    assert not view.delete_selected()
    dialog = ConflictDialog(asked[0], "fr")
    qtbot.addWidget(dialog)
    assert "Anne Martin a modifié risque R-001 depuis" in dialog.heading.text()
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Champ", "Leur valeur", "Ce que vous aviez vu"]
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["Impact", "5", "2"]
    assert (dialog.reload_button.text(), dialog.overwrite_button.text()) == (
        "Recharger (garder la ligne)", "Supprimer quand même")


def test_delete_rows_refuses_what_was_read_before_a_colleagues_change(anne, bruno_context) -> None:  # noqa: F811
    risk = _risk(anne)
    read = get_row(bruno_context.workspace, "risks", risk)
    update_row(anne, "risks", risk, {"owner": "DSI"})
    with pytest.raises(DeleteConflictError, match="nothing was deleted"):
        delete_rows(bruno_context.workspace, "risks", [risk], seen={risk: read})
    assert get_row(anne, "risks", risk)["owner"] == "DSI"
    delete_rows(bruno_context.workspace, "risks", [risk])  # a script that says nothing: not checked
    assert get_row(anne, "risks", risk) is None


def test_clearing_a_vendor_score_a_colleague_changed_asks(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    from caio_desktop.ui.strategy.vendor_matrix import VendorMatrixModel

    create_row(anne, "vendor_options", {"name": "Mistral AI"})
    create_row(anne, "vendor_criteria", {"name": "Sécurité", "weight": 3})
    model = VendorMatrixModel(bruno_context)
    assert model.setData(model.index(0, 0), 3)
    score = fetch_rows(anne, "vendor_scores")[0]["id"]
    update_row(anne, "vendor_scores", score, {"score": 5})  # Anne raises it meanwhile
    asked = answer_conflicts(monkeypatch, RELOAD)
    assert not model.setData(model.index(0, 0), None)  # Bruno clears the score he saw at 3
    assert asked[0].conflicts[0].theirs == 5 and get_row(anne, "vendor_scores", score)["score"] == 5
    assert model.index(0, 0).data() == "5"


def test_on_a_file_a_delete_is_as_before(qtbot, workspace, confirmed, monkeypatch) -> None:
    for context in french_context(workspace):
        first, second = _risk(workspace, "Biais"), _risk(workspace, "Fuite")
        view = _register(qtbot, context, first, second)
        asked = answer_conflicts(monkeypatch, None)
        assert view.delete_selected()
        assert (asked, confirmed, count_rows(workspace, "risks")) == ([], ["Supprimer 2 lignes ? Ctrl+Z permet d'annuler."], 0)
        context.undo_stack.undo()
        assert count_rows(workspace, "risks") == 2
