"""Remembering per distinct value: a large register's columns repeat the same few levels, statuses and
dates, so the import converts and cleans each distinct cell once.

A memo is a dict of dicts, one per type of value: 1, 1.0 and True are equal keys but not the same cell.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from contextlib import suppress
from itertools import repeat
from typing import Any

MISSING: Any = object()
Memo = dict[type, dict[Hashable, Any]]
_NONE: dict[Hashable, Any] = {}
_PLAIN = frozenset((str, type(None)))  # never equal to a value of another type


def recall(memo: Memo, values: Sequence[Any]) -> tuple[list[Any], list[int]]:
    """Each value's remembered result (MISSING where there is none) and the positions still to do."""
    count = len(values)
    types = set(map(type, values))
    try:
        if len(types) == 1:  # the usual column: one dictionary look-up per value, in C
            table = memo.get(types.pop(), _NONE)
            try:  # every value remembered (each block after a column's first): nothing to look for after
                return list(map(table.__getitem__, values)), []
            except KeyError:
                found = list(map(table.get, values, repeat(MISSING, count)))
        elif len(types - _PLAIN) <= 1:  # texts and one other type ("Élevé", 4): no equal keys across types
            table = {k: v for kind in types for k, v in memo.get(kind, _NONE).items()}
            try:
                return list(map(table.__getitem__, values)), []
            except KeyError:
                found = list(map(table.get, values, repeat(MISSING, count)))
        else:
            found = [memo.get(v.__class__, _NONE).get(v, MISSING) for v in values]
    except TypeError:  # an unhashable value: nothing is remembered for this column
        return [MISSING] * count, list(range(count))
    if MISSING not in found:  # (builtin values are never equal to a bare object)
        return found, []
    return found, [i for i, v in enumerate(found) if v is MISSING]


def lookup(memo: Memo, value: Any) -> Any:
    """The result remembered for `value`, or MISSING."""
    try:
        return memo.get(value.__class__, _NONE).get(value, MISSING)
    except TypeError:
        return MISSING


def remember(memo: Memo, value: Any, result: Any) -> None:
    with suppress(TypeError):  # unhashable: done again next time
        hash(value)
        memo.setdefault(value.__class__, {})[value] = result
