"""Dates and numbers in each language's format, and every fixed text in both languages."""

from __future__ import annotations

import datetime as dt

from caio_desktop.interchange.deliverables import i18n


def test_long_dates() -> None:
    assert i18n.format_date(dt.date(2026, 11, 25), "fr") == "25 novembre 2026"
    assert i18n.format_date(dt.date(2026, 11, 25), "en") == "25 November 2026"
    assert i18n.format_date(dt.date(2026, 8, 1), "fr") == "1er août 2026"
    assert i18n.format_date(None, "fr") == ""


def test_short_dates_and_months() -> None:
    assert i18n.format_short_date(dt.date(2026, 3, 5), "fr") == "05/03/2026"
    assert i18n.format_short_date(dt.date(2026, 3, 5), "en") == "5 Mar 2026"
    assert i18n.month_label(dt.date(2026, 2, 1), "fr") == "févr. 26"


def test_numbers() -> None:
    assert i18n.format_number(1234.5, "fr") == "1\u202f234,5"
    assert i18n.format_number(1234.5, "en") == "1,234.5"
    assert i18n.format_number(1234567, "fr") == "1\u202f234\u202f567"
    assert i18n.format_number(2.0, "en") == "2"
    assert i18n.format_number(3.25, "fr", decimals=1) == "3,2"
    assert i18n.format_number(0.125, "en") == "0.12"
    assert i18n.format_percent(42.4, "fr") == "42\u00a0%"
    assert i18n.format_percent(42.6, "en") == "43%"


def test_every_text_has_both_languages_and_fills_its_placeholders() -> None:
    for key, (fr, en) in i18n._TEXTS.items():
        assert fr and en, key
        fields_fr = {p.split("}")[0] for p in fr.split("{")[1:]}
        fields_en = {p.split("}")[0] for p in en.split("{")[1:]}
        assert fields_fr == fields_en, key
