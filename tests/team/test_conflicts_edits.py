"""Edits outside the registers' cells and forms, on one engagement shared by two consultants (issue 19):
the engagement page's fields and its client logo say what they showed, so a change Anne made since is
never overwritten in silence — Bruno is asked to reload or overwrite, as in a register. Paste and
Duplicate only add rows: whatever Anne changed meanwhile stays hers."""

from __future__ import annotations

import pytest

from caio_desktop.operations import create_row, duplicate_row, update_row
from caio_desktop.operations.branding import set_client_logo
from caio_desktop.operations.rows import update_engagement
from caio_desktop.team.conflicts import EditConflictError
from caio_desktop.ui.pages.engagement import EngagementPage
from caio_desktop.ui.team.conflict import OVERWRITE, RELOAD
from caio_desktop.workspace.queries import fetch_rows, get_row
from tests.ui.team.conftest import anne, answer_conflicts, bruno_context, engagement_url  # noqa: F401 - two sessions, one engagement


def _png(color: str) -> bytes:
    """A small PNG logo of one colour."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


_answer = answer_conflicts


def _engagement(ws) -> dict:  # noqa: ANN001
    return fetch_rows(ws, "engagement", limit=1)[0]


@pytest.fixture
def page(qtbot, bruno_context) -> EngagementPage:  # noqa: F811
    shown = EngagementPage(bruno_context)  # Bruno's engagement page, read before Anne's change
    qtbot.addWidget(shown)
    return shown


def _type(page: EngagementPage, key: str, text: str) -> None:
    editor = page.form.field_editor(key)
    editor.setText(text)
    editor.editingFinished.emit()


def test_the_engagement_page_asks_before_overwriting_a_colleagues_field(qtbot, anne, bruno_context, page,  # noqa: F811
                                                                        monkeypatch) -> None:
    update_engagement(anne, {"sponsor": "Direction générale"})
    asked = _answer(monkeypatch, RELOAD)
    _type(page, "sponsor", "DSI")
    assert asked[0].fields == ("sponsor",) and asked[0].author == "Anne Martin"
    assert _engagement(anne)["sponsor"] == "Direction générale"  # hers, kept
    assert page.form.field_editor("sponsor").value() == "Direction générale"  # and shown to Bruno
    assert bruno_context.undo_stack.count() == 0


def test_overwrite_on_the_engagement_page_writes_mine(qtbot, anne, bruno_context, page, monkeypatch) -> None:  # noqa: F811
    update_engagement(anne, {"sponsor": "Direction générale"})
    _answer(monkeypatch, OVERWRITE)
    _type(page, "sponsor", "DSI")
    assert _engagement(anne)["sponsor"] == "DSI"
    assert bruno_context.undo_stack.count() == 1


def test_another_field_of_the_engagement_lands_without_asking(qtbot, anne, bruno_context, page,  # noqa: F811
                                                               monkeypatch) -> None:
    update_engagement(anne, {"sector": "Mutuelle"})
    asked = _answer(monkeypatch, None)
    _type(page, "sponsor", "DSI")
    row = _engagement(anne)
    assert (row["sector"], row["sponsor"], asked) == ("Mutuelle", "DSI", [])


def test_update_engagement_refuses_what_was_read_before_a_colleagues_change(anne, bruno_context) -> None:  # noqa: F811
    read = _engagement(bruno_context.workspace)
    update_engagement(anne, {"sector": "Mutuelle"})
    with pytest.raises(EditConflictError) as refused:
        update_engagement(bruno_context.workspace, {"sector": "Banque"}, seen={"sector": read["sector"]},
                          seen_version=read["row_version"])
    assert refused.value.conflicts[0].theirs == "Mutuelle"
    assert _engagement(anne)["sector"] == "Mutuelle"


def test_a_logo_chosen_over_a_colleagues_new_logo_asks(qtbot, anne, bruno_context, page, tmp_path,  # noqa: F811
                                                        monkeypatch) -> None:
    set_client_logo(anne, _png("#1F4E79"))  # Anne puts the client's logo while Bruno's page shows none
    mine = tmp_path / "logo.png"
    mine.write_bytes(_png("#C0392B"))
    monkeypatch.setattr(EngagementPage, "ask_logo_path", classmethod(lambda cls, parent: mine))
    asked = _answer(monkeypatch, RELOAD)
    page.choose_logo()
    assert [c.field for c in asked[0].conflicts] == ["client_logo"]
    assert _engagement(anne)["client_logo"] == _png("#1F4E79")
    assert page.remove_logo_button.isEnabled()  # the page shows hers now
    again = _answer(monkeypatch, OVERWRITE)
    page.choose_logo()  # the page read hers: Bruno now replaces it knowingly, nothing to ask
    assert again == [] and _engagement(anne)["client_logo"] == _png("#C0392B")


def test_the_dialog_names_the_logo_and_its_sizes(qtbot, anne, bruno_context, page, tmp_path,  # noqa: F811
                                                 monkeypatch) -> None:
    from caio_desktop.ui.team.conflict import ConflictDialog

    set_client_logo(anne, _png("#1F4E79"))
    mine = tmp_path / "logo.png"
    mine.write_bytes(_png("#C0392B"))
    monkeypatch.setattr(EngagementPage, "ask_logo_path", classmethod(lambda cls, parent: mine))
    asked = _answer(monkeypatch, None)
    page.choose_logo()
    dialog = ConflictDialog(asked[0], "fr")
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, column).text() for column in range(3)]
    assert cells == ["Logo du client", "image de 1 Ko", "image de 1 Ko"]
    assert "Anne Martin" in dialog.heading.text() and "Assurances du Rhône" in dialog.heading.text()


def test_removing_a_logo_a_colleague_replaced_asks(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    set_client_logo(anne, _png("#777777"))
    page = EngagementPage(bruno_context)  # Bruno sees the old logo
    qtbot.addWidget(page)
    set_client_logo(anne, _png("#1F4E79"))
    asked = _answer(monkeypatch, OVERWRITE)
    page.remove_logo_button.click()
    assert asked and _engagement(anne)["client_logo"] is None


def test_paste_and_duplicate_add_rows_and_leave_a_colleagues_change(qtbot, anne, bruno_context,  # noqa: F811
                                                                    monkeypatch) -> None:
    from caio_desktop.ui.registers.view import RegisterWidget

    risk = create_row(anne, "risks", {"title": "Biais", "likelihood": 2, "impact": 2}).row_ids[0]
    view = RegisterWidget(bruno_context, "risks")
    qtbot.addWidget(view)
    assert view.select_row(risk)
    copied = view.selected_as_text()  # Bruno copies the row as his register shows it
    update_row(anne, "risks", risk, {"impact": 5, "owner": "DSI"})  # Anne, meanwhile
    asked = _answer(monkeypatch, None)
    pasted = view.paste_rows(copied)
    duplicated = bruno_context.perform(duplicate_row, "risks", risk).row_ids
    row = get_row(anne, "risks", risk)
    assert (row["impact"], row["owner"], asked) == (5, "DSI", [])  # hers, untouched
    assert len(pasted) == 1 and pasted[0] != risk and duplicated[0] not in (risk, pasted[0])
    assert get_row(anne, "risks", pasted[0])["impact"] == 2  # the paste is what Bruno copied


def test_a_score_of_the_vendor_matrix_a_colleague_changed_asks(qtbot, anne, bruno_context,  # noqa: F811
                                                                monkeypatch) -> None:
    from caio_desktop.ui.strategy.vendor_matrix import VendorMatrixModel

    create_row(anne, "vendor_options", {"name": "Mistral AI"})
    create_row(anne, "vendor_criteria", {"name": "Sécurité", "weight": 3})
    model = VendorMatrixModel(bruno_context)
    assert model.setData(model.index(0, 0), 3)  # Bruno scores 3
    score = fetch_rows(anne, "vendor_scores")[0]["id"]
    update_row(anne, "vendor_scores", score, {"score": 5})  # Anne raises it meanwhile
    asked = _answer(monkeypatch, RELOAD)
    assert not model.setData(model.index(0, 0), 2)
    assert asked[0].conflicts[0].theirs == 5 and get_row(anne, "vendor_scores", score)["score"] == 5
    assert model.index(0, 0).data() == "5"  # Bruno's matrix shows hers
