"""Editing a row of one engagement shared by two consultants (issue 19) that Anne deleted after Bruno's
register showed it: his edit — a cell of the register or a field of its form — is refused with a message
in the engagement's language naming who deleted it and when, the register and the form show it gone,
nothing is written and nothing crashes. On a file an edit of a vanished row is what it always was."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.team.conflicts import LastChange, RowDeletedError
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.ui.registers.view import RegisterWidget
from caio_desktop.ui.team import conflict
from caio_desktop.workspace.queries import count_rows
from tests.ui.conftest import french_context
from tests.ui.team.conftest import anne, answer_conflicts, bruno_context, engagement_url  # noqa: F401 - two sessions, one engagement

_FRENCH = re.compile(r"Anne Martin a supprimé risque (R-\d+), le (\d\d/\d\d/\d{4}) \d\d:\d\d \(UTC\) ; votre "
                     r"modification n'a pas été enregistrée\.")


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, str]]:  # noqa: ANN001
    """The warnings shown (title, text), each answered OK."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(conflict.QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *rest: shown.append((title, text))))
    return shown


def _risk(ws, title: str = "Biais") -> int:  # noqa: ANN001
    return create_row(ws, "risks", {"title": title, "likelihood": 2, "impact": 2}).row_ids[0]


def _register(qtbot, context, risk: int) -> RegisterWidget:  # noqa: ANN001
    view = RegisterWidget(context, "risks")  # Bruno's risk register, the risk selected and in the form
    qtbot.addWidget(view)
    assert view.select_row(risk)
    return view


def _said_today(told: list[tuple[str, str]]) -> str:
    """The one message shown, checked French, dated today; the risk's code it names."""
    assert len(told) == 1
    title, text = told[0]
    assert title == "Cette ligne a été supprimée"
    said = _FRENCH.fullmatch(text)
    assert said, text
    assert said.group(2) == dt.datetime.now(dt.UTC).strftime("%d/%m/%Y")
    return said.group(1)


def test_a_cell_edit_of_a_row_a_colleague_deleted_says_who_and_the_row_goes(qtbot, anne, bruno_context,  # noqa: F811
                                                                           told, monkeypatch) -> None:
    risk, other = _risk(anne), _risk(anne, "Fuite")
    view = _register(qtbot, bruno_context, risk)
    code = view.model.index(view.model.row_of(risk), view.model.column("code")).data()
    delete_rows(anne, "risks", [risk])  # Anne, meanwhile
    asked = answer_conflicts(monkeypatch, None)
    index = view.model.index(view.model.row_of(risk), view.model.column("impact"))
    assert not view.model.setData(index, 5)
    assert _said_today(told) == code and asked == []
    assert view.model.row_of(risk) == -1 and view.model.row_of(other) >= 0  # gone from Bruno's register
    assert view.form.row_id is None  # and from his form
    assert count_rows(anne, "risks") == 1 and bruno_context.undo_stack.count() == 0


def test_typing_in_a_cell_of_a_deleted_row_closes_its_editor_without_error(qtbot, anne, bruno_context,  # noqa: F811
                                                                           told) -> None:
    risk = _risk(anne)
    view = _register(qtbot, bruno_context, risk)
    view.show()
    delete_rows(anne, "risks", [risk])
    proxy_index = view.table.model().index(0, view.model.column("title"))
    view.table.setCurrentIndex(proxy_index)
    view.table.edit(proxy_index)  # the delegate's editor, committed and closed as Enter does
    editor = view.table.indexWidget(proxy_index)
    assert editor is not None
    editor.setText("Biais corrigé")
    delegate = view.table.itemDelegateForIndex(proxy_index)
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    _said_today(told)
    assert view.model.rowCount() == 0 and count_rows(anne, "risks") == 0
    assert view.table.state() != QAbstractItemView.State.EditingState


def test_a_form_edit_of_a_row_a_colleague_deleted_says_who_and_the_form_empties(qtbot, anne, bruno_context,  # noqa: F811
                                                                               told) -> None:
    risk = _risk(anne)
    view = _register(qtbot, bruno_context, risk)
    delete_rows(anne, "risks", [risk])
    editor = view.form.field_editor("title")
    editor.setText("Biais corrigé")
    editor.editingFinished.emit()
    _said_today(told)
    assert view.form.row_id is None and not view.form.fields_box.isVisibleTo(view.form)
    assert view.model.row_of(risk) == -1 and count_rows(anne, "risks") == 0
    assert bruno_context.undo_stack.count() == 0


def test_the_error_names_who_deleted_the_row(anne, bruno_context) -> None:  # noqa: F811
    risk = _risk(anne)
    delete_rows(anne, "risks", [risk])
    with pytest.raises(RowDeletedError, match=r"deleted by Anne Martin at \d{4}-\d\d-\d\d \d\d:\d\d UTC") as error:
        update_row(bruno_context.workspace, "risks", risk, {"impact": 5}, seen={"impact": 2}, seen_version=1)
    assert error.value.author == "Anne Martin" and isinstance(error.value, LookupError)
    with pytest.raises(LookupError, match=f"risks has no row {risk}$"):  # (an edit that read nothing: as before)
        update_row(bruno_context.workspace, "risks", risk, {"impact": 5})


def test_without_an_author_on_record_the_message_says_another_consultant(bruno_context) -> None:  # noqa: F811
    error = RowDeletedError("risks", 7, LastChange(None, None))
    text = conflict.deleted_text(error, "fr", {"id": 7, "code": "R-007", "title": "Biais"})
    assert text == "Un autre consultant a supprimé risque R-007 ; votre modification n'a pas été enregistrée."


@pytest.fixture
def on_a_file(workspace) -> Iterator[AppContext]:  # noqa: ANN001
    """Bruno's app on an engagement file, in French."""
    yield from french_context(workspace)


def test_on_a_file_an_edit_of_a_vanished_row_is_as_before(qtbot, on_a_file, told) -> None:
    risk = _risk(on_a_file.workspace)
    model = RegisterModel(on_a_file, "risks")
    delete_rows(on_a_file.workspace, "risks", [risk])  # (outside the app: no page is told)
    assert not model.setData(model.index(0, model.column("impact")), 5)
    assert told == [] and model.row_of(risk) == 0  # no message; the row leaves with the next change signal
    assert count_rows(on_a_file.workspace, "risks") == 0
