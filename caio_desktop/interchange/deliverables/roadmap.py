"""Strategy & roadmap: AI vision and objectives, use-case portfolio (matrix and prioritised list),
vendor selection, roadmap Gantt, initiatives, KPIs with targets and trends."""

from __future__ import annotations

from caio_desktop.interchange.deliverables.assemble import SectionSpec
from caio_desktop.interchange.deliverables.blocks import empty, narrative_blocks, table
from caio_desktop.interchange.deliverables.colours import dark, tint
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.i18n import format_kpi_value
from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Column,
    Figure,
    FigureGrid,
    GanttChart,
    GanttRow,
    Heading,
    KpiTrend,
    Note,
    Paragraph,
    Progress,
    QuadrantChart,
    QuadrantPoint,
)

QUADRANT_ORDER = {"quick_win": 0, "strategic_bet": 1, "incremental": 2, "deprioritise": 3, None: 4}
QUADRANT_COLOURS = {"quick_win": "#2E7D32", "strategic_bet": "#1F4E79", "incremental": "#8D99A6",
                    "deprioritise": "#C0C6CD", None: "#C0C6CD"}
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2, None: 3}
PHASE_ORDER = ("diagnosis", "strategy", "deployment", "handover")
GREY = "#808080"


def phase_index(phase: str | None) -> int:
    return PHASE_ORDER.index(phase) if phase in PHASE_ORDER else 9


def prioritised_use_cases(ctx: DeliverableContext) -> list[dict]:
    """Use cases in the order to do them: quadrant first, then value and feasibility."""
    return sorted(ctx.rows("use_cases"), key=lambda u: (
        QUADRANT_ORDER.get(u.get("quadrant"), 4), -(u.get("value_score") or 0), -(u.get("feasibility_score") or 0),
        u["id"]))


def vision(ctx: DeliverableContext) -> list[Block]:
    out: list[Block] = []
    if ctx.engagement.get("objectives"):
        out.append(Paragraph(ctx.engagement["objectives"], "lead"))
    out.extend(narrative_blocks(ctx))
    objectives = sorted(ctx.rows("objectives"), key=lambda o: (PRIORITY_ORDER.get(o.get("priority"), 3), o["id"]))
    f = ctx.field_label
    out.append(table(ctx, [Column(f("objectives", "title"), 0.3), Column(f("objectives", "description"), 0.44),
                           Column(f("objectives", "priority"), 0.1), Column(f("objectives", "owner"), 0.16)],
                     [[o.get("title"), o.get("description"), ctx.choice("priority", o.get("priority")), o.get("owner")]
                      for o in objectives], caption=ctx.module_label("objectives")))
    out.append(Heading(ctx.t("charter")))
    out.append(table(ctx, [Column(f("principles", "principle"), 0.26), Column(f("principles", "commitment"), 0.5),
                           Column(f("principles", "status"), 0.12), Column(f("principles", "adopted_on"), 0.12)],
                     [[p.get("principle"), p.get("commitment"), ctx.choice("principle_status", p.get("status")),
                       ctx.date(p.get("adopted_on"))] for p in ctx.rows("principles")], caption=ctx.t("charter")))
    return out


def portfolio_matrix(ctx: DeliverableContext, cases: list[dict]) -> Figure:
    points = tuple(QuadrantPoint(u["feasibility_score"], u["value_score"], QUADRANT_COLOURS[u.get("quadrant")], str(n),
                                 u.get("title") or "")
                   for n, u in enumerate(cases, start=1) if u.get("value_score") and u.get("feasibility_score"))
    q = ctx.choice
    legend = tuple((q("quadrant", code), QUADRANT_COLOURS[code]) for code in QUADRANT_ORDER if code)
    return Figure(QuadrantChart(points, ctx.t("feasibility"), ctx.t("value"),
                                (q("quadrant", "strategic_bet"), q("quadrant", "quick_win"),
                                 q("quadrant", "deprioritise"), q("quadrant", "incremental")), legend=legend),
                  ctx.t("value_feasibility"))


