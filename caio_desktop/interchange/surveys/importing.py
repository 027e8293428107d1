"""Filled forms into the workspace: each file read and checked on its own, then every accepted one stored
in one transaction (`operations.surveys.store_responses`, one undo step).

    report = import_forms(ws, ["dupont.xlsx", "martin.xlsx"], campaign="Vague 1")
    report.imported, report.refused      # FileOutcome: the file and what was said of it
    report.change                        # the ChangeSet to push on the undo stack

A refused file leaves nothing in the workspace; the others are imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from caio_desktop.interchange.surveys.reading import FilledForm, FormRefused, read_form
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.surveys import ENGAGEMENT_UID, IncomingResponse, store_responses
from caio_desktop.workspace import queries
from caio_desktop.workspace import surveys as survey_reads


class SurveyImportCancelled(Exception):  # noqa: N818 - a user's decision, not an error
    """Cancelled while the forms were read: nothing was written."""


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    message: str  # "imported", or the reason it was refused (a note may follow an import)
    respondent_id: int | None = None

    @property
    def imported(self) -> bool:
        return self.respondent_id is not None

    def __str__(self) -> str:
        return f"{self.path.name}: {self.message}"


@dataclass
class SurveyImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    change: ChangeSet | None = None
    systems: list[int] = field(default_factory=list)  # candidate AI systems added or updated

    @property
    def imported(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.imported]

    @property
    def refused(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if not o.imported]


def _identity_problem(form: FilledForm, *, uid: str | None, campaigns: dict[str, dict],
                      wanted: str | None) -> str | None:
    """Why a well-formed form does not belong here (another engagement or campaign), or None."""
    if uid is None or form.engagement_uid != uid:
        return (f"is a form of another engagement (campaign {form.campaign_name!r}); it cannot be imported "
                "into this one")
    found = campaigns.get(form.campaign_token)
    if found is None:
        return f"is a form of campaign {form.campaign_name!r}, which is not in this workspace"
    if wanted is not None and found["name"] != wanted:
        return f"is a form of campaign {found['name']!r}, not of {wanted!r}"
    if found["kind"] != form.kind:
        return f"is a {form.kind} form, but campaign {found['name']!r} is a {found['kind']} survey"
    unknown = [a.question for a in form.answers if a.question not in set(found["questions"] or ())]
    if unknown:
        return f"answers questions campaign {found['name']!r} did not ask ({', '.join(unknown[:5])})"
    return None


def import_forms(workspace, paths: Iterable[Path | str], *, campaign: str | None = None,  # noqa: ANN001
                 lang: str | None = None, today: dt.date | None = None,
                 progress: Callable[[int, int], bool | None] | None = None) -> SurveyImportReport:
    """Read, check and store filled forms; one outcome per file, in the order given."""
    paths = [Path(p) for p in paths]
    report = SurveyImportReport()
    campaigns = {row["token"]: row for row in survey_reads.campaigns(workspace)}
    if campaign is not None and campaign not in {row["name"] for row in campaigns.values()}:
        raise ValueError(f"there is no survey campaign {campaign!r} in this workspace"
                         + (f" (campaigns: {', '.join(sorted(r['name'] for r in campaigns.values()))})"
                            if campaigns else ""))
    uid = queries.setting(workspace, ENGAGEMENT_UID)
    outcomes: dict[int, FileOutcome] = {}
    incoming: list[tuple[int, IncomingResponse, list[str]]] = []
    for index, path in enumerate(paths):
        if progress is not None and progress(index, len(paths)) is False:
            raise SurveyImportCancelled("survey import cancelled")
        try:
            form = read_form(path)
        except FormRefused as exc:
            outcomes[index] = FileOutcome(path, exc.reason)
            continue
        problem = _identity_problem(form, uid=uid, campaigns=campaigns, wanted=campaign)
        if problem:
            outcomes[index] = FileOutcome(path, problem)
            continue
        found = campaigns[form.campaign_token]
        incoming.append((index, IncomingResponse(
            source=path.name, campaign_id=found["id"], name=None if found["anonymous"] else form.name,
            department=form.department, role=form.role, fingerprint=form.fingerprint,
            answers=[(a.question, a.value, a.level, a.comment) for a in form.answers]), form.notes))
    if incoming:
        language = lang or (workspace.engagement().language or "fr")
        stored = store_responses(workspace, [item for _, item, _ in incoming], lang=language, today=today)
        report.change = stored.change
        report.systems = stored.systems
        stored_ids = dict(stored.stored)
        refused = dict(stored.refused)
        for position, (index, _, notes) in enumerate(incoming):
            if position in stored_ids:
                outcomes[index] = FileOutcome(paths[index], "; ".join(["imported", *notes]), stored_ids[position])
            else:
                outcomes[index] = FileOutcome(paths[index], refused.get(position, "not imported"))
    if progress is not None:
        progress(len(paths), len(paths))
    report.outcomes = [outcomes[i] for i in range(len(paths))]
    return report
