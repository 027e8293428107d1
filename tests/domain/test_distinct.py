"""Remembering per distinct value: equal-looking values of different types are kept apart."""

from __future__ import annotations

import datetime as dt

from caio_desktop.domain.distinct import MISSING, lookup, recall, remember


def test_values_are_remembered_by_type_and_value() -> None:
    memo: dict = {}
    remember(memo, 1, "one")
    remember(memo, "1", "text one")
    remember(memo, dt.date(2026, 3, 1), "date")
    remember(memo, [1], "a list is not remembered")
    assert lookup(memo, 1) == "one" and lookup(memo, "1") == "text one"
    assert lookup(memo, 1.0) is MISSING and lookup(memo, True) is MISSING
    assert lookup(memo, dt.datetime(2026, 3, 1)) is MISSING and lookup(memo, [1]) is MISSING
    found, pending = recall(memo, [1, True, "1", "2", dt.date(2026, 3, 1)])
    assert found == ["one", MISSING, "text one", MISSING, "date"] and pending == [1, 3]
    found, pending = recall(memo, [1, [2]])  # an unhashable value: nothing recalled
    assert found == [MISSING, MISSING] and pending == [0, 1]


def test_texts_mixed_with_one_other_type_are_recalled_together() -> None:
    from decimal import Decimal

    memo: dict = {}
    remember(memo, 4, "four")
    remember(memo, "Élevé", "high")
    remember(memo, "4", "text four")
    found, pending = recall(memo, ["Élevé", 4, None, "4", "Faible"])
    assert found == ["high", "four", MISSING, "text four", MISSING] and pending == [2, 4]
    found, _ = recall(memo, ["Élevé", 4, Decimal(4), 4.0])  # equal numbers of other types stay apart
    assert found == ["high", "four", MISSING, MISSING]


def test_a_column_whose_every_value_is_remembered_is_recalled_whole() -> None:
    memo: dict = {}
    remember(memo, "Élevé", "high")
    remember(memo, "Sans objet", None)  # a remembered None is a result, not a gap
    remember(memo, 4, "four")
    assert recall(memo, ["Élevé", "Sans objet", "Élevé"]) == (["high", None, "high"], [])
    assert recall(memo, [4, "Élevé", None, 4]) == (["four", "high", MISSING, "four"], [2])
    remember(memo, None, "blank")
    assert recall(memo, [4, "Sans objet", None]) == (["four", None, "blank"], [])
    assert recall(memo, [True, 4]) == ([MISSING, "four"], [0])  # True equals 1, never 4's memo entry
