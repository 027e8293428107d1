"""The "Generate compliance checklist" action: one undo step and a summary the consultant reads."""

from __future__ import annotations

import pytest

from caio_desktop.operations import create_row
from caio_desktop.operations.rows import update_engagement
from caio_desktop.ui.ai_act.checklist import ChecklistAction, generate_checklist_action
from caio_desktop.ui.context import AppContext
from caio_desktop.workspace.queries import count_rows


class FakeMessageBox:
    """Records what would have been shown instead of opening a modal box."""

    shown: list[tuple[str, str, str]] = []

    @classmethod
    def information(cls, parent, title: str, text: str) -> None:  # noqa: ANN001
        cls.shown.append(("information", title, text))

    @classmethod
    def warning(cls, parent, title: str, text: str) -> None:  # noqa: ANN001
        cls.shown.append(("warning", title, text))


@pytest.fixture
def boxes(monkeypatch, workspace) -> list[tuple[str, str, str]]:
    # A sector without sector rules: the counts below are the AI Act's alone (the insurer of the
    # workspace fixture would add the DORA items, tested with the generator).
    update_engagement(workspace, {"sector": "Commerce de détail"})
    FakeMessageBox.shown = []
    monkeypatch.setattr(ChecklistAction, "message_box", FakeMessageBox)
    return FakeMessageBox.shown


def test_generate_twice_then_undo(qtbot, workspace, boxes) -> None:
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    create_row(workspace, "ai_systems", {"name": "Chatbot", "ai_act_tier": "limited", "ai_act_role": "provider"})
    create_row(workspace, "ai_systems", {"name": "Outil inconnu"})
    change = generate_checklist_action(context)
    added = count_rows(workspace, "compliance")
    # No stored facts: a limited-risk system gets every Art. 50 case to check, plus Art. 4.
    assert added == change.added == 5
    kind, title, text = boxes[-1]
    assert (kind, title) == ("information", "Liste de conformité")
    assert text.startswith("5 exigence(s) ajoutée(s) au registre de conformité pour 2 système(s) d'IA ; "
                           "0 déjà présente(s).")
    assert "Non classés (aucune exigence AI Act) : Outil inconnu" in text
    assert context.undo_stack.undoText() == "Générer liste de conformité ×2"

    generate_checklist_action(context)
    assert count_rows(workspace, "compliance") == added
    assert "0 exigence(s) ajoutée(s)" in boxes[-1][2] and "5 déjà présente(s)" in boxes[-1][2]
    assert context.undo_stack.count() == 1  # an empty run is not an undo step

    context.undo_stack.undo()
    assert count_rows(workspace, "compliance") == 0


def test_unknown_system_warns(qtbot, workspace, boxes) -> None:
    context = AppContext(lang="en")
    context.set_workspace(workspace)
    assert generate_checklist_action(context, [77]) is None
    assert boxes == [("warning", "Compliance checklist", "ai_systems has no row 77")]


def test_summary_counts_items_the_classification_no_longer_requires(qtbot, workspace, boxes) -> None:
    from caio_desktop.operations.ai_act import reclassify_ai_system

    context = AppContext(lang="en")
    context.set_workspace(workspace)
    system_id = create_row(workspace, "ai_systems", {"name": "Chatbot"}).row_ids[0]
    reclassify_ai_system(workspace, system_id, {"role": "provider", "art50_cases": ["50(1)", "50(2)"]})
    generate_checklist_action(context, [system_id])
    reclassify_ai_system(workspace, system_id, {"role": "provider", "art50_cases": ["50(1)"]})
    generate_checklist_action(context, [system_id])
    assert boxes[-1][2] == ("0 compliance item(s) added for 1 AI system(s); 2 already present.\n\n"
                            "1 generated item(s) no longer follow from the classification: they are kept; "
                            'mark them "Not applicable" if so.')


def test_summary_says_what_a_reference_update_added_or_changed(qtbot, workspace, boxes) -> None:
    from caio_desktop.operations.compliance import ChecklistChange
    from caio_desktop.ui.ai_act.checklist import checklist_summary

    change = ChecklistChange("generate", "compliance", "x", systems=1, added=2, already_present=3,
                             added_by_update=2, changed_by_update=1,
                             updated_references={"eu_ai_act": ("1.2.0", "1.3.0")})
    text = checklist_summary(change, "en")
    assert "Reference content updated since the last assessment (eu_ai_act 1.2.0 → 1.3.0): 2 item(s) added " \
           "and 1 changed, marked in the register." in text
    assert "Référentiel mis à jour" in checklist_summary(change, "fr")


def test_summary_says_what_does_not_apply_yet_on_the_engagement_date() -> None:
    import datetime as dt

    from caio_desktop.operations.compliance import ChecklistChange
    from caio_desktop.ui.ai_act.checklist import checklist_summary

    change = ChecklistChange("generate", "compliance", "x", systems=1, added=9, as_of=dt.date(2026, 12, 3),
                             not_yet_in_effect=7, next_applies_from=dt.date(2027, 12, 2))
    assert ("On 03 Dec 2026 (the engagement's reference date), 7 item(s) do not apply yet; the first from "
            "02 Dec 2027 (see the due dates).") in checklist_summary(change, "en")
    assert "Au 03/12/2026 (date de référence de la mission), 7 exigence(s)" in checklist_summary(change, "fr")
