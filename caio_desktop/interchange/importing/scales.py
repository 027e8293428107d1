"""A client's scale read off a whole column and laid onto the 5×5 matrix's levels 1–5.

A word means a level only within its scale: "Élevé" is the top of Faible / Moyen / Élevé but the
fourth step of Très faible … Très élevé. So a level column is read as a whole: its distinct cells are
matched against the usual French and English scales (`SCALES`) and the smallest scale that holds every
word is taken; its steps are spread over 1–5 by one rule (`spread`):

    level = 1 + round((step − 1) × 4 / (steps − 1))      3 steps → 1, 3, 5;  4 steps → 1, 2, 4, 5

Cells the chosen scale does not know (and columns no single scale fits, such as a mix of French and
English words) are read cell by cell by `normalize._score`, as before. Numbers are levels 1–5 unless
the header says the scale ("Probabilité (1-3)", "Impact /4") or the mapping file does
(`"scales": {"Probabilité": 3}`); "3 - Moyen" and "P3" are their number; percentages ("45 %", 0.45,
or whole numbers above 5 in a column of 0–100) fall into five bands of 20 points. A mapping file may
name the level of any distinct value (`"values": {"Probabilité": {"Très probable": 5}}`), which wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from caio_desktop.interchange.importing.text import cell_text, fold

RULE_EN = ("a 3- or 4-step scale is spread over 1–5: level = 1 + round((step − 1) × 4 / (steps − 1)), "
           "so 3 steps → 1, 3, 5 and 4 steps → 1, 2, 4, 5")
RULE_FR = ("une échelle à 3 ou 4 niveaux est répartie sur 1–5 : niveau = 1 + arrondi((rang − 1) × 4 / "
           "(niveaux − 1)), soit 3 niveaux → 1, 3, 5 et 4 niveaux → 1, 2, 4, 5")


@dataclass(frozen=True)
class Scale:
    """A named scale: its steps from lowest to highest, each with the words that name it."""

    name: str
    steps: tuple[tuple[str, ...], ...]

    def words(self) -> dict[str, int]:
        """Folded word → step (1-based)."""
        return {fold(w): n for n, names in enumerate(self.steps, start=1) for w in names}


def _s(name: str, *steps: str) -> Scale:
    return Scale(name, tuple(tuple(s.split("|")) for s in steps))


# The usual scales of French and English risk registers, smallest first within a language; a word
# may have its spellings ("Élevé|Élevée") at one step.
SCALES: tuple[Scale, ...] = (
    _s("Faible / Moyen / Élevé", "Faible|Bas|Basse", "Moyen|Moyenne|Modéré|Modérée", "Élevé|Élevée|Fort|Forte|Haut|Haute"),
    _s("Low / Medium / High", "Low", "Medium|Moderate", "High"),
    _s("Improbable / Possible / Probable", "Improbable|Peu probable", "Possible", "Probable"),
    _s("Unlikely / Possible / Likely", "Unlikely", "Possible", "Likely"),
    _s("Mineur / Modéré / Majeur", "Mineur|Mineure", "Modéré|Modérée", "Majeur|Majeure"),
    _s("Minor / Moderate / Major", "Minor", "Moderate", "Major"),
    _s("Faible / Moyen / Élevé / Critique", "Faible", "Moyen|Moyenne|Modéré|Modérée",
       "Élevé|Élevée|Fort|Forte", "Critique"),
    _s("Low / Medium / High / Critical", "Low", "Medium|Moderate", "High", "Critical"),
    _s("Low / Medium / High / Very high", "Low", "Medium|Moderate", "High", "Very high"),
    _s("Faible / Moyen / Élevé / Très élevé", "Faible", "Moyen|Moyenne", "Élevé|Élevée", "Très élevé|Très élevée"),
    _s("Mineur / Significatif / Grave / Critique", "Mineur|Mineure", "Significatif|Significative",
       "Grave|Important|Importante", "Critique"),
    _s("Peu vraisemblable / Vraisemblable / Très vraisemblable / Quasi certain", "Peu vraisemblable|Minime",
       "Vraisemblable|Significative", "Très vraisemblable|Forte", "Quasi certain|Quasi-certain|Maximale"),
    _s("Rare / Possible / Probable / Quasi certain", "Rare", "Possible", "Probable", "Quasi certain|Quasi-certain"),
    _s("Très improbable … Très probable", "Très improbable|Hautement improbable", "Improbable|Peu probable",
       "Possible", "Probable", "Très probable|Hautement probable"),
    _s("Rare … Quasi certain", "Rare", "Peu probable|Improbable|Unlikely", "Possible", "Probable|Likely",
       "Quasi certain|Quasi-certain|Presque certain|Almost certain|Certain"),
    _s("Very unlikely … Very likely", "Very unlikely|Highly unlikely", "Unlikely", "Possible", "Likely",
       "Very likely|Highly likely"),
    _s("Négligeable … Catastrophique", "Négligeable|Insignifiant|Insignifiante", "Mineur|Mineure",
       "Modéré|Modérée|Moyen|Significatif", "Majeur|Majeure|Grave|Important", "Catastrophique"),
    _s("Negligible … Catastrophic", "Negligible|Insignificant", "Minor", "Moderate", "Major", "Catastrophic|Severe"),
    _s("Très faible … Très élevé", "Très faible|Très bas|Très basse", "Faible|Bas|Basse",
       "Moyen|Moyenne|Modéré|Modérée", "Élevé|Élevée|Fort|Forte|Haut|Haute",
       "Très élevé|Très élevée|Très fort|Très forte|Très haut"),
    _s("Faible / Moyen / Élevé / Très élevé / Critique", "Faible", "Moyen|Moyenne", "Élevé|Élevée",
       "Très élevé|Très élevée", "Critique"),
    _s("Very low … Very high", "Very low", "Low", "Medium|Moderate", "High", "Very high"),
    _s("Low / Medium / High / Very high / Critical", "Low", "Medium|Moderate", "High", "Very high", "Critical"),
)
_WORDS = tuple((scale, scale.words()) for scale in SCALES)

_NUMBER_WORD = re.compile(r"^\s*([1-5])\s*[-–—:.)]\s*(\S.*)$")  # "3 - Moyen", "2. Faible", "4) Élevé"
_PREFIXED = re.compile(r"^[a-z]{1,3}\s*-?\s*([1-5])$")  # folded "p3", "g 2", "n-4"
_OUT_OF = re.compile(r"^\s*([1-5])\s*(?:/|sur|out of)\s*([3-5])\s*$")
_PERCENT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*$")
_HEADER_SCALE = re.compile(r"(?:\b1\s*(?:-|–|à|a|to)\s*([345])\b|/\s*([345])\b|\bsur\s*([345])\b)")


def spread(step: int, steps: int) -> int:
    """The 1–5 level of `step` (1-based) on a scale of `steps` steps (the documented rule)."""
    if steps <= 1:
        return 3
    return 1 + math.floor((step - 1) * 4 / (steps - 1) + 0.5)


def header_steps(header: str) -> int | None:
    """The scale a header announces: "Probabilité (1-3)", "Impact /4", "Gravité sur 4"."""
    match = _HEADER_SCALE.search(header.lower())
    if not match:
        return None
    return int(next(g for g in match.groups() if g))


@dataclass
class ScaleReading:
    """How one level column is read: the scale found (or None), and each distinct cell's level."""

    header: str
    scale: str | None
    steps: int
    levels: dict[Any, int] = field(default_factory=dict)  # distinct cell → level (the cells read here)
    overridden: frozenset[Any] = frozenset()

    def describe(self, lang: str = "en") -> str:
        """One line for the preview and the CLI: the scale and each value's level."""
        pairs = ", ".join(f"{cell_text(c)} → {n}" for c, n in sorted(self.levels.items(), key=_order))
        if self.scale:
            name = (f"échelle {self.scale} ({self.steps} niveaux)" if lang == "fr"
                    else f"scale {self.scale} ({self.steps} steps)")
        else:
            name = (f"échelle à {self.steps} niveaux" if lang == "fr" else f"{self.steps}-step scale")
        return f"{self.header}: {name}: {pairs}" if pairs else f"{self.header}: {name}"

    def wrap(self, fallback: Callable[[Any], int]) -> Callable[[Any], int]:
        """The column's converter: the reading first, then `fallback` cell by cell."""
        levels = self.levels

        def convert(value: Any) -> int:
            try:
                found = levels.get(value)
            except TypeError:  # an unhashable cell never comes from a sheet, but stay safe
                found = None
            return found if found is not None else fallback(value)

        return convert


