"""Risk & compliance register: heat maps (current and residual), the register sorted by level, the
treatment plan and its actions, compliance status by framework with evidence."""

from __future__ import annotations

import re
from collections import Counter

from reportlab.platypus import Flowable, Spacer

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.interchange.pdf.blocks import para, side_by_side
from caio_desktop.interchange.pdf.charts.heatmap import heat_map
from caio_desktop.interchange.pdf.context import DeliverableContext
from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR
from caio_desktop.interchange.pdf.sections import Outline, Section
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH, INK, MUTED
from caio_desktop.interchange.pdf.tables import Column, TextCell, data_table, empty, level_badge
from caio_desktop.reference.risk_matrix import load_risk_matrix

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


def heat_maps(ctx: DeliverableContext) -> Flowable:
    matrix = load_risk_matrix()
    risks = ctx.rows("risks")
    half = (FRAME_WIDTH - 12) / 2
    common = {"matrix": matrix, "lang": ctx.lang, "axis_x": ctx.t("impact"), "axis_y": ctx.t("likelihood"),
              "width": half}
    current = heat_map([(r.get("likelihood"), r.get("impact")) for r in risks], title=ctx.t("heatmap_current"),
                       **common)
    residual = heat_map([(r.get("residual_likelihood"), r.get("residual_impact")) for r in risks],
                        title=ctx.t("heatmap_residual"), **common)
    return side_by_side(current, residual)


def risk_summary(ctx: DeliverableContext) -> str:
    risks = ctx.rows("risks")
    levels = Counter(r.get("level") for r in risks)
    treated = sum(1 for r in risks if r.get("status") == "in_treatment")
    return ctx.t("risk_summary", count=len(risks), critical=levels.get("critical", 0), high=levels.get("high", 0),
                 treated=treated)


def level_legend(ctx: DeliverableContext) -> Flowable:
    """Each level of the matrix: how many risks sit there before and after treatment, and what it asks."""
    risks = ctx.rows("risks")
    current = Counter(r.get("level") for r in risks)
    residual = Counter(r.get("residual_level") for r in risks)
    levels = sorted(load_risk_matrix().levels, key=lambda level: -level.rank)
    return data_table(ctx, [Column(ctx.field_label("risks", "level"), 0.13),
                            Column(ctx.t("heatmap_current"), 0.12, right=True),
                            Column(ctx.t("heatmap_residual"), 0.13, right=True), Column(ctx.t("meaning"), 0.62)],
                      [[level_badge(ctx, level.key), str(current.get(level.key, 0)), str(residual.get(level.key, 0)),
                        level.description.get(ctx.lang) if level.description else ""] for level in levels])


def heat_map_section(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    return [para(ctx, risk_summary(ctx), "lead"), heat_maps(ctx), Spacer(1, 14), level_legend(ctx)]


def _risk_title(ctx: DeliverableContext, risk: dict) -> TextCell:
    """The risk's title in bold over its category in grey."""
    size = ctx.styles.cell.fontSize
    return TextCell([(risk.get("title") or "", BOLD, size, INK),
                     (ctx.choice("risk_category", risk.get("category")), REGULAR, size - 1.3, MUTED)],
                    leading=ctx.styles.cell.leading)


def register_table(ctx: DeliverableContext, risks: list[dict]) -> Flowable:
    """The register: one row a risk, level badges in the matrix colours."""
    f = ctx.field_label
    rows = [[r.get("code"), _risk_title(ctx, r), r.get("owner"), r.get("likelihood"), r.get("impact"),
             level_badge(ctx, r.get("level")), level_badge(ctx, r.get("residual_level")),
             ctx.choice("treatment", r.get("treatment")), ctx.choice("risk_status", r.get("status"))]
            for r in sorted_risks(ctx, risks)]
    return data_table(ctx, [
        Column(f("risks", "code"), 0.075), Column(f("risks", "title"), 0.285), Column(f("risks", "owner"), 0.12),
        Column(ctx.t("likelihood_short"), 0.065, right=True), Column(ctx.t("impact_short"), 0.06, right=True),
        Column(f("risks", "level"), 0.095), Column(ctx.t("heatmap_residual"), 0.095),
        Column(f("risks", "treatment"), 0.1), Column(f("risks", "status"), 0.105)], rows)


def register(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    return [register_table(ctx, ctx.rows("risks"))]


def treatment_plan(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    codes = {r["id"]: r.get("code") or "" for r in ctx.rows("risks")}
    actions = sorted(ctx.rows("risk_actions"), key=lambda a: (a.get("status") not in OPEN_ACTION,
                                                              a.get("due_date") or ctx.as_of, a["id"]))
    f = ctx.field_label
    return [data_table(ctx, [Column(f("risk_actions", "risk_id"), 0.09), Column(f("risk_actions", "title"), 0.45),
                             Column(f("risk_actions", "owner"), 0.18), Column(f("risk_actions", "due_date"), 0.12),
                             Column(f("risk_actions", "status"), 0.16)],
                          [[codes.get(a.get("risk_id"), ""), a.get("title"), a.get("owner"), ctx.date(a.get("due_date")),
                            ctx.choice("action_status", a.get("status"))] for a in actions])]


def compliance(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
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
        summary_rows.append([ctx.choice("framework", fw), *[counts.get(s, 0) for s in statuses],
                             sum(counts.values()), ctx.percent(share)])
    out: list[Flowable] = [data_table(ctx, [
        Column(ctx.field_label("compliance", "framework"), 0.22),
        *[Column(ctx.choice("compliance_status", s), 0.12, right=True) for s in statuses],
        Column(ctx.t("total"), 0.1, right=True), Column("%", 0.1, right=True)], summary_rows)]
    f = ctx.field_label
    for fw in frameworks:
        out.append(outline.sub(ctx.choice("framework", fw)))
        rows = [[i.get("reference"), i.get("requirement"), ctx.choice("compliance_status", i.get("status")),
                 i.get("evidence"), i.get("owner"), ctx.date(i.get("due_date"))]
                for i in sorted((i for i in items if i.get("framework") == fw),
                                key=lambda i: (natural_key(i.get("reference")), i["id"]))]
        out.append(data_table(ctx, [Column(f("compliance", "reference"), 0.1),
                                    Column(f("compliance", "requirement"), 0.36),
                                    Column(f("compliance", "status"), 0.11), Column(f("compliance", "evidence"), 0.2),
                                    Column(f("compliance", "owner"), 0.12), Column(f("compliance", "due_date"), 0.11)],
                              rows))
    return out


def empty_or(ctx: DeliverableContext, flowables: list[Flowable]) -> list[Flowable]:
    return flowables or [empty(ctx)]


SECTIONS = (
    Section("risk_heatmaps", heat_map_section),
    Section("risk_register", register),
    Section("treatment_plan", treatment_plan),
    Section("compliance_status", compliance),
)
