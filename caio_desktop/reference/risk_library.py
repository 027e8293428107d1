"""Library of common AI risks with suggested treatments and framework mappings (``risk_library.yaml``).

Used by the "add from risk library" operation. Mappings hold ids from the other reference files
(AI Act article references, ISO/IEC 42001 Annex A control ids, NIST AI RMF subcategory ids).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from caio_desktop.reference.loader import (
    Described,
    ReferenceDataError,
    ReferenceMeta,
    Text,
    read_reference_file,
    require,
    text_of,
    texts_of,
)

FILE_NAME = "risk_library.yaml"
CATEGORIES: tuple[str, ...] = (
    "ai_ethics",
    "cybersecurity",
    "privacy_gdpr",
    "ai_act",
    "operational",
    "legal",
    "reputational",
    "vendor",
    "other",
)
TREATMENTS: tuple[str, ...] = ("mitigate", "accept", "avoid", "transfer")


@dataclass(frozen=True)
class LibraryRisk(Described):
    """One risk template: what it is, why it happens, what it costs, and what to do about it."""

    key: str
    category: str
    name: Text
    summary: Text
    causes: tuple[Text, ...]
    consequences: tuple[Text, ...]
    treatment: str
    actions: tuple[Text, ...]
    likelihood: int
    impact: int
    ai_act_articles: tuple[str, ...]
    iso42001_controls: tuple[str, ...]
    nist_subcategories: tuple[str, ...]
    mit_domain: int | None = None

    def title(self, lang: str) -> str:
        """Short title in ``lang``."""
        return self.name.get(lang)


@dataclass(frozen=True)
class RiskLibrary:
    """All library risks plus the labels of categories, treatments and MIT domains."""

    meta: ReferenceMeta
    risks: tuple[LibraryRisk, ...]
    category_labels: dict[str, Text]
    treatment_labels: dict[str, Text]
    mit_domain_labels: dict[int, Text]

    def risk(self, key: str) -> LibraryRisk:
        """Risk by key (KeyError if unknown)."""
        for risk in self.risks:
            if risk.key == key:
                return risk
        raise KeyError(f"unknown library risk {key!r}")

    def by_category(self, category: str) -> tuple[LibraryRisk, ...]:
        """Risks of one category, in file order."""
        return tuple(r for r in self.risks if r.category == category)

    def category_label(self, category: str, lang: str) -> str:
        """Display name of a category in ``lang``."""
        return self.category_labels[category].get(lang)

    def treatment_label(self, treatment: str, lang: str) -> str:
        """Display name of a treatment in ``lang``."""
        return self.treatment_labels[treatment].get(lang)


def _ids(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReferenceDataError(f"{where}: '{key}' must be a list of ids")
    return tuple(value)


def _scale(raw: dict[str, Any], key: str, where: str) -> int:
    value = require(raw, key, where)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ReferenceDataError(f"{where}: '{key}' must be an integer from 1 to 5, got {value!r}")
    return value


@cache
def load_risk_library() -> RiskLibrary:
    """Load and validate the risk library (cached)."""
    ref = read_reference_file(FILE_NAME)
    f, data = FILE_NAME, ref.data

    def labels(name: str, expected: tuple[Any, ...]) -> dict[Any, Text]:
        raw = require(data, name, f)
        if not isinstance(raw, dict) or set(raw) != set(expected):
            raise ReferenceDataError(f"{f}: '{name}' must define exactly {list(expected)}")
        return {key: text_of(raw[key], f"{f}: {name}.{key}") for key in expected}

    mit = labels("mit_domains", tuple(range(1, 8)))
    risks = []
    seen: set[str] = set()
    for raw in require(data, "risks", f):
        key = str(require(raw, "key", f"{f}: risk"))
        where = f"{f}: risk {key}"
        if key in seen:
            raise ReferenceDataError(f"{where}: duplicate key")
        seen.add(key)
        category = str(require(raw, "category", where))
        if category not in CATEGORIES:
            raise ReferenceDataError(f"{where}: category {category!r} not in {list(CATEGORIES)}")
        treatment = str(require(raw, "treatment", where))
        if treatment not in TREATMENTS:
            raise ReferenceDataError(f"{where}: treatment {treatment!r} not in {list(TREATMENTS)}")
        mit_domain = raw.get("mit_domain")
        if mit_domain is not None and mit_domain not in mit:
            raise ReferenceDataError(f"{where}: mit_domain {mit_domain!r} not in 1..7")
        risks.append(
            LibraryRisk(
                key=key,
                category=category,
                name=text_of(require(raw, "title", where), f"{where}.title"),
                summary=text_of(require(raw, "description", where), f"{where}.description"),
                causes=texts_of(require(raw, "causes", where), f"{where}.causes"),
                consequences=texts_of(require(raw, "consequences", where), f"{where}.consequences"),
                treatment=treatment,
                actions=texts_of(require(raw, "actions", where), f"{where}.actions"),
                likelihood=_scale(raw, "likelihood", where),
                impact=_scale(raw, "impact", where),
                ai_act_articles=_ids(raw, "ai_act", where),
                iso42001_controls=_ids(raw, "iso42001", where),
                nist_subcategories=_ids(raw, "nist", where),
                mit_domain=mit_domain,
            )
        )
    return RiskLibrary(
        meta=ref.meta,
        risks=tuple(risks),
        category_labels=labels("categories", CATEGORIES),
        treatment_labels=labels("treatments", TREATMENTS),
        mit_domain_labels=mit,
    )