def _order(pair: tuple[Any, int]) -> tuple[int, str]:
    return pair[1], cell_text(pair[0])


def _percent(cell: Any) -> float | None:
    if isinstance(cell, float) and 0 < cell < 1:
        return cell * 100
    if isinstance(cell, str) and (match := _PERCENT.match(cell)):
        return float(match[1].replace(",", "."))
    return None


def band(percent: float) -> int:
    """A percentage's level: five bands of 20 points (0–19 → 1 … 80–100 → 5)."""
    return max(1, min(5, 1 + int(percent // 20)))


def read_scale(header: str, cells: Iterable[Any], *, steps: int | None = None,
               overrides: Mapping[str, int] | None = None) -> ScaleReading:
    """The reading of a level column from its distinct cells. `steps`: the numeric scale the mapping
    file names; `overrides`: folded cell text → level from the mapping file."""
    distinct = [c for c in dict.fromkeys(cells) if c is not None and not (isinstance(c, str) and not c.strip())]
    numeric_steps = steps or header_steps(header)
    levels: dict[Any, int] = {}
    words: dict[Any, str] = {}  # cell → folded word to match against the scales
    numbered: dict[Any, tuple[int, str]] = {}  # "3 - Moyen" → (3, "moyen")
    numbers: dict[Any, float] = {}
    prefixed: dict[Any, int] = {}  # "P3"
    for cell in distinct:
        if isinstance(cell, bool):
            continue
        if isinstance(cell, int | float):
            numbers[cell] = float(cell)
            continue
        text = str(cell)
        folded = fold(text)
        if folded.isdigit():
            numbers[cell] = float(folded)
        elif (percent := _percent(cell)) is not None:
            levels[cell] = band(percent)
        elif match := _OUT_OF.match(text.lower()):
            if int(match[1]) <= int(match[2]):
                levels[cell] = spread(int(match[1]), int(match[2]))
        elif match := _PREFIXED.match(folded):
            prefixed[cell] = int(match[1])
        elif (match := _NUMBER_WORD.match(text)) and fold(match[2]):
            numbered[cell] = (int(match[1]), fold(match[2]))
        else:
            words[cell] = folded
    said = {*words.values(), *(w for _n, w in numbered.values())}
    chosen = _choose(said)
    whole = [n for n in numbers.values() if n.is_integer()]
    if chosen and chosen[1] < 5 and whole and not numeric_steps:
        # Plain numbers beside the words ("3" and "Élevé"): the column is on 1–5 and people typed some
        # levels as words, so each word is read on its own (normalize._score), as a 5-step word.
        chosen = None
    count = chosen[1] if chosen else 5
    if chosen:
        scale, size, table = chosen
        for cell, word in words.items():
            if word in table:
                levels[cell] = spread(table[word], size)
    # Numbers with a word ("3 - Moyen") are steps of the word's scale, else of the named or 1–5 scale.
    for cell, (number, _word) in numbered.items():
        size = chosen[1] if chosen else (numeric_steps or 5)
        if number <= size:
            levels[cell] = spread(number, size)
    as_percent = bool(whole) and max(whole) > 5 and all(0 <= n <= 100 for n in numbers.values())
    size = numeric_steps or 5
    for cell, number in numbers.items():
        if 0 < number < 1:  # a cell formatted as a percentage holds 0.45 for 45 %
            levels[cell] = band(number * 100)
        elif as_percent:
            levels[cell] = band(number)
        elif number.is_integer() and 1 <= number <= size:
            levels[cell] = spread(int(number), size)
    for cell, number in prefixed.items():
        if number <= size:
            levels[cell] = spread(number, size)
    overridden = set()
    if overrides:
        for cell in distinct:
            level = overrides.get(fold(cell_text(cell)))
            if level is not None:
                levels[cell] = level
                overridden.add(cell)
    name = chosen[0].name if chosen else None
    return ScaleReading(header, name, count if chosen else size, levels, frozenset(overridden))


def _choose(words: set[str]) -> tuple[Scale, int, dict[str, int]] | None:
    """The scale that holds every word, telling them apart best (most distinct steps), smallest first:
    a column of Faible / Moyen / Élevé is a 3-step scale, one that adds Très élevé a 4-step one. The
    words must reach both ends of the scale and a step between, else the scale is not told (a column
    of "Fort" alone, or of Faible and Élevé, is read word by word as a 5-step one)."""
    if not words:
        return None
    best: tuple[tuple[int, int, int], Scale, dict[str, int]] | None = None
    for order, (scale, table) in enumerate(_WORDS):
        if not words <= table.keys():
            continue
        steps = {table[w] for w in words}
        if len(steps) < 3 or not {1, len(scale.steps)} <= steps:
            continue  # a scale is told by its two ends and a step between; else word by word
        distinct = len(steps)
        key = (-distinct, len(scale.steps), order)
        if best is None or key < best[0]:
            best = (key, scale, table)
    if best is None:
        return None
    return best[1], len(best[1].steps), best[2]
