"""Tests for the AI risk library: counts, required fields and that every mapping id resolves."""

import pytest

from caio_desktop.reference.ai_act import load_ai_act
from caio_desktop.reference.iso42001 import load_iso42001
from caio_desktop.reference.nist_ai_rmf import load_nist_ai_rmf
from caio_desktop.reference.risk_library import CATEGORIES, TREATMENTS, load_risk_library
from caio_desktop.reference.risk_matrix import load_risk_matrix

EXPECTED_TOPICS = [
    "algorithmic_bias",
    "hallucination",
    "prompt_data_leakage",
    "shadow_ai",
    "vendor_lock_in",
    "model_drift",
    "ip_infringement",
    "prompt_injection",
    "over_reliance",
    "skills_loss",
    "ai_act_non_compliance",
]


def test_at_least_forty_risks_with_the_expected_topics() -> None:
    library = load_risk_library()
    assert len(library.risks) >= 40
    keys = [r.key for r in library.risks]
    assert len(keys) == len(set(keys))
    for key in EXPECTED_TOPICS:
        assert library.risk(key)


def test_every_risk_is_complete() -> None:
    library = load_risk_library()
    for risk in library.risks:
        assert risk.category in CATEGORIES and risk.treatment in TREATMENTS
        assert risk.causes and risk.consequences and risk.actions, risk.key
        assert risk.iso42001_controls and risk.nist_subcategories, risk.key
        assert 1 <= risk.likelihood <= 5 and 1 <= risk.impact <= 5
        # The default rating must land on the matrix; this also exercises the risk module's path.
        assert load_risk_matrix().level_for(risk.likelihood, risk.impact)


def test_every_category_is_used() -> None:
    library = load_risk_library()
    assert {r.category for r in library.risks} == set(CATEGORIES)


@pytest.mark.parametrize("kind", ["ai_act", "iso42001", "nist"])
def test_mappings_resolve(kind: str) -> None:
    library = load_risk_library()
    if kind == "ai_act":
        known = load_ai_act().known_articles()
        pairs = [(r.key, a) for r in library.risks for a in r.ai_act_articles]
    elif kind == "iso42001":
        known = {c.id for c in load_iso42001().controls}
        pairs = [(r.key, c) for r in library.risks for c in r.iso42001_controls]
    else:
        known = {s.id for s in load_nist_ai_rmf().subcategories}
        pairs = [(r.key, s) for r in library.risks for s in r.nist_subcategories]
    unresolved = [(key, ref) for key, ref in pairs if ref not in known]
    assert pairs and not unresolved


def test_labels_and_mit_attribution() -> None:
    library = load_risk_library()
    assert library.category_label("privacy_gdpr", "fr") == "Vie privée / RGPD"
    assert library.treatment_label("mitigate", "en") == "Mitigate"
    assert "CC BY 4.0" in library.meta.licence
    assert all(r.mit_domain in library.mit_domain_labels for r in library.risks)
