"""Survey aggregates in plain Python: the figures, pillars over respondents, and groups of fewer than
five never shown on their own."""

from __future__ import annotations

import statistics

import pytest

from caio_desktop.domain.surveys import (
    MIN_GROUP,
    NOT_GIVEN,
    OTHER_GROUPS,
    Response,
    by_group,
    describe,
    maturity_results,
    response_rate,
)

PILLARS = {"data": ["data_quality", "data_governance"], "people": ["skills"]}


def test_describe_gives_n_mean_median_spread_and_the_sample_deviation() -> None:
    s = describe([1, 2, 2, 5])
    assert (s.n, s.minimum, s.maximum, s.median, s.counts) == (4, 1, 5, 2.0, (1, 2, 0, 0, 1))
    assert s.mean == 2.5 and s.sd == pytest.approx(statistics.stdev([1, 2, 2, 5]))
    assert describe([3]).sd == 0.0 and describe([]) is None


def test_a_pillar_counts_each_respondent_once() -> None:
    responses = [Response(1, "A", None, {"data_quality": 2, "data_governance": 4}), Response(2, "A", None, {"skills": 5})]
    rows = {r.key: r for r in maturity_results(responses, PILLARS, {"data_quality": 3, "data_governance": 2})}
    assert rows["data"].stats.n == 1 and rows["data"].stats.mean == 3.0 and rows["data"].consultant == 2.5
    assert rows["people"].stats.n == 1 and rows["skills"].consultant is None
    assert [r.key for r in maturity_results(responses, PILLARS)] == ["data", "data_quality", "data_governance",
                                                                     "people", "skills"]


def test_small_groups_are_pooled_when_the_pool_reaches_five_else_hidden() -> None:
    def people(dept: str | None, count: int, start: int) -> list[Response]:
        return [Response(start + i, dept, None, {"skills": 3}) for i in range(count)]

    found = by_group(people("Claims", 6, 0) + people("IT", 2, 10) + people("Legal", 2, 20) + people(None, 1, 30),
                     "department", PILLARS)
    assert [(g.group, g.n) for g in found.rows] == [("Claims", 6), (OTHER_GROUPS, 5)] and found.hidden == 0
    found = by_group(people("Claims", MIN_GROUP, 0) + people("IT", 4, 10), "department", PILLARS)
    assert [(g.group, g.n) for g in found.rows] == [("Claims", 5)] and found.hidden == 4
    found = by_group(people(None, 5, 0), "department", PILLARS)
    assert [g.group for g in found.rows] == [NOT_GIVEN]


def test_response_rate_against_the_invited_population() -> None:
    assert response_rate(30, 120) == 25.0 and response_rate(3, None) is None
