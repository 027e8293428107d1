"""Tests for the AI Act classification (caio_desktop.domain.ai_act)."""

import datetime as dt
import json

import pytest

from caio_desktop.domain.ai_act import Classification, SystemFacts, classify


def run(**facts: object) -> Classification:
    facts.setdefault("role", "provider")
    return classify(SystemFacts.from_dict(facts))


def keys(result: Classification) -> set[str]:
    return {o.key for o in result.obligations}


# --- prohibited ---------------------------------------------------------------------------------


@pytest.mark.parametrize("point", list("abcdefgh"))
def test_each_prohibited_practice(point: str) -> None:
    result = run(prohibited_practice=point, annex_iii_area=4, art50_cases=["50(1)"], gpai=True)
    assert result.tier == "prohibited"
    assert result.articles == [f"Art. 5(1)({point})"]
    assert keys(result) == {"prohibited_stop", "ai_literacy"}
    assert "Art. 5(1)" in result.rationale("en") and "art. 5(1)" in result.rationale("fr")


@pytest.mark.parametrize(("practice", "alias"), [("non_consensual_intimate_content", "ba"), ("csam", "bb")])
def test_prohibitions_added_by_the_omnibus(practice: str, alias: str) -> None:
    # Point letters are unconfirmed: the article cited is Art. 5(1), flagged unverified, with its date.
    result = run(prohibited_practice=practice, annex_iii_area=4)
    assert result.tier == "prohibited" and result.articles == ["Art. 5(1)"]
    assert result.prohibition is not None and result.prohibition.key == practice
    assert result.prohibition.applies_from == dt.date(2026, 12, 2)
    assert result.prohibition.verification.unverified
    assert all(o.applies_from == dt.date(2026, 12, 2) for o in result.obligations if o.situation == "prohibited")
    assert any("Journal officiel" in n.fr for n in result.notes)
    # Stored facts of an earlier file used the letters: they read as the same practice.
    assert SystemFacts.from_dict({"role": "provider", "prohibited_practice": alias}).prohibited_practice == practice
    before = classify(SystemFacts.from_dict({"role": "deployer", "prohibited_practice": practice}),
                      as_of=dt.date(2026, 11, 1))
    assert any("applies from 2026-12-02" in n.en for n in before.notes)
    assert before.to_dict()["prohibition"]["in_effect"] is False
    after = classify(SystemFacts.from_dict({"role": "deployer", "prohibited_practice": practice}),
                     as_of=dt.date(2026, 12, 3))
    assert after.to_dict()["prohibition"] == {**after.to_dict()["prohibition"], "applies_from": "2026-12-02",
                                              "in_effect": True, "article": "Art. 5(1)"}


def test_original_prohibitions_apply_from_february_2025() -> None:
    result = run(prohibited_practice="f")
    assert result.prohibition.article == "Art. 5(1)(f)"
    assert result.prohibition.applies_from == dt.date(2025, 2, 2)


@pytest.mark.parametrize(("facts", "date"), [
    ({"annex_iii_area": 4}, dt.date(2027, 12, 2)),                       # Annex III, as amended
    ({"annex_i_product": True}, dt.date(2028, 8, 2)),                    # Annex I, as amended
    ({"annex_i_product": True, "annex_iii_area": 5}, dt.date(2027, 12, 2)),  # both: the earlier
])
def test_high_risk_obligations_follow_the_amended_calendar(facts: dict, date: dt.date) -> None:
    result = run(**facts)
    high = [o for o in result.obligations if o.situation == "high_risk"]
    assert high and all(o.applies_from == date for o in high)
    assert all(o.unverified for o in high)  # the amended dates rest on secondary sources
    engagement_day = dt.date(2027, 1, 15)
    data = classify(result.facts, as_of=engagement_day).to_dict()
    assert data["as_of"] == "2027-01-15"
    for obligation in data["obligations"]:
        if obligation["situation"] == "high_risk":
            assert obligation["applies_from"] == date.isoformat() and obligation["in_effect"] is False
            assert obligation["verification"]["status"] == "unverified"
        if obligation["key"] == "ai_literacy":
            assert obligation["applies_from"] == "2025-02-02" and obligation["in_effect"] is True


def test_art50_2_grace_period_for_systems_already_on_the_market() -> None:
    new = run(art50_cases=["50(2)"])
    legacy = run(art50_cases=["50(2)"], already_on_market=True)
    marking = {o.key: o for o in new.obligations}["transparency_50_2"]
    assert marking.applies_from == dt.date(2026, 8, 2)
    marking = {o.key: o for o in legacy.obligations}["transparency_50_2"]
    assert marking.applies_from == dt.date(2026, 12, 2) and marking.unverified
    assert any("2 August 2026" in n.en for n in legacy.notes)


# --- high risk: Annex III ------------------------------------------------------------------------


