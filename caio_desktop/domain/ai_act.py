"""EU AI Act classification of an AI system: tier, deciding articles and obligations for a role.

Plain Python over the reference data of ``caio_desktop.reference.ai_act`` (no Qt, no SQLAlchemy), so the
same rules serve the in-app questionnaire, the ``caio classify`` command and the compliance checklist.

The rules, in the order the Regulation applies them:

1. an Art. 5 practice makes the system prohibited, whatever else is true;
2. an Annex I product (Art. 6(1)) is high-risk;
3. an Annex III use (Art. 6(2)) is high-risk unless an Art. 6(3) derogation is claimed and the system
   does no profiling of natural persons (profiling keeps it high-risk: Art. 6(3), last subparagraph);
   a derogation claimed without an Annex III area is ignored, with a note;
4. an Art. 50 case makes a system that is not high-risk "limited" (a high-risk system with an Art. 50
   case gets both sets of obligations);
5. otherwise the system is minimal risk.

A general-purpose AI model (``gpai``) does not change the tier of the system; it adds the Chapter V
obligations when the role is provider. Every system gets the Art. 4 AI-literacy obligation.

Dates follow the calendar as amended (the Digital Omnibus on AI, its citation still unverified): every
obligation and the prohibition carry the date they apply from, and ``classify(facts, as_of=…)`` says which
already apply on a given day (today, or the engagement's date). Every obligation carries the verification
status of what it cites, so that the app and deliverables can mark what is still to be confirmed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from caio_desktop.reference.ai_act import ROLES, AiActReference, ObligationSpec, load_ai_act
from caio_desktop.reference.loader import Text
from caio_desktop.reference.verification import Verification

FACT_KEYS: tuple[str, ...] = (
    "role",
    "prohibited_practice",
    "annex_i_product",
    "annex_iii_area",
    "annex_iii_point",
    "art6_3_derogation",
    "profiling",
    "art50_cases",
    "gpai",
    "gpai_systemic_risk",
    "already_on_market",
)


_BOOLEAN_FACTS = ("annex_i_product", "profiling", "gpai", "gpai_systemic_risk", "already_on_market")


def _fail(key: str, value: Any, expected: str) -> ValueError:
    return ValueError(f"invalid AI Act fact {key!r}: {value!r} (expected {expected})")


def _normalise_case(value: Any) -> str:
    # Accept "50(1)", "Art. 50(1)" and "art. 50(1)" alike: the questionnaire and hand-written JSON differ.
    text = str(value).strip()
    if text.lower().startswith("art."):
        text = text[4:].strip()
    return text.replace(" ", "")


@dataclass(frozen=True)
class SystemFacts:
    """What is known about one AI system, as the AI Act classification needs it.

    Construct directly or with ``from_dict``; both validate and raise ``ValueError`` naming the key and
    the offending value. ``gpai_systemic_risk`` is an optional extra (Art. 51) that adds Art. 55;
    ``already_on_market`` (placed on the market before 2 August 2026) moves the Art. 50(2) marking duty
    to its grace-period date. ``prohibited_practice`` is a point letter ("a"…"h") or the name of a point
    the Omnibus added ("non_consensual_intimate_content", "csam"); letters earlier files used for those
    ("ba", "bb") are read as the names.
    """

    role: str
    prohibited_practice: str | None = None
    annex_i_product: bool = False
    annex_iii_area: int | None = None
    annex_iii_point: str | None = None
    art6_3_derogation: str | None = None
    profiling: bool = False
    art50_cases: tuple[str, ...] = ()
    gpai: bool = False
    gpai_systemic_risk: bool = False
    already_on_market: bool = False

    def __post_init__(self) -> None:
        act = load_ai_act()
        if self.role not in ROLES:
            raise _fail("role", self.role, " | ".join(ROLES))
        for key in _BOOLEAN_FACTS:
            if not isinstance(getattr(self, key), bool):
                raise _fail(key, getattr(self, key), "true or false")
        practices = [p.key for p in act.all_prohibited_practices]
        if self.prohibited_practice is not None:
            try:
                # Normalise an alias to the point's key so equal facts compare (and store) equal.
                object.__setattr__(self, "prohibited_practice", act.practice(self.prohibited_practice).key)
            except KeyError:
                raise _fail("prohibited_practice", self.prohibited_practice,
                            f"null or one of {practices}") from None
        area = self.annex_iii_area
        if area is not None and (isinstance(area, bool) or not isinstance(area, int) or not 1 <= area <= 8):
            raise _fail("annex_iii_area", area, "null or an integer from 1 to 8")
        if self.annex_iii_point is not None:
            if area is None:
                raise _fail("annex_iii_point", self.annex_iii_point, "null when annex_iii_area is null")
            points = [p.key for p in act.area(area).points]
            if self.annex_iii_point not in points:
                raise _fail("annex_iii_point", self.annex_iii_point, f"one of {points} for area {area}")
        derogations = [d.key for d in act.derogations]
        if self.art6_3_derogation is not None and self.art6_3_derogation not in derogations:
            raise _fail("art6_3_derogation", self.art6_3_derogation, f"null or one of {derogations}")
        if isinstance(self.art50_cases, (str, bytes)) or not isinstance(self.art50_cases, (list, tuple)):
            raise _fail("art50_cases", self.art50_cases, 'a list such as ["50(1)"]')
        known = [c.key for c in act.transparency_cases]
        cases = []
        for value in self.art50_cases:
            case = _normalise_case(value)
            if case not in known:
                raise _fail("art50_cases", value, f"items among {known}")
            if case not in cases:
                cases.append(case)
        # Frozen dataclass: normalise through object.__setattr__ so equal facts compare equal.
        object.__setattr__(self, "art50_cases", tuple(sorted(cases, key=known.index)))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SystemFacts:
        """Build facts from a JSON-like mapping (the ``caio classify --facts`` file format)."""
        if not isinstance(data, dict):
            raise ValueError(f"AI Act facts must be a JSON object, got {type(data).__name__}")
        unknown = sorted(set(data) - set(FACT_KEYS))
        if unknown:
            raise ValueError(f"unknown AI Act fact key(s) {unknown}; expected keys are {list(FACT_KEYS)}")
        if "role" not in data:
            raise ValueError("missing AI Act fact 'role' (provider | deployer | importer | distributor)")
        kwargs = dict(data)
        for key in ("prohibited_practice", "annex_iii_point", "art6_3_derogation"):
            value = kwargs.get(key)
            if value is not None and not isinstance(value, str):
                raise _fail(key, value, "null or a string")
            if isinstance(value, str):
                # Blank means "none" in forms and spreadsheets; letters are case-insensitive.
                kwargs[key] = value.strip().lower() or None
        area = kwargs.get("annex_iii_area")
        if isinstance(area, str) and area.strip().isdigit():
            kwargs["annex_iii_area"] = int(area.strip())
        for key in _BOOLEAN_FACTS:
            if kwargs.get(key) is None:
                kwargs.pop(key, None)
        if kwargs.get("art50_cases") is None:
            kwargs.pop("art50_cases", None)
        elif isinstance(kwargs["art50_cases"], list):
            kwargs["art50_cases"] = tuple(kwargs["art50_cases"])
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able mapping that ``from_dict`` reads back to equal facts."""
        return {
            key: list(self.art50_cases) if key == "art50_cases" else getattr(self, key) for key in FACT_KEYS
        }


