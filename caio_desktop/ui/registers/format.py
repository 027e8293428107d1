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
from caio_desktop.domain.fields import Field, FieldKind

_LOCALES = {"fr": QLocale(QLocale.Language.French, QLocale.Country.France),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_DATE_FORMATS = {"fr": "dd/MM/yyyy", "en": "d MMM yyyy"}


def locale_for(lang: str) -> QLocale:
    return _LOCALES.get(lang, _LOCALES["en"])


def format_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    return locale_for(lang).toString(QDate(value.year, value.month, value.day), _DATE_FORMATS.get(lang, "d MMM yyyy"))


def format_number(value: float | None, lang: str, *, decimals: int = 2) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return locale_for(lang).toString(int(value))
    text = locale_for(lang).toString(float(value), "f", decimals)
    return text.rstrip("0").rstrip(",.") if "," in text or "." in text else text


def format_value(field: Field, value: Any, lang: str, ref_labels: Mapping[int, str] | None = None) -> str:
    """The text a person reads for `value` of `field`."""
    if value is None or value == []:
        return ""
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
        return format_number(value, lang)
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