@pytest.mark.parametrize("area", range(1, 9))
def test_each_annex_iii_area_is_high_risk(area: int) -> None:
    result = run(annex_iii_area=area)
    assert result.tier == "high"
    assert result.articles[:2] == ["Art. 6(2)", f"Annex III, point {area}"]
    assert {"hr_risk_management", "hr_quality_management", "hr_conformity_assessment"} <= keys(result)
    assert all(
        o.applies_from.isoformat() == "2027-12-02" for o in result.obligations if o.situation == "high_risk"
    )


def test_annex_iii_point_is_cited() -> None:
    result = run(annex_iii_area=4, annex_iii_point="a")
    assert "Annex III, point 4(a)" in result.articles
    assert "Recruitment" in result.rationale("en") and "Recrutement" in result.rationale("fr")


def test_derogation_without_profiling_is_not_high_risk() -> None:
    result = run(annex_iii_area=4, annex_iii_point="a", art6_3_derogation="a")
    assert result.tier == "minimal"
    assert result.articles == ["Art. 6(3)(a)"]
    assert {"derogation_document", "derogation_register", "ai_literacy"} == keys(result)


def test_derogation_with_profiling_stays_high_risk() -> None:
    result = run(annex_iii_area=4, art6_3_derogation="d", profiling=True)
    assert result.tier == "high"
    assert "Art. 6(3), last subparagraph" in result.articles
    assert "profiling" in result.rationale("en") and "profilage" in result.rationale("fr")


def test_derogation_without_annex_iii_is_ignored_with_note() -> None:
    result = run(art6_3_derogation="b")
    assert result.tier == "minimal"
    assert result.articles == []
    assert any("ignored" in note.en for note in result.notes)
    assert "ignorée" in result.rationale("fr")


def test_derogation_and_art50_gives_limited() -> None:
    result = run(annex_iii_area=3, art6_3_derogation="c", art50_cases=["50(1)"])
    assert result.tier == "limited"
    assert result.articles == ["Art. 6(3)(c)", "Art. 50(1)"]


# --- high risk: Annex I --------------------------------------------------------------------------


def test_annex_i_product_is_high_risk_with_2028_date() -> None:
    result = run(annex_i_product=True)
    assert result.tier == "high" and result.articles == ["Art. 6(1)"]
    dates = {o.applies_from.isoformat() for o in result.obligations if o.situation == "high_risk"}
    assert dates == {"2028-08-02"}


def test_annex_i_with_derogation_stays_high() -> None:
    # Art. 6(3) only lifts the Annex III route; the product route remains.
    result = run(annex_i_product=True, annex_iii_area=1, art6_3_derogation="a")
    assert result.tier == "high"
    assert result.articles[0] == "Art. 6(1)"


def test_both_routes_use_earlier_date() -> None:
    result = run(annex_i_product=True, annex_iii_area=5, annex_iii_point="a")
    assert {o.applies_from.isoformat() for o in result.obligations if o.situation == "high_risk"} == {
        "2027-12-02"
    }
    assert result.notes


# --- transparency ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["50(1)", "50(2)", "50(3)", "50(4)"])
def test_art50_alone_is_limited(case: str) -> None:
    result = run(art50_cases=[case])
    assert result.tier == "limited"
    assert result.articles == [f"Art. {case}"]


def test_art50_obligation_binds_the_named_role() -> None:
    provider = run(role="provider", art50_cases=["50(1)"])
    deployer = run(role="deployer", art50_cases=["50(1)"])
    assert [o.binding for o in provider.obligations if o.situation == "transparency"] == [True]
    assert [o.binding for o in deployer.obligations if o.situation == "transparency"] == [False]
    deepfake = run(role="deployer", art50_cases=["Art. 50(4)"])
    assert [o.binding for o in deepfake.obligations if o.situation == "transparency"] == [True]


def test_high_risk_with_art50_gets_both_sets() -> None:
    result = run(annex_iii_area=4, art50_cases=["50(1)", "50(2)"])
    assert result.tier == "high"
    assert {"Art. 6(2)", "Art. 50(1)", "Art. 50(2)"} <= set(result.articles)
    assert {"hr_risk_management", "transparency_50_1", "transparency_50_2"} <= keys(result)


# --- GPAI -----------------------------------------------------------------------------------------


def test_gpai_provider_gets_art53() -> None:
    result = run(gpai=True)
    assert result.tier == "minimal"
    assert "Art. 53" in result.articles
    assert {"gpai_technical_documentation", "gpai_copyright_policy", "gpai_training_summary"} <= keys(result)
    assert not any(o.key.startswith("gpai_sr_") for o in result.obligations)


def test_gpai_systemic_risk_adds_art55() -> None:
    result = run(gpai=True, gpai_systemic_risk=True)
    assert "Art. 55" in result.articles
    assert "gpai_sr_evaluation" in keys(result)


def test_gpai_deployer_gets_no_art53_but_a_note() -> None:
    result = run(role="deployer", gpai=True, art50_cases=["50(4)"])
    assert result.tier == "limited"
    assert not any(o.situation == "gpai" for o in result.obligations)
    assert any("Art. 53(1)(b)" in note.en for note in result.notes)


