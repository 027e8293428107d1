"""Edits of the pages outside the registers, on one engagement shared by two consultants (issue 19):
a maturity rating, a deliverable's narrative text and an AI system's AI Act classification say what
they showed, so a change Anne made since is not overwritten in silence — Bruno is asked to reload or
overwrite, as in a register. On a file nothing asks: the same clicks write as before."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from caio_desktop.operations import create_row, update_row
from caio_desktop.operations.ai_act import reclassify_ai_system
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.operations.narrative import narrative, set_narrative
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.team.conflicts import EditConflictError
from caio_desktop.ui.ai_act.classification_dialog import ClassificationDialog
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.deliverables import narrative as narrative_ui
from caio_desktop.ui.deliverables.narrative import NarrativeEditor
from caio_desktop.ui.diagnosis.rating_view import MaturityRatingView
from caio_desktop.ui.team.conflict import OVERWRITE, RELOAD
from caio_desktop.workspace.queries import fetch_rows, get_row
from tests.ui.conftest import french_context
from tests.ui.team.conftest import anne, answer_conflicts, bruno_context, engagement_url  # noqa: F401 - two sessions, one engagement

DIMENSION = load_maturity_model().dimensions[0].key
_answer = answer_conflicts  # the conflict dialog, answered


@pytest.fixture
def file_context(qtbot, workspace) -> Iterator[AppContext]:
    """Bruno alone, on an engagement file."""
    yield from french_context(workspace)


# --- maturity ratings ------------------------------------------------------------------------------
def _assessment(ws) -> int:  # noqa: ANN001
    return create_row(ws, "maturity", {"title": "Initiale", "assessed_on": "2026-02-01"}).row_ids[0]


def _rating(ws) -> dict:  # noqa: ANN001
    rows = fetch_rows(ws, "maturity_ratings", where={"dimension": DIMENSION})
    return rows[0] if rows else {}


def _view(qtbot, context: AppContext) -> MaturityRatingView:
    view = MaturityRatingView(context)  # Bruno's Diagnosis page, the first dimension selected
    qtbot.addWidget(view)
    view.select_dimension(DIMENSION)
    return view


def _levels(ws) -> tuple:  # noqa: ANN001
    rating = _rating(ws)
    return rating.get("current_level"), rating.get("target_level")


def _shown(view: MaturityRatingView) -> tuple:
    def checked(group):  # noqa: ANN001, ANN202
        return group.checkedId() if group.checkedId() > 0 else None

    return checked(view.current_buttons), checked(view.target_buttons)


def test_a_level_a_colleague_changed_since_asks(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    assessment = _assessment(anne)
    rate_dimension(anne, assessment, DIMENSION, current_level=2)
    view = _view(qtbot, bruno_context)  # Bruno sees 2
    rate_dimension(anne, assessment, DIMENSION, current_level=3)  # Anne raises it meanwhile
    asked = _answer(monkeypatch, RELOAD)
    view.current_buttons.button(4).click()
    assert asked[0].fields == ("current_level",) and asked[0].author == "Anne Martin"
    assert asked[0].conflicts[0].theirs == 3 and asked[0].conflicts[0].yours == 4
    assert _levels(anne) == (3, None)  # hers, kept
    assert _shown(view) == (3, None)  # and shown to Bruno
    assert bruno_context.undo_stack.count() == 0


def test_overwrite_puts_my_level_over_hers(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    assessment = _assessment(anne)
    rate_dimension(anne, assessment, DIMENSION, current_level=2)
    view = _view(qtbot, bruno_context)
    rate_dimension(anne, assessment, DIMENSION, current_level=3)
    _answer(monkeypatch, OVERWRITE)
    view.current_buttons.button(4).click()
    assert _levels(anne) == (4, None) and _shown(view) == (4, None)
    assert bruno_context.undo_stack.count() == 1


def test_a_target_set_while_a_colleague_changed_the_current_level_keeps_hers(qtbot, anne, bruno_context,  # noqa: F811
                                                                             monkeypatch) -> None:
    assessment = _assessment(anne)
    rate_dimension(anne, assessment, DIMENSION, current_level=2)
    view = _view(qtbot, bruno_context)
    rate_dimension(anne, assessment, DIMENSION, current_level=3)  # Anne: the current level
    asked = _answer(monkeypatch, None)
    view.target_buttons.button(5).click()  # Bruno: the target, which nobody changed
    assert (asked, _levels(anne)) == ([], (3, 5))  # both land


def test_rating_a_dimension_a_colleague_rated_meanwhile_asks(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    assessment = _assessment(anne)
    view = _view(qtbot, bruno_context)  # Bruno sees the dimension unrated
    rate_dimension(anne, assessment, DIMENSION, current_level=3, target_level=4)
    asked = _answer(monkeypatch, RELOAD)
    view.current_buttons.button(1).click()
    assert asked[0].fields == ("current_level", "target_level")
    assert [c.read for c in asked[0].conflicts] == [None, None]  # he had seen no rating
    assert _levels(anne) == (3, 4) and _shown(view) == (3, 4)


def test_rate_dimension_refuses_what_was_read_before_a_colleagues_change(anne, bruno_context) -> None:  # noqa: F811
    assessment = _assessment(anne)
    rate_dimension(anne, assessment, DIMENSION, current_level=2)
    read = _rating(bruno_context.workspace)
    rate_dimension(anne, assessment, DIMENSION, current_level=3)
    with pytest.raises(EditConflictError):
        rate_dimension(bruno_context.workspace, assessment, DIMENSION, current_level=1,
                       seen={"current_level": 2, "target_level": None}, seen_version=read["row_version"])
    rate_dimension(bruno_context.workspace, assessment, DIMENSION, current_level=1)  # a script: not checked
    assert _levels(anne) == (1, None)


def test_on_a_file_rating_writes_as_before(qtbot, file_context, monkeypatch) -> None:
    ws = file_context.workspace
    _assessment(ws)
    view = _view(qtbot, file_context)
    asked = _answer(monkeypatch, None)
    view.current_buttons.button(2).click()
    view.target_buttons.button(4).click()
    view.current_buttons.button(3).click()
    assert (asked, _levels(ws), _shown(view)) == ([], (3, 4), (3, 4))
    assert file_context.undo_stack.count() == 1  # the clicks on one dimension: one undo step
    file_context.undo_stack.undo()
    assert _rating(ws) == {}


# --- the AI Act classification ---------------------------------------------------------------------
def _classifier(qtbot, context: AppContext, system_id: int) -> ClassificationDialog:
    dialog = ClassificationDialog(context, system_id)  # Bruno opens the questionnaire
    qtbot.addWidget(dialog)
    return dialog


def _choose_area(dialog: ClassificationDialog, number: int | None) -> None:
    step = dialog.high_risk_step
    step.area.setCurrentIndex(step.area.findData(number))


def _system(ws) -> int:  # noqa: ANN001
    return create_row(ws, "ai_systems", {"name": "Tri des CV", "personal_data": True}).row_ids[0]


def test_a_classification_a_colleague_made_since_asks(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    system = _system(anne)
    dialog = _classifier(qtbot, bruno_context, system)
    reclassify_ai_system(anne, system, {"role": "deployer", "annex_iii_area": 4})  # Anne: employment, high
    asked = _answer(monkeypatch, RELOAD)
    _choose_area(dialog, None)  # Bruno: no Annex III area
    dialog.accept()
    assert "ai_act_tier" in asked[0].fields and "classification_facts" in asked[0].fields
    assert asked[0].author == "Anne Martin"
    row = get_row(anne, "ai_systems", system)
    assert (row["ai_act_tier"], row["annex_iii_area"]) == ("high", 4)  # hers, kept
    assert dialog.result() != dialog.DialogCode.Accepted  # not closed: it shows hers
    assert dialog.high_risk_step.area.currentData() == 4  # the questionnaire shows her answers
    assert bruno_context.undo_stack.count() == 0
    again = _answer(monkeypatch, None)
    dialog.accept()  # classifying on what she answered: nothing more to ask
    assert again == [] and dialog.result() == dialog.DialogCode.Accepted


def test_overwrite_stores_my_classification(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    system = _system(anne)
    dialog = _classifier(qtbot, bruno_context, system)
    reclassify_ai_system(anne, system, {"role": "deployer", "annex_iii_area": 4})
    _answer(monkeypatch, OVERWRITE)
    _choose_area(dialog, None)
    dialog.accept()
    row = get_row(anne, "ai_systems", system)
    assert row["annex_iii_area"] is None and row["ai_act_tier"] != "high"
    assert dialog.result() == dialog.DialogCode.Accepted and bruno_context.undo_stack.count() == 1


def test_a_classification_over_another_field_of_the_system_lands(qtbot, anne, bruno_context,  # noqa: F811
                                                                  monkeypatch) -> None:
    system = _system(anne)
    dialog = _classifier(qtbot, bruno_context, system)
    update_row(anne, "ai_systems", system, {"business_owner": "DRH"})  # Anne: a field the questionnaire leaves
    asked = _answer(monkeypatch, None)
    _choose_area(dialog, 4)
    dialog.accept()
    row = get_row(anne, "ai_systems", system)
    assert (asked, row["business_owner"], row["ai_act_tier"]) == ([], "DRH", "high")


def test_the_dialog_lists_the_answers_not_their_json(qtbot, anne, bruno_context, monkeypatch) -> None:  # noqa: F811
    from caio_desktop.ui.team.conflict import ConflictDialog

    system = _system(anne)
    dialog = _classifier(qtbot, bruno_context, system)
    reclassify_ai_system(anne, system, {"role": "deployer", "annex_iii_area": 4})
    asked = _answer(monkeypatch, None)
    _choose_area(dialog, None)
    dialog.accept()
    shown = ConflictDialog(asked[0], "fr")
    qtbot.addWidget(shown)
    rows = {shown.table.item(row, 0).text(): shown.table.item(row, 1).text() for row in range(shown.table.rowCount())}
    assert rows["Réponses au questionnaire AI Act"] == "role: deployer; annex_iii_area: 4"
    assert rows["Niveau de risque AI Act"] == "Haut risque"


def test_on_a_file_the_classification_is_stored_as_before(qtbot, file_context, monkeypatch) -> None:
    system = _system(file_context.workspace)
    dialog = _classifier(qtbot, file_context, system)
    asked = _answer(monkeypatch, None)
    _choose_area(dialog, 4)
    dialog.accept()
    assert asked == [] and get_row(file_context.workspace, "ai_systems", system)["ai_act_tier"] == "high"
    file_context.undo_stack.undo()
    assert get_row(file_context.workspace, "ai_systems", system)["ai_act_tier"] == "unclassified"


# --- a deliverable's narrative ---------------------------------------------------------------------
@pytest.fixture
def words(qtbot, monkeypatch) -> Callable[[AppContext], NarrativeEditor]:  # noqa: ANN001
    """Bruno's words of the steering report in French, saved after a pause of 20 ms instead of 2 s."""
    monkeypatch.setattr(narrative_ui, "SAVE_PAUSE_MS", 20)

    def make(context: AppContext) -> NarrativeEditor:
        editor = NarrativeEditor(context)
        qtbot.addWidget(editor)
        editor.set_target("steering", "fr")
        return editor

    return make


