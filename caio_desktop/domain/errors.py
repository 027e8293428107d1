"""Errors raised by domain rules: each names the field and the value so a person can fix it."""

from __future__ import annotations

QUOTED_CHARS = 80  # of a refused value, a message quotes at most this much (a cell may hold 50 MB)


def quoted(value: object, limit: int = QUOTED_CHARS) -> str:
    """`value` as a message quotes it: its repr, or, for a longer text, its first `limit` characters
    and its length (a refused 50 MB cell must not print 50 MB)."""
    if isinstance(value, str | bytes) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    text = repr(value)
    return text if len(text) <= limit + 2 else f"{text[:limit]}… ({len(text):,} characters)"


class DomainError(Exception):
    """A change that the engagement's rules refuse."""


class ValidationError(DomainError):
    """A value that does not fit its field."""

    def __init__(self, module: str, field: str, value: object, reason: str) -> None:
        self.module = module
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{module}.{field} = {quoted(value)}: {reason}")
