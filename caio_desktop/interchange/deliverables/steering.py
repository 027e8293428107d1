"""The monthly steering-committee report for a chosen date (`as_of`): headlines, progress by phase, what
changed since the last committee, milestones and the roadmap, KPI trends, risks (heat map and top risks),
decisions to take and overdue actions, next steps.

"The last committee" is, in this order: the workspace setting ``last_committee_date`` (ISO date) when it
is before the report date; else the latest decision before the report date whose body names the
steering committee (COPIL, comité de pilotage, steering); else 30 days before the report date. A risk's
change since then is read from the audit trail: a risk created after that date is "new"; otherwise the
first recorded edit of its level after that date gives the level it had at the committee. Audit entries
dated after the report date are ignored, so a report for a past date does not see later edits.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import select

from caio_desktop.domain.narrative import items as narrative_items
from caio_desktop.interchange.deliverables.assemble import SectionSpec
from caio_desktop.interchange.deliverables.blocks import level_badge, narrative_blocks, narrative_text, table
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Bullets,
    Column,
    Figure,
    Heading,
    KeyFigures,
    Note,
    Paragraph,
    Progress,
)
from caio_desktop.interchange.deliverables.risks import (
    OPEN_ACTION,
    heat_map,
    level_rank,
    risk_label,
    sorted_risks,
)
from caio_desktop.interchange.deliverables.roadmap import (
    kpi_grid_or_empty,
    measurements,
    phase_index,
    roadmap_chart,
)
from caio_desktop.workspace import queries
from caio_desktop.workspace.models import AuditEntry

_COMMITTEE = re.compile(r"copil|comit[ée]\s+de\s+pilotage|steering", re.IGNORECASE)
TOP_RISKS = 10
NEXT_MILESTONES = 8
KPI_CHARTS = 6
NEXT_STEPS = 6


def last_committee(ctx: DeliverableContext) -> dt.date | None:
    """The date of the previous steering committee (see the module docstring), or None."""
    stored = queries.setting(ctx.workspace, "last_committee_date")
    if stored:
        try:
            day = dt.date.fromisoformat(str(stored))
            if day < ctx.as_of:
                return day
        except ValueError:
            pass
    dates = [d["decided_on"] for d in ctx.rows("decisions")
             if d.get("decided_on") and d["decided_on"] < ctx.as_of and _COMMITTEE.search(d.get("body") or "")]
    return max(dates) if dates else None


def since(ctx: DeliverableContext) -> dt.date:
    return last_committee(ctx) or ctx.as_of - dt.timedelta(days=30)


def risk_changes(ctx: DeliverableContext, risks: list[dict], start: dt.date) -> dict[int, str]:
    """risk id → "new", "up", "down" or "same" between `start` and the report date."""
    ids = [r["id"] for r in risks]
    t = AuditEntry.__table__
    first_before: dict[int, str] = {}
    begin = dt.datetime.combine(start, dt.time.max)
    end = dt.datetime.combine(ctx.as_of, dt.time.max)
    with ctx.workspace.engine.connect() as conn:
        for chunk in range(0, len(ids), 900):
            for entity_id, before in conn.execute(
                select(t.c.entity_id, t.c.before)
                .where(t.c.entity == "risks", t.c.entity_id.in_(ids[chunk:chunk + 900]), t.c.at > begin,
                       t.c.at <= end, t.c.before.is_not(None))
                .order_by(t.c.at, t.c.id)
            ):
                if entity_id in first_before:
                    continue
                try:
                    level = json.loads(before).get("level")
                except (ValueError, AttributeError):
                    continue
                if level:
                    first_before[entity_id] = level
    changes = {}
    for risk in risks:
        created = risk.get("created_at")
        if created and start < created.date() <= ctx.as_of:
            changes[risk["id"]] = "new"
            continue
        was = level_rank(first_before.get(risk["id"], risk.get("level")))
        now = level_rank(risk.get("level"))
        changes[risk["id"]] = "up" if now > was else "down" if now < was else "same"
    return changes


def overdue_actions(ctx: DeliverableContext) -> list[tuple[str, dict]]:
    """Governance actions and risk-treatment actions past their due date and not done."""
    late = [(ctx.module_label("actions"), a) for a in ctx.rows("actions")]
    late += [(risk_label(ctx, a.get("risk_id")) or ctx.module_label("risk_actions"), a) for a in ctx.rows("risk_actions")]
    return sorted(((src, a) for src, a in late if a.get("due_date") and a["due_date"] < ctx.as_of
                   and a.get("status") in OPEN_ACTION), key=lambda p: (p[1]["due_date"], p[1]["id"]))


def _phases(ctx: DeliverableContext) -> list[dict]:
    return sorted(ctx.rows("phases"), key=lambda p: phase_index(p["phase"]))


def _current_phase(ctx: DeliverableContext) -> dict | None:
    for phase in _phases(ctx):
        if phase.get("start_date") and phase.get("end_date") and phase["start_date"] <= ctx.as_of <= phase["end_date"]:
            return phase
    return next((p for p in _phases(ctx) if p.get("status") == "in_progress"), None)


def headlines(ctx: DeliverableContext) -> list[Block]:
    start = since(ctx)
    committee = last_committee(ctx)
    done = [m for m in ctx.rows("milestones") if m.get("done_on") and start < m["done_on"] <= ctx.as_of]
    proposed = [d for d in ctx.rows("decisions") if d.get("status") == "proposed"]
    overdue = overdue_actions(ctx)
    severe = [r for r in ctx.rows("risks") if r.get("level") in ("high", "critical") and r.get("status") != "closed"]
    initiatives = ctx.rows("initiatives")
    overall = (sum(i.get("progress") or 0 for i in initiatives) / len(initiatives)) if initiatives else 0
    points = []
    phase = _current_phase(ctx)
    if phase:
        points.append(ctx.t("headline_phase", phase=phase.get("title") or ctx.choice("phase", phase["phase"]),
                            progress=ctx.percent(phase.get("progress") or 0)))
    points.append(ctx.t("headline_counts", decisions=len(proposed), overdue=len(overdue), critical=len(severe)))
    f = ctx.field_label
    phases = _phases(ctx)
    return [
        Paragraph(ctx.t("as_of", date=ctx.long_date(ctx.as_of)) + " · " + (
            ctx.t("since_committee", date=ctx.long_date(committee)) if committee
            else ctx.t("no_committee", date=ctx.long_date(start))), "small"),
        KeyFigures([(ctx.percent(overall), ctx.t("overall_progress")), (str(len(done)), ctx.t("milestones_done")),
                    (str(len(proposed)), ctx.t("decisions_to_take")), (str(len(overdue)), ctx.t("actions_overdue"))]),
        *narrative_blocks(ctx, generated_summary=points),
        Heading(ctx.t("progress_by_phase")),
        table(ctx, [Column(f("phases", "title"), 0.34), Column(f("phases", "start_date"), 0.13),
                    Column(f("phases", "end_date"), 0.13), Column(f("phases", "status"), 0.15),
                    Column(f("phases", "progress"), 0.25)],
              [[p.get("title"), ctx.date(p.get("start_date")), ctx.date(p.get("end_date")),
                ctx.choice("progress", p.get("status")),
                Progress(float(p.get("progress") or 0), ctx.percent(p.get("progress") or 0))] for p in phases],
              caption=ctx.t("progress_by_phase")),
        Note("; ".join(f"{p.get('title')}: {ctx.percent(p.get('progress') or 0)}" for p in phases)),
    ]


def milestones(ctx: DeliverableContext) -> list[Block]:
    start = since(ctx)
    f = ctx.field_label
    all_ = ctx.rows("milestones")
    done = sorted((m for m in all_ if m.get("done_on") and start < m["done_on"] <= ctx.as_of), key=lambda m: m["done_on"])
    upcoming = sorted((m for m in all_ if m.get("status") != "done" and not m.get("done_on")),
                      key=lambda m: m["due_date"])[:NEXT_MILESTONES]
    columns = [Column(f("milestones", "title"), 0.46), Column(f("milestones", "initiative_id"), 0.28),
               Column(f("milestones", "due_date"), 0.13), Column(f("milestones", "done_on"), 0.13)]

    def rows(items: list[dict]) -> list[list]:
        return [[m.get("title"), ctx.ref_label("initiatives", m.get("initiative_id")), ctx.date(m.get("due_date")),
                 ctx.date(m.get("done_on")) or ctx.choice("milestone_status", m.get("status"))] for m in items]

    return [Heading(ctx.t("milestones_done")), table(ctx, columns, rows(done), caption=ctx.t("milestones_done")),
            Heading(ctx.t("milestones_next")), table(ctx, columns, rows(upcoming), caption=ctx.t("milestones_next")),
            Heading(ctx.t("roadmap_gantt")), *roadmap_chart(ctx)]


def kpi_trends(ctx: DeliverableContext) -> list[Block]:
    measured = [k for k in ctx.rows("kpis") if measurements(ctx, k["id"])]
    return kpi_grid_or_empty(ctx, measured[:KPI_CHARTS])


def top_risks(ctx: DeliverableContext) -> list[Block]:
    open_risks = [r for r in ctx.rows("risks") if r.get("status") != "closed"]
    risks = sorted_risks(ctx, open_risks)[:TOP_RISKS]
    changes = risk_changes(ctx, risks, since(ctx))
    arrows = {"new": "● " + ctx.t("change_new"), "up": "↑ " + ctx.t("change_up"), "down": "↓ " + ctx.t("change_down"),
              "same": "= " + ctx.t("change_same")}
    f = ctx.field_label
    return [Figure(heat_map(ctx, [(r.get("likelihood"), r.get("impact")) for r in open_risks], ctx.t("heatmap_current")),
                   ctx.t("heatmap_current")),
            table(ctx, [Column(f("risks", "code"), 0.08), Column(f("risks", "title"), 0.4),
                        Column(f("risks", "owner"), 0.16), Column(f("risks", "level"), 0.12),
                        Column(ctx.t("change"), 0.12), Column(f("risks", "status"), 0.12)],
                  [[r.get("code"), r.get("title"), r.get("owner"), level_badge(ctx, r.get("level")),
                    arrows[changes[r["id"]]], ctx.choice("risk_status", r.get("status"))] for r in risks],
                  caption=ctx.t("top_risks"))]


def decisions(ctx: DeliverableContext) -> list[Block]:
    f = ctx.field_label
    proposed = sorted((d for d in ctx.rows("decisions") if d.get("status") == "proposed"),
                      key=lambda d: (d.get("decided_on") or ctx.as_of, d["id"]))
    late = overdue_actions(ctx)
    return [table(ctx, [Column(f("decisions", "text"), 0.56), Column(f("decisions", "body"), 0.16),
                        Column(f("decisions", "owner"), 0.16), Column(f("decisions", "decided_on"), 0.12)],
                  [[d.get("text"), d.get("body"), d.get("owner"), ctx.date(d.get("decided_on"))] for d in proposed],
                  caption=ctx.t("decisions_to_take")),
            Heading(ctx.t("actions_overdue")),
            table(ctx, [Column(ctx.t("part"), 0.2), Column(f("actions", "title"), 0.38),
                        Column(f("actions", "owner"), 0.16), Column(f("actions", "due_date"), 0.13),
                        Column(ctx.t("days_late"), 0.13, right=True)],
                  [[src, a.get("title"), a.get("owner"), ctx.date(a.get("due_date")), str((ctx.as_of - a["due_date"]).days)]
                   for src, a in late], caption=ctx.t("actions_overdue"))]


def next_steps(ctx: DeliverableContext) -> list[Block]:
    """The consultant's next steps; else the next milestones and the decisions the committee must take."""
    written = narrative_items(narrative_text(ctx, "next_steps"))
    if written:
        return [Bullets(written, narrative=True)]
    upcoming = sorted((m for m in ctx.rows("milestones") if m.get("status") != "done" and not m.get("done_on")
                       and m.get("due_date") and m["due_date"] >= ctx.as_of), key=lambda m: m["due_date"])
    steps = [ctx.t("next_milestone_step", title=m.get("title") or "", date=ctx.long_date(m["due_date"]))
             for m in upcoming[:NEXT_STEPS]]
    steps += [ctx.t("decide_step", text=d.get("text") or "") for d in ctx.rows("decisions")
              if d.get("status") == "proposed"][: max(0, NEXT_STEPS - len(steps))]
    return [Bullets(steps)] if steps else [Paragraph(ctx.t("empty"), "small")]


def since_last_committee(ctx: DeliverableContext) -> list[Block]:
    from caio_desktop.interchange.deliverables.changes import since_last_committee_blocks

    return since_last_committee_blocks(ctx)


SECTIONS = (
    SectionSpec("headline", headlines),
    SectionSpec("since_last_committee", since_last_committee, new_page=False),
    SectionSpec("milestones", milestones, new_page=False),
    SectionSpec("kpi_trends", kpi_trends, new_page=False),
    SectionSpec("top_risks", top_risks, new_page=False),
    SectionSpec("decisions_to_take", decisions),
    SectionSpec("next_steps", next_steps, new_page=False),
)
