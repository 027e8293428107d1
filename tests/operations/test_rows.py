"""Create / edit / duplicate / delete in every module, each undone and redone exactly."""

from __future__ import annotations

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row, delete_rows, duplicate_row, redo, undo, update_row
from caio_desktop.operations.rows import update_engagement
from caio_desktop.workspace.queries import counts, fetch_rows, get_row
from tests.operations.sample import sample_values

EDITABLE_MODULES = [key for key, mod in MODULES.items() if not mod.singleton]


def _snapshot(workspace) -> dict[str, list[dict]]:
    # (row_version left out: an undo restores the values as a new write, a new version — issue 19)
    return {key: [{k: v for k, v in r.items() if k not in ("created_at", "updated_at", "row_version")}
                  for r in fetch_rows(workspace, key)] for key in MODULES}


@pytest.mark.parametrize("module_key", EDITABLE_MODULES)
def test_every_module_add_edit_delete_and_undo(workspace, module_key: str) -> None:
    mod = MODULES[module_key]
    values = sample_values(workspace, module_key)
    before_add = _snapshot(workspace)

    added = create_row(workspace, module_key, values)
    row = get_row(workspace, module_key, added.row_ids[0])
    text_fields = [f.key for f in mod.editable_fields if f.kind == FieldKind.TEXT and f.key in values]
    for key in text_fields:
        assert row[key] == values[key]  # accents, guillemets and emoji kept as typed

    before_edit = _snapshot(workspace)
    edit_field = next(f for f in mod.editable_fields if f.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT,
                                                                 FieldKind.DATE, FieldKind.SCORE))
    new_value = {"TEXT": "Modifié", "LONG_TEXT": "Ligne 1\nLigne 2", "SCORE": 5}.get(
        edit_field.kind.name, values.get(edit_field.key))
    if edit_field.kind == FieldKind.DATE:
        import datetime as dt

        new_value = dt.date(2026, 9, 30)
    if module_key == "maturity_ratings":
        edit_field, new_value = mod.field("comment"), "Réévalué"
    edited = update_row(workspace, module_key, added.row_ids[0], {edit_field.key: new_value})
    assert get_row(workspace, module_key, added.row_ids[0])[edit_field.key] == new_value
    assert edited.text("en").startswith(f"Edit {mod.entity_en}")

    deleted = delete_rows(workspace, module_key, added.row_ids)
    assert get_row(workspace, module_key, added.row_ids[0]) is None

    undo(workspace, deleted)
    undo(workspace, edited)
    assert _snapshot(workspace) == before_edit
    undo(workspace, added)
    assert _snapshot(workspace) == before_add

    redo(workspace, added)
    redo(workspace, edited)
    assert get_row(workspace, module_key, added.row_ids[0])[edit_field.key] == new_value


def test_delete_cascades_to_children_and_undo_restores_them(workspace) -> None:
    risk = create_row(workspace, "risks", {"title": "Hallucination", "likelihood": 4, "impact": 4})
    for title in ("Garde-fous", "Revue humaine"):
        create_row(workspace, "risk_actions", {"risk_id": risk.row_ids[0], "title": title})
    objective = create_row(workspace, "objectives", {"title": "Réduire les délais"})
    use_case = create_row(workspace, "use_cases", {"title": "Tri des sinistres",
                                                   "objective_ids": [objective.row_ids[0]]})
    before = counts(workspace)
    change = delete_rows(workspace, "risks", risk.row_ids)
    assert counts(workspace)["risk_actions"] == 0
    unlink = delete_rows(workspace, "objectives", objective.row_ids)
    assert get_row(workspace, "use_cases", use_case.row_ids[0])["objective_ids"] == []
    undo(workspace, unlink)
    undo(workspace, change)
    assert counts(workspace) == before
    assert get_row(workspace, "use_cases", use_case.row_ids[0])["objective_ids"] == objective.row_ids


def test_validation_error_names_field_and_value_and_changes_nothing(workspace) -> None:
    before = counts(workspace)
    with pytest.raises(ValidationError) as error:
        create_row(workspace, "risks", {"title": "Biais", "likelihood": 7, "impact": 2})
    assert error.value.field == "likelihood"
    assert error.value.value == 7
    assert "between 1 and 5" in str(error.value)
    with pytest.raises(ValidationError, match="required"):
        create_row(workspace, "risks", {"likelihood": 2, "impact": 2})
    with pytest.raises(ValidationError, match="not one of"):
        create_row(workspace, "risks", {"title": "x", "likelihood": 2, "impact": 2, "status": "maybe"})
    with pytest.raises(ValidationError, match="no existing"):
        create_row(workspace, "risks", {"title": "x", "likelihood": 2, "impact": 2, "ai_system_id": 999})
    assert counts(workspace) == before