def portfolio(ctx: DeliverableContext) -> list[Block]:
    cases = prioritised_use_cases(ctx)
    if not cases:
        return [empty(ctx)]
    q = ctx.choice
    f = ctx.field_label
    rows = [[str(n), u.get("title"), u.get("department"), ctx.number(u.get("value_score"), decimals=1),
             ctx.number(u.get("feasibility_score"), decimals=1), q("quadrant", u.get("quadrant")),
             q("use_case_status", u.get("status"))] for n, u in enumerate(cases, start=1)]
    return [portfolio_matrix(ctx, cases), Heading(ctx.t("prioritised_list")),
            table(ctx, [Column("#", 0.05, right=True), Column(f("use_cases", "title"), 0.33),
                        Column(f("use_cases", "department"), 0.15), Column(ctx.t("value"), 0.09, right=True),
                        Column(ctx.t("feasibility"), 0.11, right=True), Column(f("use_cases", "quadrant"), 0.14),
                        Column(f("use_cases", "status"), 0.13)], rows, caption=ctx.t("prioritised_list"))]


def vendors(ctx: DeliverableContext) -> list[Block]:
    f = ctx.field_label
    options = sorted(ctx.rows("vendor_options"), key=lambda o: (-(o.get("weighted_score") or 0), o["id"]))
    out: list[Block] = [table(ctx, [
        Column(f("vendor_options", "name"), 0.22), Column(f("vendor_options", "vendor"), 0.14),
        Column(f("vendor_options", "category"), 0.14), Column(f("vendor_options", "weighted_score"), 0.1, right=True),
        Column(f("vendor_options", "selected"), 0.08), Column(f("vendor_options", "description"), 0.32)],
        [[o.get("name"), o.get("vendor"), o.get("category"), ctx.number(o.get("weighted_score"), decimals=2),
          "✓" if o.get("selected") else "", o.get("description")] for o in options],
        caption=ctx.t("vendor_selection"))]
    criteria = ctx.rows("vendor_criteria")
    if criteria:
        out.append(table(ctx, [Column(f("vendor_criteria", "name"), 0.3),
                               Column(f("vendor_criteria", "weight"), 0.12, right=True),
                               Column(f("vendor_criteria", "description"), 0.58)],
                         [[c.get("name"), ctx.number(c.get("weight")), c.get("description")] for c in criteria],
                         caption=ctx.module_label("vendor_criteria")))
    return out


def phase_colour(ctx: DeliverableContext, phase: str | None) -> str:
    """Phases in shades of the client's colour, from dark (diagnosis) to light (handover)."""
    return tint(dark(ctx.engagement.get("primary_color")), 0.12 * min(phase_index(phase), 3))


def gantt_rows(ctx: DeliverableContext) -> list[GanttRow]:
    initiatives = ctx.rows("initiatives")
    milestones = ctx.rows("milestones")
    by_initiative: dict[int | None, list[tuple]] = {}
    for m in milestones:
        by_initiative.setdefault(m.get("initiative_id"), []).append((m["due_date"], m.get("status") == "done"))
    rows: list[GanttRow] = []
    phases = {p["phase"]: p for p in ctx.rows("phases")}
    for phase in PHASE_ORDER:
        members = sorted((i for i in initiatives if i.get("phase") == phase),
                         key=lambda i: (i.get("start_date") or ctx.as_of, i["id"]))
        if not members and phase not in phases:
            continue
        colour = phase_colour(ctx, phase)
        rows.append(GanttRow(phases.get(phase, {}).get("title") or ctx.choice("phase", phase), is_group=True, color=colour))
        rows.extend(GanttRow(i.get("title") or "", i.get("start_date"), i.get("end_date"), i.get("progress"), colour,
                             milestones=tuple(by_initiative.get(i["id"], []))) for i in members)
    unphased = [i for i in initiatives if i.get("phase") not in PHASE_ORDER]
    if unphased:
        rows.append(GanttRow("—", is_group=True, color=GREY))
        rows.extend(GanttRow(i.get("title") or "", i.get("start_date"), i.get("end_date"), i.get("progress"), GREY,
                             milestones=tuple(by_initiative.get(i["id"], []))) for i in unphased)
    if by_initiative.get(None):
        rows.append(GanttRow(ctx.t("milestones"), is_group=True, color=GREY))
        for m in sorted((m for m in milestones if not m.get("initiative_id")), key=lambda m: m["due_date"]):
            rows.append(GanttRow(m.get("title") or "", milestones=((m["due_date"], m.get("status") == "done"),)))
    return rows


