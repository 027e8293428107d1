"""Tests for the EU AI Act reference data (counts, dates, amendments, cross-references)."""

import datetime as dt

from caio_desktop.reference.ai_act import ROLES, load_ai_act


def test_framework_counts() -> None:
    act = load_ai_act()
    assert [p.key for p in act.prohibited_practices] == list("abcdefgh")
    assert [a.number for a in act.annex_iii_areas] == list(range(1, 9))
    assert [d.key for d in act.derogations] == list("abcd")
    assert [c.key for c in act.transparency_cases] == ["50(1)", "50(2)", "50(3)", "50(4)"]
    # Annex III points as in the Official Journal.
    assert [len(a.points) for a in act.annex_iii_areas] == [3, 1, 4, 2, 4, 5, 4, 2]


def test_application_dates_and_omnibus() -> None:
    act = load_ai_act()
    assert act.date("entry_into_force").date == dt.date(2024, 8, 1)
    assert act.date("prohibitions_and_literacy").date == dt.date(2025, 2, 2)
    assert act.date("gpai_governance_penalties").date == dt.date(2025, 8, 2)
    assert act.date("general_application").date == dt.date(2026, 8, 2)
    # Original high-risk dates are kept but marked as superseded by the in-force amendment.
    original_annex_i = act.date("high_risk_annex_i_original")
    assert original_annex_i.date == dt.date(2027, 8, 2) and original_annex_i.status == "superseded"
    assert act.date("high_risk_annex_iii").date == dt.date(2027, 12, 2)
    assert act.date("high_risk_annex_i").date == dt.date(2028, 8, 2)
    assert act.amendment("digital_omnibus_ai_proposal").status == "proposal"
    omnibus = act.amendment("digital_omnibus_ai")
    assert omnibus.status == "in_force" and "2026/1744" in omnibus.reference
    for item in act.application_dates:
        if item.status == "superseded":
            assert item.superseded_by and act.date(item.superseded_by)


def test_obligations_exist_for_every_role() -> None:
    act = load_ai_act()
    for role in ROLES:
        assert act.obligations_for("all_systems", role)
        assert act.obligations_for("prohibited", role)
        assert act.obligations_for("high_risk", role)
    provider_articles = {o.article for o in act.obligations_for("high_risk", "provider")}
    for article in ("Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17"):
        assert article in provider_articles
    for article in ("Art. 43", "Art. 47", "Art. 48", "Art. 49(1)", "Art. 72"):
        assert article in provider_articles
    assert {o.article for o in act.obligations_for("gpai_provider", "provider")} >= {
        "Art. 53(1)(a)",
        "Art. 53(1)(d)",
    }


def test_obligation_keys_unique_per_role_and_situation() -> None:
    act = load_ai_act()
    for by_role in act.obligations.values():
        for obligations in by_role.values():
            keys = [o.key for o in obligations]
            assert len(keys) == len(set(keys))


def test_known_articles() -> None:
    known = load_ai_act().known_articles()
    assert {"Art. 4", "Art. 5", "Art. 9", "Art. 10", "Art. 26", "Art. 27", "Art. 50", "Art. 53"} <= known
