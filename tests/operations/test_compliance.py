"""The compliance checklist generator: the right items per tier and role, GDPR items for personal data,
no duplicates on a second run, and one undo step that removes exactly what it added."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.operations.ai_act import reclassify_ai_system
from caio_desktop.operations.compliance import VERIFICATION_ATTRIBUTE, generate_compliance_checklist
from caio_desktop.operations.rows import update_engagement
from caio_desktop.workspace.queries import count_rows, fetch_rows


def _classified(workspace, name: str, facts: dict, **values) -> int:
    system_id = create_row(workspace, "ai_systems", {"name": name, **values}).row_ids[0]
    reclassify_ai_system(workspace, system_id, facts)
    return system_id


def _items(workspace, system_id: int, framework: str | None = None) -> list[dict]:
    rows = fetch_rows(workspace, "compliance", where={"ai_system_id": system_id})
    return [r for r in rows if framework is None or r["framework"] == framework]


def _references(workspace, system_id: int, framework: str) -> set[str]:
    return {r["reference"] for r in _items(workspace, system_id, framework)}


def test_high_risk_deployer_gets_article_26_items_with_due_dates(workspace) -> None:
    system_id = _classified(workspace, "Tri de CV", {"role": "deployer", "annex_iii_area": 4,
                                                     "annex_iii_point": "a"})
    change = generate_compliance_checklist(workspace, [system_id])
    refs = _references(workspace, system_id, "ai_act")
    assert {"Art. 26(1)", "Art. 26(2)", "Art. 26(5)", "Art. 26(6)", "Art. 26(7)", "Art. 27", "Art. 4"} <= refs
    assert not any(r.startswith("Art. 16") or r == "Art. 9" for r in refs)  # provider duties are not his
    items = _items(workspace, system_id)
    oversight = next(r for r in items if r["reference"] == "Art. 26(2)")
    assert oversight["status"] == "not_started"
    assert oversight["due_date"] == dt.date(2027, 12, 2)  # Annex III date as amended by Reg. 2026/1744
    assert oversight["requirement"].startswith("Confier la supervision humaine")  # French engagement
    assert oversight["custom"]["obligation_key"] == "ai_act:hr_assign_oversight"
    assert not _items(workspace, system_id, "gdpr")  # no personal data declared
    assert change.added == len(items) and change.row_ids == [r["id"] for r in items]
    assert change.text("fr") == "Générer liste de conformité Tri de CV"


def test_provider_gets_the_provider_articles(workspace) -> None:
    system_id = _classified(workspace, "Scoring crédit", {"role": "provider", "annex_iii_area": 5,
                                                          "annex_iii_point": "b"})
    generate_compliance_checklist(workspace, [system_id], lang="en")
    refs = _references(workspace, system_id, "ai_act")
    expected = {"Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17",
                "Art. 43", "Art. 47", "Art. 48", "Art. 49(1)", "Art. 72"}
    assert expected <= refs
    assert any(r.startswith("Art. 16") for r in refs)
    assert not any(r.startswith("Art. 26") for r in refs)
    risk_mgmt = next(r for r in _items(workspace, system_id) if r["reference"] == "Art. 9")
    assert risk_mgmt["requirement"].startswith("Establish, document and maintain a risk management system")


def test_limited_gets_article_50_and_minimal_only_ai_literacy(workspace) -> None:
    chatbot = _classified(workspace, "Chatbot RH", {"role": "provider", "art50_cases": ["50(1)"]})
    notes = _classified(workspace, "Résumé de réunions", {"role": "deployer"})
    generate_compliance_checklist(workspace)
    assert _references(workspace, chatbot, "ai_act") == {"Art. 50(1)", "Art. 4"}
    assert _references(workspace, notes, "ai_act") == {"Art. 4"}


def test_personal_data_adds_gdpr_items(workspace) -> None:
    screening = _classified(workspace, "Tri de CV", {"role": "deployer", "annex_iii_area": 4},
                            personal_data=True)
    chatbot = _classified(workspace, "Chatbot", {"role": "deployer", "art50_cases": ["50(1)"]},
                          personal_data=True)
    generate_compliance_checklist(workspace)
    # High risk with personal data: DPIA required, and Art. 22 (the right and the sector checklist's
    # detailed checks) since it decides about people.
    assert _references(workspace, screening, "gdpr") == {
        "Art. 6(1)", "Art. 13", "Art. 14", "Art. 15", "Art. 22", "Art. 30", "Art. 35",
        "Art. 22(1)", "Art. 22(2)", "Art. 22(3)", "Art. 22(4)", "Art. 13(2)(f), 14(2)(g), 15(1)(h)"}
    assert _references(workspace, chatbot, "gdpr") == {"Art. 6(1)", "Art. 13", "Art. 14", "Art. 15", "Art. 30"}
    lawful = next(r for r in _items(workspace, chatbot, "gdpr") if r["reference"] == "Art. 6(1)")
    assert "consentement (Art. 6(1)(a))" in lawful["requirement"]


def test_running_twice_adds_no_duplicates_and_keeps_the_consultants_work(workspace) -> None:
    system_id = _classified(workspace, "Tri de CV", {"role": "deployer", "annex_iii_area": 4},
                            personal_data=True)
    first = generate_compliance_checklist(workspace)
    count = count_rows(workspace, "compliance")
    assert count == first.added > 0
    some_item = first.row_ids[0]
    update_row(workspace, "compliance", some_item, {"status": "compliant", "evidence": "PV du comité"})
    second = generate_compliance_checklist(workspace)
    assert second.added == 0 and second.already_present == count and second.empty
    assert count_rows(workspace, "compliance") == count
    assert fetch_rows(workspace, "compliance", where={"id": some_item})[0]["status"] == "compliant"
    # A fact changes: only the new obligations are added.
    facts = fetch_rows(workspace, "ai_systems")[0]["classification_facts"]
    reclassify_ai_system(workspace, system_id, {**facts, "art50_cases": ["50(3)"]})
    third = generate_compliance_checklist(workspace, [system_id])
    assert _references(workspace, system_id, "ai_act") >= {"Art. 50(3)"}
    assert third.added == 1 and count_rows(workspace, "compliance") == count + 1
    assert third.no_longer_required == 0
    # Back to minimal risk: the high-risk items stay (they may hold evidence) and are counted.
    reclassify_ai_system(workspace, system_id, {"role": "deployer"})
    fourth = generate_compliance_checklist(workspace, [system_id])
    assert fourth.added == 0 and count_rows(workspace, "compliance") == count + 1
    assert fourth.no_longer_required > 10


def test_items_entered_by_hand_are_not_duplicated(workspace) -> None:
    update_engagement(workspace, {"sector": "Commerce de détail"})  # no sector checklist
    system_id = _classified(workspace, "Chatbot", {"role": "provider", "art50_cases": ["50(1)"]})
    create_row(workspace, "compliance", {"framework": "ai_act", "reference": "Art. 50(1)",
                                         "requirement": "Mention « vous parlez à une IA »",
                                         "ai_system_id": system_id})
    change = generate_compliance_checklist(workspace)
    assert change.added == 1 and change.already_present == 1
    assert sorted(r["reference"] for r in _items(workspace, system_id)) == ["Art. 4", "Art. 50(1)"]


def test_undo_removes_exactly_what_was_added(workspace) -> None:
    system_id = _classified(workspace, "Tri de CV", {"role": "deployer", "annex_iii_area": 4},
                            personal_data=True)
    kept = create_row(workspace, "compliance", {"framework": "iso42001", "reference": "A.6.2.4",
                                                "requirement": "Vérification et validation"}).row_ids[0]
    change = generate_compliance_checklist(workspace, [system_id])
    assert count_rows(workspace, "compliance") == change.added + 1
    undo(workspace, change)
    assert [r["id"] for r in fetch_rows(workspace, "compliance")] == [kept]


def test_stored_tier_without_facts_and_unclassified_systems(workspace) -> None:
    imported = create_row(workspace, "ai_systems", {"name": "Importé", "ai_act_tier": "high",
                                                    "ai_act_role": "deployer", "annex_iii_area": 4}).row_ids[0]
    product = create_row(workspace, "ai_systems", {"name": "Robot", "ai_act_tier": "high",
                                                   "ai_act_role": "importer"}).row_ids[0]
    unknown = create_row(workspace, "ai_systems", {"name": "Inconnu", "personal_data": True}).row_ids[0]
    change = generate_compliance_checklist(workspace)
    assert {"Art. 26(1)", "Art. 27"} <= _references(workspace, imported, "ai_act")
    robot = _items(workspace, product, "ai_act")
    assert {"Art. 23(1)"} <= {r["reference"] for r in robot}
    assert next(r for r in robot if r["reference"] == "Art. 23(1)")["due_date"] == dt.date(2028, 8, 2)
    # Not classified: no AI Act item, but GDPR items since it processes personal data; reported.
    assert not _items(workspace, unknown, "ai_act") and _items(workspace, unknown, "gdpr")
    assert change.unclassified == ["Inconnu"] and change.systems == 3


def test_unknown_system_is_refused(workspace) -> None:
    with pytest.raises(LookupError):
        generate_compliance_checklist(workspace, [42])
    assert count_rows(workspace, "compliance") == 0


# --- sector rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sector", ["Banque", "Insurance", "Finance", "Mutuelle santé", "Bancassurance"])
def test_a_dora_sector_engagement_gets_the_dora_items(workspace, sector: str) -> None:
    update_engagement(workspace, {"sector": sector})
    system_id = _classified(workspace, "Scoring", {"role": "deployer", "annex_iii_area": 5, "annex_iii_point": "b"})
    generate_compliance_checklist(workspace, [system_id], lang="en")
    dora = _items(workspace, system_id, "dora")
    assert {r["reference"] for r in dora} >= {"Art. 28(3)", "Art. 28(4)", "Art. 28(8)", "Art. 30"}
    register = next(r for r in dora if r["reference"] == "Art. 28(3)")
    assert register["custom"]["obligation_key"] == "dora:register_of_information"
    assert register["custom"][VERIFICATION_ATTRIBUTE] == "unverified"
    assert register["due_date"] == dt.date(2025, 1, 17)
    assert "register of information" in register["requirement"]
    assert not _items(workspace, system_id, "nis2") and not _items(workspace, system_id, "mdr")
    again = generate_compliance_checklist(workspace, [system_id], lang="en")
    assert again.added == 0


@pytest.mark.parametrize("sector", ["Commerce de détail", "Bureau d'études", "Publicité", ""])
def test_other_sectors_get_no_dora_items(workspace, sector: str) -> None:
    update_engagement(workspace, {"sector": sector})
    system_id = _classified(workspace, "Chatbot", {"role": "deployer", "art50_cases": ["50(1)"]})
    generate_compliance_checklist(workspace, [system_id])
    assert {r["framework"] for r in _items(workspace, system_id)} == {"ai_act"}


def test_health_sector_gets_the_mdr_route_and_a_nis2_check(workspace) -> None:
    update_engagement(workspace, {"sector": "Hôpital"})
    triage = _classified(workspace, "Aide au diagnostic", {"role": "provider", "annex_i_product": True})
    booking = _classified(workspace, "Prise de rendez-vous", {"role": "deployer", "art50_cases": ["50(1)"]})
    generate_compliance_checklist(workspace)
    assert _references(workspace, triage, "mdr") >= {"Art. 2(1); MDCG 2019-11", "Annex VIII, rule 11",
                                                     "Art. 52; AI Act Art. 43(3)"}
    # Not an Annex I product: only the qualification question of the MDR route.
    assert _references(workspace, booking, "mdr") == {"Art. 2(1); MDCG 2019-11"}
    assert "Art. 21(2)(d)" in _references(workspace, booking, "nis2")
    assert not _items(workspace, triage, "dora")


def test_machinery_route_for_an_industrial_annex_i_product(workspace) -> None:
    update_engagement(workspace, {"sector": "Industrie manufacturière"})
    cobot = _classified(workspace, "Cobot", {"role": "provider", "annex_i_product": True})
    vision = _classified(workspace, "Contrôle qualité", {"role": "deployer"})
    generate_compliance_checklist(workspace)
    assert "Annex I, Part A" in _references(workspace, cobot, "machinery")
    assert _items(workspace, cobot, "machinery")[0]["due_date"] == dt.date(2027, 1, 20)
    assert not _items(workspace, vision, "machinery")


def test_gpai_provider_gets_the_code_of_practice_chapters(workspace) -> None:
    update_engagement(workspace, {"sector": "Éditeur de logiciels"})
    model = _classified(workspace, "Modèle maison", {"role": "provider", "gpai": True, "gpai_systemic_risk": True},
                        personal_data=True)
    deployed = _classified(workspace, "Assistant", {"role": "deployer", "gpai": True})
    generate_compliance_checklist(workspace, lang="fr")
    refs = _references(workspace, model, "ai_act")
    assert {"Code GPAI — Transparence", "Code GPAI — Droit d'auteur", "Code GPAI — Sûreté et sécurité"} <= refs
    assert not any(r.startswith("Code GPAI") for r in _references(workspace, deployed, "ai_act"))
    # A provider processing personal data also gets the CNIL's AI themes, under the GDPR.
    assert "CNIL — finalité" in _references(workspace, model, "gdpr")
    assert not any(r.startswith("CNIL") for r in _references(workspace, deployed, "gdpr"))


# --- reference versions and updates ---------------------------------------------------------------

from tests.reference import pack_fixtures  # noqa: E402
from tests.reference.test_packs import newer_ai_act  # noqa: E402

pack_dir = pack_fixtures.pack_dir
make_pack = pack_fixtures.make_pack


def test_the_checklist_shows_what_a_newer_reference_version_adds_or_changes(workspace, pack_dir,
                                                                              make_pack) -> None:
    from caio_desktop.operations.compliance import CHANGE_ATTRIBUTE, assessed_with
    from caio_desktop.reference.packs import install_pack

    screening = _classified(workspace, "Tri de CV", {"role": "deployer", "annex_iii_area": 4})
    scoring = _classified(workspace, "Scoring", {"role": "deployer", "annex_iii_area": 5})
    generate_compliance_checklist(workspace, lang="en")
    assert assessed_with(workspace)["eu_ai_act"] == "1.2.0"
    assert assessed_with(workspace)["sector_rules"] == "1.0.0"
    # The consultant rewrote one generated item; the other system's is as generated.
    edited = next(r for r in _items(workspace, scoring) if r["reference"] == "Art. 26(2)")
    update_row(workspace, "compliance", edited["id"], {"requirement": "Nos propres mots"})
    install_pack(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act("1.3.0")}))

    change = generate_compliance_checklist(workspace, lang="en")
    assert change.updated_references == {"eu_ai_act": ("1.2.0", "1.3.0")}
    assert change.added == change.added_by_update == 2  # the new obligation, for each system
    assert change.changed_by_update == 2 and change.proposed_changes == 1
    assert assessed_with(workspace)["eu_ai_act"] == "1.3.0"
    new = next(r for r in _items(workspace, screening) if r["custom"]["obligation_key"] == "ai_act:hr_vendor_evidence")
    assert new["custom"][CHANGE_ATTRIBUTE] == "added"
    assert new["custom"]["reference_change_version"] == "eu_ai_act 1.3.0"
    rewritten = next(r for r in _items(workspace, screening) if r["reference"] == "Art. 26(2)")
    assert rewritten["requirement"] == "Assign human oversight to trained people (revised text)."
    assert rewritten["custom"][CHANGE_ATTRIBUTE] == "changed"
    assert rewritten["custom"]["reference_previous"].startswith("Assign human oversight to people")
    kept = next(r for r in _items(workspace, scoring) if r["reference"] == "Art. 26(2)")
    assert kept["requirement"] == "Nos propres mots"  # the consultant's words are never overwritten
    assert kept["custom"]["reference_proposed"].endswith("(revised text).")
    # One undo step takes the whole run back, the recorded versions included.
    undo(workspace, change)
    assert assessed_with(workspace)["eu_ai_act"] == "1.2.0"
    assert next(r for r in _items(workspace, screening) if r["reference"] == "Art. 26(2)")[
        "requirement"].startswith("Assign human oversight to people")
    # A run with nothing new marks nothing.
    generate_compliance_checklist(workspace, lang="en")
    again = generate_compliance_checklist(workspace, lang="en")
    assert again.added == again.changed_by_update == 0 and again.empty


# --- in effect on the engagement's reference date ---------------------------------------------------


def _engagement_from(workspace, start: dt.date) -> None:
    update_engagement(workspace, {"start_date": start, "end_date": start + dt.timedelta(days=180)})


def test_the_reference_date_is_the_later_of_today_and_the_engagement_start(workspace) -> None:
    from caio_desktop.operations.ai_act import engagement_reference_date

    _engagement_from(workspace, dt.date(2027, 12, 5))
    assert engagement_reference_date(workspace, today=dt.date(2026, 12, 3)) == dt.date(2027, 12, 5)
    # Once the engagement is under way, today: an obligation already binding is never "not yet".
    assert engagement_reference_date(workspace, today=dt.date(2028, 1, 10)) == dt.date(2028, 1, 10)
    _engagement_from(workspace, dt.date(2020, 1, 1))
    assert engagement_reference_date(workspace) == dt.date.today()


def test_the_checklist_judges_in_effect_on_the_engagement_date(workspace) -> None:
    screening = _classified(workspace, "Tri de CV", {"role": "deployer", "annex_iii_area": 4})
    # An engagement that starts after the Annex III date (2 Dec 2027, as amended): all of it applies.
    _engagement_from(workspace, dt.date(2030, 1, 7))
    change = generate_compliance_checklist(workspace, [screening], lang="en")
    assert change.as_of == dt.date(2030, 1, 7)
    assert change.not_yet_in_effect == 0 and change.next_applies_from is None
    # Judged on 3 Dec 2026 (an explicit as-of), the Annex III duties apply only later; Art. 4 already does.
    again = generate_compliance_checklist(workspace, [screening], lang="en", as_of=dt.date(2026, 12, 3))
    items = _items(workspace, screening, "ai_act")
    later = [r for r in items if r["due_date"] and r["due_date"] > dt.date(2026, 12, 3)]
    assert again.as_of == dt.date(2026, 12, 3) and again.next_applies_from == dt.date(2027, 12, 2)
    assert again.not_yet_in_effect == len(later) > 0
    assert next(r for r in items if r["reference"] == "Art. 4")["due_date"] <= dt.date(2026, 12, 3)
    assert again.added == 0  # judging another day adds or rewrites nothing


def test_reclassifying_judges_the_prohibition_date_on_the_engagement_date(workspace) -> None:
    from caio_desktop.workspace.queries import get_row

    # A prohibition added by the Omnibus applies from 2 Dec 2026: an engagement starting later than that
    # does not read "applies from" as something still to come.
    _engagement_from(workspace, dt.date(2030, 1, 7))
    system = _classified(workspace, "Deepfakes", {"role": "provider",
                                                  "prohibited_practice": "non_consensual_intimate_content"},
                         )
    assert "This prohibition applies from" not in (get_row(workspace, "ai_systems", system)
                                                   ["classification_rationale"] or "")
