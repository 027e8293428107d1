"""Add risks from the AI risk library to the register, with their suggested treatment actions.

    change = add_risks_from_library(ws, ["hallucination", "prompt_injection"], ai_system_id=3)
    change.skipped      # library keys already in the register for the same system / use case

Each risk keeps its library key in ``custom["library_key"]``; picking a key that is already in the
register (for the same AI system and use case) is skipped and reported, never duplicated. Picking the
same library risk for another AI system is allowed: "bias" of the CV screener and "bias" of the
pricing model are two risks. One pick is one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations.ai_act import engagement_language
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import insert_row
from caio_desktop.reference.risk_library import LibraryRisk, load_risk_library

LIBRARY_KEY = "library_key"


@dataclass
class LibraryPickChange(ChangeSet):
    """The ChangeSet of one pick, with the library keys added and those skipped as already present."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    risk_ids: list[int] = field(default_factory=list)


def _bullets(texts: list[str]) -> str:
    return "\n".join(f"• {text}" for text in texts)


def risk_values(risk: LibraryRisk, lang: str, *, ai_system_id: int | None = None,
                use_case_id: int | None = None) -> dict:
    """Values of a register row made from a library risk, in `lang`."""
    return {
        "title": risk.title(lang),
        "description": risk.description(lang),
        "category": risk.category,
        "cause": _bullets([c.get(lang) for c in risk.causes]),
        "consequence": _bullets([c.get(lang) for c in risk.consequences]),
        "likelihood": risk.likelihood,
        "impact": risk.impact,
        "treatment": risk.treatment,
        "status": "open",
        "ai_system_id": ai_system_id,
        "use_case_id": use_case_id,
        "custom": {LIBRARY_KEY: risk.key},
    }


def _already_picked(rec: Recorder, ai_system_id: int | None, use_case_id: int | None) -> set[str]:
    t = table("risks")
    rows = rec.conn.execute(select(t.c.custom).where(
        t.c.ai_system_id.is_(ai_system_id) if ai_system_id is None else t.c.ai_system_id == ai_system_id,
        t.c.use_case_id.is_(use_case_id) if use_case_id is None else t.c.use_case_id == use_case_id,
    )).scalars()
    return {custom.get(LIBRARY_KEY) for custom in rows if custom and custom.get(LIBRARY_KEY)}


def add_risks_from_library(
    workspace,  # noqa: ANN001
    keys: list[str],
    *,
    lang: str | None = None,
    ai_system_id: int | None = None,
    use_case_id: int | None = None,
) -> LibraryPickChange:
    """Add the library risks `keys` (with one risk action per suggested action) as one undo step."""
    library = load_risk_library()
    known = {r.key for r in library.risks}
    for key in keys:
        if key not in known:
            raise ValidationError("risks", LIBRARY_KEY, key, "is not a risk of the AI risk library")
    lang = lang or engagement_language(workspace)
    wanted = list(dict.fromkeys(keys))
    risks_mod, actions_mod = MODULES["risks"], MODULES["risk_actions"]
    label = library.risk(wanted[0]).title(lang) if len(wanted) == 1 else f"×{len(wanted)}" if wanted else ""
    change = LibraryPickChange("add", risks_mod.key, label, entity_fr=risks_mod.entity_fr,
                               entity_en=risks_mod.entity_en)

    def apply(rec: Recorder) -> list[int]:
        present = _already_picked(rec, ai_system_id, use_case_id)
        for key in wanted:
            if key in present:
                change.skipped.append(key)
                continue
            risk = library.risk(key)
            risk_id = insert_row(rec, risks_mod, risk_values(
                risk, lang, ai_system_id=ai_system_id, use_case_id=use_case_id))
            for action in risk.actions:
                insert_row(rec, actions_mod, {"risk_id": risk_id, "title": action.get(lang), "status": "open"})
            change.added.append(key)
            change.risk_ids.append(risk_id)
        return list(change.risk_ids)

    return run_recorded(workspace, change, apply)