def roadmap_chart(ctx: DeliverableContext) -> list[Block]:
    rows = gantt_rows(ctx)
    if not any(not r.is_group for r in rows):
        return [empty(ctx)]
    start, end = ctx.engagement["start_date"], ctx.engagement["end_date"]
    dates = [d for r in rows for d in (r.start, r.end) if d] + [d for r in rows for d, _ in r.milestones]
    period = (min([start, *dates]), max([end, *dates]))
    note = "; ".join(f"{r.text}: {ctx.date(r.start)} → {ctx.date(r.end)} ({ctx.percent(r.progress or 0)})"
                     for r in rows if not r.is_group and r.start)
    return [Figure(GanttChart(tuple(rows), period, ctx.as_of, ctx.t("today")),
                   ctx.t("roadmap_gantt") + " — " + ctx.t("as_of", date=ctx.long_date(ctx.as_of))), Note(note)]


def initiatives_table(ctx: DeliverableContext, rows: list[dict] | None = None) -> Block:
    f = ctx.field_label
    items = rows if rows is not None else sorted(
        ctx.rows("initiatives"), key=lambda i: (phase_index(i.get("phase")), i.get("start_date") or ctx.as_of, i["id"]))
    return table(ctx, [
        Column(f("initiatives", "title"), 0.26), Column(f("initiatives", "phase"), 0.12),
        Column(f("initiatives", "start_date"), 0.115), Column(f("initiatives", "end_date"), 0.115),
        Column(f("initiatives", "owner"), 0.14), Column(f("initiatives", "status"), 0.1),
        Column(f("initiatives", "progress"), 0.15)],
        [[i.get("title"), ctx.choice("phase", i.get("phase")), ctx.date(i.get("start_date")), ctx.date(i.get("end_date")),
          i.get("owner"), ctx.choice("initiative_status", i.get("status")),
          Progress(float(i.get("progress") or 0), ctx.percent(i.get("progress") or 0))] for i in items],
        caption=ctx.t("initiatives"))


def measurements(ctx: DeliverableContext, kpi_id: int) -> list[tuple]:
    return sorted(((m["measured_on"], float(m["value"])) for m in ctx.rows("kpi_measurements")
                   if m["kpi_id"] == kpi_id and m.get("measured_on") and m["measured_on"] <= ctx.as_of
                   and m.get("value") is not None), key=lambda p: p[0])


def kpi_grid_or_empty(ctx: DeliverableContext, kpis: list[dict]) -> list[Block]:
    """Trend charts of the KPIs measured by the report date, two a row; a sentence when none is."""
    measured = [k for k in kpis if measurements(ctx, k["id"])]
    if not measured:
        return [empty(ctx)]
    figures = [Figure(KpiTrend(k.get("name") or "", k.get("unit") or "", tuple(measurements(ctx, k["id"])),
                               k.get("target"), k.get("baseline"), ctx.t("target")), k.get("name") or "")
               for k in measured]
    note = "; ".join(
        f"{k.get('name')}: " + ", ".join(f"{ctx.date(d)} {format_kpi_value(v, k.get('unit') or '', ctx.lang)}"
                                         for d, v in measurements(ctx, k["id"]))
        + (f" ({ctx.t('target')} {ctx.number(k.get('target'))})" if k.get("target") is not None else "")
        for k in measured)
    return [FigureGrid(figures, 2, ctx.t("kpi_trends")), Note(note)]


def kpis(ctx: DeliverableContext) -> list[Block]:
    items = ctx.rows("kpis")
    if not items:
        return [empty(ctx)]
    f = ctx.field_label
    rows = []
    for k in items:
        latest = measurements(ctx, k["id"])
        rows.append([k.get("name"), k.get("unit"), ctx.number(k.get("baseline")), ctx.number(k.get("target")),
                     ctx.number(latest[-1][1]) if latest else "", ctx.choice("kpi_direction", k.get("direction")),
                     k.get("owner")])
    return [table(ctx, [Column(f("kpis", "name"), 0.3), Column(f("kpis", "unit"), 0.09),
                        Column(f("kpis", "baseline"), 0.11, right=True), Column(f("kpis", "target"), 0.1, right=True),
                        Column(ctx.t("latest"), 0.11, right=True), Column(f("kpis", "direction"), 0.12),
                        Column(f("kpis", "owner"), 0.17)], rows, caption=ctx.t("kpis")),
            Heading(ctx.t("kpi_trends")), *kpi_grid_or_empty(ctx, items)]


SECTIONS = (
    SectionSpec("vision", vision),
    SectionSpec("portfolio", portfolio),
    SectionSpec("vendor_selection", vendors),
    SectionSpec("roadmap_gantt", roadmap_chart),
    SectionSpec("initiatives", lambda ctx: [initiatives_table(ctx)], new_page=False),
    SectionSpec("kpis", kpis),
)
