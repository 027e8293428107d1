"""Risk & compliance register: heat maps (current and residual), the register sorted by level, the
treatment plan and its actions, compliance status by framework with evidence."""

from __future__ import annotations

import re
from collections import Counter

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.interchange.deliverables.assemble import SectionSpec
from caio_desktop.interchange.deliverables.blocks import empty, level_badge, narrative_blocks, table
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.links import systems_table
from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Column,
    Figure,
    FigureGrid,
    Heading,
    HeatMap,
    Note,
    Paragraph,
    Titled,
)
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.reference.verification import UNVERIFIED, UNVERIFIED_MARK

OPEN_ACTION = ("open", "in_progress")


def natural_key(reference: object) -> list:
    """Sort key that puts "Art. 4" before "Art. 11" and "A.5.2" before "A.10.3"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower())
            for part in re.split(r"(\d+)", str(reference or ""))]


def level_rank(level: str | None) -> int:
    if not level:
        return 0
    try:
        return load_risk_matrix().level(level).rank
    except KeyError:
        return 0


def sorted_risks(ctx: DeliverableContext, risks: list[dict] | None = None) -> list[dict]:
    """Highest level first, then highest likelihood × impact, then code."""
    return sorted(risks if risks is not None else ctx.rows("risks"), key=lambda r: (
        -level_rank(r.get("level")), -((r.get("likelihood") or 0) * (r.get("impact") or 0)), r.get("code") or ""))


def heat_map(ctx: DeliverableContext, cells: list[tuple[int | None, int | None]], title: str) -> HeatMap:
    """The 5×5 grid of (likelihood, impact) per risk; unrated risks are left out."""
    matrix = load_risk_matrix()
    counts = Counter((li, im) for li, im in cells if li and im)
    levels = [[matrix.level(matrix.level_for(li, im)) for im in range(1, 6)] for li in range(1, 6)]
    return HeatMap(
        title=title,
        counts=tuple(tuple(counts.get((li, im), 0) for im in range(1, 6)) for li in range(1, 6)),
        colors=tuple(tuple(level.color for level in row) for row in levels),
        levels=tuple(tuple(level.label(ctx.lang) for level in row) for row in levels),
        likelihood_labels=tuple(matrix.likelihood_label(n, ctx.lang) for n in range(1, 6)),
        impact_labels=tuple(matrix.impact_label(n, ctx.lang) for n in range(1, 6)),
        axis_x=ctx.t("impact"), axis_y=ctx.t("likelihood"))


def heat_maps(ctx: DeliverableContext, risks: list[dict] | None = None) -> FigureGrid:
    """Current and residual heat maps side by side."""
    rows = ctx.rows("risks") if risks is None else risks
    current = heat_map(ctx, [(r.get("likelihood"), r.get("impact")) for r in rows], ctx.t("heatmap_current"))
    residual = heat_map(ctx, [(r.get("residual_likelihood"), r.get("residual_impact")) for r in rows],
                        ctx.t("heatmap_residual"))
    return FigureGrid([Figure(current, ctx.t("heatmap_current")), Figure(residual, ctx.t("heatmap_residual"))], 2,
                      ctx.t("risk_heatmaps"))


def risk_summary(ctx: DeliverableContext) -> str:
    risks = ctx.rows("risks")
    levels = Counter(r.get("level") for r in risks)
    treated = sum(1 for r in risks if r.get("status") == "in_treatment")
    return ctx.t("risk_summary", count=len(risks), critical=levels.get("critical", 0), high=levels.get("high", 0),
                 treated=treated)


def level_legend(ctx: DeliverableContext) -> Block:
    """Each level of the matrix: how many risks sit there before and after treatment, and what it asks."""
    risks = ctx.rows("risks")
    current = Counter(r.get("level") for r in risks)
    residual = Counter(r.get("residual_level") for r in risks)
    levels = sorted(load_risk_matrix().levels, key=lambda level: -level.rank)
    return table(ctx, [Column(ctx.field_label("risks", "level"), 0.13), Column(ctx.t("heatmap_current"), 0.12, right=True),
                       Column(ctx.t("heatmap_residual"), 0.13, right=True), Column(ctx.t("meaning"), 0.62)],
                 [[level_badge(ctx, level.key), str(current.get(level.key, 0)), str(residual.get(level.key, 0)),
                   level.description.get(ctx.lang) if level.description else ""] for level in levels],
                 caption=ctx.field_label("risks", "level"))


def heat_map_section(ctx: DeliverableContext) -> list[Block]:
    summary = risk_summary(ctx)
    return [*narrative_blocks(ctx), Paragraph(summary, "lead"), heat_maps(ctx), Note(summary), level_legend(ctx)]


def register_table(ctx: DeliverableContext, risks: list[dict]) -> Block:
    """The register: one row a risk, level badges in the matrix colours."""
    f = ctx.field_label
    rows = [[r.get("code"), Titled(r.get("title") or "", ctx.choice("risk_category", r.get("category"))), r.get("owner"),
             str(r.get("likelihood") or ""), str(r.get("impact") or ""), level_badge(ctx, r.get("level")),
             level_badge(ctx, r.get("residual_level")), ctx.choice("treatment", r.get("treatment")),
             ctx.choice("risk_status", r.get("status"))]
            for r in sorted_risks(ctx, risks)]
    return table(ctx, [
        Column(f("risks", "code"), 0.075), Column(f("risks", "title"), 0.285), Column(f("risks", "owner"), 0.12),
        Column(ctx.t("likelihood_short"), 0.065, right=True), Column(ctx.t("impact_short"), 0.06, right=True),
        Column(f("risks", "level"), 0.095), Column(ctx.t("heatmap_residual"), 0.095),
        Column(f("risks", "treatment"), 0.1), Column(f("risks", "status"), 0.105)], rows, caption=ctx.t("risk_register"))


def risk_label(ctx: DeliverableContext, risk_id: int | None) -> str:
    """A risk as "R-004 · Title" (a code alone means nothing to a reader)."""
    risk = next((r for r in ctx.rows("risks") if r["id"] == risk_id), None)
    if risk is None:
        return ""
    return " · ".join(x for x in (risk.get("code"), risk.get("title")) if x)


def treatment_plan(ctx: DeliverableContext) -> list[Block]:
    actions = sorted(ctx.rows("risk_actions"), key=lambda a: (a.get("status") not in OPEN_ACTION,
                                                              a.get("due_date") or ctx.as_of, a["id"]))
    f = ctx.field_label
    return [table(ctx, [Column(f("risk_actions", "risk_id"), 0.22), Column(f("risk_actions", "title"), 0.34),
                        Column(f("risk_actions", "owner"), 0.16), Column(f("risk_actions", "due_date"), 0.12),
                        Column(f("risk_actions", "status"), 0.16)],
                  [[risk_label(ctx, a.get("risk_id")), a.get("title"), a.get("owner"), ctx.date(a.get("due_date")),
                    ctx.choice("action_status", a.get("status"))] for a in actions], caption=ctx.t("treatment_plan"))]


def compliance(ctx: DeliverableContext) -> list[Block]:
    items = ctx.rows("compliance")
    if not items:
        return [empty(ctx)]
    statuses = ENUMERATIONS["compliance_status"].codes
    frameworks = [fw for fw in ENUMERATIONS["framework"].codes if any(i.get("framework") == fw for i in items)]
    summary_rows = []
    for fw in frameworks:
        counts = Counter(i.get("status") or "not_started" for i in items if i.get("framework") == fw)
        applicable = sum(counts.values()) - counts.get("not_applicable", 0)
        share = 100 * counts.get("compliant", 0) / applicable if applicable else 0
        summary_rows.append([ctx.choice("framework", fw), *[str(counts.get(s, 0)) for s in statuses],
                             str(sum(counts.values())), ctx.percent(share)])
    out: list[Block] = [table(ctx, [
        Column(ctx.field_label("compliance", "framework"), 0.22),
        *[Column(ctx.choice("compliance_status", s), 0.12, right=True) for s in statuses],
        Column(ctx.t("total"), 0.1, right=True), Column("%", 0.1, right=True)], summary_rows,
        caption=ctx.t("compliance_summary"))]
    f = ctx.field_label

    def unverified(item: dict) -> bool:  # a generated item whose citation rests on secondary sources
        return (item.get("custom") or {}).get("reference_verification") == UNVERIFIED

    def cited(item: dict) -> str | None:
        ref = item.get("reference")
        return f"{ref} {UNVERIFIED_MARK}" if ref and unverified(item) else ref

    for fw in frameworks:
        out.append(Heading(ctx.choice("framework", fw)))
        rows = [[cited(i), i.get("requirement"), ctx.choice("compliance_status", i.get("status")),
                 i.get("evidence"), i.get("owner"), ctx.date(i.get("due_date"))]
                for i in sorted((i for i in items if i.get("framework") == fw),
                                key=lambda i: (natural_key(i.get("reference")), i["id"]))]
        out.append(table(ctx, [Column(f("compliance", "reference"), 0.1), Column(f("compliance", "requirement"), 0.36),
                               Column(f("compliance", "status"), 0.11), Column(f("compliance", "evidence"), 0.2),
                               Column(f("compliance", "owner"), 0.12), Column(f("compliance", "due_date"), 0.11)],
                         rows, caption=ctx.choice("framework", fw)))
    if any(unverified(i) for i in items):
        out.append(Paragraph(f"{UNVERIFIED_MARK} {ctx.t('unverified_citations')}", "small"))
    return out


SECTIONS = (
    SectionSpec("risk_heatmaps", heat_map_section),
    SectionSpec("risk_register", lambda ctx: [register_table(ctx, ctx.rows("risks")), *systems_table(ctx)]),
    SectionSpec("treatment_plan", treatment_plan),
    SectionSpec("compliance_status", compliance),
)
