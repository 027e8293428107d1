"""The AI maturity model (pillars → dimensions → 5 levels), loaded from ``maturity_model.yaml``.

The diagnosis module rates each dimension 1..5; this module gives it the labels, level descriptors and
diagnostic questions to show, in French or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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

FILE_NAME = "maturity_model.yaml"
LEVELS = range(1, 6)


def _check_level(level: int) -> None:
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise ValueError(f"maturity level must be an integer from 1 to 5, got {level!r}")


@dataclass(frozen=True)
class Dimension(Described):
    """One rated dimension of a pillar, e.g. ``data_quality``."""

    key: str
    pillar_key: str
    name: Text
    summary: Text
    level_descriptors: tuple[Text, ...]  # index 0 is level 1
    question_texts: tuple[Text, ...]

    def level_descriptor(self, level: int, lang: str) -> str:
        """One-line description of what ``level`` (1..5) looks like for this dimension."""
        _check_level(level)
        return self.level_descriptors[level - 1].get(lang)

    def questions(self, lang: str) -> tuple[str, ...]:
        """Diagnostic questions to ask the client, in ``lang``."""
        return tuple(q.get(lang) for q in self.question_texts)


@dataclass(frozen=True)
class Pillar(Described):
    """A group of dimensions, e.g. Data or Governance & ethics."""

    key: str
    name: Text
    summary: Text
    dimensions: tuple[Dimension, ...]


@dataclass(frozen=True)
class MaturityModel:
    """The whole maturity model: pillars in display order and the five generic level names."""

    meta: ReferenceMeta
    pillars: tuple[Pillar, ...]
    level_names: tuple[Text, ...]
    level_summaries: tuple[Text, ...]

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        """Every dimension, pillar by pillar, in display order."""
        return tuple(d for p in self.pillars for d in p.dimensions)

    def dimension(self, key: str) -> Dimension:
        """The dimension with ``key`` (KeyError if unknown)."""
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise KeyError(f"unknown maturity dimension {key!r}")

    def pillar(self, key: str) -> Pillar:
        """The pillar with ``key`` (KeyError if unknown)."""
        for pillar in self.pillars:
            if pillar.key == key:
                return pillar
        raise KeyError(f"unknown maturity pillar {key!r}")

    def level_name(self, level: int, lang: str) -> str:
        """Generic name of ``level`` (1 Initial … 5 Optimised) in ``lang``."""
        _check_level(level)
        return self.level_names[level - 1].get(lang)

    def level_description(self, level: int, lang: str) -> str:
        """Generic one-line meaning of ``level`` in ``lang``."""
        _check_level(level)
        return self.level_summaries[level - 1].get(lang)


def _five_levels(raw: object, where: str) -> dict[int, object]:
    if not isinstance(raw, dict) or sorted(raw) != list(LEVELS):
        raise ReferenceDataError(f"{where}: must define levels 1 to 5")
    return raw


@cache
def load_maturity_model() -> MaturityModel:
    """Load and validate the maturity model (cached)."""
    ref = read_reference_file(FILE_NAME)
    data = ref.data
    levels = _five_levels(require(data, "levels", FILE_NAME), f"{FILE_NAME}: levels")
    level_names = tuple(
        text_of(require(levels[n], "name", f"{FILE_NAME}: levels[{n}]"), f"{FILE_NAME}: levels[{n}].name")
        for n in LEVELS
    )
    level_summaries = tuple(
        text_of(
            require(levels[n], "description", f"{FILE_NAME}: levels[{n}]"),
            f"{FILE_NAME}: levels[{n}].description",
        )
        for n in LEVELS
    )
    pillars = []
    seen: set[str] = set()
    for raw_pillar in require(data, "pillars", FILE_NAME):
        pillar_key = str(require(raw_pillar, "key", f"{FILE_NAME}: pillar"))
        where_p = f"{FILE_NAME}: pillar {pillar_key}"
        dimensions = []
        for raw_dim in require(raw_pillar, "dimensions", where_p):
            key = str(require(raw_dim, "key", f"{where_p}: dimension"))
            where = f"{FILE_NAME}: dimension {key}"
            if key in seen:
                raise ReferenceDataError(f"{where}: duplicate dimension key")
            seen.add(key)
            descriptors = _five_levels(require(raw_dim, "levels", where), f"{where}.levels")
            questions = texts_of(require(raw_dim, "questions", where), f"{where}.questions")
            if not 2 <= len(questions) <= 4:
                raise ReferenceDataError(f"{where}: needs 2 to 4 questions, has {len(questions)}")
            dimensions.append(
                Dimension(
                    key=key,
                    pillar_key=pillar_key,
                    name=text_of(require(raw_dim, "label", where), f"{where}.label"),
                    summary=text_of(require(raw_dim, "description", where), f"{where}.description"),
                    level_descriptors=tuple(text_of(descriptors[n], f"{where}.levels[{n}]") for n in LEVELS),
                    question_texts=questions,
                )
            )
        pillars.append(
            Pillar(
                key=pillar_key,
                name=text_of(require(raw_pillar, "label", where_p), f"{where_p}.label"),
                summary=text_of(require(raw_pillar, "description", where_p), f"{where_p}.description"),
                dimensions=tuple(dimensions),
            )
        )
    return MaturityModel(
        meta=ref.meta, pillars=tuple(pillars), level_names=level_names, level_summaries=level_summaries
    )
