"""EU AI Act reference data (Regulation (EU) 2024/1689 as amended), loaded from ``ai_act.yaml``.

Holds what the classifier in ``caio_desktop.domain.ai_act`` reasons over: prohibited practices, the
Annex I and Annex III high-risk routes, the Art. 6(3) derogations, the Art. 50 transparency cases, the
obligations per situation and role, and the application dates (with the amendments that moved them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from caio_desktop.reference.loader import (
    ReferenceDataError,
    ReferenceMeta,
    Text,
    optional_text,
    read_reference_file,
    require,
    text_of,
)
from caio_desktop.reference.verification import Verification, entry_verification

FILE_NAME = "ai_act.yaml"
ROLES: tuple[str, ...] = ("provider", "deployer", "importer", "distributor")
TIERS: tuple[str, ...] = ("prohibited", "high", "limited", "minimal")
AMENDMENT_STATUSES = frozenset({"proposal", "adopted", "in_force", "withdrawn"})
DATE_STATUSES = frozenset({"in_force", "superseded", "proposed"})


@dataclass(frozen=True)
class Amendment:
    """A later act (or proposal) changing the AI Act; ``status`` says whether it is law."""

    key: str
    status: str
    reference: str
    date: dt.date
    url: str | None
    label: Text
    summary: Text
    verification: Verification


@dataclass(frozen=True)
class ApplicationDate:
    """A date from which part of the Regulation applies, with its legal basis."""

    key: str
    date: dt.date
    legal_basis: str
    status: str
    label: Text
    amended_by: str | None = None
    superseded_by: str | None = None
    verification: Verification | None = None  # None only when built by hand (tests)


@dataclass(frozen=True)
class ProhibitedPractice:
    """One prohibited practice of Art. 5(1)."""

    key: str
    article: str
    label: Text
    description: Text
    applies_from: str
    amended_by: str | None = None
    aliases: tuple[str, ...] = ()  # keys earlier files used for the same point (stored facts keep reading)
    verification: Verification | None = None


@dataclass(frozen=True)
class AnnexIIIPoint:
    """One point of an Annex III area, e.g. 4(a) recruitment."""

    key: str
    label: Text


@dataclass(frozen=True)
class AnnexIIIArea:
    """One of the eight Annex III high-risk areas."""

    number: int
    label: Text
    points: tuple[AnnexIIIPoint, ...]

    def point(self, key: str) -> AnnexIIIPoint:
        """The point with ``key`` (KeyError if unknown)."""
        for point in self.points:
            if point.key == key:
                return point
        raise KeyError(f"Annex III area {self.number} has no point {key!r}")


@dataclass(frozen=True)
class Derogation:
    """One Art. 6(3) condition under which an Annex III system is not high-risk."""

    key: str
    article: str
    label: Text
    description: Text


@dataclass(frozen=True)
class TransparencyCase:
    """One Art. 50 case; ``obligated_role`` bears the obligation, other roles get ``check``."""

    key: str
    article: str
    obligated_role: str
    applies_from: str
    label: Text
    obligation: Text
    check: Text
    verification: Verification | None = None


@dataclass(frozen=True)
class ObligationSpec:
    """One obligation as stored in the data: stable key, article, text, optional condition."""

    key: str
    article: str
    text: Text
    condition: Text | None = None
    applies_from: str | None = None
    binding: bool = True
    verification: Verification | None = None


@dataclass(frozen=True)
class AiActReference:
    """Everything the AI Act file holds, with look-ups by key."""

    meta: ReferenceMeta
    amendments: tuple[Amendment, ...]
    application_dates: tuple[ApplicationDate, ...]
    roles: dict[str, Text]
    tiers: dict[str, Text]
    prohibited_practices: tuple[ProhibitedPractice, ...]
    added_prohibited_practices: tuple[ProhibitedPractice, ...]
    annex_i_article: str
    annex_i_label: Text
    annex_i_description: Text
    annex_i_applies_from: str
    annex_iii_areas: tuple[AnnexIIIArea, ...]
    derogations: tuple[Derogation, ...]
    profiling_rule_article: str
    profiling_rule: Text
    transparency_cases: tuple[TransparencyCase, ...]
    gpai_label: Text
    gpai_description: Text
    obligations: dict[str, dict[str, tuple[ObligationSpec, ...]]]

    @property
    def all_prohibited_practices(self) -> tuple[ProhibitedPractice, ...]:
        """The original Art. 5(1)(a)–(h) plus points added by later amendments."""
        return self.prohibited_practices + self.added_prohibited_practices

    def practice(self, key: str) -> ProhibitedPractice:
        """Prohibited practice by key: a point letter ("a"…"h"), an added point's name ("csam"), or an
        alias an earlier file used for it."""
        for practice in self.all_prohibited_practices:
            if practice.key == key or key in practice.aliases:
                return practice
        raise KeyError(f"unknown Art. 5(1) point {key!r}")

    def area(self, number: int) -> AnnexIIIArea:
        """Annex III area 1..8."""
        for area in self.annex_iii_areas:
            if area.number == number:
                return area
        raise KeyError(f"unknown Annex III area {number!r}")

    def derogation(self, key: str) -> Derogation:
        """Art. 6(3) derogation "a"…"d"."""
        for derogation in self.derogations:
            if derogation.key == key:
                return derogation
        raise KeyError(f"unknown Art. 6(3) derogation {key!r}")

    def transparency_case(self, key: str) -> TransparencyCase:
        """Art. 50 case such as "50(1)"."""
        for case in self.transparency_cases:
            if case.key == key:
                return case
        raise KeyError(f"unknown Art. 50 case {key!r}")

    def date(self, key: str) -> ApplicationDate:
        """Application date by key."""
        for item in self.application_dates:
            if item.key == key:
                return item
        raise KeyError(f"unknown application date {key!r}")

    def amendment(self, key: str) -> Amendment:
        """Amendment or proposal by key."""
        for item in self.amendments:
            if item.key == key:
                return item
        raise KeyError(f"unknown amendment {key!r}")

    def citation_status(self, own: Verification | None, date_key: str | None = None) -> Verification:
        """The verification status to show with a citation: the entry's own when it has one, else that of
        the date it applies from when the date has its own (an amended date), else the file's."""
        file_status = self.meta.verification
        if own is not None and own is not file_status:
            return own
        if date_key:
            date_status = self.date(date_key).verification
            if date_status is not None and date_status is not file_status:
                return date_status
        return own or file_status

    def obligations_for(self, situation: str, role: str) -> tuple[ObligationSpec, ...]:
        """Obligations stored for ``situation`` (e.g. "high_risk") and ``role``; empty if none."""
        return self.obligations.get(situation, {}).get(role, ())

    def known_articles(self) -> frozenset[str]:
        """Base article references ("Art. 9", "Art. 50", …) present anywhere in the data.

        Other files (the risk library) map to AI Act articles; their tests check the ids against this.
        """
        refs: list[str] = [p.article for p in self.all_prohibited_practices]
        refs += [self.annex_i_article, self.profiling_rule_article]
        refs += [d.article for d in self.derogations] + [c.article for c in self.transparency_cases]
        refs += [o.article for by_role in self.obligations.values() for obs in by_role.values() for o in obs]
        refs += ["Art. 6(2)", "Art. 51", "Art. 53", "Art. 55"]
        bases = {f"Art. {m}" for ref in refs for m in re.findall(r"(?:Art\. |, )(\d+)", ref)}
        return frozenset(bases | set(refs))


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ReferenceDataError(f"{where}: not an ISO date: {value!r}") from exc


