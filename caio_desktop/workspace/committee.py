"""What moved since the last steering committee, as plain data for the steering report's "Since the last
committee" section (rendered by the PDF, DOCX and PPTX writers; no renderer is imported here).

    changes = committee_changes(workspace, as_of=dt.date(2026, 12, 10))   # against the latest baseline
    if changes is not None and not changes.empty: ...

The facts come from comparing the baseline's snapshot with the workspace (`pairing.paired`: one join on
id per question), not from the audit trail: a row edited ten times since the committee is one change,
and an import that re-rated risks counts like edits by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from caio_desktop.workspace.baselines import Baseline, find_baseline, latest_baseline
from caio_desktop.workspace.engine import Connection
from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.pairing import paired

_OPEN_ACTION = "COALESCE(n.status, 'open') NOT IN ('done', 'cancelled')"


@dataclass(frozen=True)
class RiskLine:
    """A risk opened or closed since the committee; `level` is a risk_level code."""

    id: int
    code: str | None
    title: str
    level: str | None


@dataclass(frozen=True)
class RiskLevelChange:
    """A risk re-rated since the committee (risk_level codes: low, medium, high, critical)."""

    id: int
    code: str | None
    title: str
    old_level: str | None
    new_level: str | None


@dataclass(frozen=True)
class KpiDelta:
    """A KPI measured since the committee: the value the committee saw and the latest one."""

    id: int
    name: str
    unit: str | None
    previous: float | None  # None: not measured at the committee
    latest: float
    previous_on: dt.date | None
    latest_on: dt.date
    direction: str  # "up", "down", "flat", or "new" (no previous value)
    better: bool | None  # whether it moved the way the KPI should (its kpi_direction); None if unknown


@dataclass(frozen=True)
class ActionLine:
    """A governance action (`module` "actions") or a risk treatment action ("risk_actions")."""

    module: str
    id: int
    title: str
    owner: str | None
    due_date: dt.date | None
    status: str | None  # action_status code
    risk_code: str | None = None  # the risk a treatment action belongs to


@dataclass(frozen=True)
class DecisionLine:
    id: int
    decided_on: dt.date | None
    body: str | None
    text: str
    owner: str | None


@dataclass(frozen=True)
class MilestoneLine:
    """A milestone reached or slipped; `previous_due_date` is its due date at the committee."""

    id: int
    title: str
    due_date: dt.date | None
    previous_due_date: dt.date | None
    done_on: dt.date | None
    status: str | None  # milestone_status code


@dataclass(frozen=True)
class SystemLine:
    """An AI system added to the inventory since the committee."""

    id: int
    name: str
    vendor: str | None
    department: str | None
    ai_act_tier: str | None
    shadow_ai: bool | None


@dataclass(frozen=True)
class CommitteeChanges:
    """Everything the steering report says moved between the baseline and `as_of`."""

    baseline_name: str
    baseline_date: dt.date
    as_of: dt.date
    new_risks: tuple[RiskLine, ...] = ()
    closed_risks: tuple[RiskLine, ...] = ()
    level_changes: tuple[RiskLevelChange, ...] = ()
    kpi_deltas: tuple[KpiDelta, ...] = ()
    actions_completed: tuple[ActionLine, ...] = ()
    actions_overdue: tuple[ActionLine, ...] = ()  # newly overdue: not overdue at the committee
    decisions: tuple[DecisionLine, ...] = ()
    milestones_passed: tuple[MilestoneLine, ...] = ()
    milestones_slipped: tuple[MilestoneLine, ...] = ()
    new_systems: tuple[SystemLine, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), tuple))


def committee_changes(workspace, *, baseline: Baseline | str | None = None,  # noqa: ANN001 - a Workspace
                      as_of: dt.date) -> CommitteeChanges | None:
    """What changed from `baseline` (a Baseline, a baseline's name, default the latest baseline) to the
    workspace as it is, read as of the report date `as_of`. None when the workspace has no baseline."""
    if isinstance(baseline, str):
        found = find_baseline(workspace.path, baseline)
        if found is None:
            raise WorkspaceError(workspace.path, f"{baseline}: no such baseline")
        baseline = found
    baseline = baseline or latest_baseline(workspace.path)
    if baseline is None:
        return None
    if not baseline.exists:
        raise WorkspaceError(baseline.snapshot, f"{baseline.snapshot}: the snapshot of baseline "
                                                f"{baseline.title} is missing")
    since, until = baseline.date.isoformat(), as_of.isoformat()
    with paired(after=workspace.path, before=baseline.snapshot,
                passphrase=getattr(workspace, "passphrase", None)) as conn:
        return CommitteeChanges(
            baseline.name, baseline.date, as_of,
            new_risks=_rows(conn, RiskLine, "SELECT n.id, n.code, n.title, n.level FROM main.risks n "
                            "LEFT JOIN old.risks o ON o.id = n.id WHERE o.id IS NULL ORDER BY n.code, n.id"),
            closed_risks=_rows(conn, RiskLine, "SELECT n.id, n.code, n.title, n.level FROM main.risks n "
                               "JOIN old.risks o ON o.id = n.id WHERE n.status = 'closed' "
                               "AND o.status IS NOT 'closed' ORDER BY n.code, n.id"),
            level_changes=_rows(conn, RiskLevelChange, "SELECT n.id, n.code, n.title, o.level, n.level "
                                "FROM main.risks n JOIN old.risks o ON o.id = n.id "
                                "WHERE n.level IS NOT o.level ORDER BY n.code, n.id"),
            kpi_deltas=_kpi_deltas(conn, since, until),
            actions_completed=_actions(conn, "n.status = 'done' AND (o.id IS NULL OR o.status IS NOT 'done')"),
            actions_overdue=_actions(
                conn, f"n.due_date < :until AND {_OPEN_ACTION} AND (o.id IS NULL OR o.due_date IS NULL "
                      "OR o.due_date >= :since OR o.status IN ('done', 'cancelled'))", since, until),
            decisions=_rows(conn, DecisionLine, _DECISIONS, {"since": since, "until": until}),
            milestones_passed=_milestones(conn, f"{_REACHED.format('n')} AND (o.id IS NULL OR NOT "
                                                f"{_REACHED.format('o')})", since, until),
            milestones_slipped=_milestones(
                conn, f"NOT {_REACHED.format('n')} AND (n.due_date > o.due_date OR (n.due_date < :until "
                      "AND (o.id IS NULL OR o.due_date >= :since)))", since, until),
            new_systems=_rows(conn, SystemLine, "SELECT n.id, n.name, n.vendor, n.department, n.ai_act_tier, "
                              "n.shadow_ai FROM main.ai_systems n LEFT JOIN old.ai_systems o ON o.id = n.id "
                              "WHERE o.id IS NULL ORDER BY n.name, n.id"),
        )


# Decided since the committee: taken (or with no status) by the report date, and either new, newly
# taken, or dated after the committee.
_DECISIONS = ("SELECT n.id, n.decided_on, n.body, n.text, n.owner FROM main.decisions n "
              "LEFT JOIN old.decisions o ON o.id = n.id WHERE COALESCE(n.status, 'taken') = 'taken' "
              "AND (n.decided_on IS NULL OR n.decided_on <= :until) AND (o.id IS NULL OR "
              "COALESCE(o.status, 'taken') <> 'taken' OR n.decided_on > :since) ORDER BY n.decided_on, n.id")
_REACHED = "({0}.status IS 'done' OR {0}.done_on IS NOT NULL)"
_DATES = {"due_date", "previous_due_date", "done_on", "decided_on", "previous_on", "latest_on"}


def _rows(conn: Connection, kind: type, sql: str, parameters: dict[str, Any] | None = None) -> tuple:
    names = [f.name for f in fields(kind)]
    return tuple(kind(**{n: _date(v) if n in _DATES else _bool(kind, n, v)
                         for n, v in zip(names, row, strict=False)})
                 for row in conn.execute(sql, parameters or {}))


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _bool(kind: type, name: str, value: Any) -> Any:
    return bool(value) if kind is SystemLine and name == "shadow_ai" and value is not None else value


def _actions(conn: Connection, condition: str, since: str = "", until: str = "") -> tuple[ActionLine, ...]:
    """Governance actions then risk treatment actions that meet `condition` (n: now, o: at the committee)."""
    found = []
    for table, risk in (("actions", "NULL"), ("risk_actions", "(SELECT code FROM main.risks r WHERE r.id = n.risk_id)")):
        found.extend(_rows(conn, ActionLine,
                           f"SELECT '{table}', n.id, n.title, n.owner, n.due_date, n.status, {risk} "
                           f"FROM main.{table} n LEFT JOIN old.{table} o ON o.id = n.id WHERE {condition} "
                           "ORDER BY n.due_date, n.id", {"since": since, "until": until}))
    return tuple(found)


def _milestones(conn: Connection, condition: str, since: str, until: str) -> tuple[MilestoneLine, ...]:
    return _rows(conn, MilestoneLine,
                 "SELECT n.id, n.title, n.due_date, o.due_date, n.done_on, n.status FROM main.milestones n "
                 f"LEFT JOIN old.milestones o ON o.id = n.id WHERE {condition} ORDER BY n.due_date, n.id",
                 {"since": since, "until": until})


def _kpi_deltas(conn: Connection, since: str, until: str) -> tuple[KpiDelta, ...]:
    """Each KPI measured since the committee: its latest value by `until` against the latest value the
    baseline held by the committee's date."""
    def latest(database: str, column: str, bound: str) -> str:
        return (f"(SELECT m.{column} FROM {database}.kpi_measurements m WHERE m.kpi_id = k.id "
                f"AND m.measured_on <= :{bound} ORDER BY m.measured_on DESC, m.id DESC LIMIT 1)")

    deltas = []
    for row in conn.execute(
            f"SELECT k.id, k.name, k.unit, k.direction, {latest('main', 'value', 'until')}, "
            f"{latest('main', 'measured_on', 'until')}, {latest('old', 'value', 'since')}, "
            f"{latest('old', 'measured_on', 'since')} FROM main.kpis k ORDER BY k.name, k.id",
            {"since": since, "until": until}):
        kpi_id, name, unit, wanted, value, on, previous, previous_on = row
        if value is None or (previous_on == on and previous == value):
            continue  # not measured, or nothing new since the committee
        direction = ("new" if previous is None else "up" if value > previous
                     else "down" if value < previous else "flat")
        better = None if direction in ("new", "flat") or wanted not in ("increase", "decrease") else (
            (direction == "up") == (wanted == "increase"))
        deltas.append(KpiDelta(kpi_id, name, unit, previous, value, _date(previous_on), _date(on),
                               direction, better))
    return tuple(deltas)