def _pause_after_typing(qtbot, words: NarrativeEditor, key: str, text: str) -> None:  # noqa: ANN001
    """Bruno types `text` in field `key` and stops: the pause saves it."""
    editor = words.editors[key]
    editor.setPlainText(text)
    qtbot.waitUntil(lambda: not editor.dirty or not editor._pause.isActive(), timeout=3000)
    qtbot.wait(50)


def _stored(ws) -> dict[str, str]:  # noqa: ANN001
    return narrative(ws, "steering", "fr")


def test_a_text_a_colleague_saved_since_asks_and_reload_shows_hers(qtbot, anne, bruno_context, words,  # noqa: F811
                                                                    monkeypatch) -> None:
    page = words(bruno_context)
    set_narrative(anne, "steering", "fr", "executive_summary", "Le pilote est lancé.")  # Anne saves
    page.editors["executive_summary"].setPlainText("Le programme tient ses délais.")  # Bruno types meanwhile
    bruno_context.data_changed.emit(frozenset({"settings"}))  # the watch brings Anne's save
    assert page.editors["executive_summary"].toPlainText() == "Le programme tient ses délais."  # his typing kept
    asked = _answer(monkeypatch, RELOAD)
    _pause_after_typing(qtbot, page, "executive_summary", "Le programme tient ses délais et son budget.")
    assert [(c.field, c.read, c.theirs) for c in asked[0].conflicts] == [
        ("executive_summary", "", "Le pilote est lancé.")]
    assert asked[0].author == "Anne Martin"
    assert _stored(anne) == {"executive_summary": "Le pilote est lancé."}  # hers, kept
    assert page.editors["executive_summary"].toPlainText() == "Le pilote est lancé."  # and shown to Bruno
    assert bruno_context.undo_stack.count() == 0


