"""Staff survey operations: opening a campaign, storing the responses of filled forms (one undo step for
a whole batch), and the AI tools named in usage surveys kept in the inventory as candidate AI systems.

Candidate systems are ordinary `ai_systems` rows flagged in their custom attributes
(`found_by = survey`, with the survey's figures as `survey_*` attributes) for the consultant to confirm.
They are recomputed from every usage answer in the workspace each time responses are stored, so a
re-import never duplicates a tool, and a tool the consultant already listed (the same tool by name,
fuzzily: "ChatGPT Enterprise" is ChatGPT) only gains the survey's attributes, its own fields untouched.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.surveys import MIN_GROUP, ToolMention, ToolNames, tool_findings, usage_mentions
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import change_row, insert_row
from caio_desktop.reference.ai_usage_survey import load_usage_survey

ENGAGEMENT_UID = "engagement_uid"  # setting: the engagement's id written into every form
FOUND_BY, BY_SURVEY = "found_by", "survey"
SURVEY_TOOL = "survey_tool"  # custom attribute: the tool's key, how a re-import finds the row again
KINDS = ("maturity", "usage")


@dataclass(frozen=True)
class IncomingResponse:
    """One filled form ready to store; `source` names it in messages (its file)."""

    source: str
    campaign_id: int
    name: str | None
    department: str | None
    role: str | None
    fingerprint: str
    answers: Sequence[tuple[str, str | None, int | None, str | None]]  # (question, value, level, comment)


@dataclass
class StoredResponses:
    change: ChangeSet
    stored: list[tuple[int, int]] = field(default_factory=list)  # (position in the incoming list, respondent id)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (position in the incoming list, reason)
    systems: list[int] = field(default_factory=list)  # ai_systems rows added or updated from usage answers


def _engagement_uid(rec: Recorder) -> str:
    """The engagement's id (made on first use): forms carry it so a form of another engagement is known."""
    settings = table("settings")
    value = rec.conn.execute(select(settings.c.value).where(settings.c.key == ENGAGEMENT_UID)).scalar()
    if value:
        return str(value)
    value = secrets.token_hex(8)
    rec.insert("settings", {"key": ENGAGEMENT_UID, "value": value})
    return value


def open_campaign(workspace, *, name: str, kind: str, lang: str, questions: Sequence[str],  # noqa: ANN001
                  invited: int | None = None, anonymous: bool | None = None,
                  today: dt.date | None = None) -> tuple[dict[str, Any], ChangeSet]:
    """The campaign called `name`, created on first use ("Add survey campaign <name>"), and the
    engagement's id; a later call may set the invited population or the anonymity. Forms of one
    campaign all carry its token, so every respondent may get a copy of one form."""
    if kind not in KINDS:
        raise ValueError(f"unknown survey kind {kind!r}; choose one of {', '.join(KINDS)}")
    name = " ".join(name.split())
    if not name:
        raise ValueError("a survey campaign needs a name")
    if invited is not None and invited < 1:
        raise ValueError("the invited population must be at least 1")
    campaigns = table("survey_campaigns")
    found: dict[str, Any] = {}

    def operation(rec: Recorder) -> list[int]:
        uid = _engagement_uid(rec)
        row = rec.conn.execute(select(campaigns).where(campaigns.c.name == name)).mappings().first()
        if row is None:
            row_id = rec.insert("survey_campaigns", {
                "name": name, "kind": kind, "token": secrets.token_hex(16), "lang": lang, "invited": invited,
                "anonymous": bool(anonymous), "questions": list(questions), "opened_on": today or dt.date.today()})
        else:
            if row["kind"] != kind:
                raise ValueError(f"campaign {name!r} is a {row['kind']} survey, not a {kind} one")
            row_id = row["id"]
            values: dict[str, Any] = {}
            if invited is not None:
                values["invited"] = invited
            if anonymous is not None:
                values["anonymous"] = anonymous
            if values:
                rec.update("survey_campaigns", row_id, values)
        found.update(rec.row("survey_campaigns", row_id) or {}, engagement_uid=uid)
        return [row_id]

    change = run_recorded(workspace, ChangeSet("add", "survey_campaigns", name, entity_fr="campagne d'enquête",
                                               entity_en="survey campaign"), operation)
    return found, change


