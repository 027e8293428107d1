"""Tests for the GDPR reference items."""

import pytest

from caio_desktop.reference.gdpr import load_gdpr


def test_counts() -> None:
    gdpr = load_gdpr()
    assert [b.article for b in gdpr.lawful_bases] == [f"Art. 6(1)({k})" for k in "abcdef"]
    assert [t.article for t in gdpr.dpia_triggers] == ["Art. 35(3)(a)", "Art. 35(3)(b)", "Art. 35(3)(c)"]
    assert len(gdpr.dpia_criteria) == 9
    assert {"Art. 13", "Art. 14", "Art. 15", "Art. 22"} <= {r.article for r in gdpr.rights}
    assert [r.article for r in gdpr.records_fields] == [f"Art. 30(1)({k})" for k in "abcdefg"]


def test_dpia_rule_of_thumb() -> None:
    gdpr = load_gdpr()
    assert not gdpr.dpia_likely_required({"innovative_technology"})
    assert gdpr.dpia_likely_required({"innovative_technology", "evaluation_scoring"})
    with pytest.raises(ValueError, match="nope"):
        gdpr.dpia_likely_required({"nope"})


def test_cnil_is_mentioned() -> None:
    gdpr = load_gdpr()
    assert "CNIL" in gdpr.dpia_authority_lists.get("fr") and "CNIL" in gdpr.dpia_authority_lists.get("en")
