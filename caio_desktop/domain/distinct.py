"""Remembering per distinct value: a large register's columns repeat the same few levels, statuses and
dates, so the import converts and cleans each distinct cell once."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from contextlib import suppress
from typing import Any

MISSING: Any = object()


def memo_key(value: Any) -> Hashable:
    """The key a value is remembered by: texts as they are, other values with their type (1, 1.0 and
    True are equal keys but not the same cell). Raises TypeError for an unhashable value."""
    if value.__class__ is str:
        return value
    key = (value.__class__, value)
    hash(key)
    return key


def recall(memo: dict[Hashable, Any], values: Sequence[Any]) -> tuple[list[Any], list[int]]:
    """Each value's remembered result (MISSING where there is none) and the positions still to do."""
    try:
        found = [memo.get(v if v.__class__ is str else (v.__class__, v), MISSING) for v in values]
    except TypeError:  # an unhashable value: nothing is remembered for this column
        return [MISSING] * len(values), list(range(len(values)))
    return found, [i for i, v in enumerate(found) if v is MISSING]


def lookup(memo: dict[Hashable, Any], value: Any) -> Any:
    """The result remembered for `value`, or MISSING."""
    try:
        return memo.get(memo_key(value), MISSING)
    except TypeError:
        return MISSING


def remember(memo: dict[Hashable, Any], value: Any, result: Any) -> None:
    with suppress(TypeError):  # unhashable: done again next time
        memo[memo_key(value)] = result