def set_invited(workspace, campaign_id: int, invited: int | None) -> ChangeSet:  # noqa: ANN001
    """The population a campaign was sent to (the response rate's denominator)."""
    if invited is not None and invited < 1:
        raise ValueError("the invited population must be at least 1")
    return run_recorded(workspace, ChangeSet("edit", "survey_campaigns", str(campaign_id),
                                             entity_fr="campagne d'enquête", entity_en="survey campaign"),
                        lambda rec: [campaign_id] if rec.update("survey_campaigns", campaign_id,
                                                                {"invited": invited}) else [])


def store_responses(workspace, incoming: Sequence[IncomingResponse], *, lang: str,  # noqa: ANN001
                    today: dt.date | None = None) -> StoredResponses:
    """Store each response whole, in one transaction and one undo step ("Import survey responses");
    a response already stored (same form content, or the same named person in the campaign) is refused
    with the reason, the others stored. Usage answers then refresh the candidate AI systems."""
    respondents = table("survey_respondents")
    campaigns = table("survey_campaigns")
    result = StoredResponses(ChangeSet("import", "survey_respondents", "", entity_fr="réponses d'enquête",
                                       entity_en="survey responses"))

    def operation(rec: Recorder) -> list[int]:
        kinds = dict(rec.conn.execute(select(campaigns.c.id, campaigns.c.kind)).all())
        anonymous = dict(rec.conn.execute(select(campaigns.c.id, campaigns.c.anonymous)).all())
        seen: dict[tuple[int, str], str] = {}
        names: dict[tuple[int, str], str] = {}
        for campaign_id, fingerprint, name, source, when in rec.conn.execute(select(
                respondents.c.campaign_id, respondents.c.fingerprint, respondents.c.name, respondents.c.source_file,
                respondents.c.imported_on)):
            seen[(campaign_id, fingerprint)] = f"{source or 'a form'} on {when}"
            if name:
                names[(campaign_id, name.casefold())] = f"{source or 'a form'} on {when}"
        rows, answers_of, positions = [], [], []
        for position, response in enumerate(incoming):
            if response.campaign_id not in kinds:
                result.refused.append((position, "its campaign is not in this workspace"))
                continue
            earlier = seen.get((response.campaign_id, response.fingerprint))
            if earlier:
                result.refused.append((position, f"was already imported ({earlier}): the same form, "
                                                        "filled the same way"))
                continue
            name = None if anonymous[response.campaign_id] else response.name
            if name and (response.campaign_id, name.casefold()) in names:
                result.refused.append((position, f"{name} already answered this campaign "
                                                        f"({names[(response.campaign_id, name.casefold())]})"))
                continue
            seen[(response.campaign_id, response.fingerprint)] = f"{response.source}, in this import"
            if name:
                names[(response.campaign_id, name.casefold())] = f"{response.source}, in this import"
            rows.append({"campaign_id": response.campaign_id, "name": name, "department": response.department,
                         "role": response.role, "fingerprint": response.fingerprint, "source_file": response.source,
                         "imported_on": today or dt.date.today()})
            answers_of.append(response)
            positions.append(position)
        ids = rec.insert_many("survey_respondents", rows)
        answers = [{"respondent_id": row_id, "question": q, "value": value, "level": level, "comment": comment}
                   for row_id, response in zip(ids, answers_of, strict=True)
                   for q, value, level, comment in response.answers]
        rec.insert_many("survey_answers", answers)
        result.stored = list(zip(positions, ids, strict=True))
        if any(kinds[r.campaign_id] == "usage" for r in answers_of):
            result.systems = sync_found_systems(rec, lang)
        return ids

    run_recorded(workspace, result.change, operation)
    result.change.label = str(len(result.stored))
    return result


