"""Classifying an AI system stores its facts, tier, role and rationale in one undo step."""

from __future__ import annotations

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations import create_row, undo
from caio_desktop.operations.ai_act import reclassify_ai_system
from caio_desktop.workspace.queries import get_row


def _system(workspace, **values) -> int:
    return create_row(workspace, "ai_systems", {"name": "Tri des candidatures", **values}).row_ids[0]


def test_classification_is_stored_and_undo_restores_the_previous_one(workspace) -> None:
    system_id = _system(workspace, personal_data=True)
    first = reclassify_ai_system(workspace, system_id, {"role": "deployer", "annex_iii_area": 4,
                                                        "annex_iii_point": "a"})
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "high"
    assert row["ai_act_role"] == "deployer"
    assert row["annex_iii_area"] == 4
    assert row["dpia_required"] is True  # personal data + high risk
    assert row["classification_facts"]["annex_iii_point"] == "a"
    # The rationale is in the engagement's language (the fixture engagement is French).
    assert "Haut risque (art. 6(2))" in row["classification_rationale"]
    assert first.text("fr") == "Classer système d'IA Tri des candidatures"

    # Changing one fact re-classifies: a derogation without profiling takes it out of high risk.
    second = reclassify_ai_system(workspace, system_id, {**row["classification_facts"],
                                                         "art6_3_derogation": "d"})
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "minimal"
    assert row["classification_facts"]["art6_3_derogation"] == "d"
    assert "dérogation revendiquée" in row["classification_rationale"]

    undo(workspace, second)
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "high"
    assert row["classification_facts"]["art6_3_derogation"] is None
    undo(workspace, first)
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "unclassified"
    assert row["classification_facts"] is None and row["classification_rationale"] is None


def test_dpia_flag_follows_personal_data_and_profiling(workspace) -> None:
    no_data = _system(workspace, personal_data=False, dpia_required=True)
    reclassify_ai_system(workspace, no_data, {"role": "deployer", "annex_iii_area": 4})
    assert get_row(workspace, "ai_systems", no_data)["dpia_required"] is False

    profiling = _system(workspace, personal_data=True)
    reclassify_ai_system(workspace, profiling, {"role": "deployer", "profiling": True})
    row = get_row(workspace, "ai_systems", profiling)
    assert row["ai_act_tier"] == "minimal" and row["dpia_required"] is True

    chatbot = _system(workspace, personal_data=True)
    reclassify_ai_system(workspace, chatbot, {"role": "deployer", "art50_cases": ["50(1)"]})
    row = get_row(workspace, "ai_systems", chatbot)
    assert row["ai_act_tier"] == "limited" and row["dpia_required"] is False

    # Unknown personal data: a DPIA decision recorded by hand is kept.
    unknown = _system(workspace, dpia_required=True)
    reclassify_ai_system(workspace, unknown, {"role": "deployer"})
    assert get_row(workspace, "ai_systems", unknown)["dpia_required"] is True


def test_bad_facts_name_the_fact_and_change_nothing(workspace) -> None:
    system_id = _system(workspace)
    with pytest.raises(ValidationError) as caught:
        reclassify_ai_system(workspace, system_id, {"role": "deployer", "annex_iii_area": 12})
    assert caught.value.field == "classification_facts.annex_iii_area"
    assert "1 to 8" in str(caught.value)
    with pytest.raises(ValidationError, match="role"):
        reclassify_ai_system(workspace, system_id, {"annex_iii_area": 4})
    with pytest.raises(LookupError):
        reclassify_ai_system(workspace, 999, {"role": "deployer"})
    assert get_row(workspace, "ai_systems", system_id)["ai_act_tier"] == "unclassified"


def test_english_engagement_gets_an_english_rationale(workspace) -> None:
    from caio_desktop.operations.rows import update_engagement

    update_engagement(workspace, {"language": "en"})
    system_id = _system(workspace)
    reclassify_ai_system(workspace, system_id, {"role": "provider", "prohibited_practice": "c"})
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "prohibited"
    assert row["classification_rationale"].startswith("Role: provider. Tier: Prohibited.")


def test_a_tier_set_by_hand_replaces_the_answers_it_contradicts(workspace) -> None:
    """The checklist must follow the tier people see: answers that give another tier stop being kept."""
    from caio_desktop.operations import update_row
    from caio_desktop.operations.compliance import stored_facts

    system_id = _system(workspace, personal_data=True)
    reclassify_ai_system(workspace, system_id, {"role": "deployer", "annex_iii_area": 4, "annex_iii_point": "a"})
    update_row(workspace, "ai_systems", system_id, {"purpose": "Tri des CV"})  # another field: answers kept
    assert get_row(workspace, "ai_systems", system_id)["classification_facts"]["annex_iii_area"] == 4
    update_row(workspace, "ai_systems", system_id, {"ai_act_tier": "high"})  # what the answers give: kept
    assert get_row(workspace, "ai_systems", system_id)["classification_facts"] is not None
    change = update_row(workspace, "ai_systems", system_id, {"ai_act_tier": "minimal"})
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "minimal" and row["classification_facts"] is None
    assert row["classification_rationale"].startswith("Classification modifiée à la main le ")
    assert "le questionnaire donnait : Haut risque" in row["classification_rationale"]
    from caio_desktop.domain.ai_act import classify

    assert classify(stored_facts(row)).tier == "minimal"  # the checklist follows the tier shown
    undo(workspace, change)
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_tier"] == "high" and row["classification_facts"]["annex_iii_point"] == "a"
    reclassify_ai_system(workspace, system_id, {"role": "provider", "annex_iii_area": 4})  # answers again
    row = get_row(workspace, "ai_systems", system_id)
    assert row["ai_act_role"] == "provider" and row["classification_facts"]["role"] == "provider"
    assert "à la main" not in row["classification_rationale"]