def test_overwrite_saves_my_text_over_hers(qtbot, anne, bruno_context, words, monkeypatch) -> None:  # noqa: F811
    page = words(bruno_context)
    set_narrative(anne, "steering", "fr", "executive_summary", "Le pilote est lancé.")
    _answer(monkeypatch, OVERWRITE)
    _pause_after_typing(qtbot, page, "executive_summary", "Le programme tient ses délais.")
    assert _stored(anne) == {"executive_summary": "Le programme tient ses délais."}
    page.editors["executive_summary"].leave()
    assert bruno_context.undo_stack.count() == 1
    bruno_context.undo_stack.undo()
    assert _stored(anne) == {"executive_summary": "Le pilote est lancé."}  # undo gives hers back


def test_a_text_shown_after_her_save_replaces_it_without_asking(qtbot, anne, bruno_context, words,  # noqa: F811
                                                                 monkeypatch) -> None:
    page = words(bruno_context)
    set_narrative(anne, "steering", "fr", "next_steps", "Valider le budget")
    bruno_context.data_changed.emit(frozenset({"settings"}))  # Bruno, not typing, is shown hers
    assert page.editors["next_steps"].toPlainText() == "Valider le budget"
    asked = _answer(monkeypatch, None)
    _pause_after_typing(qtbot, page, "next_steps", "Valider le budget\nLancer le pilote")
    assert asked == [] and _stored(anne)["next_steps"] == "Valider le budget\nLancer le pilote"


