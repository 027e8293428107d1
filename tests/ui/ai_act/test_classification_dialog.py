"""The AI Act questionnaire: answers drive a live result, OK stores the classification as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from caio_desktop.operations import create_row
from caio_desktop.operations.ai_act import reclassify_ai_system
from caio_desktop.ui.ai_act.classification_dialog import ClassificationDialog
from caio_desktop.ui.context import AppContext
from caio_desktop.workspace.queries import get_row


@pytest.fixture
def context(qtbot, workspace) -> AppContext:
    ctx = AppContext(lang="en")
    ctx.set_workspace(workspace)
    return ctx


def _system(context: AppContext, **values) -> int:
    return create_row(context.workspace, "ai_systems", {"name": "CV screening", **values}).row_ids[0]


def _dialog(qtbot, context: AppContext, system_id: int) -> ClassificationDialog:
    dialog = ClassificationDialog(context, system_id)
    qtbot.addWidget(dialog)
    return dialog


def _choose_area(dialog: ClassificationDialog, number: int | None, point: str | None = None) -> None:
    step = dialog.high_risk_step
    step.area.setCurrentIndex(step.area.findData(number))
    if point:
        step.point.setCurrentIndex(step.point.findData(point))


def _obligation_lines(dialog: ClassificationDialog) -> list[str]:
    panel = dialog.result_panel.obligations
    return [panel.item(i).text() for i in range(panel.count())]


def test_employment_deployer_is_high_and_derogation_without_profiling_is_not(qtbot, context) -> None:
    dialog = _dialog(qtbot, context, _system(context))
    assert dialog.role_step.buttons["deployer"].isChecked()  # the usual role of a CAIO's client
    assert dialog.result_panel.tier_badge.text() == "Minimal risk"
    # The derogation is only offered once an Annex III area is chosen.
    assert not dialog.high_risk_step.derogation.isEnabled()
    _choose_area(dialog, 4, "a")
    assert dialog.high_risk_step.derogation.isEnabled()
    assert dialog.result_panel.tier_badge.text() == "High risk"
    assert "Annex III, point 4(a)" in dialog.result_panel.articles_label.text()
    lines = _obligation_lines(dialog)
    assert any(line.startswith("Art. 26(2) — Assign human oversight") for line in lines)
    assert "Obligations of the deployer" in dialog.result_panel.obligations_title.text()

    step = dialog.high_risk_step
    step.derogation.setCurrentIndex(step.derogation.findData("d"))
    assert dialog.result_panel.tier_badge.text() == "Minimal risk"
    assert "Art. 6(3)(d)" in dialog.result_panel.articles_label.text()
    step.profiling.setChecked(True)  # profiling always keeps an Annex III system high-risk
    assert dialog.result_panel.tier_badge.text() == "High risk"
    step.profiling.setChecked(False)
    _choose_area(dialog, None)  # no area: the derogation is cleared and disabled again
    assert step.derogation.currentData() is None and not step.derogation.isEnabled()
    assert dialog.facts()["art6_3_derogation"] is None


def test_every_step_changes_the_result(qtbot, context) -> None:
    dialog = _dialog(qtbot, context, _system(context))
    dialog.transparency_step.boxes["50(1)"].setChecked(True)
    assert dialog.result_panel.tier_badge.text() == "Limited risk (transparency)"
    dialog.role_step.buttons["provider"].setChecked(True)
    dialog.gpai_step.gpai.setChecked(True)
    assert any(line.startswith("Art. 53(1)(a)") for line in _obligation_lines(dialog))
    assert dialog.gpai_step.systemic.isEnabled()
    dialog.high_risk_step.annex_i.setChecked(True)
    assert dialog.result_panel.tier_badge.text() == "High risk"
    practices = dialog.prohibited_step
    practices.item("c").setCheckState(Qt.CheckState.Checked)
    practices.item("f").setCheckState(Qt.CheckState.Checked)  # one practice is stored: the last ticked
    assert practices.item("c").checkState() == Qt.CheckState.Unchecked
    assert dialog.facts()["prohibited_practice"] == "f"
    assert dialog.result_panel.tier_badge.text() == "Prohibited"
    assert dialog.classification().articles == ["Art. 5(1)(f)"]


def test_ok_stores_the_classification_as_one_undo_step(qtbot, context) -> None:
    system_id = _system(context, personal_data=True)
    dialog = _dialog(qtbot, context, system_id)
    _choose_area(dialog, 4, "a")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    row = get_row(context.workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "high" and row["annex_iii_area"] == 4 and row["dpia_required"] is True
    assert row["classification_facts"]["annex_iii_point"] == "a"
    assert context.undo_stack.count() == 1
    assert context.undo_stack.undoText() == "Classify AI system CV screening"
    context.undo_stack.undo()
    assert get_row(context.workspace, "ai_systems", system_id)["ai_act_tier"] == "unclassified"


def test_prefilled_from_stored_facts_and_changing_one_reclassifies(qtbot, context) -> None:
    system_id = _system(context)
    reclassify_ai_system(context.workspace, system_id, {
        "role": "provider", "annex_iii_area": 5, "annex_iii_point": "b", "art50_cases": ["50(2)"]})
    dialog = _dialog(qtbot, context, system_id)
    assert dialog.role_step.buttons["provider"].isChecked()
    assert dialog.high_risk_step.area.currentData() == 5
    assert dialog.high_risk_step.point.currentData() == "b"
    assert dialog.transparency_step.boxes["50(2)"].isChecked()
    assert dialog.result_panel.tier_badge.text() == "High risk"
    dialog.high_risk_step.derogation.setCurrentIndex(dialog.high_risk_step.derogation.findData("a"))
    dialog.accept()
    row = get_row(context.workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "limited"  # no longer high risk, the Art. 50(2) case remains
    assert row["classification_facts"]["art6_3_derogation"] == "a"


def test_register_values_prefill_an_unclassified_system(qtbot, context) -> None:
    system_id = _system(context, ai_act_role="importer", annex_iii_area=3)
    dialog = _dialog(qtbot, context, system_id)
    assert dialog.role_step.buttons["importer"].isChecked()
    assert dialog.high_risk_step.area.currentData() == 3


def test_french_labels_come_from_the_reference_data(qtbot, workspace) -> None:
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    dialog = _dialog(qtbot, context, _system(context))
    assert dialog.prohibited_step.item("c").text() == "(c) Notation sociale"
    assert dialog.role_step.buttons["deployer"].text() == "Déployeur"
    _choose_area(dialog, 4)
    assert dialog.result_panel.tier_badge.text() == "Haut risque"
    assert "Obligations du déployeur" in dialog.result_panel.obligations_title.text()
    assert "art. 6(2), annexe III, point 4" in dialog.result_panel.articles_label.text()
    # A deployer's Art. 50(1) item is a check on the provider: shown in italics, explained in the tooltip.
    dialog.transparency_step.boxes["50(1)"].setChecked(True)
    panel = dialog.result_panel.obligations
    check = next(panel.item(i) for i in range(panel.count()) if panel.item(i).text().startswith("art. 50(1)"))
    assert check.font().italic() and "l'obligation pèse sur un autre acteur" in check.toolTip()
    duty = next(panel.item(i) for i in range(panel.count()) if panel.item(i).text().startswith("art. 26(2)"))
    assert not duty.font().italic()
    assert dialog.windowTitle() == "Classification AI Act — CV screening"


def test_unknown_system_is_refused(qtbot, context) -> None:
    with pytest.raises(LookupError):
        ClassificationDialog(context, 404)


@pytest.mark.parametrize("practice", ["non_consensual_intimate_content", "csam"])
def test_new_prohibitions_are_offered_with_their_date_and_marked_unverified(qtbot, context, practice) -> None:
    dialog = _dialog(qtbot, context, _system(context))
    item = dialog.prohibited_step.item(practice)
    assert item.text().startswith("(new, from 2026-12-02)") and item.text().endswith("†")
    assert "Official Journal" in item.toolTip()
    item.setCheckState(Qt.CheckState.Checked)
    assert dialog.result_panel.tier_badge.text() == "Prohibited"
    assert "Prohibited from 2026-12-02 †" in dialog.result_panel.rationale.text()
    assert "Official Journal" in dialog.result_panel.rationale.toolTip()
    assert dialog.facts()["prohibited_practice"] == practice


def test_unverified_obligations_carry_a_mark_and_a_tooltip(qtbot, context) -> None:
    dialog = _dialog(qtbot, context, _system(context))
    _choose_area(dialog, 4, "a")
    panel = dialog.result_panel.obligations
    oversight = next(panel.item(i) for i in range(panel.count()) if panel.item(i).text().startswith("Art. 26(2)"))
    assert "(from 02 Dec 2027) †" in oversight.text()
    assert "to be confirmed against the Official Journal" in oversight.toolTip()


def test_art50_2_grace_period_answer(qtbot, context) -> None:
    dialog = _dialog(qtbot, context, _system(context, ai_act_role="provider"))
    step = dialog.transparency_step
    assert not step.already_on_market.isEnabled()  # only with the Art. 50(2) case
    step.boxes["50(2)"].setChecked(True)
    assert step.already_on_market.isEnabled()
    step.already_on_market.setChecked(True)
    assert dialog.facts()["already_on_market"] is True
    marking = next(line for line in _obligation_lines(dialog) if line.startswith("Art. 50(2)"))
    assert "(from 02 Dec 2026)" in marking


def test_obligations_are_judged_in_effect_on_the_engagement_date(qtbot, context) -> None:
    import datetime as dt

    from caio_desktop.operations.rows import update_engagement

    update_engagement(context.workspace, {"start_date": dt.date(2030, 1, 7), "end_date": dt.date(2030, 7, 7)})
    dialog = _dialog(qtbot, context, _system(context))
    assert dialog.as_of == dt.date(2030, 1, 7)
    _choose_area(dialog, 4, "a")
    assert "In effect judged on 07 Jan 2030" in dialog.result_panel.rationale.text()
    assert not any("not yet in effect" in line for line in _obligation_lines(dialog))
    # Judged on 3 Dec 2026, the Annex III duties (2 Dec 2027) are marked as not yet in effect.
    dialog.as_of = dt.date(2026, 12, 3)
    dialog.refresh()
    lines = _obligation_lines(dialog)
    assert any(line.startswith("Art. 26(2)") and line.endswith("not yet in effect") for line in lines)
    assert not any(line.startswith("Art. 4 ") and "not yet" in line for line in lines)
