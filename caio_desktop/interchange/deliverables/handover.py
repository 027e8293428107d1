"""The end-of-engagement handover pack: the diagnosis, strategy, roadmap, KPIs, risks and compliance in
one document, plus what remains open (by owner) and the governance left in place."""

from __future__ import annotations

from collections import Counter

from caio_desktop.interchange.deliverables import diagnosis, risks, roadmap
from caio_desktop.interchange.deliverables.assemble import SectionSpec, shorten
from caio_desktop.interchange.deliverables.blocks import narrative_blocks, table
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.links import systems_table
from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Column,
    Figure,
    Heading,
    KeyFigures,
    Paragraph,
    QuadrantChart,
    QuadrantPoint,
)

ATTITUDE_COLOURS = {"champion": "#1B5E20", "supporter": "#66BB6A", "neutral": "#9AA3AD", "sceptic": "#EF6C00",
                    "resistant": "#C62828"}


def open_items(ctx: DeliverableContext) -> list[tuple[str, str, str, str]]:
    """(owner, kind, item, due or status) of everything not finished at the report date."""
    items: list[tuple[str, str, str, str]] = []

    def add(owner: object, module_key: str, text: object, when: object) -> None:
        items.append((str(owner or ctx.t("unassigned")), ctx.module_label(module_key), str(text or ""), str(when or "")))

    for i in ctx.rows("initiatives"):
        if i.get("status") not in ("done", "cancelled"):
            add(i.get("owner"), "initiatives", i.get("title"), ctx.date(i.get("end_date")))
    for r in ctx.rows("risks"):
        if r.get("status") != "closed":
            add(r.get("owner"), "risks", f"{r.get('code')} {r.get('title')}", ctx.choice("risk_level", r.get("level")))
    for key in ("actions", "risk_actions"):
        for a in ctx.rows(key):
            if a.get("status") in risks.OPEN_ACTION:
                add(a.get("owner"), key, a.get("title"), ctx.date(a.get("due_date")))
    for c in ctx.rows("compliance"):
        if c.get("status") in (None, "not_started", "in_progress"):
            add(c.get("owner"), "compliance", shorten(f"{ctx.choice('framework', c.get('framework'))} "
                                                      f"{c.get('reference')} — {c.get('requirement') or ''}", 110),
                ctx.date(c.get("due_date")) or ctx.choice("compliance_status", c.get("status")))
    for d in ctx.rows("decisions"):
        if d.get("status") == "proposed":
            add(d.get("owner"), "decisions", d.get("text"), ctx.date(d.get("decided_on")))
    unassigned = ctx.t("unassigned")
    return sorted(items, key=lambda i: (i[0] == unassigned, i[0].lower(), i[1], i[2]))


def summary(ctx: DeliverableContext) -> list[Block]:
    cases = ctx.rows("use_cases")
    live = sum(1 for u in cases if u.get("status") == "production")
    initiatives = ctx.rows("initiatives")
    done = sum(1 for i in initiatives if i.get("status") == "done")
    items = open_items(ctx)
    compliance = [c for c in ctx.rows("compliance") if c.get("status") != "not_applicable"]
    share = 100 * sum(1 for c in compliance if c.get("status") == "compliant") / len(compliance) if compliance else 0
    out: list[Block] = [KeyFigures([
        (f"{done}/{len(initiatives)}", ctx.module_label("initiatives")),
        (str(live), ctx.module_label("use_cases") + " — " + ctx.choice("use_case_status", "production").lower()),
        (ctx.percent(share), ctx.module_label("compliance")),
        (str(len(items)), ctx.t("open_count")),
    ])]
    if ctx.engagement.get("objectives"):
        out.append(Paragraph(ctx.engagement["objectives"], "lead"))
    out.extend(narrative_blocks(ctx, generated_summary=[*diagnosis.summary_points(ctx), risks.risk_summary(ctx)]))
    return out


def strategy(ctx: DeliverableContext) -> list[Block]:
    return [*roadmap.vision(ctx), Heading(ctx.t("portfolio")), *roadmap.portfolio(ctx),
            Heading(ctx.t("roadmap_gantt")), *roadmap.roadmap_chart(ctx), Heading(ctx.t("initiatives")),
            roadmap.initiatives_table(ctx)]


def risk_and_compliance(ctx: DeliverableContext) -> list[Block]:
    return [Paragraph(risks.risk_summary(ctx), "lead"), risks.heat_maps(ctx), risks.level_legend(ctx),
            Heading(ctx.t("risk_register")), risks.register_table(ctx, ctx.rows("risks")), *systems_table(ctx),
            Heading(ctx.t("compliance_summary")), *risks.compliance(ctx)]


