"""Validation: each kind of field accepts what it should and names what it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.validation import clean_values

RISKS = MODULES["risks"]


def test_clean_values_converts_kinds() -> None:
    cleaned = clean_values(MODULES["ai_systems"], {
        "name": "  Copilot  ", "shadow_ai": "oui", "personal_data": "No", "annex_iii_area": "4",
        "status": "pilot"}, partial=True)
    assert cleaned == {"name": "Copilot", "shadow_ai": True, "personal_data": False, "annex_iii_area": 4,
                       "status": "pilot"}
    assert clean_values(MODULES["kpis"], {"target": "1 234,5"}, partial=True) == {"target": 1234.5}
    assert clean_values(RISKS, {"review_date": "2026-11-25"}, partial=True) == {
        "review_date": dt.date(2026, 11, 25)}
    assert clean_values(MODULES["engagement"], {"primary_color": "#1a2b3c"}, partial=True) == {
        "primary_color": "#1A2B3C"}
    assert clean_values(MODULES["use_cases"], {"objective_ids": "3; 1, 3"}, partial=True) == {
        "objective_ids": [1, 3]}


@pytest.mark.parametrize(
    ("values", "field", "reason"),
    [
        ({"title": "x", "likelihood": 0, "impact": 1}, "likelihood", "between 1 and 5"),
        ({"title": "x", "likelihood": 2.5, "impact": 1}, "likelihood", "whole number"),
        ({"title": "x", "likelihood": 2, "impact": 1, "review_date": "31/02/2026"}, "review_date", "not a date"),
        ({"title": "x", "likelihood": 2, "impact": 1, "treatment": "ignore"}, "treatment", "not one of"),
        ({"title": "x", "likelihood": 2, "impact": 1, "level": "low"}, "level", "computed"),
        ({"title": "x", "likelihood": 2, "impact": 1, "colour": "red"}, "colour", "not a field"),
        ({"likelihood": 2, "impact": 1}, "title", "required"),
    ],
)
def test_refusals_name_field_and_reason(values: dict, field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as error:
        clean_values(RISKS, values, partial=False)
    assert error.value.field == field
    assert reason in error.value.reason


def test_custom_attributes_are_kept_as_text() -> None:
    cleaned = clean_values(RISKS, {"custom": {"Entité": "Vie", "Score interne": 12}}, partial=True)
    assert cleaned["custom"] == {"Entité": "Vie", "Score interne": "12"}
    with pytest.raises(ValidationError, match="without a name"):
        clean_values(RISKS, {"custom": {" ": "x"}}, partial=True)