@dataclass(frozen=True)
class Obligation:
    """One obligation that follows from the classification, for the facts' role."""

    key: str
    article: str
    text: Text
    situation: str  # all_systems | prohibited | high_risk | derogation | transparency | gpai
    condition: Text | None = None
    applies_from: dt.date | None = None
    binding: bool = True
    verification: Verification | None = None  # of what the obligation cites (article, date)

    @property
    def unverified(self) -> bool:
        """True when the article or date cited rests on secondary sources only."""
        return self.verification is not None and self.verification.unverified

    def in_effect(self, on: dt.date) -> bool:
        """Whether the obligation already applies on ``on`` (no date: it does)."""
        return self.applies_from is None or self.applies_from <= on

    def to_dict(self, as_of: dt.date | None = None) -> dict[str, Any]:
        """JSON-able form, texts in both languages; ``in_effect`` when ``as_of`` is given."""
        data = {
            "key": self.key,
            "article": self.article,
            "situation": self.situation,
            "text": {"fr": self.text.fr, "en": self.text.en},
            "condition": {"fr": self.condition.fr, "en": self.condition.en} if self.condition else None,
            "applies_from": self.applies_from.isoformat() if self.applies_from else None,
            "binding": self.binding,
            "verification": _verification_dict(self.verification),
        }
        if as_of is not None:
            data["in_effect"] = self.in_effect(as_of)
        return data