# --- minimal and roles ---------------------------------------------------------------------------


def test_minimal() -> None:
    result = run()
    assert result.tier == "minimal" and result.articles == []
    assert keys(result) == {"ai_literacy"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("provider", {"hr_conformity_assessment", "hr_ce_marking", "hr_post_market_monitoring"}),
        (
            "deployer",
            {"hr_use_per_instructions", "hr_assign_oversight", "hr_keep_logs", "hr_becoming_provider"},
        ),
        ("importer", {"hr_importer_verify", "hr_importer_identification", "hr_becoming_provider"}),
        ("distributor", {"hr_distributor_verify", "hr_distributor_storage", "hr_becoming_provider"}),
    ],
)
def test_each_role_gets_its_high_risk_obligations(role: str, expected: set[str]) -> None:
    result = run(role=role, annex_iii_area=4)
    assert expected <= keys(result)
    assert "ai_literacy" in keys(result)
    if role != "deployer":
        assert "hr_fria" not in keys(result)


def test_art4_binding_only_for_providers_and_deployers() -> None:
    for role, binding in [
        ("provider", True),
        ("deployer", True),
        ("importer", False),
        ("distributor", False),
    ]:
        literacy = [o for o in run(role=role).obligations if o.key == "ai_literacy"]
        assert [o.binding for o in literacy] == [binding]


@pytest.mark.parametrize(
    ("area", "point", "fria"),
    [
        (5, "b", "mandatory"),
        (5, "c", "mandatory"),
        (4, "a", "conditional"),
        (2, None, None),
        (5, "a", "conditional"),
    ],
)
def test_fria_for_deployers(area: int, point: str | None, fria: str | None) -> None:
    result = run(role="deployer", annex_iii_area=area, annex_iii_point=point)
    found = [o for o in result.obligations if o.key == "hr_fria"]
    if fria is None:
        assert not found
    elif fria == "mandatory":
        assert found and found[0].condition is None
    else:
        assert found and found[0].condition is not None


def test_annex_i_only_deployer_has_no_annex_iii_duties() -> None:
    result = run(role="deployer", annex_i_product=True)
    assert not {"hr_fria", "hr_inform_persons", "hr_explanation"} & keys(result)


# --- validation and serialisation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "key"),
    [
        ({"role": "user"}, "role"),
        ({}, "role"),
        ({"role": "provider", "prohibited_practice": "z"}, "prohibited_practice"),
        ({"role": "provider", "annex_iii_area": 9}, "annex_iii_area"),
        ({"role": "provider", "annex_iii_area": True}, "annex_iii_area"),
        ({"role": "provider", "annex_iii_area": 4, "annex_iii_point": "z"}, "annex_iii_point"),
        ({"role": "provider", "annex_iii_point": "a"}, "annex_iii_point"),
        ({"role": "provider", "art6_3_derogation": "e"}, "art6_3_derogation"),
        ({"role": "provider", "art50_cases": ["50(5)"]}, "art50_cases"),
        ({"role": "provider", "art50_cases": "50(1)"}, "art50_cases"),
        ({"role": "provider", "gpai": "yes"}, "gpai"),
        ({"role": "provider", "profiling": 1}, "profiling"),
        ({"role": "provider", "colour": "blue"}, "colour"),
    ],
)
def test_invalid_facts_name_the_key(facts: dict, key: str) -> None:
    with pytest.raises(ValueError, match=key):
        SystemFacts.from_dict(facts)


def test_from_dict_normalises_and_round_trips() -> None:
    facts = SystemFacts.from_dict(
        {
            "role": "deployer",
            "prohibited_practice": None,
            "annex_i_product": False,
            "annex_iii_area": "4",
            "annex_iii_point": "A",
            "art6_3_derogation": "",
            "profiling": True,
            "art50_cases": ["Art. 50(2)", "50(1)", "50(1)"],
            "gpai": False,
        }
    )
    assert facts.annex_iii_area == 4 and facts.annex_iii_point == "a" and facts.art6_3_derogation is None
    assert facts.art50_cases == ("50(1)", "50(2)")
    assert SystemFacts.from_dict(facts.to_dict()) == facts


def test_to_dict_is_json_and_bilingual() -> None:
    result = run(role="deployer", annex_iii_area=5, annex_iii_point="b", art50_cases=["50(1)"], gpai=True)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["tier"] == "high"
    assert "Art. 27" in data["articles"]
    assert set(data["rationale"]) == {"fr", "en"} and data["rationale"]["fr"] and data["rationale"]["en"]
    for obligation in data["obligations"]:
        assert obligation["article"] and obligation["text"]["fr"] and obligation["text"]["en"]
    assert data["tier_label"] == {"fr": "Haut risque", "en": "High risk"}


def test_rationale_first_line_names_tier() -> None:
    result = run(art50_cases=["50(1)"])
    assert result.rationale("en").splitlines()[0] == "Role: provider. Tier: Limited risk (transparency)."
    assert result.rationale("fr").splitlines()[0].startswith("Rôle retenu : fournisseur.")
