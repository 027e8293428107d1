"""Errors raised by domain rules: each names the field and the value so a person can fix it."""

from __future__ import annotations


class DomainError(Exception):
    """A change that the engagement's rules refuse."""


class ValidationError(DomainError):
    """A value that does not fit its field."""

    def __init__(self, module: str, field: str, value: object, reason: str) -> None:
        self.module = module
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{module}.{field} = {value!r}: {reason}")
