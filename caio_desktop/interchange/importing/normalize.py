"""Turning a client's cell into a field's value: levels from words, enumerations from labels and
synonyms, booleans from oui/non/x, references by code or title, numbers written the French way.

`converter(field, …)` returns a function `cell → value` that raises `Unfit` (with a reason people
understand) when a cell fits the field in no way; the importer then keeps the raw text as a custom
attribute and reports a warning, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from caio_desktop.domain.enums import ENUMERATIONS, choices_version
from caio_desktop.domain.errors import quoted
from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.interchange.importing.dates import parse_date
from caio_desktop.interchange.importing.text import cell_text, fold

Converter = Callable[[Any], Any]

_LEVELS = {
    **dict.fromkeys(("tres faible", "very low", "negligeable", "negligible", "insignifiant", "rare",
                     "tres bas", "vl", "tres improbable", "very unlikely", "highly unlikely",
                     "hautement improbable", "insignificant", "insignifiante", "tres basse"), 1),
    **dict.fromkeys(("faible", "low", "bas", "basse", "l", "f", "mineur", "minor", "unlikely",
                     "improbable", "peu probable", "limite", "limited"), 2),
    **dict.fromkeys(("moyen", "moyenne", "medium", "med", "moderate", "modere", "moderee", "m",
                     "possible", "significatif", "significant", "average"), 3),
    **dict.fromkeys(("eleve", "elevee", "high", "haut", "haute", "fort", "forte", "h", "e", "majeur",
                     "major", "likely", "probable", "important", "importante"), 4),
    **dict.fromkeys(("tres eleve", "tres elevee", "very high", "critique", "critical", "c", "vh",
                     "tres fort", "tres forte", "maximal", "maximum", "catastrophique", "catastrophic",
                     "almost certain", "quasi certain", "certain", "extreme", "severe",
                     "tres probable", "hautement probable", "presque certain", "very likely",
                     "highly likely"), 5),
}
_TRUE = frozenset(("1", "true", "yes", "oui", "y", "o", "x", "vrai", "ok", "v", "checked"))
_FALSE = frozenset(("0", "false", "no", "non", "n", "faux", "-", "none", "aucun", "aucune"))
_LIST_MARKER = re.compile(r"^(?:[a-z]|\d{1,2})[).]\s+")
_DASH_SPLIT = re.compile(r"\s+[-–—:]\s+")
_OUT_OF_FIVE = re.compile(r"^\s*([1-5])\s*(?:/|sur|out of)\s*5\s*$")
# Several references in one cell: ";", "|" and line breaks always separate, ", " only between names
# (a title may hold one: see `_comma_refs`).
_SPLIT_STRONG = re.compile(r"\s*[;\n|]\s*")
_SPLIT_COMMA = re.compile(r"\s*,\s+")


class Unfit(ValueError):
    """A cell that fits its field in no way; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _text(value: Any) -> Any:
    return value if isinstance(value, str) else cell_text(value)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise Unfit("is not a number")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    text = text.rstrip("%€$£").lstrip("€$£")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    elif "," in text and "." in text:  # 1,234.5 or 1.234,5
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else \
            text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise Unfit("is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise Unfit("is not a finite number")
    return number


def _integer(value: Any) -> int:
    number = _number(value)
    if not number.is_integer():
        raise Unfit("is not a whole number")
    return int(number)


def _score(value: Any) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1 <= value <= 5:
            return int(value)
        raise Unfit("is not a level from 1 to 5")
    text = fold(str(value))
    level = _LEVELS.get(text)
    if level is not None:
        return level
    try:
        return _score(_number(value))  # "3", "3,0", " 4 "
    except Unfit:
        pass
    if match := _OUT_OF_FIVE.match(str(value).lower()):  # "4/5", "4 sur 5", "4 out of 5"
        return int(match[1])
    raise Unfit("is not a level (1–5, or very low, low, medium, high, very high / faible … critique)")


def _percent(value: Any) -> int:
    if isinstance(value, float) and 0 < value < 1:  # a cell formatted as % holds 0.45 for 45 %
        value = value * 100
    number = round(_number(value))
    if not 0 <= number <= 100:
        raise Unfit("is not a percentage from 0 to 100")
    return number


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = fold(cell_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Unfit("is not yes or no (oui/non, yes/no, x, 1/0)")


def _date(value: Any) -> Any:
    found = parse_date(value)
    if found is None:
        raise Unfit("is not a date (e.g. 25/11/2026, 2026-11-25, 25 nov. 2026)")
    return found


def choice_words(enumeration_key: str) -> dict[str, str]:
    """Folded code, labels and synonyms → code, for one enumeration (the engagement's own choices of
    an extensible one included)."""
    return _choice_words(enumeration_key, choices_version())


@cache
def _choice_words(enumeration_key: str, _version: int) -> dict[str, str]:
    words: dict[str, str] = {}
    for choice in ENUMERATIONS[enumeration_key].every_choice:
        for word in (choice.code, choice.code.replace("_", " "), choice.fr, choice.en, *choice.synonyms):
            words.setdefault(fold(word), choice.code)
    return words


def match_choice(enumeration_key: str, value: Any) -> str | None:
    """The code a client's wording means, or None. Tries the whole text, then the text without a list
    marker ("c) Deployed") or an explanation after a dash ("Deployed – in use since 2024"), then a close
    spelling."""
    words = choice_words(enumeration_key)
    text = fold(cell_text(value))
    if text in words:
        return words[text]
    raw = _LIST_MARKER.sub("", cell_text(value).strip())
    for part in (raw, _DASH_SPLIT.split(raw)[0], raw.split("(")[0]):
        key = fold(part)
        if key in words:
            return words[key]
    if len(text) >= 4:
        best = process.extractOne(text, list(words), scorer=fuzz.ratio, score_cutoff=88)
        if best:
            return words[best[0]]
    return None


def _choice(enumeration_key: str) -> Converter:
    enumeration = ENUMERATIONS[enumeration_key]
    allowed = ", ".join(enumeration.label(c, "en") for c in enumeration.codes)

    def convert(value: Any) -> str:
        code = match_choice(enumeration_key, value)
        if code is None:
            raise Unfit(f"is not one of {allowed}")
        return code

    return convert


def _ref(targets: Mapping[str, int], module_key: str) -> Converter:
    def convert(value: Any) -> int:
        found = targets.get(fold(cell_text(value)))
        if found is None:
            raise Unfit(f"names no {module_key} row (by code or title)")
        return found

    return convert


def _refs(targets: Mapping[str, int], module_key: str) -> Converter:
    def convert(value: Any) -> list[int]:
        text = cell_text(value).strip()
        whole = targets.get(fold(text))
        if whole is not None:
            return [whole]
        found: set[int] = set()
        for part in _SPLIT_STRONG.split(text):
            if part.strip():
                found.update(_comma_refs(part, targets, module_key))
        return sorted(found)

    return convert


def _comma_refs(text: str, targets: Mapping[str, int], module_key: str) -> list[int]:
    """The rows a ", "-separated list names, where a title may itself hold ", " ("Tri, routage et
    réponse"): from each position the longest run of pieces that names a row is taken. A run never
    grows longer than the longest name, so a cell of thousands of pieces costs thousands of look-ups."""
    pieces = [p for p in _SPLIT_COMMA.split(text.strip()) if p]
    folded = [fold(p) for p in pieces]  # fold(", ".join(run)) is the folded pieces joined by spaces
    longest = max(map(len, targets), default=0)
    ids, start = [], 0
    while start < len(pieces):
        found, run = None, ""
        for end in range(start, len(pieces)):
            run = f"{run} {folded[end]}".strip()
            if len(run) > longest:
                break
            if run in targets:
                found = (end + 1, targets[run])  # and look on: a longer name wins
        if found is None:
            named = pieces[start] if len(pieces) > 1 else text.strip()
            raise Unfit(f"names no {module_key} row (by code or title): {quoted(named)}" if len(pieces) > 1
                        else f"names no {module_key} row (by code or title)")
        start = found[0]
        ids.append(found[1])
    return ids


_SIMPLE: dict[FieldKind, Converter] = {
    FieldKind.TEXT: _text, FieldKind.LONG_TEXT: _text, FieldKind.COLOR: _text, FieldKind.INTEGER: _integer,
    FieldKind.NUMBER: _number, FieldKind.SCORE: _score, FieldKind.PERCENT: _percent, FieldKind.DATE: _date,
    FieldKind.BOOL: _bool,
}


def converter(field: Field, *, targets: Mapping[str, int] | None = None) -> Converter:
    """The function turning one cell into `field`'s value (raising Unfit). `targets` maps the folded
    codes and titles of the referenced module's rows to their ids (REF and REFS fields)."""
    kind = field.kind
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == FieldKind.CHOICE:
        return _choice(field.choices or "")
    if kind == FieldKind.REF:
        return _ref(targets or {}, field.ref or "")
    if kind == FieldKind.REFS:
        return _refs(targets or {}, field.ref or "")
    raise ValueError(f"no converter for {kind}")  # pragma: no cover - every kind is handled above
