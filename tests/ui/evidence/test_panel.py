"""The attachments list on a row's detail form: Add (button and drop), Open (a temporary copy in the
system viewer), Remove (undoable); the Qt model passes qtmodeltester."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from caio_desktop.operations import create_row
from caio_desktop.operations.evidence import attach_file, attachments
from caio_desktop.ui.evidence.model import AttachmentsModel
from caio_desktop.ui.evidence.panel import AttachmentsPanel
from caio_desktop.ui.registers.form import DetailForm


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    seen: dict[str, list] = {"opened": [], "warned": [], "chosen": []}
    monkeypatch.setattr(AttachmentsPanel, "opener", staticmethod(lambda path: seen["opened"].append(path) or True))
    monkeypatch.setattr(AttachmentsPanel, "warn", staticmethod(lambda parent, title, text: seen["warned"].append(text)))
    monkeypatch.setattr(AttachmentsPanel, "choose_files", staticmethod(lambda parent, title: seen["chosen"]))
    return seen


def _form(qtbot, context, module_key: str, row_id: int) -> DetailForm:  # noqa: ANN001
    form = DetailForm(context, module_key)
    qtbot.addWidget(form)
    form.set_row(row_id)
    return form


def test_the_model_passes_the_model_tester(qtmodeltester, workspace, tmp_path: Path) -> None:  # noqa: ANN001
    risk = create_row(workspace, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]
    (tmp_path / "a.pdf").write_bytes(b"%PDF" * 1000)
    (tmp_path / "gone.docx").write_text("x")
    attach_file(workspace, "risks", risk, tmp_path / "a.pdf", who="Claire")
    attach_file(workspace, "risks", risk, tmp_path / "gone.docx", link=True)
    (tmp_path / "gone.docx").unlink()
    model = AttachmentsModel()
    model.set_row(workspace, "risks", risk)
    qtmodeltester.check(model)
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert cells[0][0] == "a.pdf" and cells[0][1] == "application/pdf" and cells[0][2] == "4.0 kB"
    assert cells[0][4] == "Claire"
    assert cells[1][0].startswith("gone.docx — ")  # a linked file whose path is gone says so
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_add_open_remove_and_undo_on_a_compliance_form(qtbot, context, hooks, tmp_path: Path) -> None:  # noqa: ANN001
    row = context.perform(create_row, "compliance", {"framework": "ai_act", "reference": "Art. 9",
                                                     "requirement": "Risk management"}).row_ids[0]
    form = _form(qtbot, context, "compliance", row)
    panel = form.attachments
    assert panel is not None and panel.isVisibleTo(form)
    source = tmp_path / "DPIA.pdf"
    source.write_bytes(b"%PDF dpia")
    hooks["chosen"].append(str(source))
    panel.add_button.click()
    assert panel.model.rowCount() == 1 and panel.model.index(0, 0).data() == "DPIA.pdf"
    assert context.undo_stack.count() == 2  # the add of the row, the attach
    panel.view.selectRow(0)
    assert panel.open_button.isEnabled() and panel.remove_button.isEnabled()
    panel.open_button.click()
    (opened,) = hooks["opened"]
    assert opened.read_bytes() == b"%PDF dpia" and opened.name == "DPIA.pdf" and opened.parent != source.parent
    panel.remove_button.click()
    assert panel.model.rowCount() == 0 and attachments(context.workspace) == []
    context.undo_stack.undo()
    assert panel.model.rowCount() == 1  # the list follows the undo stack
    context.undo_stack.undo()
    assert panel.model.rowCount() == 0


def test_files_dropped_on_the_form_are_attached_and_refusals_said(qtbot, context, hooks, tmp_path: Path) -> None:  # noqa: ANN001
    from caio_desktop.operations.settings import set_setting

    risk = context.perform(create_row, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]
    set_setting(context.workspace, "evidence_limit_mb", 0.001)
    form = _form(qtbot, context, "risks", risk)
    small, big = tmp_path / "note.txt", tmp_path / "scan.tif"
    small.write_text("ok")
    big.write_bytes(b"\0" * 5000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(small)), QUrl.fromLocalFile(str(big))])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    editor = form.field_editor("title")  # dropped on an editor: attached, not pasted into it as text
    assert form.attachments.eventFilter(editor, event)
    assert [a.name for a in attachments(context.workspace)] == ["note.txt"]
    assert len(hooks["warned"]) == 1 and "over the" in hooks["warned"][0]
    text = QMimeData()
    text.setText("du texte")
    plain = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, text, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    assert not form.attachments.eventFilter(editor, plain)  # text is the editor's to take


def test_registers_without_evidence_have_no_list(qtbot, context) -> None:  # noqa: ANN001
    row = context.perform(create_row, "stakeholders", {"name": "DSI"}).row_ids[0]
    assert _form(qtbot, context, "stakeholders", row).attachments is None


def test_large_files_are_attached_off_the_gui_thread(qtbot, context, hooks, tmp_path: Path) -> None:  # noqa: ANN001
    from caio_desktop.ui.evidence.panel import BACKGROUND_BYTES

    risk = context.perform(create_row, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]
    form = _form(qtbot, context, "risks", risk)
    big = tmp_path / "scan.tif"
    big.write_bytes(b"\1" * (BACKGROUND_BYTES + 1))
    assert form.attachments.attach_paths([big]) == 0  # not yet: a worker writes it
    form.attachments.job.wait(20000)
    qtbot.waitUntil(lambda: form.attachments.model.rowCount() == 1, timeout=10000)
    assert context.undo_stack.count() == 2  # the risk, then the attach as its own step
    context.undo_stack.undo()
    assert attachments(context.workspace) == []
