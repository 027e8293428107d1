"""Dates as clients write them."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.interchange.importing.dates import parse_date

D = dt.date(2026, 11, 25)


@pytest.mark.parametrize("text", [
    "25/11/2026", "2026-11-25", "25 nov. 2026", "25 novembre 2026", "November 25, 2026", "Nov 25 2026",
    "11/25/2026", "25.11.26", "25-11-2026", "2026/11/25", "2026-11-25 00:00:00", "2026-11-25T14:30:00",
    "mardi 25 novembre 2026", "25th November 2026", 46351, 46351.0, "46351", dt.datetime(2026, 11, 25, 9, 0), D,
])
def test_common_french_and_english_forms_and_excel_serials(text: object) -> None:
    assert parse_date(text) == D


def test_ambiguous_numeric_dates_are_read_day_first() -> None:
    assert parse_date("03/04/2026") == dt.date(2026, 4, 3)
    assert parse_date("1er mars 2026") == dt.date(2026, 3, 1)
    assert parse_date("15 août 2026") == dt.date(2026, 8, 15)


@pytest.mark.parametrize("text", ["31/02/2026", "bientôt", "Q3 2026", "", True, -5, "13/13/2026"])
def test_what_is_not_a_date_gives_none(text: object) -> None:
    assert parse_date(text) is None
