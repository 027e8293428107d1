"""Strategy & roadmap: AI vision and objectives, use-case portfolio (matrix and prioritised list),
vendor selection, roadmap Gantt, initiatives, KPIs with targets and trends."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table

from caio_desktop.interchange.pdf.blocks import ProgressBar, figure, para
from caio_desktop.interchange.pdf.charts.common import tint
from caio_desktop.interchange.pdf.charts.gantt import GanttRow, gantt
from caio_desktop.interchange.pdf.charts.quadrants import Point, quadrant_chart
from caio_desktop.interchange.pdf.charts.trends import kpi_trend
from caio_desktop.interchange.pdf.context import DeliverableContext
from caio_desktop.interchange.pdf.i18n import month_label
from caio_desktop.interchange.pdf.sections import Outline, Section
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH
from caio_desktop.interchange.pdf.tables import Column, data_table, empty, table_style

QUADRANT_ORDER = {"quick_win": 0, "strategic_bet": 1, "incremental": 2, "deprioritise": 3, None: 4}
QUADRANT_COLOURS = {"quick_win": "#2E7D32", "strategic_bet": "#1F4E79", "incremental": "#8D99A6",
                    "deprioritise": "#C0C6CD", None: "#C0C6CD"}
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2, None: 3}
PHASE_ORDER = ("diagnosis", "strategy", "deployment", "handover")


def prioritised_use_cases(ctx: DeliverableContext) -> list[dict]:
    """Use cases in the order to do them: quadrant first, then value and feasibility."""
    return sorted(ctx.rows("use_cases"), key=lambda u: (
        QUADRANT_ORDER.get(u.get("quadrant"), 4), -(u.get("value_score") or 0), -(u.get("feasibility_score") or 0),
        u["id"]))


def vision(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    out: list[Flowable] = []
    if ctx.engagement.get("objectives"):
        out.append(para(ctx, ctx.engagement["objectives"], "lead"))
    objectives = sorted(ctx.rows("objectives"), key=lambda o: (PRIORITY_ORDER.get(o.get("priority"), 3), o["id"]))
    f = ctx.field_label
    out.append(data_table(ctx, [Column(f("objectives", "title"), 0.3), Column(f("objectives", "description"), 0.44),
                                Column(f("objectives", "priority"), 0.1), Column(f("objectives", "owner"), 0.16)],
                          [[o.get("title"), o.get("description"), ctx.choice("priority", o.get("priority")),
                            o.get("owner")] for o in objectives]))
    out.append(outline.sub(ctx.t("charter")))
    out.append(data_table(ctx, [Column(f("principles", "principle"), 0.26),
                                Column(f("principles", "commitment"), 0.5),
                                Column(f("principles", "status"), 0.12), Column(f("principles", "adopted_on"), 0.12)],
                          [[p.get("principle"), p.get("commitment"), ctx.choice("principle_status", p.get("status")),
                            ctx.date(p.get("adopted_on"))] for p in ctx.rows("principles")]))
    return out


def portfolio(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    cases = prioritised_use_cases(ctx)
    if not cases:
        return [empty(ctx)]
    points = [Point(u["feasibility_score"], u["value_score"], colors.HexColor(QUADRANT_COLOURS[u.get("quadrant")]),
                    str(n))
              for n, u in enumerate(cases, start=1) if u.get("value_score") and u.get("feasibility_score")]
    q = ctx.choice
    chart = quadrant_chart(points, width=FRAME_WIDTH, height=255, axis_x=ctx.t("feasibility"),
                           axis_y=ctx.t("value"), accent=ctx.palette.accent,
                           corners=(q("quadrant", "strategic_bet"), q("quadrant", "quick_win"),
                                    q("quadrant", "deprioritise"), q("quadrant", "incremental")))
    out: list[Flowable] = [figure(ctx, chart, ctx.t("value_feasibility")), outline.sub(ctx.t("prioritised_list"))]
    f = ctx.field_label
    rows = [[str(n), u.get("title"), u.get("department"), ctx.number(u.get("value_score"), decimals=1),
             ctx.number(u.get("feasibility_score"), decimals=1), q("quadrant", u.get("quadrant")),
             q("use_case_status", u.get("status"))] for n, u in enumerate(cases, start=1)]
    out.append(data_table(ctx, [Column("#", 0.05, right=True), Column(f("use_cases", "title"), 0.33),
                                Column(f("use_cases", "department"), 0.15), Column(ctx.t("value"), 0.09, right=True),
                                Column(ctx.t("feasibility"), 0.11, right=True),
                                Column(f("use_cases", "quadrant"), 0.14), Column(f("use_cases", "status"), 0.13)],
                          rows))
    return out


def vendors(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    f = ctx.field_label
    options = sorted(ctx.rows("vendor_options"), key=lambda o: (-(o.get("weighted_score") or 0), o["id"]))
    criteria = ctx.rows("vendor_criteria")
    out: list[Flowable] = [data_table(ctx, [
        Column(f("vendor_options", "name"), 0.22), Column(f("vendor_options", "vendor"), 0.14),
        Column(f("vendor_options", "category"), 0.14), Column(f("vendor_options", "weighted_score"), 0.1, right=True),
        Column(f("vendor_options", "selected"), 0.08), Column(f("vendor_options", "description"), 0.32)],
        [[o.get("name"), o.get("vendor"), o.get("category"), ctx.number(o.get("weighted_score"), decimals=2),
          "✓" if o.get("selected") else "", o.get("description")] for o in options])]
    if criteria:
        out.append(Spacer(1, 8))
        out.append(data_table(ctx, [Column(f("vendor_criteria", "name"), 0.3),
                                    Column(f("vendor_criteria", "weight"), 0.12, right=True),
                                    Column(f("vendor_criteria", "description"), 0.58)],
                              [[c.get("name"), ctx.number(c.get("weight")), c.get("description")] for c in criteria]))
    return out


def phase_colour(ctx: DeliverableContext, phase: str | None) -> colors.Color:
    """Phases in shades of the client's colour, from dark (diagnosis) to light (handover)."""
    index = PHASE_ORDER.index(phase) if phase in PHASE_ORDER else 3
    return tint(ctx.palette.dark, 0.12 * index)


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
        title = phases.get(phase, {}).get("title") or ctx.choice("phase", phase)
        rows.append(GanttRow(title, is_group=True, color=colour))
        rows.extend(GanttRow(i.get("title") or "", i.get("start_date"), i.get("end_date"), i.get("progress"), colour,
                             milestones=by_initiative.get(i["id"], [])) for i in members)
    unphased = [i for i in initiatives if i.get("phase") not in PHASE_ORDER]
    if unphased:
        rows.append(GanttRow("—", is_group=True, color=colors.grey))
        rows.extend(GanttRow(i.get("title") or "", i.get("start_date"), i.get("end_date"), i.get("progress"),
                             colors.grey, milestones=by_initiative.get(i["id"], [])) for i in unphased)
    if by_initiative.get(None):
        rows.append(GanttRow(ctx.t("milestones"), is_group=True, color=colors.grey))
        for m in sorted((m for m in milestones if not m.get("initiative_id")), key=lambda m: m["due_date"]):
            rows.append(GanttRow(m.get("title") or "", milestones=[(m["due_date"], m.get("status") == "done")]))
    return rows