def test_two_fields_saved_by_two_consultants_both_land(qtbot, anne, bruno_context, words, monkeypatch) -> None:  # noqa: F811
    page = words(bruno_context)
    set_narrative(anne, "steering", "fr", "introduction", "Ce rapport couvre le trimestre.")
    asked = _answer(monkeypatch, None)
    _pause_after_typing(qtbot, page, "executive_summary", "Le programme tient ses délais.")
    assert asked == [] and _stored(anne) == {"introduction": "Ce rapport couvre le trimestre.",
                                             "executive_summary": "Le programme tient ses délais."}


def test_set_narrative_refuses_to_replace_a_text_it_did_not_see(anne, bruno_context) -> None:  # noqa: F811
    set_narrative(anne, "steering", "fr", "introduction", "Version d'Anne")
    with pytest.raises(EditConflictError) as refused:
        set_narrative(bruno_context.workspace, "steering", "fr", "introduction", "Version de Bruno", seen="")
    assert refused.value.module == "narrative" and refused.value.current["introduction"] == "Version d'Anne"
    set_narrative(bruno_context.workspace, "steering", "fr", "introduction", "Version de Bruno",
                  seen="Version d'Anne")  # having read hers
    assert _stored(anne) == {"introduction": "Version de Bruno"}


def test_the_dialog_names_the_text_and_the_deliverable(qtbot, anne, bruno_context, words, monkeypatch) -> None:  # noqa: F811
    from caio_desktop.ui.team.conflict import ConflictDialog

    page = words(bruno_context)
    set_narrative(anne, "steering", "fr", "executive_summary", "Le pilote est lancé.")
    asked = _answer(monkeypatch, None)
    _pause_after_typing(qtbot, page, "executive_summary", "Le programme tient ses délais.")
    dialog = ConflictDialog(asked[0], "fr")
    qtbot.addWidget(dialog)
    assert "« Synthèse » (Rapport de comité de pilotage)" in dialog.heading.text()
    assert [dialog.table.item(0, c).text() for c in range(3)] == [
        "Synthèse", "Le pilote est lancé.", "Le programme tient ses délais."]


def test_on_a_file_the_words_are_saved_as_before(qtbot, file_context, words, monkeypatch) -> None:
    page = words(file_context)
    asked = _answer(monkeypatch, None)
    _pause_after_typing(qtbot, page, "executive_summary", "Le programme tient ses délais.")
    _pause_after_typing(qtbot, page, "executive_summary", "Le programme tient ses délais et son budget.")
    page.editors["executive_summary"].leave()
    assert asked == [] and _stored(file_context.workspace) == {
        "executive_summary": "Le programme tient ses délais et son budget."}
    assert file_context.undo_stack.count() == 1  # one visit: one undo step
    file_context.undo_stack.undo()
    assert page.editors["executive_summary"].toPlainText() == "" and _stored(file_context.workspace) == {}
