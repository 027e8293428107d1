"""Generate the compliance checklist of AI systems: the AI Act obligations of each system's tier and role,
the GDPR items where it processes personal data, and the sector rules (DORA, NIS2, the MDR and Machinery
routes, GDPR Art. 22, the CNIL's AI themes, the GPAI code of practice) that the engagement's sector or
the system's facts call for, as rows of the compliance register.

    change = generate_compliance_checklist(ws)          # the whole inventory
    change = generate_compliance_checklist(ws, [3])     # one system
    change.added, change.already_present                # what the summary message says

Each generated row keeps a stable key in ``custom["obligation_key"]`` ("ai_act:hr_risk_management",
"gdpr:art30_record"), so running the generator again adds only what is missing: never duplicates, and
the status, evidence and owner the consultant filled in are left alone. One run is one undo step.
Sector items are keyed "<checklist>:<item>" ("dora:register_of_information"). Each generated row also
records whether what it cites is verified (``custom["reference_verification"]``), so the register and
the deliverables can mark what is still to be confirmed against the Official Journal.

The workspace records the reference versions it was assessed with (setting ``reference.assessed_with``,
written by each run in the same undo step). After a reference update (a data pack, a release), a run
marks what the newer content adds or changes (custom attributes are text: ``reference_change`` "added"
or "changed", ``reference_change_version`` "eu_ai_act 1.3.0", ``reference_previous`` the text it replaced,
``reference_proposed`` the new text when the consultant's own was kept): an item a newer version adds is "added"; an item whose citation, text or date it changes is
"changed" — rewritten when the consultant had not edited it, else left as written with the new text
proposed — and the summary counts both.

Whether an item is already in effect is judged on the engagement's reference date
(``operations.ai_act.engagement_reference_date``: the later of today and the engagement's start date),
or on the ``as_of`` a caller passes (``caio checklist --date``): every item keeps the date it applies from
as its due date, and the summary counts the items that apply only after that day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.ai_act import Classification, SystemFacts, classify
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations.ai_act import engagement_language, engagement_reference_date
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import change_row, insert_row
from caio_desktop.reference.ai_act import load_ai_act
from caio_desktop.reference.gdpr import load_gdpr
from caio_desktop.reference.sector_rules import applies, load_sector_rules
from caio_desktop.reference.verification import UNVERIFIED, Verification
from caio_desktop.workspace.queries import fetch_rows, get_row, row_label, setting

KEY_ATTRIBUTE = "obligation_key"
#: Custom attribute of a generated row: "unverified" when its citation rests on secondary sources.
VERIFICATION_ATTRIBUTE = "reference_verification"
#: Custom attributes that follow reference updates: what the item said when generated, and what changed.
DIGEST_ATTRIBUTE = "reference_digest"
CHANGE_ATTRIBUTE = "reference_change"
CHANGE_VERSION_ATTRIBUTE = "reference_change_version"
PREVIOUS_ATTRIBUTE = "reference_previous"
PROPOSED_ATTRIBUTE = "reference_proposed"
#: Workspace setting: reference id → version the engagement's checklist was generated with.
ASSESSED_WITH_SETTING = "reference.assessed_with"
_TIERS_WITH_OBLIGATIONS = ("prohibited", "high", "limited", "minimal")


@dataclass(frozen=True)
class ChecklistItem:
    """One compliance item the generator wants for a system (before it is matched against the register)."""

    key: str  # stable: "ai_act:<obligation key>" or "gdpr:<item>"
    framework: str
    reference: str
    requirement: str
    ai_system_id: int
    due_date: Any = None
    verification: str = UNVERIFIED  # status of what the item cites (verified | unverified | original)
    source: str = "eu_ai_act"  # the reference file it comes from (eu_ai_act | gdpr | sector_rules)

    def digest(self) -> str:
        """What the item says (citation, text, date), as a short hash: a reference update that changes it
        changes the digest."""
        return _digest(self.reference, self.requirement, self.due_date)

    def values(self) -> dict[str, Any]:
        """Row values for the compliance module."""
        values = {
            "framework": self.framework,
            "reference": self.reference,
            "requirement": self.requirement,
            "status": "not_started",
            "ai_system_id": self.ai_system_id,
            "custom": {KEY_ATTRIBUTE: self.key, VERIFICATION_ATTRIBUTE: self.verification,
                       DIGEST_ATTRIBUTE: self.digest()},
        }
        if self.due_date is not None:
            values["due_date"] = self.due_date
        return values

    def in_effect(self, on: dt.date) -> bool:
        """Whether the item already applies on ``on`` (no date: it does)."""
        return self.due_date is None or self.due_date <= on


@dataclass
class ChecklistChange(ChangeSet):
    """The ChangeSet of one generator run, with the counts its summary message shows."""

    added: int = 0
    already_present: int = 0
    systems: int = 0
    unclassified: list[str] = field(default_factory=list)  # names of systems without tier or role
    # Generated items the current classification no longer calls for (after a fact changed). They are
    # left in place — they may hold evidence — and counted so the consultant can close them.
    no_longer_required: int = 0
    # After a reference update: items the newer version adds, and items whose citation, text or date it
    # changes ("reference_change" on the rows); `versions` is what the workspace was assessed with before.
    added_by_update: int = 0
    changed_by_update: int = 0
    proposed_changes: int = 0  # changed items the consultant had edited: kept, the new text proposed
    updated_references: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The day "in effect" was judged on, and the planned items that apply only after it (with the
    # earliest date one of them applies from).
    as_of: dt.date | None = None
    not_yet_in_effect: int = 0
    next_applies_from: dt.date | None = None


def stored_facts(system: dict[str, Any]) -> SystemFacts | None:
    """The system's facts: those the questionnaire stored, else minimal facts derived from tier and role.

    Derived facts pick the one route that gives the stored tier: a high-risk system with an Annex III
    area uses that area, without one the Annex I product route; a limited-risk system lists every
    Art. 50 case (the consultant marks the ones that do not apply "not applicable" rather than the
    generator guessing one). None when the tier or role is unknown: nothing can be derived.
    """
    raw = system.get("classification_facts")
    if raw:
        try:
            return SystemFacts.from_dict(raw)
        except ValueError:
            pass  # facts written by an older reference file: fall back to the stored tier and role
    tier, role = system.get("ai_act_tier"), system.get("ai_act_role")
    if tier not in _TIERS_WITH_OBLIGATIONS or not role:
        return None
    facts: dict[str, Any] = {"role": role}
    act = load_ai_act()
    if tier == "prohibited":
        facts["prohibited_practice"] = act.prohibited_practices[0].key
    elif tier == "high":
        if system.get("annex_iii_area"):
            facts["annex_iii_area"] = system["annex_iii_area"]
        else:
            facts["annex_i_product"] = True
    elif tier == "limited":
        facts["art50_cases"] = [case.key for case in act.transparency_cases]
    return SystemFacts.from_dict(facts)


def ai_act_items(system_id: int, classification: Classification, lang: str) -> list[ChecklistItem]:
    """One item per obligation of the classification (conditions appended to the requirement)."""
    items = []
    for obligation in classification.obligations:
        text = obligation.text.get(lang)
        if obligation.condition is not None:
            prefix = "Condition : " if lang == "fr" else "Condition: "
            text = f"{text}\n{prefix}{obligation.condition.get(lang)}"
        items.append(ChecklistItem(
            key=f"ai_act:{obligation.key}", framework="ai_act", reference=obligation.article,
            requirement=text, ai_system_id=system_id, due_date=obligation.applies_from,
            verification=_status(obligation.verification),
        ))
    return items


def _digest(reference: Any, requirement: Any, due_date: Any) -> str:
    due = due_date.isoformat() if hasattr(due_date, "isoformat") else str(due_date or "")
    text = "\x1f".join((str(reference or "").strip(), str(requirement or "").strip(), due))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _status(verification: Verification | None) -> str:
    return verification.status if verification is not None else UNVERIFIED


def _decides_about_people(facts: SystemFacts | None) -> bool:
    # Art. 22 matters when the system may take or shape decisions about individuals: profiling, or an
    # Annex III use case about people (every area but 2, critical infrastructure).
    return bool(facts and (facts.profiling or facts.annex_iii_area not in (None, 2)))


def gdpr_items(system: dict[str, Any], facts: SystemFacts | None, lang: str) -> list[ChecklistItem]:
    """GDPR items for a system that processes personal data (none otherwise)."""
    if not system.get("personal_data"):
        return []
    gdpr = load_gdpr()
    sid = system["id"]
    fr = lang == "fr"

    def item(key: str, reference: str, requirement: str) -> ChecklistItem:
        return ChecklistItem(key=f"gdpr:{key}", framework="gdpr", reference=reference,
                             requirement=requirement, ai_system_id=sid,
                             verification=gdpr.meta.verification.status, source=gdpr.meta.id)

    bases = ", ".join(f"{b.label(lang).lower()} ({b.article})" for b in gdpr.lawful_bases)
    items = [item("lawful_basis", "Art. 6(1)",
                  (f"Déterminer et documenter la base légale du traitement parmi : {bases}."
                   if fr else f"Determine and document the lawful basis of the processing among: {bases}."))]
    wanted_rights = ["information_direct", "information_indirect", "access"]
    if _decides_about_people(facts):
        wanted_rights.append("automated_decision")
    rights = {r.key: r for r in gdpr.rights}
    for key in wanted_rights:
        right = rights[key]
        items.append(item(f"right_{key}", right.article or "",
                          f"{right.label(lang)} : {right.description(lang)}" if fr
                          else f"{right.label(lang)}: {right.description(lang)}"))
    fields = ", ".join(f.label(lang).lower() for f in gdpr.records_fields)
    items.append(item("art30_record", "Art. 30",
                      (f"Inscrire le traitement au registre des activités de traitement ({fields})."
                       if fr else f"Enter the processing in the record of processing activities ({fields}).")))
    if system.get("dpia_required"):
        items.append(item("art35_dpia", "Art. 35",
                          ("Réaliser l'analyse d'impact (AIPD) avant la mise en œuvre. "
                           if fr else "Carry out the DPIA before the processing starts. ")
                          + gdpr.dpia_rule.get(lang)))
    return items


def sector_facts(system: dict[str, Any], facts: SystemFacts | None) -> dict[str, bool]:
    """The facts sector checklists test (``when`` in sector_rules.yaml), from the system and its facts."""
    provider = bool(facts and facts.role == "provider")
    return {
        "annex_i_product": bool(facts and facts.annex_i_product),
        "personal_data": bool(system.get("personal_data")),
        "decides_about_people": _decides_about_people(facts),
        "provider": provider,
        "gpai_provider": bool(facts and facts.gpai and provider),
        "gpai_systemic_risk": bool(facts and facts.gpai and provider and facts.gpai_systemic_risk),
    }


def sector_items(system: dict[str, Any], facts: SystemFacts | None, sector_groups: set[str],
                 lang: str) -> list[ChecklistItem]:
    """The items of every sector checklist whose conditions the sector groups and the system meet."""
    rules = load_sector_rules()
    known = sector_facts(system, facts)
    prefix = "Condition : " if lang == "fr" else "Condition: "
    items = []
    for checklist in rules.checklists:
        if not applies(checklist.when, sector_groups, known):
            continue
        for entry in checklist.items:
            if not applies(entry.when, sector_groups, known):
                continue
            text = entry.text.get(lang)
            if entry.condition is not None:
                text = f"{text}\n{prefix}{entry.condition.get(lang)}"
            items.append(ChecklistItem(
                key=f"{checklist.key}:{entry.key}", framework=checklist.framework,
                reference=entry.article.get(lang), requirement=text, ai_system_id=system["id"],
                due_date=checklist.applies_from, verification=entry.verification.status, source=rules.meta.id,
            ))
    return items


def plan_checklist(system: dict[str, Any], lang: str, sector: str | None = None,
                   as_of: dt.date | None = None) -> list[ChecklistItem]:
    """Every item the classification and data of `system` (and the engagement's `sector`) call for, the
    classification judged on `as_of` (default: today) (pure: reads nothing, writes nothing)."""
    facts = stored_facts(system)
    items = ai_act_items(system["id"], classify(facts, as_of=as_of), lang) if facts else []
    groups = load_sector_rules().sector_groups(sector)
    return items + gdpr_items(system, facts, lang) + sector_items(system, facts, groups, lang)


def _present(rec: Recorder, system_ids: list[int]) -> tuple[dict[tuple[int, str], Any], set[tuple[int, str, str]]]:
    """What the register already holds for these systems: generated rows by (system, key), and
    (framework, reference) of rows entered by hand or imported, so that those are not duplicated either."""
    t = table("compliance")
    rows = rec.conn.execute(
        select(t.c.id, t.c.ai_system_id, t.c.framework, t.c.reference, t.c.requirement, t.c.due_date,
               t.c.custom).where(t.c.ai_system_id.in_(system_ids))
    ).all()
    generated, manual = {}, set()
    for row in rows:
        key = (row.custom or {}).get(KEY_ATTRIBUTE)
        if key:
            generated[(row.ai_system_id, key)] = row
        else:
            manual.add((row.ai_system_id, row.framework, (row.reference or "").strip()))
    return generated, manual


def _follow_update(rec: Recorder, mod: Any, row: Any, item: ChecklistItem, versions: dict[str, str],
                   change: ChecklistChange) -> None:
    """A generated row whose item a newer reference version changed: rewrite it when the consultant has
    not edited what was generated, else keep their words and propose the new text."""
    custom = dict(row.custom or {})
    stored = custom.get(DIGEST_ATTRIBUTE)
    if not stored or stored == item.digest():
        return  # generated before digests were kept, or unchanged
    untouched = _digest(row.reference, row.requirement, row.due_date) == stored
    custom[CHANGE_ATTRIBUTE] = "changed"
    custom[CHANGE_VERSION_ATTRIBUTE] = f"{item.source} {versions.get(item.source, '')}"
    custom[PREVIOUS_ATTRIBUTE] = row.requirement or ""
    if not untouched:
        custom[PROPOSED_ATTRIBUTE] = item.requirement
    custom[VERIFICATION_ATTRIBUTE] = item.verification
    values: dict[str, Any] = {"custom": custom}
    if untouched:
        custom[DIGEST_ATTRIBUTE] = item.digest()
        values.update(reference=item.reference, requirement=item.requirement, due_date=item.due_date)
    else:
        change.proposed_changes += 1
    change_row(rec, mod, row.id, values)
    change.changed_by_update += 1


def _record_versions(rec: Recorder, versions: dict[str, str]) -> None:
    """Store the reference versions this run assessed with (a setting, in the run's undo step)."""
    t = table("settings")
    row_id = rec.conn.execute(select(t.c.id).where(t.c.key == ASSESSED_WITH_SETTING)).scalar()
    if row_id is None:
        rec.insert("settings", {"key": ASSESSED_WITH_SETTING, "value": versions})
    else:
        rec.update("settings", row_id, {"value": versions})


def assessed_with(workspace) -> dict[str, str]:  # noqa: ANN001
    """Reference id → version the workspace's checklist was last generated with (empty if never)."""
    value = setting(workspace, ASSESSED_WITH_SETTING)
    return dict(value) if isinstance(value, dict) else {}


def current_sources() -> dict[str, str]:
    """Reference id → version in use, of the files the generator reads."""
    return {load_ai_act().meta.id: load_ai_act().meta.version, load_gdpr().meta.id: load_gdpr().meta.version,
            load_sector_rules().meta.id: load_sector_rules().meta.version}


def generate_compliance_checklist(
    workspace,  # noqa: ANN001
    system_ids: list[int] | None = None,
    *,
    lang: str | None = None,
    as_of: dt.date | None = None,
) -> ChecklistChange:
    """Add the missing compliance items of the given AI systems (all when None) as one undo step.

    ``as_of`` is the day "in effect" is judged on (default: ``engagement_reference_date``)."""
    mod = MODULES["compliance"]
    lang = lang or engagement_language(workspace)
    as_of = as_of or engagement_reference_date(workspace)
    if system_ids is None:
        systems = fetch_rows(workspace, "ai_systems", order_by="id")
    else:
        systems = []
        for system_id in dict.fromkeys(system_ids):
            row = get_row(workspace, "ai_systems", system_id)
            if row is None:
                raise LookupError(f"ai_systems has no row {system_id}")
            systems.append(row)
    systems_mod = MODULES["ai_systems"]
    label = row_label(systems_mod, systems[0]) if len(systems) == 1 else f"×{len(systems)}"
    change = ChecklistChange("generate", mod.key, label, entity_fr="liste de conformité",
                             entity_en="compliance checklist", systems=len(systems), as_of=as_of)
    planned: list[ChecklistItem] = []
    sector = workspace.engagement().sector
    for system in systems:
        items = plan_checklist(system, lang, sector, as_of)
        if not any(i.framework == "ai_act" for i in items):
            change.unclassified.append(row_label(systems_mod, system))
        planned += items
    later = sorted({(i.ai_system_id, i.key): i.due_date for i in planned if not i.in_effect(as_of)}.values())
    change.not_yet_in_effect = len(later)
    change.next_applies_from = later[0] if later else None

    versions = current_sources()
    before = assessed_with(workspace)
    # Sources whose version moved since the last run: what they add or change is marked as such.
    updated = {k: (before[k], v) for k, v in versions.items() if k in before and before[k] != v}
    change.updated_references = updated

    def apply(rec: Recorder) -> list[int]:
        generated, manual = _present(rec, [s["id"] for s in systems])
        wanted = {(item.ai_system_id, item.key) for item in planned}
        change.no_longer_required = len(set(generated) - wanted)
        new_ids = []
        added_now: set[tuple[int, str]] = set()
        for item in planned:
            if (item.ai_system_id, item.key) in added_now:
                continue  # planned twice in this run (the same system listed twice)
            row = generated.get((item.ai_system_id, item.key))
            if row is not None:
                change.already_present += 1
                if item.source in updated:
                    _follow_update(rec, mod, row, item, versions, change)
                continue
            if (item.ai_system_id, item.framework, item.reference) in manual:
                change.already_present += 1
                continue
            values = item.values()
            if item.source in updated:
                values["custom"][CHANGE_ATTRIBUTE] = "added"
                values["custom"][CHANGE_VERSION_ATTRIBUTE] = f"{item.source} {versions[item.source]}"
                change.added_by_update += 1
            added_now.add((item.ai_system_id, item.key))
            new_ids.append(insert_row(rec, mod, values))
        change.added = len(new_ids)
        if before != {**before, **versions}:
            _record_versions(rec, {**before, **versions})
        return new_ids

    return run_recorded(workspace, change, apply)