def _verification_dict(verification: Verification | None) -> dict[str, Any] | None:
    if verification is None:
        return None
    return {"status": verification.status, "sources": verification.sources,
            "note": {"fr": verification.note.fr, "en": verification.note.en} if verification.note else None}


@dataclass(frozen=True)
class Prohibition:
    """The Art. 5 practice that makes a system prohibited, with the date the prohibition applies from."""

    key: str
    article: str
    label: Text
    applies_from: dt.date
    verification: Verification | None = None

    def to_dict(self, as_of: dt.date | None = None) -> dict[str, Any]:
        """JSON-able form (the ``prohibition`` of ``caio classify``)."""
        data = {"key": self.key, "article": self.article,
                "label": {"fr": self.label.fr, "en": self.label.en},
                "applies_from": self.applies_from.isoformat(),
                "verification": _verification_dict(self.verification)}
        if as_of is not None:
            data["in_effect"] = self.applies_from <= as_of
        return data


@dataclass(frozen=True)
class Classification:
    """The result of ``classify``: tier, deciding articles, obligations and a bilingual rationale."""

    facts: SystemFacts
    tier: str
    articles: list[str]
    obligations: list[Obligation]
    reasons: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    reference_version: str = ""
    as_of: dt.date | None = None  # the day "already applies" is judged on
    prohibition: Prohibition | None = None

    def tier_label(self, lang: str) -> str:
        """Display name of the tier in ``lang``."""
        return load_ai_act().tiers[self.tier].get(lang)

    def rationale(self, lang: str) -> str:
        """Human-readable explanation: the reasons, then any notes, one per line."""
        lines = [reason.get(lang) for reason in self.reasons]
        lines += [
            ("Remarque : " if lang.startswith("fr") else "Note: ") + note.get(lang) for note in self.notes
        ]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able result (the ``caio classify`` output)."""
        return {
            "tier": self.tier,
            "tier_label": {"fr": self.tier_label("fr"), "en": self.tier_label("en")},
            "articles": list(self.articles),
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "prohibition": self.prohibition.to_dict(self.as_of) if self.prohibition else None,
            "obligations": [o.to_dict(self.as_of) for o in self.obligations],
            "rationale": {"fr": self.rationale("fr"), "en": self.rationale("en")},
            "notes": [{"fr": n.fr, "en": n.en} for n in self.notes],
            "facts": self.facts.to_dict(),
            "reference": {"id": "eu_ai_act", "version": self.reference_version},
        }


class _Builder:
    """Collects articles, obligations, reasons and notes while the rules run (keeps classify readable)."""

    def __init__(self, act: AiActReference, facts: SystemFacts, as_of: dt.date) -> None:
        self.act = act
        self.facts = facts
        self.as_of = as_of
        self.prohibition: Prohibition | None = None
        self.articles: list[str] = []
        self.obligations: list[Obligation] = []
        self.reasons: list[Text] = []
        self.notes: list[Text] = []

    def article(self, ref: str) -> None:
        if ref not in self.articles:
            self.articles.append(ref)

    def reason(self, fr: str, en: str) -> None:
        self.reasons.append(Text(fr=fr, en=en))

    def note(self, fr: str, en: str) -> None:
        self.notes.append(Text(fr=fr, en=en))

    def add(self, specs: tuple[ObligationSpec, ...], situation: str, default_date: str | None = None) -> None:
        seen = {(o.situation, o.key) for o in self.obligations}
        for spec in specs:
            if (situation, spec.key) in seen:
                continue
            date_key = spec.applies_from or default_date
            self.obligations.append(
                Obligation(
                    key=spec.key,
                    article=spec.article,
                    text=spec.text,
                    situation=situation,
                    condition=spec.condition,
                    applies_from=self.act.date(date_key).date if date_key else None,
                    binding=spec.binding,
                    verification=self.act.citation_status(spec.verification, date_key),
                )
            )


def _fr(ref: str) -> str:
    """French form of an article reference ("Art. 6(2)" → "art. 6(2)", "Annex III" → "annexe III")."""
    return ref.replace("Art.", "art.").replace("Annex III", "annexe III")


def _annex_iii_ref(act: AiActReference, facts: SystemFacts) -> tuple[str, Text]:
    area = act.area(facts.annex_iii_area)  # type: ignore[arg-type]
    point = facts.annex_iii_point
    if point and point != str(area.number):
        label = area.point(point).label
        return f"Annex III, point {area.number}({point})", Text(
            fr=f"{area.label.fr} — {label.fr}", en=f"{area.label.en} — {label.en}"
        )
    return f"Annex III, point {area.number}", area.label


def classify(facts: SystemFacts, act: AiActReference | None = None, *,
             as_of: dt.date | None = None) -> Classification:
    """Classify an AI system under the AI Act from ``facts`` (reference data loaded if not given).

    ``as_of`` (default: today) is the day on which "already applies" is judged: the engagement's date
    for a deliverable, today in the questionnaire. It changes notes and ``in_effect``, never the tier.
    """
    act = act or load_ai_act()
    b = _Builder(act, facts, as_of or dt.date.today())
    role = facts.role
    role_label = act.roles[role]
    tier = _decide(b)
    if tier != "prohibited":
        _add_transparency(b, high=tier == "high")
        _add_gpai(b)
    b.add(act.obligations_for("all_systems", role), "all_systems")
    b.reason(
        f"Rôle retenu : {role_label.fr.lower()}. Niveau : {act.tiers[tier].fr}.",
        f"Role: {role_label.en.lower()}. Tier: {act.tiers[tier].en}.",
    )
    # The tier line reads best first.
    b.reasons.insert(0, b.reasons.pop())
    return Classification(
        facts=facts,
        tier=tier,
        articles=b.articles,
        obligations=b.obligations,
        reasons=b.reasons,
        notes=b.notes,
        reference_version=act.meta.version,
        as_of=b.as_of,
        prohibition=b.prohibition,
    )


def _decide(b: _Builder) -> str:
    """Apply rules 1–5 and add the tier's own obligations; return the tier."""
    act, facts, role = b.act, b.facts, b.facts.role
    if facts.prohibited_practice:
        practice = act.practice(facts.prohibited_practice)
        b.article(practice.article)
        b.reason(
            f"Pratique interdite ({_fr(practice.article)}) : {practice.label.fr}.",
            f"Prohibited practice ({practice.article}): {practice.label.en}.",
        )
        applies = act.date(practice.applies_from)
        b.prohibition = Prohibition(
            key=practice.key, article=practice.article, label=practice.label, applies_from=applies.date,
            verification=act.citation_status(practice.verification, practice.applies_from),
        )
        if applies.date > b.as_of:
            b.note(
                f"Cette interdiction s'applique à compter du {applies.date.isoformat()}.",
                f"This prohibition applies from {applies.date.isoformat()}.",
            )
        if b.prohibition.verification is not None and b.prohibition.verification.unverified \
                and practice.amended_by:
            b.note(
                "Interdiction ajoutée par l'Omnibus numérique sur l'IA : point de l'article 5(1) et "
                "référence du règlement modificatif à confirmer au Journal officiel.",
                "Prohibition added by the Digital Omnibus on AI: its Art. 5(1) point and the amending "
                "regulation's reference are to be confirmed against the Official Journal.",
            )
        b.note(
            "Les autres faits sont sans effet : un système interdit ne peut pas être mis en conformité.",
            "Other facts have no effect: a prohibited system cannot be made compliant.",
        )
        b.add(act.obligations_for("prohibited", role), "prohibited", practice.applies_from)
        return "prohibited"

    high_annex_i = facts.annex_i_product
    high_annex_iii = False
    if facts.annex_i_product:
        b.article(act.annex_i_article)
        b.reason(
            f"Haut risque par la voie produit ({_fr(act.annex_i_article)}) : {act.annex_i_label.fr.lower()}.",
            f"High-risk through the product route ({act.annex_i_article}): {act.annex_i_label.en.lower()}.",
        )
    if facts.annex_iii_area is not None:
        ref, label = _annex_iii_ref(act, facts)
        if facts.art6_3_derogation and not facts.profiling:
            derogation = act.derogation(facts.art6_3_derogation)
            b.article(derogation.article)
            b.reason(
                f"Cas d'usage de l'{_fr(ref)} ({label.fr}), "
                f"mais dérogation revendiquée ({_fr(derogation.article)}) : {derogation.label.fr.lower()} ; "
                "pas de haut risque au titre de l'annexe III, sous réserve de documenter l'évaluation.",
                f"{ref} use case ({label.en}), but a derogation is claimed ({derogation.article}): "
                f"{derogation.label.en.lower()}; not high-risk under Annex III, provided the assessment "
                "is documented.",
            )
            b.note(
                "La dérogation suppose que le système ne présente pas de risque important de préjudice et "
                "n'influence pas substantiellement la décision ; l'autorité peut la contester.",
                "The derogation requires that the system poses no significant risk of harm and does not "
                "materially influence decisions; the authority may challenge it.",
            )
            b.add(act.obligations_for("derogation", role), "derogation", "high_risk_annex_iii")
        else:
            high_annex_iii = True
            b.article("Art. 6(2)")
            b.article(ref)
            b.reason(
                f"Haut risque (art. 6(2)) : cas d'usage de l'{_fr(ref)} — {label.fr}.",
                f"High-risk (Art. 6(2)): {ref} use case — {label.en}.",
            )
            if facts.art6_3_derogation:
                b.article(act.profiling_rule_article)
                b.reason(
                    f"La dérogation {facts.art6_3_derogation}) de l'art. 6(3) ne s'applique pas : "
                    + act.profiling_rule.fr[0].lower()
                    + act.profiling_rule.fr[1:],
                    f"The Art. 6(3) derogation ({facts.art6_3_derogation}) does not apply: "
                    + act.profiling_rule.en[0].lower()
                    + act.profiling_rule.en[1:],
                )
    elif facts.art6_3_derogation:
        b.note(
            "Dérogation de l'art. 6(3) ignorée : elle ne concerne que les systèmes de l'annexe III.",
            "Art. 6(3) derogation ignored: it only concerns Annex III systems.",
        )

    if high_annex_i or high_annex_iii:
        _add_high_risk(b, annex_iii=high_annex_iii)
        return "high"
    if facts.art50_cases:
        return "limited"
    b.reason(
        "Aucune pratique interdite, aucun cas de haut risque ni de transparence : risque minimal.",
        "No prohibited practice, no high-risk or transparency case: minimal risk.",
    )
    return "minimal"


