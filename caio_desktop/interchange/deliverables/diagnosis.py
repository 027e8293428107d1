"""The diagnosis report: executive summary, method, maturity radar and per-pillar findings, gaps,
AI systems inventory with AI Act tiers, interview synthesis, key recommendations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from caio_desktop.interchange.deliverables.assemble import SectionSpec
from caio_desktop.interchange.deliverables.blocks import empty, narrative_blocks, table, tier_badge
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.links import named_with_risks, system_links
from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Bullets,
    Column,
    Figure,
    Group,
    Heading,
    KeyFigures,
    Note,
    Paragraph,
    RadarChart,
)
from caio_desktop.interchange.deliverables.survey_section import survey_blocks
from caio_desktop.reference.maturity import MaturityModel, load_maturity_model

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, None: 4}


@dataclass(frozen=True)
class Rating:
    pillar: str
    dimension: str
    dimension_key: str
    current: int | None
    target: int | None

    @property
    def gap(self) -> int:
        return (self.target or 0) - (self.current or 0) if self.target and self.current else 0


def latest_assessment(ctx: DeliverableContext) -> dict | None:
    """The assessment the report speaks about: the latest one on or before the report date."""
    rows = [r for r in ctx.rows("maturity") if r.get("assessed_on")]
    dated = [r for r in rows if r["assessed_on"] <= ctx.as_of] or rows
    return max(dated, key=lambda r: (r["assessed_on"], r["id"])) if dated else None


def ratings(ctx: DeliverableContext) -> list[Rating]:
    """Ratings of the latest assessment, in the maturity model's order."""
    assessment = latest_assessment(ctx)
    if assessment is None:
        return []
    model = load_maturity_model()
    by_key = {r["dimension"]: r for r in ctx.rows("maturity_ratings") if r["assessment_id"] == assessment["id"]}
    out = []
    for pillar in model.pillars:
        for dim in pillar.dimensions:
            row = by_key.get(dim.key)
            if row is not None:
                out.append(Rating(pillar.label(ctx.lang), dim.label(ctx.lang), dim.key,
                                  row.get("current_level"), row.get("target_level")))
    return out


