"""Derived values kept in step by every operation: risk codes and levels, use-case scores and quadrant,
vendor weighted scores. Run inside the operation's transaction, recorded like any other change."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.scoring import (
    FEASIBILITY_CRITERIA,
    VALUE_CRITERIA,
    engagement_length_warning,
    risk_level,
    use_case_score,
    weighted_score,
)
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.reference.risk_matrix import load_risk_matrix

_RISK_CODE = re.compile(r"^R-(\d+)$")


def next_risk_code(rec: Recorder) -> str:
    """The next free code R-001, R-002, … (after the highest one in use)."""
    codes = rec.conn.execute(select(table("risks").c.code)).scalars()
    highest = max((int(m.group(1)) for c in codes if c and (m := _RISK_CODE.match(c))), default=0)
    return f"R-{highest + 1:03d}"


def prepare(rec: Recorder, module_key: str, values: dict[str, Any], existing: dict[str, Any] | None) -> None:
    """Check cross-field rules and fill derived values in `values` before it is written."""
    if module_key == "ai_systems" and existing is not None:
        classified_by_hand(rec, values, existing)
    if (module_key == "actions" and existing is not None and "source_id" not in values
            and values.get("source_module", existing.get("source_module")) != existing.get("source_module")):
        values["source_id"] = None  # row 12 of another register is not the row the action came from
    if module_key == "risks":
        code = values.get("code")
        if existing is None and not code:
            values["code"] = next_risk_code(rec)
        elif code is not None:
            if not code:
                raise ValidationError("risks", "code", code, "is required")
            t = table("risks")
            clash = rec.conn.execute(
                select(t.c.id).where(t.c.code == code, t.c.id != (existing or {}).get("id", -1))
            ).first()
            if clash:
                raise ValidationError("risks", "code", code, "is already used by another risk")
    derive(module_key, values, existing)


_CLASSIFICATION = ("ai_act_tier", "ai_act_role", "annex_iii_area")


def classified_by_hand(rec: Recorder, values: dict[str, Any], existing: dict[str, Any]) -> None:
    """An AI system's tier, role or Annex III area edited by hand (the table, the form, an import) so
    that it no longer is what its questionnaire answers give: the answers stop being its basis. They
    are cleared, so that the compliance checklist follows the tier now shown instead of the old
    answers, and the rationale says what happened (unless the edit writes one itself)."""
    from caio_desktop.domain.ai_act import SystemFacts, classify
    from caio_desktop.domain.enums import ENUMERATIONS

    raw = existing.get("classification_facts")
    if not raw or not any(key in values and values[key] != existing.get(key) for key in _CLASSIFICATION):
        return
    try:
        facts = SystemFacts.from_dict(raw)
        answered = classify(facts)
    except ValueError:  # answers an older reference no longer reads: they decide nothing either way
        return
    merged = {**existing, **values}
    if (merged.get("ai_act_tier"), merged.get("ai_act_role"), merged.get("annex_iii_area")) == (
            answered.tier, facts.role, facts.annex_iii_area):
        return  # still what the answers give
    values["classification_facts"] = None
    if "classification_rationale" not in values:
        engagement = table("engagement")
        lang = rec.conn.execute(select(engagement.c.language)).scalar() or "en"
        gave = ENUMERATIONS["ai_act_tier"].label(answered.tier, lang)
        today = dt.date.today()
        values["classification_rationale"] = (
            f"Classification modifiée à la main le {today:%d/%m/%Y} (le questionnaire donnait : {gave}). "
            "Refaire le questionnaire pour la justifier." if lang == "fr" else
            f"Classification changed by hand on {today.isoformat()} (the questionnaire gave: {gave}). "
            "Run the questionnaire again to justify it.")


def derive(module_key: str, values: dict[str, Any], existing: dict[str, Any] | None) -> None:
    """The part of `prepare` that needs no database: cross-field checks and derived values (risk levels,
    use-case scores). Bulk imports call it directly for rows whose codes they assigned themselves."""
    merged = {**(existing or {}), **values}
    if module_key == "risks":
        matrix = load_risk_matrix()
        values["level"] = risk_level(merged.get("likelihood"), merged.get("impact"), matrix.level_for)
        values["residual_level"] = risk_level(
            merged.get("residual_likelihood"), merged.get("residual_impact"), matrix.level_for)
    elif module_key == "use_cases":
        score = use_case_score({k: merged.get(k) for k in (*VALUE_CRITERIA, *FEASIBILITY_CRITERIA)})
        values.update(value_score=score.value, feasibility_score=score.feasibility, quadrant=score.quadrant)
    elif module_key == "engagement":
        start, end = merged.get("start_date"), merged.get("end_date")
        if start and end and end <= start:
            raise ValidationError("engagement", "end_date", end, "must be after the start date")
    elif module_key in ("initiatives", "phases"):
        start, end = merged.get("start_date"), merged.get("end_date")
        if start and end and end < start:
            raise ValidationError(module_key, "end_date", end, "must not be before the start date")
    elif module_key == "maturity_ratings":
        _check_dimension(merged.get("dimension"))


def derive_new_columns(module_key: str, columns: Mapping[str, Sequence[Any]],
                       count: int) -> tuple[dict[str, list[Any]], list[ValidationError | None]]:
    """`derive(module_key, values, None)` for `count` new rows given column by column (an import): the
    derived columns and each row's refusal (or None), in order. Risk levels are read from the matrix
    once per distinct pair, column by column; other modules go row by row."""
    if module_key != "risks":
        names = list(columns)
        rows = [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)] \
            if names else [{} for _ in range(count)]
        refusals = [_refusal(module_key, values) for values in rows]
        derived: dict[str, list[Any]] = {}
        for index, values in enumerate(rows):
            for key in values.keys() - names:
                derived.setdefault(key, [None] * count)[index] = values[key]
        return derived, refusals
    matrix_level = load_risk_matrix().level_for
    levels: dict[tuple, str | None] = {}

    def level(likelihood: Any, impact: Any) -> str | None:
        pair = (likelihood.__class__, likelihood, impact.__class__, impact)  # True is not the 1 it equals
        found = levels.get(pair, pair)
        if found is pair:
            found = levels[pair] = risk_level(likelihood, impact, matrix_level)
        return found

    blank = [None] * count

    def levels_of(likelihoods: Sequence[Any], impacts: Sequence[Any]) -> list[str | None]:
        if {*map(type, likelihoods), *map(type, impacts)} <= {int, type(None)}:
            # the usual columns (scores as stored): each distinct pair looked up once, the rest in C
            pairs = list(zip(likelihoods, impacts, strict=True))
            found = {pair: level(*pair) for pair in set(pairs)}
            return list(map(found.__getitem__, pairs))
        return list(map(level, likelihoods, impacts))

    return {
        "level": levels_of(columns.get("likelihood", blank), columns.get("impact", blank)),
        "residual_level": levels_of(columns.get("residual_likelihood", blank), columns.get("residual_impact", blank)),
    }, [None] * count


def _refusal(module_key: str, values: dict[str, Any]) -> ValidationError | None:
    try:
        derive(module_key, values, None)
    except ValidationError as exc:
        return exc
    return None


def _check_dimension(key: str | None) -> None:
    from caio_desktop.reference.maturity import load_maturity_model

    if key is None:
        return
    model = load_maturity_model()
    if key not in {d.key for d in model.dimensions}:
        raise ValidationError("maturity_ratings", "dimension", key, "is not a dimension of the maturity model")


def after_change(rec: Recorder, module_key: str, row: dict[str, Any] | None) -> None:
    """Recompute values of other rows that depend on the changed one."""
    if module_key == "vendor_scores" and row is not None:
        refresh_vendor_score(rec, row["option_id"])
    elif module_key == "vendor_criteria":
        for option_id in rec.conn.execute(select(table("vendor_options").c.id)).scalars().all():
            refresh_vendor_score(rec, option_id)


def refresh_vendor_score(rec: Recorder, option_id: int) -> None:
    scores, criteria = table("vendor_scores"), table("vendor_criteria")
    pairs = rec.conn.execute(
        select(criteria.c.weight, scores.c.score)
        .join(criteria, criteria.c.id == scores.c.criterion_id)
        .where(scores.c.option_id == option_id)
    ).all()
    if rec.row("vendor_options", option_id) is not None:
        rec.update("vendor_options", option_id, {"weighted_score": weighted_score(pairs)})


def engagement_warnings(row: dict[str, Any]) -> list[str]:
    """Warnings (not errors) about an engagement row, e.g. a length outside 6–18 months."""
    warning = None
    if row.get("start_date") and row.get("end_date"):
        warning = engagement_length_warning(row["start_date"], row["end_date"])
    return [warning] if warning else []
