"""Derived values for many new rows (an import) are those `derive` gives each row."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations.rules import derive, derive_new_columns


def test_risk_levels_of_many_rows_are_those_of_derive() -> None:
    scores = [None, 1, 2, 3, 4, 5]
    rows = [{"title": "R", "likelihood": li, "impact": im, "residual_likelihood": rl, "residual_impact": ri}
            for li, im, rl, ri in itertools.product(scores, scores, [None, 2], [None, 5])]
    expected = [dict(r) for r in rows]
    for values in expected:
        derive("risks", values, None)
    derived, refusals = derive_new_columns("risks", _columns(rows), len(rows))
    assert refusals == [None] * len(rows)
    assert derived["level"] == [r["level"] for r in expected]
    assert derived["residual_level"] == [r["residual_level"] for r in expected]
    assert set(derived["level"]) == {None, "low", "medium", "high", "critical"}


def test_a_level_out_of_the_matrix_is_refused_as_derive_refuses_it() -> None:
    with pytest.raises(ValueError, match="likelihood"):
        derive("risks", {"likelihood": 9, "impact": 1}, None)
    with pytest.raises(ValueError, match="likelihood"):
        derive_new_columns("risks", {"likelihood": [9], "impact": [1]}, 1)
    with pytest.raises(ValueError, match="likelihood"):  # True is not the 1 it equals
        derive_new_columns("risks", {"likelihood": [1, True], "impact": [1, 1]}, 2)


def test_each_row_gets_its_own_refusal_in_other_modules() -> None:
    rows = [{"start_date": dt.date(2026, 1, 1), "end_date": dt.date(2026, 3, 1)},
            {"start_date": dt.date(2026, 3, 1), "end_date": dt.date(2026, 1, 1)}]
    _, refusals = derive_new_columns("initiatives", _columns(rows), 2)
    assert refusals[0] is None
    assert isinstance(refusals[1], ValidationError) and refusals[1].field == "end_date"
    scored, refusals = derive_new_columns("use_cases", {"title": ["Tri", "Chatbot"], "business_value": [5, None]}, 2)
    assert refusals == [None, None]
    expected = [{"title": "Tri", "business_value": 5}, {"title": "Chatbot", "business_value": None}]
    for values in expected:
        derive("use_cases", values, None)
    assert scored == {k: [e[k] for e in expected] for k in ("value_score", "feasibility_score", "quadrant")}


def _columns(rows: list[dict]) -> dict[str, list]:
    return {key: [r[key] for r in rows] for key in rows[0]}
