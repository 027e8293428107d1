"""The field registry and the typed models describe the same columns; labels exist in both languages."""

from __future__ import annotations

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES, module
from caio_desktop.workspace.models import LINKS, MODELS

ISSUE_MODULE_KEYS = {
    "engagement", "phases", "team", "maturity", "interviews", "findings", "ai_systems", "objectives",
    "principles", "use_cases", "vendor_options", "initiatives", "milestones", "kpis", "kpi_measurements",
    "stakeholders", "trainings", "communications", "risks", "risk_actions", "compliance", "decisions",
    "actions", "watch", "deliverables",
}


def test_every_module_of_the_engagement_exists() -> None:
    assert set(MODULES) >= ISSUE_MODULE_KEYS


def test_registry_matches_models() -> None:
    for key, mod in MODULES.items():
        table = MODELS[key].__table__
        for field in mod.fields:
            if field.kind == FieldKind.REFS:
                assert (key, field.key) in LINKS
            else:
                assert field.key in table.c, f"{key}.{field.key} has no column"
            if field.kind == FieldKind.CHOICE:
                assert field.choices in ENUMERATIONS
            if field.kind in (FieldKind.REF, FieldKind.REFS):
                assert field.ref in MODULES
        assert mod.has_field(mod.title_field)
        assert "custom" in table.c and "created_at" in table.c and "updated_at" in table.c


def test_labels_in_both_languages() -> None:
    for mod in MODULES.values():
        assert mod.label("fr") and mod.label("en") and mod.entity("fr") and mod.entity("en")
        for field in mod.fields:
            assert field.label("fr").strip() and field.label("en").strip()
    for enum in ENUMERATIONS.values():
        for choice in enum.choices:
            assert choice.fr.strip() and choice.en.strip()


def test_enumerations_named_by_the_issue() -> None:
    assert ENUMERATIONS["ai_act_tier"].codes == ("unclassified", "prohibited", "high", "limited", "minimal")
    assert ENUMERATIONS["attitude"].codes == ("champion", "supporter", "neutral", "sceptic", "resistant")
    assert set(ENUMERATIONS["risk_category"].codes) == {
        "ai_ethics", "cybersecurity", "privacy_gdpr", "ai_act", "operational", "legal", "reputational",
        "vendor", "other"}
    assert ENUMERATIONS["risk_level"].label("critical", "fr") == "Critique"


def test_unknown_module_lists_the_known_ones() -> None:
    import pytest

    with pytest.raises(ValueError, match="known modules: engagement"):
        module("risques")


def test_light_module_key_list_matches_the_registry() -> None:
    from caio_desktop.domain.module_keys import MODULE_KEYS

    assert tuple(MODULES) == MODULE_KEYS
