"""ISO/IEC 42001:2023 clause and Annex A control headings, loaded from ``iso42001.yaml``.

Only headings and CAIO Desktop paraphrases: the standard is paid and its text is not reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from caio_desktop.reference.loader import (
    Described,
    ReferenceMeta,
    Text,
    read_reference_file,
    require,
    text_of,
)

FILE_NAME = "iso42001.yaml"


@dataclass(frozen=True)
class Subclause:
    """A numbered subclause heading such as 6.1.2 AI risk assessment."""

    id: str
    name: Text

    def label(self, lang: str) -> str:
        """Heading in ``lang``."""
        return self.name.get(lang)


@dataclass(frozen=True)
class Clause(Described):
    """A management-system clause (4 to 10)."""

    id: str
    name: Text
    summary: Text
    subclauses: tuple[Subclause, ...]


@dataclass(frozen=True)
class Control(Described):
    """An Annex A control, e.g. A.7.4 Quality of data for AI systems."""

    id: str
    objective_id: str
    name: Text
    summary: Text


@dataclass(frozen=True)
class ControlObjective:
    """An Annex A control objective group (A.2 to A.10)."""

    id: str
    name: Text
    objective: Text
    controls: tuple[Control, ...]

    def label(self, lang: str) -> str:
        """Heading in ``lang``."""
        return self.name.get(lang)

    def description(self, lang: str) -> str:
        """Paraphrased objective in ``lang``."""
        return self.objective.get(lang)


@dataclass(frozen=True)
class Iso42001:
    """Clauses 4–10 and Annex A."""

    meta: ReferenceMeta
    clauses: tuple[Clause, ...]
    objectives: tuple[ControlObjective, ...]

    @property
    def controls(self) -> tuple[Control, ...]:
        """All Annex A controls in order."""
        return tuple(c for o in self.objectives for c in o.controls)

    def control(self, control_id: str) -> Control:
        """Control by id such as "A.6.2.6" (KeyError if unknown)."""
        for control in self.controls:
            if control.id == control_id:
                return control
        raise KeyError(f"unknown ISO/IEC 42001 Annex A control {control_id!r}")


@cache
def load_iso42001() -> Iso42001:
    """Load and validate the ISO/IEC 42001 headings (cached)."""
    ref = read_reference_file(FILE_NAME)
    f = FILE_NAME
    clauses = tuple(
        Clause(
            id=str(require(raw, "id", f)),
            name=text_of(require(raw, "label", f), f"{f}: clause {raw.get('id')}.label"),
            summary=text_of(require(raw, "summary", f), f"{f}: clause {raw.get('id')}.summary"),
            subclauses=tuple(
                Subclause(
                    id=str(require(sub, "id", f)),
                    name=text_of(require(sub, "label", f), f"{f}: subclause {sub.get('id')}.label"),
                )
                for sub in require(raw, "subclauses", f"{f}: clause {raw.get('id')}")
            ),
        )
        for raw in require(ref.data, "clauses", f)
    )
    objectives = []
    for raw in require(ref.data, "annex_a", f):
        oid = str(require(raw, "id", f))
        where = f"{f}: {oid}"
        controls = tuple(
            Control(
                id=str(require(c, "id", where)),
                objective_id=oid,
                name=text_of(require(c, "label", where), f"{where} {c.get('id')}.label"),
                summary=text_of(require(c, "summary", where), f"{where} {c.get('id')}.summary"),
            )
            for c in require(raw, "controls", where)
        )
        objectives.append(
            ControlObjective(
                id=oid,
                name=text_of(require(raw, "label", where), f"{where}.label"),
                objective=text_of(require(raw, "objective", where), f"{where}.objective"),
                controls=controls,
            )
        )
    return Iso42001(meta=ref.meta, clauses=clauses, objectives=tuple(objectives))