def _mean(values: list[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def pillar_levels(ctx: DeliverableContext, rated: list[Rating]) -> list[tuple[str, float | None, float | None]]:
    by_pillar: dict[str, list[Rating]] = defaultdict(list)
    for rating in rated:
        by_pillar[rating.pillar].append(rating)
    return [(name, _mean([r.current for r in rs]), _mean([r.target for r in rs])) for name, rs in by_pillar.items()]


def _systems_counts(ctx: DeliverableContext) -> tuple[int, int, int]:
    systems = ctx.rows("ai_systems")
    high = sum(1 for s in systems if s.get("ai_act_tier") in ("high", "prohibited"))
    shadow = sum(1 for s in systems if s.get("shadow_ai"))
    return len(systems), high, shadow


def summary_points(ctx: DeliverableContext) -> list[str]:
    """The diagnosis in a few sentences: maturity, largest gaps, AI systems, findings."""
    rated = ratings(ctx)
    current = _mean([r.current for r in rated])
    target = _mean([r.target for r in rated])
    count, high, shadow = _systems_counts(ctx)
    findings = ctx.rows("findings")
    major = sum(1 for f in findings if f.get("severity") in ("high", "critical"))
    points = []
    if current is not None:
        points.append(ctx.t("summary_maturity", current=ctx.number(current, decimals=1),
                            target=ctx.number(target, decimals=1) if target else "—"))
        largest = sorted((r for r in rated if r.gap > 0), key=lambda r: (-r.gap, r.dimension))[:3]
        if largest:
            points.append(ctx.t("summary_gap", dims=", ".join(r.dimension for r in largest)))
    points.append(ctx.t("summary_systems", count=count, high=high, shadow=shadow))
    points.append(ctx.t("summary_findings", count=len(findings), major=major))
    return points


def summary(ctx: DeliverableContext) -> list[Block]:
    rated = ratings(ctx)
    current = _mean([r.current for r in rated])
    target = _mean([r.target for r in rated])
    count, _, _ = _systems_counts(ctx)
    major = sum(1 for f in ctx.rows("findings") if f.get("severity") in ("high", "critical"))
    out: list[Block] = [KeyFigures([
        (ctx.number(current, decimals=1) if current else "—", ctx.t("legend_current") + " /5"),
        (ctx.number(target, decimals=1) if target else "—", ctx.t("legend_target") + " /5"),
        (str(count), ctx.module_label("ai_systems")),
        (str(major), ctx.t("major_findings")),
    ])]
    if ctx.engagement.get("objectives"):
        out.append(Paragraph(ctx.engagement["objectives"], "lead"))
    out.extend(narrative_blocks(ctx, generated_summary=summary_points(ctx)))
    return out


def method(ctx: DeliverableContext) -> list[Block]:
    model: MaturityModel = load_maturity_model()
    rows = [[str(n), model.level_name(n, ctx.lang), model.level_description(n, ctx.lang)] for n in range(1, 6)]
    return [Paragraph(ctx.t("method_text", interviews=len(ctx.rows("interviews")), systems=len(ctx.rows("ai_systems")),
                            dimensions=len(model.dimensions), pillars=len(model.pillars))),
            table(ctx, [Column("#", 0.06, right=True), Column(ctx.t("level"), 0.2), Column(ctx.t("meaning"), 0.74)],
                  rows, caption=ctx.t("method"))]


def maturity_radar(ctx: DeliverableContext) -> Figure | None:
    """The maturity radar of the latest assessment (None when nothing is rated)."""
    rated = ratings(ctx)
    if not rated:
        return None
    return Figure(RadarChart(tuple(pillar_levels(ctx, rated)), (ctx.t("legend_current"), ctx.t("legend_target"))),
                  ctx.t("maturity_by_pillar"))


def maturity(ctx: DeliverableContext) -> list[Block]:
    rated = ratings(ctx)
    if not rated:
        return [Paragraph(ctx.t("no_assessment"), "small")]
    assessment = latest_assessment(ctx) or {}
    axes = pillar_levels(ctx, rated)
    radar = maturity_radar(ctx)
    assert radar is not None
    rows = [[name, ctx.number(cur, decimals=1), ctx.number(tgt, decimals=1),
             ctx.number((tgt - cur) if cur is not None and tgt is not None else None, decimals=1)]
            for name, cur, tgt in axes]
    findings = sorted(ctx.rows("findings"), key=lambda f: (str(f.get("theme") or ""),
                                                            SEVERITY_ORDER.get(f.get("severity"), 4)))
    return [
        Paragraph(f"{assessment.get('title', '')} — {ctx.long_date(assessment.get('assessed_on'))}", "small"),
        radar,
        Note("; ".join(f"{name}: {ctx.number(cur, decimals=1)} → {ctx.number(tgt, decimals=1)}"
                       for name, cur, tgt in axes)),
        table(ctx, [Column(ctx.t("pillar"), 0.55), Column(ctx.t("current"), 0.15, right=True),
                    Column(ctx.t("target"), 0.15, right=True), Column(ctx.t("gap"), 0.15, right=True)], rows,
              caption=ctx.t("maturity_by_pillar")),
        Heading(ctx.t("findings_by_pillar")),
        table(ctx, [Column(ctx.field_label("findings", "theme"), 0.2), Column(ctx.field_label("findings", "text"), 0.64),
                    Column(ctx.field_label("findings", "severity"), 0.16)],
              [[f.get("theme"), f.get("text"), ctx.choice("severity", f.get("severity"))] for f in findings],
              caption=ctx.t("findings_by_pillar")),
    ]


def gaps(ctx: DeliverableContext) -> list[Block]:
    rated = ratings(ctx)
    if not rated:
        return [empty(ctx)]
    rows = [[r.pillar, r.dimension, str(r.current or ""), str(r.target or ""), f"+{r.gap}" if r.gap > 0 else str(r.gap)]
            for r in rated]
    return [table(ctx, [Column(ctx.t("pillar"), 0.28), Column(ctx.t("dimension"), 0.42),
                        Column(ctx.t("current"), 0.1, right=True), Column(ctx.t("target"), 0.1, right=True),
                        Column(ctx.t("gap"), 0.1, right=True)], rows, caption=ctx.t("gaps"))]


def inventory(ctx: DeliverableContext) -> list[Block]:
    yes = "✓"
    links = system_links(ctx)  # each system's risks by code, under its name (issue 22)
    rows = [[named_with_risks(ctx, links, s), s.get("vendor"), s.get("department"), ctx.choice("system_status", s.get("status")),
             yes if s.get("personal_data") else "", yes if s.get("shadow_ai") else "",
             tier_badge(ctx, s.get("ai_act_tier"))]
            for s in ctx.rows("ai_systems")]
    f = ctx.field_label
    return [table(ctx, [Column(f("ai_systems", "name"), 0.22), Column(f("ai_systems", "vendor"), 0.14),
                        Column(f("ai_systems", "department"), 0.15), Column(f("ai_systems", "status"), 0.1),
                        Column(f("ai_systems", "personal_data"), 0.13), Column(f("ai_systems", "shadow_ai"), 0.09),
                        Column(f("ai_systems", "ai_act_tier"), 0.17)], rows, caption=ctx.t("ai_inventory"))]


def interviews(ctx: DeliverableContext) -> list[Block]:
    rows = [[ctx.date(i.get("interviewed_on")), i.get("person"),
             " · ".join(x for x in (i.get("role"), i.get("department")) if x), i.get("notes")]
            for i in sorted(ctx.rows("interviews"), key=lambda r: (r.get("interviewed_on"), r["id"]))]
    f = ctx.field_label
    return [table(ctx, [Column(f("interviews", "interviewed_on"), 0.11), Column(f("interviews", "person"), 0.16),
                        Column(f("interviews", "role"), 0.2), Column(f("interviews", "notes"), 0.53)], rows,
                  caption=ctx.t("interview_synthesis"))]


def recommendations(ctx: DeliverableContext) -> list[Block]:
    """The largest gaps, each with what today's level, the next one and the target look like in the
    maturity model: a recommendation the client can act on and check."""
    model = load_maturity_model()
    rated = sorted((r for r in ratings(ctx) if r.gap > 0), key=lambda r: (-r.gap, r.dimension))[:6]
    if not rated:
        return [empty(ctx)]
    out: list[Block] = [Paragraph(ctx.t("rec_intro", count=len(rated)))]
    for n, r in enumerate(rated, start=1):
        dim = model.dimension(r.dimension_key)
        steps = [("rec_today", r.current), ("rec_next", min((r.current or 0) + 1, 5)), ("rec_target", r.target)]
        lines = [ctx.t(key, n=level, name=model.level_name(level, ctx.lang), text=dim.level_descriptor(level, ctx.lang))
                 for key, level in steps if level and not (key == "rec_next" and level == r.target)]
        out.append(Group([Heading(f"{n}. {r.dimension} ({r.pillar}) — {r.current} → {r.target}", level=3),
                          Paragraph(dim.description(ctx.lang), "small"), Bullets(lines)]))
    return out


SECTIONS = (
    SectionSpec("executive_summary", summary),
    SectionSpec("method", method, new_page=False),
    SectionSpec("maturity", maturity),
    SectionSpec("gaps", gaps),
    SectionSpec("ai_inventory", inventory),
    SectionSpec("interview_synthesis", interviews, in_deck=False),
    SectionSpec("survey_results", survey_blocks),
    SectionSpec("recommendations", recommendations),
)
