"""How a stored value of a field reads in a table cell or a label, in the interface language.

Enumerations show their label, references the label of the row they point at, dates and numbers the
conventions of the language ("16/03/2026" and "3,5" in French, "16 Mar 2026" and "3.5" in English).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDate, QLocale

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind, Module
from caio_desktop.domain.modules import MODULES

_LOCALES = {"fr": QLocale(QLocale.Language.French, QLocale.Country.France),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_DATE_FORMATS = {"fr": "dd/MM/yyyy", "en": "d MMM yyyy"}


def locale_for(lang: str) -> QLocale:
    return _LOCALES.get(lang, _LOCALES["en"])


def format_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    return locale_for(lang).toString(QDate(value.year, value.month, value.day), _DATE_FORMATS.get(lang, "d MMM yyyy"))


def format_number(value: float | None, lang: str, *, decimals: int = 2, fixed: bool = False) -> str:
    """`value` in the conventions of `lang`: as few decimals as it needs, or always `decimals` when
    `fixed` (a column of scores reads "4,05 / 4,00 / 3,05", not "4,05 / 4 / 3,05")."""
    if value is None:
        return ""
    if fixed:
        return locale_for(lang).toString(float(value), "f", decimals)
    if float(value).is_integer():
        return locale_for(lang).toString(int(value))
    text = locale_for(lang).toString(float(value), "f", decimals)
    return text.rstrip("0").rstrip(",.") if "," in text or "." in text else text


# A maturity rating stores the dimension's key of the reference model (``ai_vision``): the key keeps a
# rating tied to its dimension whatever the language, but people read the dimension's name.
DIMENSION_FIELD = MODULES["maturity_ratings"].field("dimension")


def dimension_options(lang: str) -> list[tuple[str, str]]:
    """(key, name) of every dimension of the maturity model, pillar by pillar, in display order."""
    from caio_desktop.reference.maturity import load_maturity_model  # read on first use, not at start-up

    return [(d.key, d.label(lang)) for p in load_maturity_model().pillars for d in p.dimensions]


def dimension_label(key: Any, lang: str) -> str:
    """The name of the maturity dimension `key` in `lang`; a key the model does not know as it is."""
    from caio_desktop.reference.maturity import load_maturity_model

    try:
        return load_maturity_model().dimension(str(key)).label(lang)
    except KeyError:  # a dimension of the client's own (imported), not one of the reference model
        return str(key)


def row_title(mod: Module, row: Mapping[str, Any], lang: str, *, limit: int = 40) -> str:
    """How a row is named in a heading: as `queries.row_label`, with the title field as displayed."""
    from caio_desktop.workspace import queries

    field = mod.field(mod.title_field)
    if field is DIMENSION_FIELD and row.get(field.key):
        text = dimension_label(row[field.key], lang)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return queries.row_label(mod, dict(row), limit=limit)


def format_value(field: Field, value: Any, lang: str, ref_labels: Mapping[int, str] | None = None) -> str:
    """The text a person reads for `value` of `field`."""
    if value is None or value == []:
        return ""
    if field is DIMENSION_FIELD:
        return dimension_label(value, lang)
    kind = field.kind
    if kind == FieldKind.CHOICE:
        return ENUMERATIONS[field.choices or ""].label(value, lang)
    if kind == FieldKind.REF:
        return (ref_labels or {}).get(value, f"#{value}")
    if kind == FieldKind.REFS:
        return ", ".join((ref_labels or {}).get(v, f"#{v}") for v in value)
    if kind == FieldKind.DATE:
        return format_date(value, lang)
    if kind == FieldKind.NUMBER:
        # computed scores (weighted, value, feasibility) compare down a column: fixed decimals
        return format_number(value, lang, fixed=field.computed)
    if kind == FieldKind.PERCENT:
        return f"{value} %" if lang == "fr" else f"{value}%"
    if kind == FieldKind.BOOL:
        return ("Oui" if value else "Non") if lang == "fr" else ("Yes" if value else "No")
    if kind == FieldKind.LONG_TEXT:
        text = " ".join(str(value).split())
        return text if len(text) <= 160 else text[:159] + "…"
    return str(value)


def sort_key(value: Any) -> tuple[int, Any]:
    """A key that orders values of one column with empty cells last, whatever their type."""
    if value is None or value == "" or value == []:
        return (1, 0)
    if isinstance(value, str):
        return (0, value.casefold())
    if isinstance(value, list):
        return (0, len(value))
    return (0, value)