def _add_high_risk(b: _Builder, *, annex_iii: bool) -> None:
    act, facts, role = b.act, b.facts, b.facts.role
    # When both routes apply, the earlier (Annex III) date governs; say so rather than pick silently.
    date_key = "high_risk_annex_iii" if annex_iii else "high_risk_annex_i"
    if annex_iii and facts.annex_i_product:
        b.note(
            "Les voies annexe I et annexe III s'appliquent ; la date la plus proche (annexe III) est retenue.",
            "Both the Annex I and Annex III routes apply; the earlier (Annex III) date is used.",
        )
    b.reason(
        f"Obligations du chapitre III applicables à compter du {act.date(date_key).date.isoformat()} "
        f"({act.date(date_key).label.fr[0].lower()}{act.date(date_key).label.fr[1:]}).",
        f"Chapter III obligations apply from {act.date(date_key).date.isoformat()} "
        f"({act.date(date_key).legal_basis}).",
    )
    specs = act.obligations_for("high_risk", role)
    if role == "deployer":
        if not annex_iii:
            # Art. 26(11), Art. 86 and Art. 49(3) concern Annex III systems only.
            specs = tuple(s for s in specs if s.key not in {"hr_inform_persons", "hr_explanation"})
        b.add(specs, "high_risk", date_key)
        if annex_iii:
            b.add(act.obligations_for("high_risk", "deployer_public_registration"), "high_risk", date_key)
        _add_fria(b, annex_iii=annex_iii, date_key=date_key)
    else:
        b.add(specs, "high_risk", date_key)
    if role != "provider":
        b.add(act.obligations_for("high_risk", "value_chain"), "high_risk", date_key)


