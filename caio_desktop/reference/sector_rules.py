"""Sector rules beside the AI Act (DORA, NIS2, the MDR and Machinery routes, GDPR Art. 22, the CNIL's AI
themes, the GPAI code of practice), loaded from ``sector_rules.yaml``.

Each checklist says when it applies (``when``: the engagement's sector group and/or facts of a system) and
lists items with an article and a bilingual text; an item may narrow ``when`` further. The compliance
generator (``operations.compliance``) asks ``applies(...)`` and adds the items as register rows.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
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

FILE_NAME = "sector_rules.yaml"

#: The facts a checklist or item may test; the generator supplies each as a bool ("sector" aside).
CONDITIONS = frozenset({"sector", "annex_i_product", "personal_data", "decides_about_people", "provider",
                        "gpai_provider", "gpai_systemic_risk"})


def normalise(text: str) -> str:
    """Lower-case, accent-free text: how sectors and keywords are compared ("Santé" → "sante")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class SectorGroup:
    """Words that recognise a family of sectors in the engagement's free-text sector."""

    key: str
    label: Text
    keywords: tuple[str, ...]
    unless: str | None = None


@dataclass(frozen=True)
class SectorItem:
    """One item of a sector checklist."""

    key: str
    article: Text  # most are the same in both languages; CNIL themes and code chapters are not
    text: Text
    condition: Text | None
    when: dict[str, Any]
    verification: Verification


@dataclass(frozen=True)
class SectorChecklist:
    """A checklist of one act or guidance, with the facts that call for it."""

    key: str
    framework: str  # a code of the "framework" enumeration
    act: str
    label: Text
    summary: Text
    when: dict[str, Any]
    applies_from: dt.date | None
    items: tuple[SectorItem, ...]
    verification: Verification


@dataclass(frozen=True)
class SectorRules:
    """Everything ``sector_rules.yaml`` holds."""

    meta: ReferenceMeta
    groups: dict[str, SectorGroup]
    checklists: tuple[SectorChecklist, ...]

    def sector_groups(self, sector: str | None) -> set[str]:
        """The groups the engagement's sector belongs to ("Banque de détail" → {"financial"})."""
        text = normalise(sector or "")
        if not text.strip():
            return set()
        # A keyword matches at the start of a word: "eau" is water, not the end of "bureau".
        found = {g.key for g in self.groups.values()
                 if any(re.search(rf"(?<![\w]){re.escape(normalise(k))}", text) for k in g.keywords)}
        # "Assurance santé" is an insurer: a group's `unless` wins over it.
        return {key for key in found if self.groups[key].unless not in found}

    def checklist(self, key: str) -> SectorChecklist:
        """Checklist by key (KeyError if unknown)."""
        for checklist in self.checklists:
            if checklist.key == key:
                return checklist
        raise KeyError(f"unknown sector checklist {key!r}")


def applies(when: dict[str, Any], groups: set[str], facts: dict[str, bool]) -> bool:
    """Whether every condition of ``when`` holds for these sector groups and facts."""
    for condition, wanted in when.items():
        if condition == "sector":
            if wanted not in groups:
                return False
        elif bool(facts.get(condition)) != bool(wanted):
            return False
    return True


def _article(raw: Any, where: str) -> Text:
    if isinstance(raw, dict):
        return text_of(raw, f"{where}.article")
    return Text(fr=str(raw), en=str(raw))


def _when(raw: Any, where: str, groups: dict[str, SectorGroup]) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or set(raw) - CONDITIONS:
        raise ReferenceDataError(f"{where}: 'when' must use only {sorted(CONDITIONS)}")
    if "sector" in raw and raw["sector"] not in groups:
        raise ReferenceDataError(f"{where}: unknown sector group {raw['sector']!r}")
    return dict(raw)


@cache
def load_sector_rules() -> SectorRules:
    """Load and validate the sector rules (cached). Framework codes are checked against the domain's
    enumeration by the tests: this layer imports nothing of ours."""
    ref = read_reference_file(FILE_NAME)
    f, data, file_status = FILE_NAME, ref.data, ref.meta.verification
    groups = {}
    for key, raw in require(data, "sector_groups", f).items():
        where = f"{f}: sector group {key}"
        keywords = require(raw, "keywords", where)
        if not isinstance(keywords, list) or not keywords:
            raise ReferenceDataError(f"{where}: 'keywords' must be a non-empty list")
        groups[key] = SectorGroup(key=key, label=text_of(require(raw, "label", where), f"{where}.label"),
                                  keywords=tuple(str(k) for k in keywords), unless=raw.get("unless"))
    checklists = []
    for raw in require(data, "checklists", f):
        key = str(require(raw, "key", f"{f}: checklist"))
        where = f"{f}: checklist {key}"
        framework = str(require(raw, "framework", where))
        status = entry_verification(raw, where, file_status)
        applies_from = raw.get("applies_from")
        items = []
        for item in require(raw, "items", where):
            item_key = str(require(item, "key", where))
            item_where = f"{where} item {item_key}"
            items.append(SectorItem(
                key=item_key,
                article=_article(require(item, "article", item_where), item_where),
                text=text_of(require(item, "text", item_where), f"{item_where}.text"),
                condition=optional_text(item, "condition", item_where),
                when=_when(item.get("when"), item_where, groups),
                verification=entry_verification(item, item_where, status),
            ))
        checklists.append(SectorChecklist(
            key=key, framework=framework, act=str(require(raw, "act", where)),
            label=text_of(require(raw, "label", where), f"{where}.label"),
            summary=text_of(require(raw, "summary", where), f"{where}.summary"),
            when=_when(raw.get("when"), where, groups),
            applies_from=dt.date.fromisoformat(str(applies_from)) if applies_from else None,
            items=tuple(items), verification=status,
        ))
    return SectorRules(meta=ref.meta, groups=groups, checklists=tuple(checklists))
