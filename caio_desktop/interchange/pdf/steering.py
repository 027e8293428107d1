"""The monthly steering-committee report for a chosen date (`as_of`): progress by phase, milestones
reached and next, KPI trends, top risks and their change since the last committee, decisions to take
(decisions with status `proposed`), overdue actions. Four to six pages.

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

from reportlab.platypus import Flowable
from sqlalchemy import select

from caio_desktop.interchange.pdf.blocks import ProgressBar, bullets, key_figures, para
from caio_desktop.interchange.pdf.context import DeliverableContext
from caio_desktop.interchange.pdf.risks import OPEN_ACTION, level_rank, sorted_risks
from caio_desktop.interchange.pdf.roadmap import PHASE_ORDER, kpi_grid_or_empty, measurements, roadmap_chart
from caio_desktop.interchange.pdf.sections import Outline, Section
from caio_desktop.interchange.pdf.tables import Column, data_table, level_badge
from caio_desktop.workspace import queries
from caio_desktop.workspace.models import AuditEntry

_COMMITTEE = re.compile(r"copil|comit[ée]\s+de\s+pilotage|steering", re.IGNORECASE)
TOP_RISKS = 10
NEXT_MILESTONES = 8
KPI_CHARTS = 6


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
    codes = {r["id"]: r.get("code") or "" for r in ctx.rows("risks")}
    late = [(ctx.module_label("actions"), a) for a in ctx.rows("actions")]
    late += [(codes.get(a.get("risk_id"), ctx.module_label("risk_actions")), a) for a in ctx.rows("risk_actions")]
    return sorted(((src, a) for src, a in late if a.get("due_date") and a["due_date"] < ctx.as_of
                   and a.get("status") in OPEN_ACTION), key=lambda p: (p[1]["due_date"], p[1]["id"]))


def _current_phase(ctx: DeliverableContext) -> dict | None:
    phases = sorted(ctx.rows("phases"), key=lambda p: PHASE_ORDER.index(p["phase"]) if p["phase"] in PHASE_ORDER else 9)
    for phase in phases:
        if phase.get("start_date") and phase.get("end_date") and phase["start_date"] <= ctx.as_of <= phase["end_date"]:
            return phase
    return next((p for p in phases if p.get("status") == "in_progress"), None)


def headlines(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    start = since(ctx)
    committee = last_committee(ctx)
    done = [m for m in ctx.rows("milestones") if m.get("done_on") and start < m["done_on"] <= ctx.as_of]
    proposed = [d for d in ctx.rows("decisions") if d.get("status") == "proposed"]
    overdue = overdue_actions(ctx)
    severe = [r for r in ctx.rows("risks") if r.get("level") in ("high", "critical") and r.get("status") != "closed"]
    initiatives = ctx.rows("initiatives")
    overall = (sum(i.get("progress") or 0 for i in initiatives) / len(initiatives)) if initiatives else 0
    out: list[Flowable] = [
        para(ctx, ctx.t("as_of", date=ctx.long_date(ctx.as_of)) + " · " + (
            ctx.t("since_committee", date=ctx.long_date(committee)) if committee
            else ctx.t("no_committee", date=ctx.long_date(start))), "small"),
        key_figures(ctx, [(ctx.percent(overall), ctx.t("overall_progress")),
                          (str(len(done)), ctx.t("milestones_done")), (str(len(proposed)), ctx.t("decisions_to_take")),
                          (str(len(overdue)), ctx.t("actions_overdue"))]),
    ]
    phase = _current_phase(ctx)
    points = []
    if phase:
        points.append(ctx.t("headline_phase", phase=phase.get("title") or ctx.choice("phase", phase["phase"]),
                            progress=ctx.percent(phase.get("progress") or 0)))
    points.append(ctx.t("headline_counts", decisions=len(proposed), overdue=len(overdue), critical=len(severe)))
    out.extend(bullets(ctx, points))
    out.append(outline.sub(ctx.t("progress_by_phase")))
    f = ctx.field_label
    phases = sorted(ctx.rows("phases"), key=lambda p: PHASE_ORDER.index(p["phase"]) if p["phase"] in PHASE_ORDER else 9)
    out.append(data_table(ctx, [Column(f("phases", "title"), 0.34), Column(f("phases", "start_date"), 0.13),
                                Column(f("phases", "end_date"), 0.13), Column(f("phases", "status"), 0.15),
                                Column(f("phases", "progress"), 0.25)],
                          [[p.get("title"), ctx.date(p.get("start_date")), ctx.date(p.get("end_date")),
                            ctx.choice("progress", p.get("status")),
                            ProgressBar(p.get("progress"), ctx.percent(p.get("progress") or 0), ctx.palette.accent,
                                        width=70)] for p in phases]))
    return out


def milestones(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    start = since(ctx)
    f = ctx.field_label
    all_ = ctx.rows("milestones")
    done = sorted((m for m in all_ if m.get("done_on") and start < m["done_on"] <= ctx.as_of),
                  key=lambda m: m["done_on"])
    upcoming = sorted((m for m in all_ if m.get("status") != "done" and not m.get("done_on")),
                      key=lambda m: m["due_date"])[:NEXT_MILESTONES]
    columns = [Column(f("milestones", "title"), 0.46), Column(f("milestones", "initiative_id"), 0.28),
               Column(f("milestones", "due_date"), 0.13), Column(f("milestones", "done_on"), 0.13)]

    def rows(items: list[dict]) -> list[list]:
        return [[m.get("title"), ctx.ref_label("initiatives", m.get("initiative_id")), ctx.date(m.get("due_date")),
                 ctx.date(m.get("done_on")) or ctx.choice("milestone_status", m.get("status"))] for m in items]

    return [outline.sub(ctx.t("milestones_done")), data_table(ctx, columns, rows(done)),
            outline.sub(ctx.t("milestones_next")), data_table(ctx, columns, rows(upcoming)),
            outline.sub(ctx.t("roadmap_gantt")), *roadmap_chart(ctx)]


def kpi_trends(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    measured = [k for k in ctx.rows("kpis") if measurements(ctx, k["id"])]
    return [kpi_grid_or_empty(ctx, measured[:KPI_CHARTS])]


def top_risks(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    risks = sorted_risks(ctx, [r for r in ctx.rows("risks") if r.get("status") != "closed"])[:TOP_RISKS]
    changes = risk_changes(ctx, risks, since(ctx))
    arrows = {"new": "● " + ctx.t("change_new"), "up": "↑ " + ctx.t("change_up"), "down": "↓ " + ctx.t("change_down"),
              "same": "= " + ctx.t("change_same")}
    f = ctx.field_label
    return [data_table(ctx, [Column(f("risks", "code"), 0.08), Column(f("risks", "title"), 0.4),
                             Column(f("risks", "owner"), 0.16), Column(f("risks", "level"), 0.12),
                             Column(ctx.t("change"), 0.12), Column(f("risks", "status"), 0.12)],
                          [[r.get("code"), r.get("title"), r.get("owner"), level_badge(ctx, r.get("level")),
                            arrows[changes[r["id"]]], ctx.choice("risk_status", r.get("status"))] for r in risks])]


def decisions(ctx: DeliverableContext, outline: Outline) -> list[Flowable]:
    f = ctx.field_label
    proposed = sorted((d for d in ctx.rows("decisions") if d.get("status") == "proposed"),
                      key=lambda d: (d.get("decided_on") or ctx.as_of, d["id"]))
    late = overdue_actions(ctx)
    return [data_table(ctx, [Column(f("decisions", "text"), 0.56), Column(f("decisions", "body"), 0.16),
                             Column(f("decisions", "owner"), 0.16), Column(f("decisions", "decided_on"), 0.12)],
                       [[d.get("text"), d.get("body"), d.get("owner"), ctx.date(d.get("decided_on"))] for d in proposed]),
            outline.sub(ctx.t("actions_overdue")),
            data_table(ctx, [Column(ctx.t("part"), 0.12), Column(f("actions", "title"), 0.44),
                             Column(f("actions", "owner"), 0.18), Column(f("actions", "due_date"), 0.13),
                             Column(ctx.t("days_late"), 0.13, right=True)],
                       [[src, a.get("title"), a.get("owner"), ctx.date(a.get("due_date")),
                         str((ctx.as_of - a["due_date"]).days)] for src, a in late])]


SECTIONS = (
    Section("headline", headlines),
    Section("milestones", milestones, new_page=False),
    Section("kpi_trends", kpi_trends, new_page=False),
    Section("top_risks", top_risks, new_page=False),
    Section("decisions_to_take", decisions),
)
