"""Validation: each kind of field accepts what it should and names what it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.validation import clean_column, clean_values

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


def test_clean_column_cleans_as_clean_values_does() -> None:
    """An import's column cleaned at once gives, position by position, what clean_values gives the row."""
    values = ["3", 3, 3.0, True, "  ", None, "7", "trois", "3", 2.5]
    cleaned, errors = clean_column(RISKS, "likelihood", values)
    for position, value in enumerate(values):
        try:
            expected = clean_values(RISKS, {"likelihood": value}, partial=True)["likelihood"]
        except ValidationError as exc:
            assert cleaned[position] is None
            assert (errors[position].field, errors[position].value, errors[position].reason) == (
                exc.field, exc.value, exc.reason)
        else:
            assert position not in errors
            assert cleaned[position] == expected and type(cleaned[position]) is type(expected)
    assert errors[3].reason == "is not a whole number"  # True is not the 1 it equals
    assert errors[4].reason == "is required" and errors[6].reason == "must be between 1 and 5"


def test_clean_column_refuses_a_computed_or_unknown_field_on_every_row() -> None:
    cleaned, errors = clean_column(RISKS, "level", ["high", None])
    assert cleaned == [None, None] and [e.reason for e in errors.values()] == ["is computed and cannot be set"] * 2
    _, errors = clean_column(RISKS, "colour", ["red"])
    assert errors[0].reason == "is not a field of this module"


def test_clean_column_cleans_texts_and_dates() -> None:
    cleaned, errors = clean_column(RISKS, "title", ["  Biais  ", "x" * 1_000_001, ""])
    assert cleaned[0] == "Biais" and errors[1].reason == "is longer than 1000000 characters"
    assert errors[2].reason == "is required"
    cleaned, errors = clean_column(RISKS, "review_date", [dt.datetime(2026, 3, 1, 9), "2026-03-01", "mars"])
    assert cleaned[:2] == [dt.date(2026, 3, 1)] * 2 and errors[2].reason == "is not a date (expected YYYY-MM-DD)"
