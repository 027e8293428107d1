"""The steering report's "Since the last committee" section: new and closed risks, level changes with
arrows, KPI deltas, actions completed and newly overdue, decisions taken, milestones passed or slipped,
AI systems newly found.

The comparison is the engagement's history: when a baseline was marked (a named snapshot, `caio
baseline`), the workspace is compared with the latest one, row by row (`workspace.committee`); without
one, the state at the last committee's date is read back from the audit trail (each row's `before` in
its first change after that date), so a report still says what moved.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from caio_desktop.interchange.deliverables.blocks import level_badge, table
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import Block, Column, Heading, Note, Paragraph
from caio_desktop.interchange.deliverables.risks import OPEN_ACTION, level_rank
from caio_desktop.workspace.models import AuditEntry


@dataclass
class CommitteeDigest:
    """What moved between the last committee and the report date, as rows ready to print."""

    since_text: str
    new_risks: list[dict] = field(default_factory=list)
    closed_risks: list[dict] = field(default_factory=list)
    rerated: list[tuple[dict, str | None, str | None]] = field(default_factory=list)  # (risk, old, new level)
    kpi_deltas: list[tuple[str, str, float | None, float | None]] = field(default_factory=list)
    actions_completed: list[dict] = field(default_factory=list)
    actions_newly_overdue: list[dict] = field(default_factory=list)
    decisions_taken: list[dict] = field(default_factory=list)
    milestones_passed: list[dict] = field(default_factory=list)
    milestones_slipped: list[tuple[dict, dt.date | None, dt.date | None]] = field(default_factory=list)
    systems_found: list[dict] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any((self.new_risks, self.closed_risks, self.rerated, self.kpi_deltas, self.actions_completed,
                        self.actions_newly_overdue, self.decisions_taken, self.milestones_passed,
                        self.milestones_slipped, self.systems_found))


def _first_before(ctx: DeliverableContext, module_key: str, start: dt.date) -> dict[int, dict[str, Any]]:
    """row id → the row as it was at `start` for rows changed after it (their first change's `before`)."""
    t = AuditEntry.__table__
    begin = dt.datetime.combine(start, dt.time.max)
    end = dt.datetime.combine(ctx.as_of, dt.time.max)
    out: dict[int, dict[str, Any]] = {}
    with ctx.workspace.engine.connect() as conn:
        for entity_id, before in conn.execute(
                select(t.c.entity_id, t.c.before).where(t.c.entity == module_key, t.c.at > begin, t.c.at <= end)
                .order_by(t.c.at, t.c.id)):
            if entity_id in out:
                continue
            try:
                out[entity_id] = json.loads(before) if before else {}
            except ValueError:
                out[entity_id] = {}
    return out


def _created_after(row: dict, start: dt.date, as_of: dt.date) -> bool:
    created = row.get("created_at")
    return bool(created and start < created.date() <= as_of)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def digest_from_history(ctx: DeliverableContext, start: dt.date, since_text: str) -> CommitteeDigest:
    """The digest read from the audit trail between `start` and the report date."""
    out = CommitteeDigest(since_text)
    then = _first_before(ctx, "risks", start)
    for risk in ctx.rows("risks"):
        if _created_after(risk, start, ctx.as_of):
            out.new_risks.append(risk)
            continue
        old = then.get(risk["id"])
        if old is None:
            continue
        if risk.get("status") == "closed" and old.get("status") != "closed":
            out.closed_risks.append(risk)
        elif old.get("level") != risk.get("level") and (old.get("level") or risk.get("level")):
            out.rerated.append((risk, old.get("level"), risk.get("level")))
    for key in ("actions", "risk_actions"):
        then = _first_before(ctx, key, start)
        for action in ctx.rows(key):
            old = then.get(action["id"], {} if _created_after(action, start, ctx.as_of) else None)
            if action.get("status") == "done" and old is not None and old.get("status") != "done":
                out.actions_completed.append(action)
            due = action.get("due_date")
            if due and start <= due < ctx.as_of and action.get("status") in OPEN_ACTION:
                out.actions_newly_overdue.append(action)
    then = _first_before(ctx, "decisions", start)
    for decision in ctx.rows("decisions"):
        old = then.get(decision["id"], {} if _created_after(decision, start, ctx.as_of) else None)
        if decision.get("status") == "taken" and old is not None and old.get("status") != "taken":
            out.decisions_taken.append(decision)
    then = _first_before(ctx, "milestones", start)
    for milestone in ctx.rows("milestones"):
        if milestone.get("done_on") and start < milestone["done_on"] <= ctx.as_of:
            out.milestones_passed.append(milestone)
            continue
        old_due = _date((then.get(milestone["id"]) or {}).get("due_date"))
        due = milestone.get("due_date")
        if old_due and due and due > old_due:
            out.milestones_slipped.append((milestone, old_due, due))
        elif due and start <= due < ctx.as_of and not milestone.get("done_on") and milestone.get("status") != "done":
            out.milestones_slipped.append((milestone, due, None))
    for kpi in ctx.rows("kpis"):
        points = sorted((m["measured_on"], float(m["value"])) for m in ctx.rows("kpi_measurements")
                        if m["kpi_id"] == kpi["id"] and m.get("measured_on") and m.get("value") is not None
                        and m["measured_on"] <= ctx.as_of)
        before = [v for d, v in points if d <= start]
        if points and points[-1][0] > start:
            out.kpi_deltas.append((kpi.get("name") or "", kpi.get("unit") or "", before[-1] if before else None,
                                   points[-1][1]))
    out.systems_found = [s for s in ctx.rows("ai_systems") if _created_after(s, start, ctx.as_of)]
    return out


def _arrow(old: str | None, new: str | None) -> str:
    a, b = level_rank(old), level_rank(new)
    return "↑" if b > a else "↓" if b < a else "="


def _delta(ctx: DeliverableContext, old: float | None, new: float | None) -> str:
    if old is None or new is None:
        return "—"
    change = new - old
    arrow = "↑" if change > 0 else "↓" if change < 0 else "="
    sign = "+" if change > 0 else ""
    return f"{arrow} {sign}{ctx.number(change, decimals=None if float(change).is_integer() else 1)}"


def digest_blocks(ctx: DeliverableContext, digest: CommitteeDigest) -> list[Block]:
    """The section's blocks: one small table a kind of change, only the kinds that moved."""
    f = ctx.field_label
    out: list[Block] = [Paragraph(digest.since_text, "small")]
    if digest.is_empty():
        out.append(Paragraph(ctx.t("no_change")))
        return out
    risk_cols = [Column(f("risks", "code"), 0.12), Column(f("risks", "title"), 0.5), Column(f("risks", "owner"), 0.2),
                 Column(f("risks", "level"), 0.18)]
    for key, risks in (("risks_new", digest.new_risks), ("risks_closed", digest.closed_risks)):
        if risks:
            out += [Heading(ctx.t(key)), table(ctx, risk_cols, [[r.get("code"), r.get("title"), r.get("owner"),
                                                                 level_badge(ctx, r.get("level"))] for r in risks],
                                               caption=ctx.t(key))]
    if digest.rerated:
        out += [Heading(ctx.t("risks_rerated")), table(ctx, [
            Column(f("risks", "code"), 0.12), Column(f("risks", "title"), 0.46), Column(ctx.t("was"), 0.16),
            Column("", 0.06), Column(ctx.t("now"), 0.2)],
            [[r.get("code"), r.get("title"), level_badge(ctx, old), _arrow(old, new), level_badge(ctx, new)]
             for r, old, new in digest.rerated], caption=ctx.t("risks_rerated"))]
    if digest.kpi_deltas:
        out += [Heading(ctx.t("kpi_deltas")), table(ctx, [
            Column(f("kpis", "name"), 0.46), Column(f("kpis", "unit"), 0.12), Column(ctx.t("was"), 0.14, right=True),
            Column(ctx.t("now"), 0.14, right=True), Column(ctx.t("change"), 0.14, right=True)],
            [[name, unit, ctx.number(old), ctx.number(new), _delta(ctx, old, new)]
             for name, unit, old, new in digest.kpi_deltas], caption=ctx.t("kpi_deltas"))]
    action_cols = [Column(f("actions", "title"), 0.56), Column(f("actions", "owner"), 0.26),
                   Column(f("actions", "due_date"), 0.18)]
    for key, actions in (("actions_completed", digest.actions_completed),
                         ("actions_newly_overdue", digest.actions_newly_overdue)):
        if actions:
            out += [Heading(ctx.t(key)), table(ctx, action_cols, [[a.get("title"), a.get("owner"),
                                                                   ctx.date(a.get("due_date"))] for a in actions],
                                               caption=ctx.t(key))]
    if digest.decisions_taken:
        out += [Heading(ctx.t("decisions_taken")), table(ctx, [
            Column(f("decisions", "text"), 0.6), Column(f("decisions", "body"), 0.22),
            Column(f("decisions", "decided_on"), 0.18)],
            [[d.get("text"), d.get("body"), ctx.date(d.get("decided_on"))] for d in digest.decisions_taken],
            caption=ctx.t("decisions_taken"))]
    if digest.milestones_passed:
        out += [Heading(ctx.t("milestones_done")), table(ctx, [
            Column(f("milestones", "title"), 0.7), Column(f("milestones", "done_on"), 0.3)],
            [[m.get("title"), ctx.date(m.get("done_on"))] for m in digest.milestones_passed],
            caption=ctx.t("milestones_done"))]
    if digest.milestones_slipped:
        out += [Heading(ctx.t("milestones_slipped")), table(ctx, [
            Column(f("milestones", "title"), 0.6), Column(ctx.t("was"), 0.2), Column(ctx.t("now"), 0.2)],
            [[m.get("title"), ctx.date(old), ctx.date(new) if new else "—"] for m, old, new in digest.milestones_slipped],
            caption=ctx.t("milestones_slipped"))]
    if digest.systems_found:
        out += [Heading(ctx.t("systems_found")), table(ctx, [
            Column(f("ai_systems", "name"), 0.4), Column(f("ai_systems", "vendor"), 0.3),
            Column(f("ai_systems", "department"), 0.3)],
            [[s.get("name"), s.get("vendor"), s.get("department")] for s in digest.systems_found],
            caption=ctx.t("systems_found"))]
    out.append(Note(f"{len(digest.new_risks)} new risks, {len(digest.closed_risks)} closed, {len(digest.rerated)} re-rated; "
                    f"{len(digest.actions_completed)} actions completed, {len(digest.actions_newly_overdue)} newly overdue; "
                    f"{len(digest.decisions_taken)} decisions taken; {len(digest.milestones_passed)} milestones passed, "
                    f"{len(digest.milestones_slipped)} slipped."))
    return out


def digest_from_baseline(ctx: DeliverableContext, changes: Any) -> CommitteeDigest:
    """The digest of a comparison with the latest baseline (`workspace.committee.CommitteeChanges`),
    its lines completed with today's rows (an owner, a level) where the report shows them."""
    by_id = {key: {r["id"]: r for r in ctx.rows(key)} for key in
             ("risks", "actions", "risk_actions", "decisions", "milestones", "ai_systems")}

    def row(key: str, line: Any) -> dict:
        return by_id[key].get(line.id) or {f: getattr(line, f) for f in line.__dataclass_fields__}

    out = CommitteeDigest(ctx.t("since_baseline", name=changes.baseline_name,
                                date=ctx.long_date(changes.baseline_date)))
    out.new_risks = [row("risks", r) for r in changes.new_risks]
    out.closed_risks = [row("risks", r) for r in changes.closed_risks]
    out.rerated = [(row("risks", r), r.old_level, r.new_level) for r in changes.level_changes]
    out.kpi_deltas = [(k.name, k.unit or "", k.previous, k.latest) for k in changes.kpi_deltas]
    out.actions_completed = [row(a.module, a) for a in changes.actions_completed]
    out.actions_newly_overdue = [row(a.module, a) for a in changes.actions_overdue]
    out.decisions_taken = [row("decisions", d) for d in changes.decisions]
    out.milestones_passed = [row("milestones", m) for m in changes.milestones_passed]
    out.milestones_slipped = [(row("milestones", m), m.previous_due_date, m.due_date)
                              for m in changes.milestones_slipped]
    out.systems_found = [row("ai_systems", s) for s in changes.new_systems]
    return out


def _baseline_changes(ctx: DeliverableContext) -> tuple[Any, str]:
    """The comparison with the latest baseline (None when there is none), and why it could not be
    made (a baseline whose snapshot is missing or unreadable: the report then reads the audit trail and
    says so, rather than stopping the monthly report)."""
    from caio_desktop.workspace.committee import committee_changes

    if getattr(ctx.workspace, "path", None) is None:
        return None, ""
    from caio_desktop.workspace.baselines import list_baselines

    try:
        changes = committee_changes(ctx.workspace, as_of=ctx.as_of)
        marked = list_baselines(ctx.workspace.path) if changes is None else []
        if marked:  # baselines were marked, but the snapshot of every one is gone
            return None, f"the snapshot of baseline {marked[0].name} is missing"
        return changes, ""
    except Exception as error:  # noqa: BLE001 - said in the report, which is still written
        return None, str(error).splitlines()[0][:200] if str(error) else type(error).__name__


def since_last_committee_blocks(ctx: DeliverableContext) -> list[Block]:
    from caio_desktop.interchange.deliverables.steering import last_committee, since

    changes, problem = _baseline_changes(ctx)
    if changes is not None:
        return digest_blocks(ctx, digest_from_baseline(ctx, changes))
    committee = last_committee(ctx)
    start = since(ctx)
    text = (ctx.t("since_committee", date=ctx.long_date(committee)) if committee
            else ctx.t("no_committee", date=ctx.long_date(start)))
    blocks = digest_blocks(ctx, digest_from_history(ctx, start, text))
    if problem:
        blocks.insert(1, Paragraph(ctx.t("baseline_unreadable", reason=problem), "small"))
    return blocks
