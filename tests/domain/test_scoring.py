"""Derived scores: use-case quadrant, weighted vendor totals, engagement length guidance."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.domain.scoring import (
    add_months,
    engagement_length_warning,
    quadrant,
    use_case_score,
    weighted_score,
)


@pytest.mark.parametrize(
    ("value", "feasibility", "expected"),
    [(4, 4, "quick_win"), (4, 2, "strategic_bet"), (2, 4, "incremental"), (2, 2, "deprioritise"),
     (3, 3, "quick_win"), (None, 3, None)],
)
def test_quadrants(value, feasibility, expected) -> None:
    assert quadrant(value, feasibility) == expected


def test_use_case_score_inverts_lower_is_better_criteria() -> None:
    score = use_case_score({"business_value": 4, "strategic_alignment": 2, "data_readiness": 5,
                            "technical_complexity": 1, "cost": 1, "risk": 1})
    assert (score.value, score.feasibility, score.quadrant) == (3.0, 5.0, "quick_win")
    partial = use_case_score({"business_value": 2})
    assert partial.value == 2.0 and partial.feasibility is None and partial.quadrant is None


def test_weighted_score() -> None:
    assert weighted_score([(2, 5), (1, 2)]) == 4.0
    assert weighted_score([(0, 5)]) is None
    assert weighted_score([]) is None


def test_engagement_length_guidance() -> None:
    start = dt.date(2026, 1, 1)
    assert engagement_length_warning(start, add_months(start, 12)) is None
    assert "shorter" in engagement_length_warning(start, add_months(start, 3))
    assert "longer" in engagement_length_warning(start, add_months(start, 24))
    assert "ends before" in engagement_length_warning(start, start)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