def _add_fria(b: _Builder, *, annex_iii: bool, date_key: str) -> None:
    """Art. 27: FRIA for Annex III deployers it names (never for area 2, critical infrastructure)."""
    act, facts = b.act, b.facts
    if not annex_iii or facts.annex_iii_area == 2:
        return
    b.article("Art. 27")
    if facts.annex_iii_area == 5 and facts.annex_iii_point in {"b", "c"}:
        b.add(act.obligations_for("high_risk", "deployer_fria_mandatory"), "high_risk", date_key)
        b.reason(
            "Analyse d'impact sur les droits fondamentaux obligatoire (art. 27, annexe III point 5(b) ou 5(c)).",
            "Fundamental rights impact assessment required (Art. 27, Annex III point 5(b) or 5(c)).",
        )
    else:
        b.add(act.obligations_for("high_risk", "deployer_fria_conditional"), "high_risk", date_key)


def _add_transparency(b: _Builder, *, high: bool) -> None:
    act, facts, role = b.act, b.facts, b.facts.role
    for key in facts.art50_cases:
        case = act.transparency_case(key)
        b.article(case.article)
        if high:
            b.reason(
                f"Obligation de transparence cumulée ({_fr(case.article)}) : {case.label.fr.lower()}.",
                f"Transparency obligation also applies ({case.article}): {case.label.en.lower()}.",
            )
        else:
            b.reason(
                f"Risque limité : obligation de transparence ({_fr(case.article)}) — {case.label.fr.lower()}.",
                f"Limited risk: transparency obligation ({case.article}) — {case.label.en.lower()}.",
            )
        bound = case.obligated_role == role
        applies_from = case.applies_from
        if key == "50(2)" and facts.already_on_market:
            # The Omnibus's grace period: generative systems already on the market mark their outputs later.
            applies_from = "art50_2_legacy_systems"
            b.note(
                f"Système déjà sur le marché avant le 2 août 2026 : marquage de l'art. 50(2) exigé à compter "
                f"du {act.date(applies_from).date.isoformat()}.",
                f"System already on the market before 2 August 2026: Art. 50(2) marking required from "
                f"{act.date(applies_from).date.isoformat()}.",
            )
        spec = ObligationSpec(
            key=f"transparency_{key.replace('(', '_').replace(')', '')}",
            article=case.article,
            text=case.obligation if bound else case.check,
            applies_from=applies_from,
            binding=bound,
            verification=case.verification,
        )
        b.add((spec,), "transparency")
        if not bound:
            obligated = act.roles[case.obligated_role]
            b.note(
                f"L'obligation de l'{_fr(case.article)} pèse sur le "
                f"{obligated.fr.lower()} ; une vérification vous est proposée.",
                f"The {case.article} obligation lies with the {obligated.en.lower()}; a check is listed for you.",
            )


