"""A campaign's results as the CLI, the Diagnosis page and the deliverables show them: the workspace's
answers read (`workspace.surveys`), aggregated (`domain.surveys`), beside the consultant's own ratings.

    results = campaign_results(ws, campaign_id)
    results.rows            # ResultRow per pillar then its dimensions (maturity)
    results.findings        # ToolFinding per AI tool named (usage)
    results.as_dict()       # the same, JSON-able (`caio survey results --json`)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from caio_desktop.domain.surveys import (
    MIN_GROUP,
    GroupResults,
    Response,
    ResultRow,
    Stats,
    ToolFinding,
    ToolNames,
    by_group,
    describe,
    maturity_results,
    response_rate,
    tool_findings,
    usage_mentions,
)
from caio_desktop.reference.ai_usage_survey import load_usage_survey
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace import queries
from caio_desktop.workspace import surveys as survey_reads


@dataclass
class CampaignResults:
    campaign: dict[str, Any]
    respondents: int
    rate: float | None
    pillars: dict[str, list[str]] = field(default_factory=dict)  # pillar key → dimension keys asked
    rows: list[ResultRow] = field(default_factory=list)
    by_department: GroupResults | None = None
    by_role: GroupResults | None = None
    findings: list[ToolFinding] = field(default_factory=list)
    literacy: Stats | None = None
    training_wanted: int = 0

    @property
    def kind(self) -> str:
        return str(self.campaign["kind"])

    @property
    def shown(self) -> bool:
        """Whether the campaign has enough respondents for any figure to be shown."""
        return self.respondents >= MIN_GROUP

    def as_dict(self) -> dict[str, Any]:
        def stats(value: Stats | None) -> dict[str, Any] | None:
            if value is None:
                return None
            return {"n": value.n, "mean": round(value.mean, 4), "median": value.median, "min": value.minimum,
                    "max": value.maximum, "sd": round(value.sd, 4), "counts": list(value.counts)}

        def groups(found: GroupResults | None) -> dict[str, Any] | None:
            if found is None:
                return None
            return {"hidden": found.hidden, "groups": [{"group": g.group, "n": g.n,
                                                        "pillars": {k: stats(v) for k, v in g.pillars.items()}}
                                                       for g in found.rows]}

        return {
            "campaign": self.campaign["name"], "kind": self.kind, "respondents": self.respondents,
            "invited": self.campaign.get("invited"), "response_rate": None if self.rate is None else round(self.rate, 2),
            "anonymous": bool(self.campaign.get("anonymous")),
            "rows": [{"key": r.key, "pillar": r.pillar, "is_pillar": r.is_pillar, "consultant": r.consultant,
                      **(stats(r.stats) or {"n": 0})} for r in self.rows],
            "by_department": groups(self.by_department), "by_role": groups(self.by_role),
            "tools": [{"tool": f.tool.name, "vendor": f.tool.vendor, "users": f.count, "shadow": f.shadow,
                       "not_approved": len(f.not_approved), "personal_data": len(f.personal_data),
                       "client_data": len(f.client_data), "confidential_data": len(f.confidential_data),
                       "departments": dict(f.departments), "spellings": dict(f.spellings)} for f in self.findings],
            "literacy": stats(self.literacy), "training_wanted": self.training_wanted,
        }


def consultant_levels(workspace, as_of: dt.date | None = None) -> dict[str, int]:  # noqa: ANN001
    """The consultant's current level per dimension in the latest assessment (on or before `as_of`)."""
    assessments = [r for r in queries.fetch_rows(workspace, "maturity") if r.get("assessed_on")]
    if as_of is not None:
        assessments = [r for r in assessments if r["assessed_on"] <= as_of] or assessments
    if not assessments:
        return {}
    latest = max(assessments, key=lambda r: (r["assessed_on"], r["id"]))
    return {r["dimension"]: r["current_level"] for r in queries.fetch_rows(workspace, "maturity_ratings")
            if r["assessment_id"] == latest["id"] and r.get("current_level") is not None}


def campaign_results(workspace, campaign_id: int, *, as_of: dt.date | None = None) -> CampaignResults:  # noqa: ANN001
    campaign = survey_reads.campaign(workspace, campaign_id=campaign_id)
    if campaign is None:
        raise KeyError(f"no survey campaign {campaign_id}")
    people = survey_reads.respondents(workspace, [campaign_id])
    results = CampaignResults(campaign, len(people), response_rate(len(people), campaign.get("invited")))
    if campaign["kind"] == "maturity":
        asked = set(campaign.get("questions") or ())
        model = load_maturity_model()
        results.pillars = {p.key: [d.key for d in p.dimensions if d.key in asked] for p in model.pillars}
        results.pillars = {k: v for k, v in results.pillars.items() if v}
        responses = [Response(p["id"], p.get("department"), p.get("role"),
                              {q: a["level"] for q, a in p["answers"].items() if a.get("level") is not None})
                     for p in people]
        results.rows = maturity_results(responses, results.pillars, consultant_levels(workspace, as_of))
        results.by_department = by_group(responses, "department", results.pillars)
        results.by_role = by_group(responses, "role", results.pillars)
    else:
        survey = load_usage_survey()
        names = ToolNames((t.name, t.vendor, t.aliases) for t in survey.tools)
        mentions = usage_mentions(((p["id"], p.get("department"), {q: a.get("value") for q, a in p["answers"].items()})
                                   for p in people), survey.tool_slots)
        results.findings = tool_findings(mentions, names)
        levels = [int(p["answers"]["LITERACY"]["value"]) for p in people
                  if str((p["answers"].get("LITERACY") or {}).get("value") or "").isdigit()]
        results.literacy = describe(levels)
        results.training_wanted = sum(1 for p in people
                                      if (p["answers"].get("TRAINING") or {}).get("value") == "yes")
    return results


def respondent_levels(workspace) -> dict[str, float]:  # noqa: ANN001
    """The mean level per dimension of the latest maturity campaign with enough respondents to be shown
    (empty when there is none): the survey series of the app's maturity radar."""
    for campaign in reversed(survey_reads.campaigns(workspace)):
        if campaign["kind"] == "maturity" and campaign["respondents"] >= MIN_GROUP:
            results = campaign_results(workspace, campaign["id"])
            return {r.key: r.stats.mean for r in results.rows if not r.is_pillar and r.stats is not None}
    return {}
