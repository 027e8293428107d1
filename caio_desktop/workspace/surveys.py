"""Reads of the staff survey tables (schema 3): campaigns, and their respondents with their answers, as
plain dicts for the aggregates (`domain.surveys`), the CLI, the Diagnosis page and the deliverables."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select

from caio_desktop.workspace.models import SurveyAnswer, SurveyCampaign, SurveyRespondent

Row = dict[str, Any]
_CAMPAIGNS = SurveyCampaign.__table__
_RESPONDENTS = SurveyRespondent.__table__
_ANSWERS = SurveyAnswer.__table__


def campaigns(workspace) -> list[Row]:  # noqa: ANN001
    """Every campaign, oldest first, with its number of respondents (`respondents`)."""
    counted = (select(_RESPONDENTS.c.campaign_id, func.count().label("n"))
               .group_by(_RESPONDENTS.c.campaign_id).subquery())
    query = (select(_CAMPAIGNS, func.coalesce(counted.c.n, 0).label("respondents"))
             .outerjoin(counted, counted.c.campaign_id == _CAMPAIGNS.c.id).order_by(_CAMPAIGNS.c.id))
    with workspace.engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def campaign(workspace, *, name: str | None = None, campaign_id: int | None = None) -> Row | None:  # noqa: ANN001
    for row in campaigns(workspace):
        if (name is not None and row["name"] == name) or (campaign_id is not None and row["id"] == campaign_id):
            return row
    return None


def respondents(workspace, campaign_ids: list[int] | None = None) -> list[Row]:  # noqa: ANN001
    """Respondents (of the given campaigns, else all), each with `answers`: question code → answer row."""
    query = select(_RESPONDENTS).order_by(_RESPONDENTS.c.id)
    if campaign_ids is not None:
        query = query.where(_RESPONDENTS.c.campaign_id.in_(campaign_ids))
    answers = select(_ANSWERS).join(_RESPONDENTS, _RESPONDENTS.c.id == _ANSWERS.c.respondent_id)
    if campaign_ids is not None:
        answers = answers.where(_RESPONDENTS.c.campaign_id.in_(campaign_ids))
    with workspace.engine.connect() as conn:
        people = [dict(row) for row in conn.execute(query).mappings()]
        by_person: dict[int, dict[str, Row]] = defaultdict(dict)
        for row in conn.execute(answers.order_by(_ANSWERS.c.id)).mappings():
            by_person[row["respondent_id"]][row["question"]] = dict(row)
    for person in people:
        person["answers"] = by_person.get(person["id"], {})
    return people
