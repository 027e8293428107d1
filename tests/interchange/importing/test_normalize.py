"""Cells turned into field values: levels, enumerations, booleans, numbers, references."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.importing.normalize import Unfit, converter, match_choice


def convert(module: str, field: str, value: object, **options: object) -> object:
    return converter(MODULES[module].field(field), **options)(value)


@pytest.mark.parametrize(("value", "level"), [
    ("Très faible", 1), ("very low", 1), ("Faible", 2), ("low", 2), ("L", 2), ("Moyen", 3), ("medium", 3),
    ("M", 3), ("Élevé", 4), ("ELEVEE", 4), ("high", 4), ("H", 4), ("Critique", 5), ("critical", 5),
    ("very high", 5), ("1", 1), ("5", 5), (3, 3), (4.0, 4), ("4/5", 4), ("2 sur 5", 2), ("3,0", 3),
    (" 4 ", 4),
])
def test_levels_from_words_numbers_and_letter_codes(value: object, level: int) -> None:
    assert convert("risks", "likelihood", value) == level


@pytest.mark.parametrize("value", ["6", 0, 2.5, "2,5", "3 4", "4/6", "souvent", "??"])
def test_what_is_no_level_is_refused_with_the_scale(value: object) -> None:
    with pytest.raises(Unfit, match="level"):
        convert("risks", "impact", value)


@pytest.mark.parametrize(("field", "value", "code"), [
    ("category", "Cybersécurité", "cybersecurity"), ("category", "RGPD", "privacy_gdpr"),
    ("category", "privacy", "privacy_gdpr"), ("category", "Privacy (GDPR)", "privacy_gdpr"),
    ("treatment", "Réduire", "mitigate"), ("treatment", "mitigate", "mitigate"),
    ("status", "ouvert", "open"), ("status", "In treatment", "in_treatment"), ("status", "CLOS", "closed"),
    ("category", "Cybersecurty", "cybersecurity"),  # a close misspelling
])
def test_choices_by_code_label_or_synonym_without_accents(field: str, value: str, code: str) -> None:
    assert convert("risks", field, value) == code


def test_choices_with_list_markers_and_explanations_find_their_code() -> None:
    assert match_choice("use_case_status", "c) Deployed – The use case is being actively used.") == "production"
    assert match_choice("use_case_status", "d) Retired – discontinued since 2024") == "abandoned"
    assert match_choice("ai_act_tier", "Haut risque (annexe III)") == "high"


def test_an_unknown_choice_is_refused_naming_the_allowed_values() -> None:
    with pytest.raises(Unfit, match="Mitigate, Accept, Avoid, Transfer"):
        convert("risks", "treatment", "Prier")


@pytest.mark.parametrize(("value", "expected"), [
    ("oui", True), ("Non", False), ("YES", True), ("no", False), ("x", True), ("1", True), (0, False),
    (1.0, True), (True, True), ("Vrai", True),
])
def test_booleans(value: object, expected: bool) -> None:
    assert convert("ai_systems", "personal_data", value) is expected


def test_a_boolean_that_is_neither_yes_nor_no_is_refused() -> None:
    with pytest.raises(Unfit, match="yes or no"):
        convert("ai_systems", "personal_data", "peut-être")


def test_numbers_written_the_french_way_and_percentages() -> None:
    assert convert("kpis", "baseline", "1 234,5") == 1234.5
    assert convert("kpis", "baseline", "1,234.5") == 1234.5
    assert convert("kpis", "baseline", "12 %") == 12.0
    assert convert("initiatives", "progress", "45 %") == 45
    assert convert("initiatives", "progress", 0.45) == 45  # a cell formatted as a percentage
    assert convert("trainings", "planned_attendees", "12") == 12
    with pytest.raises(Unfit):
        convert("trainings", "planned_attendees", "douze")
    with pytest.raises(Unfit):
        convert("initiatives", "progress", "150")


def test_dates_go_through_the_date_reader() -> None:
    assert convert("risks", "review_date", "25 nov. 2026") == dt.date(2026, 11, 25)
    with pytest.raises(Unfit, match="not a date"):
        convert("risks", "review_date", "fin d'année")


def test_references_by_code_or_title_and_lists_of_them() -> None:
    systems = {"chatbot rh": 4, "scoring credit": 7}
    assert convert("risks", "ai_system_id", "Chatbot RH", targets=systems) == 4
    assert convert("risks", "ai_system_id", "Scoring crédit", targets=systems) == 7
    with pytest.raises(Unfit, match="names no ai_systems row"):
        convert("risks", "ai_system_id", "Inconnu", targets=systems)
    objectives = {"reduire les couts": 1, "ameliorer le service": 2}
    assert convert("use_cases", "objective_ids", "Réduire les coûts; Améliorer le service",
                   targets=objectives) == [1, 2]
    assert convert("use_cases", "objective_ids", "Améliorer le service\nRéduire les coûts",
                   targets=objectives) == [1, 2]


def test_a_title_holding_a_comma_is_one_reference_among_others() -> None:
    objectives = {"tri routage et reponse": 1, "reduire les couts": 2, "tri": 3, "o 4": 4}
    resolve = lambda text: convert("use_cases", "objective_ids", text, targets=objectives)  # noqa: E731
    assert resolve("Tri, routage et réponse") == [1]
    assert resolve("Tri, routage et réponse, Réduire les coûts") == [1, 2]
    assert resolve("Réduire les coûts, Tri, routage et réponse; O-4") == [1, 2, 4]
    assert resolve("Tri, Réduire les coûts") == [2, 3]  # the longest name wins only where it is whole
    with pytest.raises(Unfit, match="names no objectives row .*'Inconnu'"):
        resolve("Réduire les coûts, Inconnu")


def test_a_cell_of_thousands_of_references_resolves_each_one() -> None:
    """Each run of pieces is bounded by the longest name (an unbounded search took minutes here)."""
    objectives = {f"o {n}": n for n in range(3000)}
    cell = ", ".join(f"O-{n}" for n in range(3000))
    assert convert("use_cases", "objective_ids", cell, targets=objectives) == list(range(3000))
    with pytest.raises(Unfit, match="'xx'"):
        convert("use_cases", "objective_ids", ", ".join(["xx"] * 10_000), targets=objectives)