def _usage_mentions(rec: Recorder) -> list[ToolMention]:
    """Every tool named in a usage form of the workspace, with what its user said of it."""
    campaigns, respondents, answers = table("survey_campaigns"), table("survey_respondents"), table("survey_answers")
    people = {row.id: row for row in rec.conn.execute(
        select(respondents.c.id, respondents.c.department).join(campaigns, campaigns.c.id == respondents.c.campaign_id)
        .where(campaigns.c.kind == "usage"))}
    given: dict[int, dict[str, str | None]] = {}
    for respondent_id, question, value in rec.conn.execute(
            select(answers.c.respondent_id, answers.c.question, answers.c.value)
            .where(answers.c.respondent_id.in_(select(respondents.c.id).join(
                campaigns, campaigns.c.id == respondents.c.campaign_id).where(campaigns.c.kind == "usage")))
            .order_by(answers.c.id)):
        given.setdefault(respondent_id, {})[question] = value
    return usage_mentions(((rid, people[rid].department, given[rid]) for rid in sorted(given)),
                          load_usage_survey().tool_slots)


def sync_found_systems(rec: Recorder, lang: str) -> list[int]:
    """Bring the candidate AI systems in line with every usage answer stored (inside `rec`'s operation).

    Returns the ids of the ai_systems rows added or changed."""
    survey = load_usage_survey()
    names = ToolNames((t.name, t.vendor, t.aliases) for t in survey.tools)
    systems = table("ai_systems")
    existing: dict[str, dict[str, Any]] = {}
    for row in rec.conn.execute(select(systems.c.id, systems.c.name, systems.c.custom).order_by(systems.c.id)).mappings():
        custom = row["custom"] or {}
        key = custom.get(SURVEY_TOOL) or (tool.key if (tool := names.resolve(row["name"] or "")) else None)
        if key:
            existing.setdefault(key, dict(row))
    purposes = {c.key: c.label(lang) for c in survey.answer_set("purpose")}
    mod = MODULES["ai_systems"]
    touched = []
    for finding in tool_findings(_usage_mentions(rec), names):
        attributes = {
            FOUND_BY: BY_SURVEY, SURVEY_TOOL: finding.tool.key, "survey_users": str(finding.count),
            "survey_departments": ", ".join(d for d, _ in finding.departments.most_common()),
            "survey_purposes": ", ".join(purposes.get(p, p) for p, _ in finding.purposes.most_common()),
            "survey_data": ", ".join(f"{label}: {len(people)}" for label, people in (
                ("personal", finding.personal_data), ("client", finding.client_data),
                ("confidential", finding.confidential_data)) if people),
            "survey_not_approved": str(len(finding.not_approved)),
            "survey_spellings": ", ".join(s for s, _ in finding.spellings.most_common(5)),
        }
        attributes = {k: v for k, v in attributes.items() if v}
        row = existing.get(finding.tool.key)
        # The register's own fields (shown in the deliverables' inventory) say who uses a tool, with what
        # data, without approval: for fewer than MIN_GROUP users they would point at people, so they stay
        # empty for the consultant to fill on confirming; the survey_* attributes keep the counts.
        identifying = finding.count < MIN_GROUP
        fields = {"purpose": "; ".join(purposes.get(p, p) for p, _ in finding.purposes.most_common()) or None,
                  "department": None if identifying else
                  ", ".join(d for d, _ in finding.departments.most_common()) or None,
                  "shadow_ai": None if identifying else finding.shadow,
                  "personal_data": None if identifying else bool(finding.personal_data)}
        if row is None:
            values = {"name": finding.tool.name, "vendor": finding.tool.vendor or None, **fields,
                      "custom": attributes}
            touched.append(insert_row(rec, mod, values))
            continue
        custom = dict(row["custom"] or {})
        values = {"custom": {**custom, **attributes} if custom.get(FOUND_BY) != BY_SURVEY else
                  {**{k: v for k, v in custom.items() if not k.startswith("survey_")}, **attributes}}
        if custom.get(FOUND_BY) == BY_SURVEY:  # ours: its fields follow the answers; a consultant's row keeps its own
            values.update(fields)
        else:
            values["custom"].pop(FOUND_BY, None)  # (found by the consultant first: it stays theirs)
            values["custom"]["survey_found"] = "yes"
        if change_row(rec, mod, row["id"], values):
            touched.append(row["id"])
    return touched
