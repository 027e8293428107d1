"""Adding risks from the AI risk library: full risk rows with their treatment actions, no duplicates,
one undo step."""

from __future__ import annotations

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations import create_row, undo
from caio_desktop.operations.risk_library import add_risks_from_library
from caio_desktop.reference.risk_library import load_risk_library
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.workspace.queries import count_rows, fetch_rows


def test_library_risks_become_register_rows_with_actions(workspace) -> None:
    library = load_risk_library()
    hallucination = library.risk("hallucination")
    change = add_risks_from_library(workspace, ["hallucination", "prompt_injection"])
    risks = fetch_rows(workspace, "risks")
    assert [r["code"] for r in risks] == ["R-001", "R-002"]
    first = risks[0]
    assert first["title"] == hallucination.title("fr")  # French engagement
    assert first["description"] == hallucination.description("fr")
    assert first["category"] == hallucination.category
    assert first["cause"].splitlines()[0] == f"• {hallucination.causes[0].fr}"
    assert first["consequence"].count("•") == len(hallucination.consequences)
    assert (first["likelihood"], first["impact"]) == (hallucination.likelihood, hallucination.impact)
    assert first["level"] == load_risk_matrix().level_for(hallucination.likelihood, hallucination.impact)
    assert first["treatment"] == hallucination.treatment and first["status"] == "open"
    assert first["custom"]["library_key"] == "hallucination"
    actions = fetch_rows(workspace, "risk_actions", where={"risk_id": first["id"]})
    assert [a["title"] for a in actions] == [a.fr for a in hallucination.actions]
    assert change.added == ["hallucination", "prompt_injection"] and change.risk_ids == change.row_ids
    assert change.text("fr") == "Ajouter risque ×2"


def test_already_picked_keys_are_skipped_and_reported(workspace) -> None:
    add_risks_from_library(workspace, ["shadow_ai"], lang="en")
    change = add_risks_from_library(workspace, ["shadow_ai", "model_drift", "model_drift"], lang="en")
    assert change.skipped == ["shadow_ai"] and change.added == ["model_drift"]
    assert [r["custom"]["library_key"] for r in fetch_rows(workspace, "risks")] == ["shadow_ai", "model_drift"]
    assert fetch_rows(workspace, "risks")[1]["title"] == load_risk_library().risk("model_drift").title("en")
    nothing = add_risks_from_library(workspace, ["shadow_ai"])
    assert nothing.empty and nothing.skipped == ["shadow_ai"]


def test_same_library_risk_for_another_system_is_a_new_risk(workspace) -> None:
    screening = create_row(workspace, "ai_systems", {"name": "Tri de CV"}).row_ids[0]
    pricing = create_row(workspace, "ai_systems", {"name": "Tarification"}).row_ids[0]
    add_risks_from_library(workspace, ["algorithmic_bias"], ai_system_id=screening)
    again = add_risks_from_library(workspace, ["algorithmic_bias"], ai_system_id=screening)
    other = add_risks_from_library(workspace, ["algorithmic_bias"], ai_system_id=pricing)
    assert again.skipped == ["algorithmic_bias"] and other.added == ["algorithmic_bias"]
    assert sorted(r["ai_system_id"] for r in fetch_rows(workspace, "risks")) == [screening, pricing]


def test_undo_removes_risks_and_actions(workspace) -> None:
    kept = create_row(workspace, "risks", {"title": "Risque saisi", "likelihood": 2, "impact": 2}).row_ids[0]
    change = add_risks_from_library(workspace, ["vendor_lock_in", "over_reliance"])
    assert count_rows(workspace, "risk_actions") > 0
    undo(workspace, change)
    assert [r["id"] for r in fetch_rows(workspace, "risks")] == [kept]
    assert count_rows(workspace, "risk_actions") == 0


def test_unknown_key_is_refused_before_anything_is_written(workspace) -> None:
    with pytest.raises(ValidationError, match="not a risk of the AI risk library"):
        add_risks_from_library(workspace, ["hallucination", "made_up"])
    assert count_rows(workspace, "risks") == 0
