"""A deliverable's file in its form: Browse… stores it (beside the engagement: by its relative name), Open
opens it, and a file that cannot be found says so, with Open off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caio_desktop.operations import create_row
from caio_desktop.ui.registers.file_editor import FileEditor
from caio_desktop.ui.registers.form import DetailForm
from caio_desktop.workspace.queries import get_row


@pytest.fixture
def form_on_deliverable(qtbot, context):  # noqa: ANN001, ANN201
    row_id = context.perform(create_row, "deliverables", {
        "kind": "steering", "issued_on": dt.date(2026, 3, 16), "file_name": "comite-mars.pdf"}).row_ids[0]
    form = DetailForm(context, "deliverables")
    qtbot.addWidget(form)
    form.set_row(row_id)
    form.show()
    return form, row_id


def test_a_recorded_name_not_beside_the_engagement_says_not_found(form_on_deliverable, monkeypatch) -> None:
    form, _row_id = form_on_deliverable
    editor = form.field_editor("file_name")
    assert isinstance(editor, FileEditor)
    assert editor.edit.text() == "comite-mars.pdf"
    assert not editor.open_button.isEnabled()
    assert editor.status.isVisibleTo(form) and "comite-mars.pdf" in editor.status.text()
    opened: list[Path] = []
    monkeypatch.setattr(FileEditor, "open_file", classmethod(lambda cls, path: opened.append(path) or True))
    assert editor.open() is False and opened == []


def test_the_file_beside_the_engagement_opens(form_on_deliverable, context, monkeypatch) -> None:
    form, _row_id = form_on_deliverable
    written = Path(context.workspace.path).parent / "comite-mars.pdf"
    written.write_bytes(b"%PDF-1.7\n")
    opened: list[Path] = []
    monkeypatch.setattr(FileEditor, "open_file", classmethod(lambda cls, path: opened.append(path) or True))
    editor = form.field_editor("file_name")
    editor.set_value("comite-mars.pdf")  # as the form refills it after a change
    assert editor.open_button.isEnabled() and not editor.status.isVisibleTo(form)
    editor.open_button.click()
    assert opened == [written]


def test_browse_stores_a_file_beside_the_engagement_by_name_elsewhere_by_path(
        form_on_deliverable, context, tmp_path_factory, monkeypatch) -> None:
    form, row_id = form_on_deliverable
    folder = Path(context.workspace.path).parent
    (folder / "livrables").mkdir()
    inside = folder / "livrables" / "diagnostic-v2.docx"
    inside.write_bytes(b"PK")
    outside = tmp_path_factory.mktemp("share") / "feuille de route.pptx"
    outside.write_bytes(b"PK")
    editor = form.field_editor("file_name")
    monkeypatch.setattr(FileEditor, "ask_file_path", classmethod(lambda cls, parent, start: inside))
    editor.browse_button.click()
    assert get_row(context.workspace, "deliverables", row_id)["file_name"] == "livrables/diagnostic-v2.docx"
    assert editor.open_button.isEnabled()
    monkeypatch.setattr(FileEditor, "ask_file_path", classmethod(lambda cls, parent, start: outside))
    editor.browse_button.click()
    assert get_row(context.workspace, "deliverables", row_id)["file_name"] == str(outside.resolve())
    assert context.undo_stack.count() == 2  # the add, then the edits of one cell merged into one step
    context.undo_stack.undo()
    assert get_row(context.workspace, "deliverables", row_id)["file_name"] == "comite-mars.pdf"


def test_a_cancelled_browse_changes_nothing(form_on_deliverable, context, monkeypatch) -> None:
    form, row_id = form_on_deliverable
    monkeypatch.setattr(FileEditor, "ask_file_path", classmethod(lambda cls, parent, start: None))
    form.field_editor("file_name").browse_button.click()
    assert get_row(context.workspace, "deliverables", row_id)["file_name"] == "comite-mars.pdf"
    assert context.undo_stack.count() == 1


def test_stored_names_are_relative_beside_the_engagement(tmp_path) -> None:
    from caio_desktop.ui.registers.file_editor import stored_name

    folder = tmp_path / "mission"
    assert stored_name(folder / "livrables" / "copil.pdf", folder) == "livrables/copil.pdf"
    assert stored_name(tmp_path / "ailleurs" / "copil.pdf", folder) == str((tmp_path / "ailleurs" / "copil.pdf").resolve())
    assert stored_name(folder / "copil.pdf", None) == str((folder / "copil.pdf").resolve())
