"""What a field of a module is: its kind, labels, constraints and the words clients use for it.

One description serves the whole application: validation, the UI's tables and forms, the importer's
column mapping and the Excel export all read it, so adding a field is a change in one place (plus the
typed model in the workspace layer, checked against this by a test).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property


class FieldKind(StrEnum):
    """How a value is stored, edited and validated."""

    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # paragraphs
    INTEGER = "integer"
    NUMBER = "number"  # float
    SCORE = "score"  # integer 1..5 (levels, likelihood, impact, criteria)
    PERCENT = "percent"  # integer 0..100
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"  # one code of an Enumeration
    REF = "ref"  # id of a row of another module
    REFS = "refs"  # ids of rows of another module, kept in a link table
    COLOR = "color"  # #RRGGBB


@dataclass(frozen=True)
class Field:
    """One field of a module."""

    key: str
    kind: FieldKind
    fr: str
    en: str
    required: bool = False
    choices: str | None = None  # enumeration key for CHOICE
    ref: str | None = None  # module key for REF / REFS
    synonyms: tuple[str, ...] = ()
    computed: bool = False  # derived by domain rules; shown, never edited or imported
    width: int = 18  # a sensible column width in characters (UI, Excel)

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    @property
    def editable(self) -> bool:
        return not self.computed


@dataclass(frozen=True)
class Module:
    """One register of the engagement (risks, use cases, …): the unit of tables, imports and exports."""

    key: str
    fr: str  # plural label: "Risques"
    en: str
    entity_fr: str  # singular noun used in undo texts: "risque"
    entity_en: str
    fields: tuple[Field, ...]
    title_field: str  # the field that names a row for people
    code_field: str | None = None  # a stable human code, preferred in undo texts and matching
    parent: str | None = None  # module whose rows own this one's (kpi_measurements → kpis)
    singleton: bool = False  # exactly one row (the engagement)
    area: str = "engagement"  # navigation group: engagement, diagnosis, systems, strategy, roadmap, …

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def entity(self, lang: str) -> str:
        return self.entity_fr if lang == "fr" else self.entity_en

    @cached_property
    def _by_key(self) -> dict[str, Field]:
        # Validation looks fields up once per cell: a dict keeps 100,000-row imports fast.
        return {f.key: f for f in self.fields}

    def field(self, key: str) -> Field:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"{self.key} has no field {key!r}") from None

    def has_field(self, key: str) -> bool:
        return key in self._by_key

    @cached_property
    def editable_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.computed)

    @cached_property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)