def remaining(ctx: DeliverableContext) -> list[Block]:
    items = open_items(ctx)
    per_owner = Counter(owner for owner, *_ in items)
    return [table(ctx, [Column(ctx.field_label("actions", "owner"), 0.7), Column(ctx.t("open_count"), 0.3, right=True)],
                  [[owner, str(n)] for owner, n in sorted(per_owner.items(), key=lambda p: (-p[1], p[0]))],
                  caption=ctx.t("what_remains_open")),
            Heading(ctx.t("open_items_by_owner")),
            table(ctx, [Column(ctx.field_label("actions", "owner"), 0.2), Column(ctx.t("kind"), 0.16),
                        Column(ctx.t("item"), 0.5), Column(ctx.field_label("actions", "due_date"), 0.14)],
                  [list(i) for i in items], caption=ctx.t("open_items_by_owner"))]


def stakeholder_map(ctx: DeliverableContext) -> Block:
    people = [s for s in ctx.rows("stakeholders") if s.get("influence") and s.get("interest")]
    if not people:
        return Paragraph(ctx.t("empty"), "small")
    points = tuple(QuadrantPoint(s["interest"], s["influence"], ATTITUDE_COLOURS.get(s.get("attitude"), "#9AA3AD"),
                                 s.get("name") or "", s.get("name") or "") for s in people)
    fr = ctx.lang == "fr"
    corners = (("Satisfaire", "Gérer étroitement", "Surveiller", "Informer") if fr
               else ("Keep satisfied", "Manage closely", "Monitor", "Keep informed"))
    legend = tuple((ctx.choice("attitude", code), colour) for code, colour in ATTITUDE_COLOURS.items())
    return Figure(QuadrantChart(points, ctx.t("interest"), ctx.t("influence"), corners, label_inside=False,
                                legend=legend), ctx.t("stakeholder_map"))


def governance(ctx: DeliverableContext) -> list[Block]:
    f = ctx.field_label
    taken = sorted((d for d in ctx.rows("decisions") if d.get("status") == "taken"),
                   key=lambda d: (d.get("decided_on") or ctx.as_of, d["id"]))
    return [
        Heading(ctx.t("charter")),
        table(ctx, [Column(f("principles", "principle"), 0.28), Column(f("principles", "commitment"), 0.5),
                    Column(f("principles", "owner"), 0.22)],
              [[p.get("principle"), p.get("commitment"), p.get("owner")] for p in ctx.rows("principles")],
              caption=ctx.t("charter")),
        Heading(ctx.t("decisions_taken")),
        table(ctx, [Column(f("decisions", "decided_on"), 0.12), Column(f("decisions", "body"), 0.16),
                    Column(f("decisions", "text"), 0.54), Column(f("decisions", "owner"), 0.18)],
              [[ctx.date(d.get("decided_on")), d.get("body"), d.get("text"), d.get("owner")] for d in taken],
              caption=ctx.t("decisions_taken")),
        Heading(ctx.t("team")),
        table(ctx, [Column(f("team", "name"), 0.24), Column(f("team", "role"), 0.3), Column(f("team", "department"), 0.2),
                    Column(f("team", "email"), 0.26)],
              [[m.get("name"), m.get("role"), m.get("department"), m.get("email")] for m in ctx.rows("team")],
              caption=ctx.t("team")),
        Heading(ctx.t("stakeholder_map")), stakeholder_map(ctx),
        Heading(ctx.t("change_management")),
        table(ctx, [Column(f("trainings", "title"), 0.36), Column(f("trainings", "audience"), 0.22),
                    Column(f("trainings", "held_on"), 0.14), Column(f("trainings", "actual_attendees"), 0.14, right=True),
                    Column(f("trainings", "planned_attendees"), 0.14, right=True)],
              [[t.get("title"), t.get("audience"), ctx.date(t.get("held_on")), ctx.number(t.get("actual_attendees")),
                ctx.number(t.get("planned_attendees"))] for t in ctx.rows("trainings")],
              caption=ctx.t("change_management")),
    ]


SECTIONS = (
    SectionSpec("executive_summary", summary),
    SectionSpec("maturity", diagnosis.maturity, new_page=False),
    SectionSpec("ai_inventory", diagnosis.inventory),
    SectionSpec("vision", strategy),
    SectionSpec("kpis", roadmap.kpis),
    SectionSpec("risk_heatmaps", risk_and_compliance),
    SectionSpec("what_remains_open", remaining),
    SectionSpec("governance", governance),
)
