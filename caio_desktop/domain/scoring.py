"""Scores the engagement derives from what the consultant rates: use-case quadrant, vendor totals,
maturity gaps. Risk levels come from the risk matrix held as data (see `risk_level`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

# A use case is worth doing when the value it brings is high; it can be done when the data is ready and
# complexity, cost and risk are low. Those last three are "lower is better", so they count as 6 - score.
VALUE_CRITERIA = ("business_value", "strategic_alignment")
FEASIBILITY_CRITERIA = ("data_readiness", "technical_complexity", "cost", "risk")
_INVERTED = {"technical_complexity", "cost", "risk"}
QUADRANT_THRESHOLD = 3.0


@dataclass(frozen=True)
class PortfolioScore:
    """A use case's place in the value × feasibility matrix."""

    value: float | None
    feasibility: float | None
    quadrant: str | None


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return round(sum(items) / len(items), 2) if items else None


def use_case_score(criteria: Mapping[str, int | None]) -> PortfolioScore:
    """Value and feasibility (1–5 means over the criteria rated) and the quadrant they fall in."""
    value = _mean(float(criteria[k]) for k in VALUE_CRITERIA if criteria.get(k) is not None)
    feasibility = _mean(
        float(6 - criteria[k] if k in _INVERTED else criteria[k])
        for k in FEASIBILITY_CRITERIA
        if criteria.get(k) is not None
    )
    return PortfolioScore(value, feasibility, quadrant(value, feasibility))


def quadrant(value: float | None, feasibility: float | None) -> str | None:
    if value is None or feasibility is None:
        return None
    high_value = value >= QUADRANT_THRESHOLD
    feasible = feasibility >= QUADRANT_THRESHOLD
    if high_value and feasible:
        return "quick_win"
    if high_value:
        return "strategic_bet"
    if feasible:
        return "incremental"
    return "deprioritise"


def weighted_score(scores: Iterable[tuple[float, int]]) -> float | None:
    """Weighted mean of (weight, score 1–5) pairs, on the 1–5 scale; None when nothing is scored."""
    pairs = [(w, s) for w, s in scores if w and w > 0]
    total_weight = sum(w for w, _ in pairs)
    if not total_weight:
        return None
    return round(sum(w * s for w, s in pairs) / total_weight, 2)


def risk_level(likelihood: int | None, impact: int | None,
               matrix_level: Callable[[int, int], str]) -> str | None:
    """The level of a risk read from the risk matrix (`matrix_level(likelihood, impact)`)."""
    if likelihood is None or impact is None:
        return None
    return matrix_level(likelihood, impact)


def engagement_months(start: dt.date, end: dt.date) -> float:
    """Length of an engagement in months (30.44 days each), for the 6–18 month guidance."""
    return round((end - start).days / 30.4375, 1)


def engagement_length_warning(start: dt.date, end: dt.date) -> str | None:
    """A warning when an interim engagement falls outside the usual 6–18 months; None otherwise."""
    if end <= start:
        return "the engagement ends before it starts"
    months = engagement_months(start, end)
    if months < 6:
        return f"the engagement lasts {months} months, shorter than the usual 6–18"
    if months > 18:
        return f"the engagement lasts {months} months, longer than the usual 6–18"
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - 28 always exists
