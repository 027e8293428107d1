"""The risk library dialog: search and category filter over the library table,
details of the selected risk, and "Add" that puts the selected risks in the register as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.operations.risk_library import add_risks_from_library
from caio_desktop.reference.risk_library import load_risk_library
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.risk_library.dialog import RiskLibraryDialog
from caio_desktop.ui.risk_library.model import (
    IN_REGISTER,
    KEY_ROLE,
    fold,
)
from caio_desktop.workspace.queries import fetch_rows


class FakeMessageBox:
    shown: list[tuple[str, str]] = []

    @classmethod
    def information(cls, parent, title: str, text: str) -> None:  # noqa: ANN001
        cls.shown.append(("information", text))

    @classmethod
    def warning(cls, parent, title: str, text: str) -> None:  # noqa: ANN001
        cls.shown.append(("warning", text))


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    FakeMessageBox.shown = []
    monkeypatch.setattr(RiskLibraryDialog, "message_box", FakeMessageBox)
    return FakeMessageBox.shown


def _dialog(qtbot, workspace, lang: str = "en") -> RiskLibraryDialog:
    context = AppContext(lang=lang)
    context.set_workspace(workspace)
    dialog = RiskLibraryDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def _visible_keys(dialog: RiskLibraryDialog) -> list[str]:
    return [dialog.proxy.index(row, 0).data(KEY_ROLE) for row in range(dialog.proxy.rowCount())]


def test_search_ignores_accents_and_category_filters(qtbot, workspace, boxes) -> None:
    dialog = _dialog(qtbot, workspace, "fr")
    assert len(_visible_keys(dialog)) == len(load_risk_library().risks)
    dialog.search.setText("donnees personnelles")  # finds "données personnelles" without accents
    found = _visible_keys(dialog)
    assert "prompt_data_leakage" in found
    for risk in map(load_risk_library().risk, found):  # every word is in each risk found
        text = fold(" ".join([risk.title("fr"), risk.description("fr"), *(c.fr for c in risk.causes),
                              *(c.fr for c in risk.consequences)]))
        assert "donnees" in text and "personnelles" in text
    dialog.search.setText("no-such-word")
    assert _visible_keys(dialog) == []
    dialog.search.clear()
    dialog.category.setCurrentIndex(dialog.category.findData("vendor"))
    assert _visible_keys(dialog) == [r.key for r in load_risk_library().by_category("vendor")]


def test_selection_shows_details_and_add_puts_risks_in_the_register(qtbot, workspace, boxes) -> None:
    system_id = create_row(workspace, "ai_systems", {"name": "Assistant RH"}).row_ids[0]
    dialog = _dialog(qtbot, workspace)
    assert not dialog.add_button.isEnabled()
    dialog.select_keys(["prompt_injection", "shadow_ai"])
    assert dialog.selected_keys() == ["prompt_injection", "shadow_ai"]
    assert dialog.add_button.isEnabled() and dialog.count_label.text() == "2 selected"
    details = dialog.details.toPlainText()
    risk = load_risk_library().risk("prompt_injection")
    assert risk.title("en") in details and risk.actions[0].en in details and "Suggested actions" in details
    dialog.system.setCurrentIndex(dialog.system.findData(system_id))

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    risks = fetch_rows(workspace, "risks")
    assert [r["custom"]["library_key"] for r in risks] == ["prompt_injection", "shadow_ai"]
    assert {r["ai_system_id"] for r in risks} == {system_id}
    assert risks[0]["title"] == risk.title("fr")  # register content follows the engagement's language
    assert boxes == [("information", "2 risk(s) added to the register.")]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.context.undo_stack.undoText() == "Add risk ×2"
    dialog.context.undo_stack.undo()
    assert fetch_rows(workspace, "risks") == [] and fetch_rows(workspace, "risk_actions") == []


def test_risks_already_in_the_register_are_marked_and_skipped(qtbot, workspace, boxes) -> None:
    add_risks_from_library(workspace, ["hallucination"])
    dialog = _dialog(qtbot, workspace)
    row = dialog.model.row_of("hallucination")
    assert dialog.model.index(row, IN_REGISTER).data() == "✓"
    dialog.select_keys(["hallucination", "model_drift"])
    assert "Already in the register for this system." in dialog.details.toPlainText()
    dialog.add_selected()
    assert [r["custom"]["library_key"] for r in fetch_rows(workspace, "risks")] == ["hallucination", "model_drift"]
    assert boxes[-1] == ("information", "1 risk(s) added to the register.\n"
                                        "Already in the register, skipped: Hallucinations.")
    # Linking to an AI system changes what counts as already present.
    system_id = create_row(workspace, "ai_systems", {"name": "Chatbot"}).row_ids[0]
    other = _dialog(qtbot, workspace)
    other.system.setCurrentIndex(other.system.findData(system_id))
    assert other.model.index(row, IN_REGISTER).data() == ""
