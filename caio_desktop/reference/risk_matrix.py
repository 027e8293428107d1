"""The 5×5 risk matrix (likelihood × impact → level), loaded from ``risk_matrix.yaml``.

The grid, level colours and labels are data so that a CAIO can align them with a client's own risk
policy without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from caio_desktop.reference.loader import (
    ReferenceDataError,
    ReferenceMeta,
    Text,
    optional_text,
    read_reference_file,
    require,
    text_of,
)

FILE_NAME = "risk_matrix.yaml"
SCALE = range(1, 6)


@dataclass(frozen=True)
class RiskLevel:
    """One level of the matrix (low, medium, high, critical) with its rank and display colour."""

    key: str
    rank: int
    color: str
    name: Text
    description: Text | None = None

    def label(self, lang: str) -> str:
        """Display name in ``lang``."""
        return self.name.get(lang)


@dataclass(frozen=True)
class RiskMatrix:
    """A 5×5 matrix: ``grid[likelihood-1][impact-1]`` is a level key."""

    meta: ReferenceMeta
    levels: tuple[RiskLevel, ...]
    grid: tuple[tuple[str, ...], ...]
    likelihood_labels: tuple[Text, ...]
    impact_labels: tuple[Text, ...]

    def level_for(self, likelihood: int, impact: int) -> str:
        """Level key for a likelihood and an impact, each 1..5 (ValueError otherwise)."""
        _check_scale("likelihood", likelihood)
        _check_scale("impact", impact)
        return self.grid[likelihood - 1][impact - 1]

    def level(self, key: str) -> RiskLevel:
        """The level with ``key`` (KeyError if unknown)."""
        for level in self.levels:
            if level.key == key:
                return level
        raise KeyError(f"unknown risk level {key!r}")

    def likelihood_label(self, n: int, lang: str) -> str:
        """Label of likelihood ``n`` (1..5) in ``lang``."""
        _check_scale("likelihood", n)
        return self.likelihood_labels[n - 1].get(lang)

    def impact_label(self, n: int, lang: str) -> str:
        """Label of impact ``n`` (1..5) in ``lang``."""
        _check_scale("impact", n)
        return self.impact_labels[n - 1].get(lang)


def _check_scale(name: str, value: int) -> None:
    # bool is an int subclass; True would silently mean 1.
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise ValueError(f"{name} must be an integer from 1 to 5, got {value!r}")


@cache
def load_risk_matrix() -> RiskMatrix:
    """Load and validate the risk matrix (cached)."""
    ref = read_reference_file(FILE_NAME)
    data = ref.data
    levels = []
    for i, raw in enumerate(require(data, "levels", FILE_NAME)):
        where = f"{FILE_NAME}: levels[{i}]"
        levels.append(
            RiskLevel(
                key=str(require(raw, "key", where)),
                rank=int(require(raw, "rank", where)),
                color=str(require(raw, "color", where)),
                name=text_of(require(raw, "label", where), f"{where}.label"),
                description=optional_text(raw, "description", where),
            )
        )
    keys = {level.key for level in levels}
    grid_raw = require(data, "grid", FILE_NAME)
    if (
        not isinstance(grid_raw, list)
        or len(grid_raw) != 5
        or any(not isinstance(row, list) or len(row) != 5 for row in grid_raw)
    ):
        raise ReferenceDataError(f"{FILE_NAME}: 'grid' must be 5 rows of 5 level keys")
    grid = tuple(tuple(str(cell) for cell in row) for row in grid_raw)
    unknown = {cell for row in grid for cell in row} - keys
    if unknown:
        raise ReferenceDataError(f"{FILE_NAME}: grid uses unknown level(s) {sorted(unknown)}")

    def scale(name: str) -> tuple[Text, ...]:
        raw = require(data, name, FILE_NAME)
        if not isinstance(raw, dict) or sorted(raw) != list(SCALE):
            raise ReferenceDataError(f"{FILE_NAME}: '{name}' must have labels for 1 to 5")
        return tuple(text_of(raw[n], f"{FILE_NAME}: {name}[{n}]") for n in SCALE)

    return RiskMatrix(
        meta=ref.meta,
        levels=tuple(sorted(levels, key=lambda level: level.rank)),
        grid=grid,
        likelihood_labels=scale("likelihood"),
        impact_labels=scale("impact"),
    )