def _obligation(raw: dict[str, Any], where: str, file_status: Verification) -> ObligationSpec:
    key = str(require(raw, "key", where))
    where = f"{where} {key}"
    return ObligationSpec(
        key=key,
        article=str(require(raw, "article", where)),
        text=text_of(require(raw, "text", where), f"{where}.text"),
        condition=optional_text(raw, "condition", where),
        applies_from=raw.get("applies_from"),
        binding=bool(raw.get("binding", True)),
        verification=entry_verification(raw, where, file_status),
    )


def _practice(raw: dict[str, Any], where: str, file_status: Verification) -> ProhibitedPractice:
    key = str(require(raw, "key", where))
    where = f"{where} {key}"
    return ProhibitedPractice(
        key=key,
        article=str(require(raw, "article", where)),
        label=text_of(require(raw, "label", where), f"{where}.label"),
        description=text_of(require(raw, "description", where), f"{where}.description"),
        applies_from=str(require(raw, "applies_from", where)),
        amended_by=raw.get("amended_by"),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        verification=entry_verification(raw, where, file_status),
    )


@cache
def load_ai_act() -> AiActReference:
    """Load and validate the AI Act reference data (cached)."""
    ref = read_reference_file(FILE_NAME)
    data = ref.data
    f = FILE_NAME
    file_status = ref.meta.verification

    amendments = []
    for raw in require(data, "amendments", f):
        where = f"{f}: amendment {raw.get('key')}"
        status = str(require(raw, "status", where))
        if status not in AMENDMENT_STATUSES:
            raise ReferenceDataError(f"{where}: status {status!r} not in {sorted(AMENDMENT_STATUSES)}")
        amendments.append(
            Amendment(
                key=str(require(raw, "key", where)),
                status=status,
                reference=str(require(raw, "reference", where)),
                date=_date(require(raw, "date", where), where),
                url=raw.get("url"),
                label=text_of(require(raw, "label", where), f"{where}.label"),
                summary=text_of(require(raw, "summary", where), f"{where}.summary"),
                verification=entry_verification(raw, where, file_status),
            )
        )

    dates = []
    for raw in require(data, "application_dates", f):
        where = f"{f}: application date {raw.get('key')}"
        status = str(require(raw, "status", where))
        if status not in DATE_STATUSES:
            raise ReferenceDataError(f"{where}: status {status!r} not in {sorted(DATE_STATUSES)}")
        dates.append(
            ApplicationDate(
                key=str(require(raw, "key", where)),
                date=_date(require(raw, "date", where), where),
                legal_basis=str(require(raw, "legal_basis", where)),
                status=status,
                label=text_of(require(raw, "label", where), f"{where}.label"),
                amended_by=raw.get("amended_by"),
                superseded_by=raw.get("superseded_by"),
                verification=entry_verification(raw, where, file_status),
            )
        )

    def labels(name: str, expected: tuple[str, ...]) -> dict[str, Text]:
        raw = require(data, name, f)
        if not isinstance(raw, dict) or set(raw) != set(expected):
            raise ReferenceDataError(f"{f}: '{name}' must define exactly {list(expected)}")
        return {key: text_of(raw[key], f"{f}: {name}.{key}") for key in expected}

    areas = []
    for raw in require(data, "annex_iii_areas", f):
        where = f"{f}: Annex III area {raw.get('number')}"
        points = tuple(
            AnnexIIIPoint(
                key=str(require(p, "key", where)),
                label=text_of(require(p, "label", where), f"{where} point {p.get('key')}.label"),
            )
            for p in require(raw, "points", where)
        )
        areas.append(
            AnnexIIIArea(
                number=int(require(raw, "number", where)),
                label=text_of(require(raw, "label", where), f"{where}.label"),
                points=points,
            )
        )

    art6_3 = require(data, "art6_3", f)
    derogations = tuple(
        Derogation(
            key=str(require(raw, "key", f"{f}: art6_3")),
            article=str(require(raw, "article", f"{f}: art6_3")),
            label=text_of(require(raw, "label", f"{f}: art6_3"), f"{f}: derogation {raw.get('key')}.label"),
            description=text_of(
                require(raw, "description", f"{f}: art6_3"), f"{f}: derogation {raw.get('key')}.description"
            ),
        )
        for raw in require(art6_3, "derogations", f"{f}: art6_3")
    )
    profiling = require(art6_3, "profiling_rule", f"{f}: art6_3")

    cases = []
    for raw in require(data, "transparency_cases", f):
        where = f"{f}: transparency case {raw.get('key')}"
        role = str(require(raw, "obligated_role", where))
        if role not in ROLES:
            raise ReferenceDataError(f"{where}: obligated_role {role!r} not in {list(ROLES)}")
        cases.append(
            TransparencyCase(
                key=str(require(raw, "key", where)),
                article=str(require(raw, "article", where)),
                obligated_role=role,
                applies_from=str(require(raw, "applies_from", where)),
                label=text_of(require(raw, "label", where), f"{where}.label"),
                obligation=text_of(require(raw, "obligation", where), f"{where}.obligation"),
                check=text_of(require(raw, "check", where), f"{where}.check"),
                verification=entry_verification(raw, where, file_status),
            )
        )

    obligations: dict[str, dict[str, tuple[ObligationSpec, ...]]] = {}
    for situation, by_role in require(data, "obligations", f).items():
        where = f"{f}: obligations.{situation}"
        # A plain list belongs to the provider (GPAI model obligations only bind model providers).
        if isinstance(by_role, list):
            by_role = {"provider": by_role}
        obligations[situation] = {
            role: tuple(_obligation(o, f"{where}.{role}", file_status) for o in items)
            for role, items in by_role.items()
        }

    annex_i = require(data, "annex_i_route", f)
    gpai = require(data, "gpai", f)
    result = AiActReference(
        meta=ref.meta,
        amendments=tuple(amendments),
        application_dates=tuple(dates),
        roles=labels("roles", ROLES),
        tiers=labels("tiers", TIERS),
        prohibited_practices=tuple(
            _practice(raw, f"{f}: prohibited practice", file_status) for raw in require(data, "prohibited_practices", f)
        ),
        added_prohibited_practices=tuple(
            _practice(raw, f"{f}: added prohibited practice", file_status)
            for raw in data.get("added_prohibited_practices") or []
        ),
        annex_i_article=str(require(annex_i, "article", f"{f}: annex_i_route")),
        annex_i_label=text_of(require(annex_i, "label", f"{f}: annex_i_route"), f"{f}: annex_i_route.label"),
        annex_i_description=text_of(
            require(annex_i, "description", f"{f}: annex_i_route"), f"{f}: annex_i_route.description"
        ),
        annex_i_applies_from=str(require(annex_i, "applies_from", f"{f}: annex_i_route")),
        annex_iii_areas=tuple(areas),
        derogations=derogations,
        profiling_rule_article=str(require(profiling, "article", f"{f}: profiling_rule")),
        profiling_rule=text_of(
            require(profiling, "text", f"{f}: profiling_rule"), f"{f}: profiling_rule.text"
        ),
        transparency_cases=tuple(cases),
        gpai_label=text_of(require(gpai, "label", f"{f}: gpai"), f"{f}: gpai.label"),
        gpai_description=text_of(require(gpai, "description", f"{f}: gpai"), f"{f}: gpai.description"),
        obligations=obligations,
    )
    _check_date_references(result)
    return result


def _check_date_references(act: AiActReference) -> None:
    """Every ``applies_from``/``amended_by`` must name an existing date/amendment: fail early if not."""
    date_keys = {d.key for d in act.application_dates}
    amendment_keys = {a.key for a in act.amendments}
    used = [p.applies_from for p in act.all_prohibited_practices] + [act.annex_i_applies_from]
    used += [c.applies_from for c in act.transparency_cases]
    used += [
        o.applies_from
        for by in act.obligations.values()
        for obs in by.values()
        for o in obs
        if o.applies_from
    ]
    used += [d.superseded_by for d in act.application_dates if d.superseded_by]
    for key in used:
        if key not in date_keys:
            raise ReferenceDataError(f"{FILE_NAME}: unknown application date key {key!r}")
    amended = [d.amended_by for d in act.application_dates] + [
        p.amended_by for p in act.all_prohibited_practices
    ]
    for key in amended:
        if key and key not in amendment_keys:
            raise ReferenceDataError(f"{FILE_NAME}: unknown amendment key {key!r}")
