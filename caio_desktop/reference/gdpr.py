"""GDPR reference items for AI work (lawful bases, DPIA triggers, rights, records), from ``gdpr.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from caio_desktop.reference.loader import (
    Described,
    ReferenceMeta,
    Text,
    read_reference_file,
    require,
    text_of,
)

FILE_NAME = "gdpr.yaml"


@dataclass(frozen=True)
class GdprItem(Described):
    """A keyed GDPR item (lawful basis, DPIA trigger or criterion, right, record field)."""

    key: str
    article: str | None
    name: Text
    summary: Text


@dataclass(frozen=True)
class GdprReference:
    """GDPR items grouped as the compliance checklist and DPIA screening use them."""

    meta: ReferenceMeta
    lawful_bases: tuple[GdprItem, ...]
    dpia_rule: Text
    dpia_authority_lists: Text
    dpia_triggers: tuple[GdprItem, ...]  # Art. 35(3)(a)–(c)
    dpia_criteria: tuple[GdprItem, ...]  # the nine WP248 criteria
    rights: tuple[GdprItem, ...]
    records_exemption: Text
    records_fields: tuple[GdprItem, ...]  # Art. 30(1)(a)–(g)

    def dpia_likely_required(self, criteria_keys: set[str] | frozenset[str]) -> bool:
        """WP248 rule of thumb: two or more criteria met → a DPIA is generally required."""
        known = {c.key for c in self.dpia_criteria}
        unknown = set(criteria_keys) - known
        if unknown:
            raise ValueError(f"unknown DPIA criteria {sorted(unknown)}; expected among {sorted(known)}")
        return len(set(criteria_keys)) >= 2


def _items(raw: Any, where: str) -> tuple[GdprItem, ...]:
    items = []
    for entry in raw:
        key = str(require(entry, "key", where))
        items.append(
            GdprItem(
                key=key,
                article=entry.get("article"),
                name=text_of(require(entry, "label", f"{where} {key}"), f"{where} {key}.label"),
                summary=text_of(
                    require(entry, "description", f"{where} {key}"), f"{where} {key}.description"
                ),
            )
        )
    return tuple(items)


@cache
def load_gdpr() -> GdprReference:
    """Load and validate the GDPR reference items (cached)."""
    ref = read_reference_file(FILE_NAME)
    f, data = FILE_NAME, ref.data
    dpia = require(data, "dpia", f)
    records = require(data, "records_of_processing", f)
    return GdprReference(
        meta=ref.meta,
        lawful_bases=_items(require(data, "lawful_bases", f), f"{f}: lawful basis"),
        dpia_rule=text_of(require(dpia, "rule", f"{f}: dpia"), f"{f}: dpia.rule"),
        dpia_authority_lists=text_of(
            require(dpia, "authority_lists", f"{f}: dpia"), f"{f}: dpia.authority_lists"
        ),
        dpia_triggers=_items(require(dpia, "art35_3", f"{f}: dpia"), f"{f}: dpia trigger"),
        dpia_criteria=_items(require(dpia, "criteria", f"{f}: dpia"), f"{f}: dpia criterion"),
        rights=_items(require(data, "rights", f), f"{f}: right"),
        records_exemption=text_of(require(records, "exemption", f"{f}: records"), f"{f}: records.exemption"),
        records_fields=_items(require(records, "fields", f"{f}: records"), f"{f}: record field"),
    )
