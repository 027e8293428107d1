"""Numbers as French and English readers write them, and round axis ticks."""

from __future__ import annotations

from caio_desktop.ui.charts.numbers import format_number, nice_ticks, with_unit


def test_decimal_and_thousands_separators_follow_the_language() -> None:
    assert format_number(12500.5, "fr") == "12\u202f500,5"
    assert format_number(12500.5, "en") == "12,500.5"
    assert format_number(3.0, "fr") == "3"
    assert format_number(-0.001, "en") == "0"
    assert format_number(2 / 3, "en", decimals=1) == "0.7"


def test_units_are_spaced_as_each_language_does() -> None:
    assert with_unit(72.5, "%", "fr") == "72,5\u202f%"
    assert with_unit(72.5, "%", "en") == "72.5%"
    assert with_unit(120, "k€", "en") == "120 k€"
    assert with_unit(4, None, "fr") == "4"


def test_ticks_are_round_and_cover_the_range() -> None:
    assert nice_ticks(12, 60) == [0, 20, 40, 60]
    assert nice_ticks(7, 14, count=4) == [5, 7.5, 10, 12.5, 15]
    ticks = nice_ticks(0.13, 0.91)
    assert ticks[0] <= 0.13 and ticks[-1] >= 0.91 and len(ticks) <= 7
    assert nice_ticks(5, 5)[0] < 5 < nice_ticks(5, 5)[-1]  # a flat series still gets an axis