def test_risk_codes_are_assigned_unique_and_levels_follow_the_matrix(workspace) -> None:
    from caio_desktop.reference.risk_matrix import load_risk_matrix

    matrix = load_risk_matrix()
    first = create_row(workspace, "risks", {"title": "A", "likelihood": 5, "impact": 5,
                                            "residual_likelihood": 1, "residual_impact": 2})
    second = create_row(workspace, "risks", {"title": "B", "likelihood": 1, "impact": 1})
    a, b = get_row(workspace, "risks", first.row_ids[0]), get_row(workspace, "risks", second.row_ids[0])
    assert (a["code"], b["code"]) == ("R-001", "R-002")
    assert a["level"] == matrix.level_for(5, 5)
    assert a["residual_level"] == matrix.level_for(1, 2)
    assert b["residual_level"] is None
    with pytest.raises(ValidationError, match="already used"):
        update_row(workspace, "risks", b["id"], {"code": "R-001"})
    copy = duplicate_row(workspace, "risks", a["id"])
    duplicated = get_row(workspace, "risks", copy.row_ids[0])
    assert duplicated["code"] == "R-003"
    assert duplicated["title"] == "A (copie)"
    assert copy.text("fr") == "Dupliquer risque R-003"


def test_use_case_scores_and_vendor_weighted_scores_are_derived(workspace) -> None:
    uc = create_row(workspace, "use_cases", {
        "title": "Assistant de gestion des sinistres", "business_value": 5, "strategic_alignment": 5,
        "data_readiness": 2, "technical_complexity": 5, "cost": 4, "risk": 4})
    row = get_row(workspace, "use_cases", uc.row_ids[0])
    assert (row["value_score"], row["feasibility_score"], row["quadrant"]) == (5.0, 1.75, "strategic_bet")
    change = update_row(workspace, "use_cases", row["id"], {"technical_complexity": 1, "cost": 1, "risk": 1,
                                                            "data_readiness": 5})
    assert get_row(workspace, "use_cases", row["id"])["quadrant"] == "quick_win"
    undo(workspace, change)
    assert get_row(workspace, "use_cases", row["id"])["quadrant"] == "strategic_bet"

    option = create_row(workspace, "vendor_options", {"name": "Mistral Large"}).row_ids[0]
    cost = create_row(workspace, "vendor_criteria", {"name": "Coût", "weight": 1}).row_ids[0]
    sovereignty = create_row(workspace, "vendor_criteria", {"name": "Souveraineté", "weight": 3}).row_ids[0]
    create_row(workspace, "vendor_scores", {"option_id": option, "criterion_id": cost, "score": 2})
    create_row(workspace, "vendor_scores", {"option_id": option, "criterion_id": sovereignty, "score": 5})
    assert get_row(workspace, "vendor_options", option)["weighted_score"] == 4.25
    update_row(workspace, "vendor_criteria", sovereignty, {"weight": 1})
    assert get_row(workspace, "vendor_options", option)["weighted_score"] == 3.5


def test_engagement_is_edited_not_created_or_deleted(workspace) -> None:
    import datetime as dt

    with pytest.raises(ValidationError):
        create_row(workspace, "engagement", {"client_name": "Autre"})
    with pytest.raises(ValidationError):
        delete_rows(workspace, "engagement", [1])
    with pytest.raises(ValidationError, match="after the start"):
        update_engagement(workspace, {"end_date": dt.date(2025, 1, 1)})
    change = update_engagement(workspace, {"client_name": "Assurances du Rhône et de Saône"})
    assert workspace.engagement().client_name == "Assurances du Rhône et de Saône"
    undo(workspace, change)
    assert workspace.engagement().client_name == "Assurances du Rhône"


def test_every_change_is_in_the_audit_trail(workspace) -> None:
    change = create_row(workspace, "stakeholders", {"name": "Åsa Lindqvist", "influence": 4})
    update_row(workspace, "stakeholders", change.row_ids[0], {"influence": 5})
    undo(workspace, change)  # undoing an add after an edit still leaves a consistent trail
    trail = workspace.audit_trail(10)
    operations = [entry.operation for entry in trail]
    assert operations[0].startswith("Undo Add stakeholder")
    assert "Edit stakeholder Åsa Lindqvist" in operations
    edit = next(e for e in trail if e.operation == "Edit stakeholder Åsa Lindqvist")
    assert edit.entity == "stakeholders" and edit.entity_id == change.row_ids[0]
    assert '"influence": 4' in edit.before and '"influence": 5' in edit.after