def _add_gpai(b: _Builder) -> None:
    act, facts, role = b.act, b.facts, b.facts.role
    if not facts.gpai:
        if facts.gpai_systemic_risk:
            b.note(
                "« Risque systémique » ignoré : il ne concerne que les modèles d'IA à usage général.",
                "'Systemic risk' ignored: it only concerns general-purpose AI models.",
            )
        return
    if role == "provider":
        b.article("Art. 53")
        b.reason(
            "Fournisseur d'un modèle d'IA à usage général : obligations du chapitre V (art. 53), "
            "applicables depuis le 2025-08-02.",
            "Provider of a general-purpose AI model: Chapter V obligations (Art. 53), applicable since "
            "2025-08-02.",
        )
        b.add(act.obligations_for("gpai_provider", "provider"), "gpai")
        if facts.gpai_systemic_risk:
            b.article("Art. 55")
            b.reason(
                "Modèle présentant un risque systémique (art. 51) : obligations supplémentaires de l'art. 55.",
                "Model with systemic risk (Art. 51): additional Art. 55 obligations.",
            )
            b.add(act.obligations_for("gpai_systemic_risk_provider", "provider"), "gpai")
    else:
        b.note(
            "Le système repose sur un modèle d'IA à usage général : les obligations du chapitre V pèsent "
            "sur le fournisseur du modèle ; demandez-lui la documentation de l'art. 53(1)(b).",
            "The system relies on a general-purpose AI model: Chapter V obligations lie with the model "
            "provider; ask it for the Art. 53(1)(b) documentation.",
        )