def roadmap_chart(ctx: DeliverableContext) -> list[Flowable]:
    rows = gantt_rows(ctx)
    if not any(not r.is_group for r in rows):
        return [empty(ctx)]
    start, end = ctx.engagement["start_date"], ctx.engagement["end_date"]
    dates = [d for r in rows for d in (r.start, r.end) if d] + [d for r in rows for d, _ in r.milestones]
    period = (min([start, *dates]), max([end, *dates]))
    drawings = gantt(rows, period=period, today=ctx.as_of, width=FRAME_WIDTH,
                     month_label=lambda d: month_label(d, ctx.lang), today_text=ctx.t("today"))
    return [*drawings[:-1], figure(ctx, drawings[-1], ctx.t("roadmap_gantt") + " — " + ctx.t(
        "as_of", date=ctx.long_date(ctx.as_of)))]


def roadmap(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    return roadmap_chart(ctx)


def initiatives_table(ctx: DeliverableContext, rows: list[dict] | None = None) -> Flowable:
    f = ctx.field_label
    items = rows if rows is not None else sorted(
        ctx.rows("initiatives"), key=lambda i: (PHASE_ORDER.index(i["phase"]) if i.get("phase") in PHASE_ORDER else 9,
                                               i.get("start_date") or ctx.as_of, i["id"]))
    return data_table(ctx, [
        Column(f("initiatives", "title"), 0.26), Column(f("initiatives", "phase"), 0.12),
        Column(f("initiatives", "start_date"), 0.115), Column(f("initiatives", "end_date"), 0.115),
        Column(f("initiatives", "owner"), 0.14), Column(f("initiatives", "status"), 0.1),
        Column(f("initiatives", "progress"), 0.15)],
        [[i.get("title"), ctx.choice("phase", i.get("phase")), ctx.date(i.get("start_date")), ctx.date(i.get("end_date")),
          i.get("owner"), ctx.choice("initiative_status", i.get("status")),
          ProgressBar(i.get("progress"), ctx.percent(i.get("progress") or 0), ctx.palette.accent, width=36)]
         for i in items])


def initiatives(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    return [initiatives_table(ctx)]


def measurements(ctx: DeliverableContext, kpi_id: int) -> list[tuple]:
    return sorted(((m["measured_on"], float(m["value"])) for m in ctx.rows("kpi_measurements")
                   if m["kpi_id"] == kpi_id and m.get("measured_on") and m["measured_on"] <= ctx.as_of
                   and m.get("value") is not None), key=lambda p: p[0])


def _kpi_value(ctx: DeliverableContext, value: float, unit: str) -> str:
    """A KPI figure: whole numbers without decimals, others with one; short units (%, €, h) attached."""
    text = ctx.number(value) if float(value).is_integer() else ctx.number(value, decimals=1)
    return f"{text}\u00a0{unit}" if unit and len(unit) <= 3 else text


def kpi_grid(ctx: DeliverableContext, kpis: list[dict]) -> Flowable:
    """Small multiples, two a row."""
    width = (FRAME_WIDTH - 10) / 2
    charts = []
    for k in kpis:
        unit = k.get("unit") or ""
        charts.append(kpi_trend(
            k.get("name") or "", measurements(ctx, k["id"]), target=k.get("target"), baseline=k.get("baseline"),
            accent=ctx.palette.accent, width=width, height=118,
            fmt=lambda v, unit=unit: _kpi_value(ctx, v, unit),
            date_label=ctx.date, target_text=ctx.t("target")))
    rows = [charts[i:i + 2] + ([""] if len(charts[i:i + 2]) == 1 else []) for i in range(0, len(charts), 2)]
    table = Table(rows, colWidths=[width + 10, width], hAlign="LEFT")
    table.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 0)))
    return table


def kpis(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
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
    return [data_table(ctx, [Column(f("kpis", "name"), 0.3), Column(f("kpis", "unit"), 0.09),
                             Column(f("kpis", "baseline"), 0.11, right=True), Column(f("kpis", "target"), 0.1, right=True),
                             Column(ctx.t("latest"), 0.11, right=True), Column(f("kpis", "direction"), 0.12),
                             Column(f("kpis", "owner"), 0.17)], rows),
            outline.sub(ctx.t("kpi_trends")), kpi_grid_or_empty(ctx, items)]


def kpi_grid_or_empty(ctx: DeliverableContext, kpis: list[dict]) -> Flowable:
    """Trend charts of the KPIs measured by the report date; a sentence when none is."""
    measured = [k for k in kpis if measurements(ctx, k["id"])]
    return kpi_grid(ctx, measured) if measured else empty(ctx)


SECTIONS = (
    Section("vision", vision),
    Section("portfolio", portfolio),
    Section("vendor_selection", vendors),
    Section("roadmap_gantt", roadmap),
    Section("initiatives", initiatives, new_page=False),
    Section("kpis", kpis),
)
