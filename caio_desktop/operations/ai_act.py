"""Classify an AI system under the AI Act: store the questionnaire's facts and what follows from them.

    change = reclassify_ai_system(ws, system_id, {"role": "deployer", "annex_iii_area": 4})
    undo(ws, change)   # the previous facts, tier and rationale come back

The same operation serves the first classification and every later change of a fact: the facts are the
source of truth, the tier, role, Annex III area, rationale and DPIA flag are derived from them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from caio_desktop.domain.ai_act import Classification, SystemFacts, classify
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder
from caio_desktop.operations.rows import change_row
from caio_desktop.reference.gdpr import load_gdpr
from caio_desktop.team.conflicts import check_edit, locked_row
from caio_desktop.workspace.queries import get_row, row_label

_FACT_IN_MESSAGE = re.compile(r"fact '(\w+)'")


def engagement_language(workspace) -> str:  # noqa: ANN001
    """The deliverables language of the engagement ("fr" or "en")."""
    return workspace.engagement().language or "en"


def engagement_reference_date(workspace, today: dt.date | None = None) -> dt.date:  # noqa: ANN001
    """The day on which the AI Act's obligations are judged in effect for this engagement: the later of
    today and the engagement's start date.

    Before the engagement starts, the assessment speaks for the engagement's period, so what applies by
    its first day counts as in effect. Once it has started, today wins: judging on a start date in the
    past would call "not yet in effect" an obligation that already binds the client (the dangerous
    mistake). A deliverable or a command dated otherwise passes its own date (``caio checklist --date``).
    """
    today = today or dt.date.today()
    start = workspace.engagement().start_date
    return max(today, start) if start else today


def parse_facts(facts: dict[str, Any]) -> SystemFacts:
    """Validate questionnaire answers; a bad answer becomes a ValidationError naming the fact."""
    try:
        return SystemFacts.from_dict(facts)
    except ValueError as exc:
        match = _FACT_IN_MESSAGE.search(str(exc))
        field = f"classification_facts.{match.group(1)}" if match else "classification_facts"
        value = facts.get(match.group(1)) if match and isinstance(facts, dict) else facts
        raise ValidationError("ai_systems", field, value, str(exc)) from None


def dpia_required(classification: Classification, personal_data: bool | None) -> bool | None:
    """Whether a GDPR DPIA is required, from the classification and the personal-data flag.

    The rule is deliberately simple. Without personal data there is no DPIA (False). With personal data,
    a high-risk system needs one (its deployer must do it, AI Act Art. 26(9)). Otherwise the WP248
    "two criteria" rule of thumb applies: an AI system always meets "innovative technology", profiling
    adds "evaluation or scoring", and biometrics (Annex III area 1) adds "sensitive data". When nobody
    has said whether personal data is processed (None), the answer is unknown (None), so a DPIA
    decision that the consultant recorded by hand is not overwritten.
    """
    if personal_data is None:
        return None
    if not personal_data:
        return False
    facts = classification.facts
    if classification.tier == "high":
        return True
    criteria = {"innovative_technology"}
    if facts.profiling:
        criteria.add("evaluation_scoring")
    if facts.annex_iii_area == 1:
        criteria.add("sensitive_data")
    return load_gdpr().dpia_likely_required(criteria)


def reclassify_ai_system(workspace, system_id: int, facts: dict[str, Any], *,  # noqa: ANN001
                         seen: Mapping[str, Any] | None = None, seen_version: int | None = None) -> ChangeSet:
    """Classify AI system `system_id` from `facts` and store the result ("Classify <system>"): one undo step.

    Stores `classification_facts`, `ai_act_tier`, `ai_act_role`, `annex_iii_area`,
    `classification_rationale` (in the engagement's language) and, where it can tell, `dpia_required`.
    `seen` (the system as the questionnaire was opened on) and `seen_version` (its `row_version` then)
    make it refuse, with an EditConflictError, to overwrite any of those a colleague changed since (a
    classification of theirs, a tier or DPIA flag set by hand), as `update_row` takes them.
    """
    mod = MODULES["ai_systems"]
    parsed = parse_facts(facts)
    system = get_row(workspace, "ai_systems", system_id)
    if system is None:
        raise LookupError(f"ai_systems has no row {system_id}")
    classification = classify(parsed, as_of=engagement_reference_date(workspace))
    lang = engagement_language(workspace)
    values: dict[str, Any] = {
        "ai_act_tier": classification.tier,
        "ai_act_role": parsed.role,
        "annex_iii_area": parsed.annex_iii_area,
        "classification_rationale": classification.rationale(lang),
    }
    dpia = dpia_required(classification, system.get("personal_data"))
    if dpia is not None:
        values["dpia_required"] = dpia
    stored_facts = parsed.to_dict()

    def apply(rec: Recorder) -> list[int]:
        # The facts are not a registry field (no table or form shows raw JSON), so they are written
        # through the recorder directly — still recorded, so undo restores them with the tier. First:
        # the tier written next is then what they give, not an edit by hand (`rules.classified_by_hand`).
        if seen_version is not None:
            check_edit(rec.conn, mod.key, system_id, {"classification_facts": stored_facts, **values},
                       locked_row(rec.conn, mod.key, system_id) or {}, seen=seen, seen_version=seen_version)
        rec.update("ai_systems", system_id, {"classification_facts": stored_facts})
        change_row(rec, mod, system_id, values)
        return [system_id]

    change = ChangeSet("classify", mod.key, row_label(mod, system), entity_fr=mod.entity_fr,
                       entity_en=mod.entity_en)
    return run_recorded(workspace, change, apply)
