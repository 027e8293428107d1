"""Derived values for many new rows (an import) are those `derive` gives each row."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations.rules import derive, derive_new_rows


def test_risk_levels_of_many_rows_are_those_of_derive() -> None:
    scores = [None, 1, 2, 3, 4, 5]
    rows = [{"title": "R", "likelihood": li, "impact": im, "residual_likelihood": rl, "residual_impact": ri}
            for li, im, rl, ri in itertools.product(scores, scores, [None, 2], [None, 5])]
    expected = [dict(r) for r in rows]
    for values in expected:
        derive("risks", values, None)
    assert derive_new_rows("risks", rows) == [None] * len(rows)
    assert rows == expected
    assert {r["level"] for r in rows} == {None, "low", "medium", "high", "critical"}


def test_a_level_out_of_the_matrix_is_refused_as_derive_refuses_it() -> None:
    with pytest.raises(ValueError, match="likelihood"):
        derive("risks", {"likelihood": 9, "impact": 1}, None)
    with pytest.raises(ValueError, match="likelihood"):
        derive_new_rows("risks", [{"likelihood": 9, "impact": 1}])
    with pytest.raises(ValueError, match="likelihood"):  # True is not the 1 it equals
        derive_new_rows("risks", [{"likelihood": 1, "impact": 1}, {"likelihood": True, "impact": 1}])


def test_each_row_gets_its_own_refusal_in_other_modules() -> None:
    rows = [{"start_date": dt.date(2026, 1, 1), "end_date": dt.date(2026, 3, 1)},
            {"start_date": dt.date(2026, 3, 1), "end_date": dt.date(2026, 1, 1)}]
    refusals = derive_new_rows("initiatives", rows)
    assert refusals[0] is None
    assert isinstance(refusals[1], ValidationError) and refusals[1].field == "end_date"
    scored = derive_new_rows("use_cases", [{"title": "Tri", "business_value": 5}])
    assert scored == [None]
