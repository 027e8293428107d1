"""Validation of a row's values against its module's fields, before any operation writes them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import Field, FieldKind, Module

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_MAX_TEXT = 1_000_000  # one field never holds more than a million characters: protects the file and UI


# Kinds as module constants: clean_value runs once per cell of an import (a million times for a large
# register), and enum attribute lookups and a closure per call were most of its cost.
_TEXT, _LONG_TEXT, _INTEGER, _SCORE, _PERCENT, _REF = (
    FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.INTEGER, FieldKind.SCORE, FieldKind.PERCENT, FieldKind.REF)
_NUMBER, _DATE, _BOOL, _CHOICE, _REFS, _COLOR_KIND = (
    FieldKind.NUMBER, FieldKind.DATE, FieldKind.BOOL, FieldKind.CHOICE, FieldKind.REFS, FieldKind.COLOR)
_TEXT_KINDS = frozenset((_TEXT, _LONG_TEXT))
_WHOLE_KINDS = frozenset((_INTEGER, _SCORE, _PERCENT, _REF))


def _fail(module: Module, field: Field, value: Any, reason: str) -> ValidationError:
    return ValidationError(module.key, field.key, value, reason)


def clean_value(module: Module, field: Field, value: Any) -> Any:
    """The value as stored, or a ValidationError that says why it does not fit."""
    kind = field.kind
    if value is None or (isinstance(value, str) and not value.strip() and kind != _REFS):
        if field.required:
            raise _fail(module, field, value, "is required")
        return None
    if kind in _TEXT_KINDS:
        text = str(value)
        if kind == _TEXT:
            text = text.strip()
        if len(text) > _MAX_TEXT:
            raise _fail(module, field, value, f"is longer than {_MAX_TEXT} characters")
        return text
    if kind in _WHOLE_KINDS:
        number = _as_int(value)
        if number is None:
            raise _fail(module, field, value, "is not a whole number")
        if kind == _SCORE and not 1 <= number <= 5:
            raise _fail(module, field, value, "must be between 1 and 5")
        if kind == _PERCENT and not 0 <= number <= 100:
            raise _fail(module, field, value, "must be between 0 and 100")
        return number
    if kind == _NUMBER:
        try:
            number = float(str(value).replace(",", ".").replace("\u202f", "").replace(" ", ""))
        except ValueError:
            raise _fail(module, field, value, "is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise _fail(module, field, value, "is not a finite number")
        return number
    if kind == _DATE:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise _fail(module, field, value, "is not a date (expected YYYY-MM-DD)") from None
    if kind == _BOOL:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "true", "yes", "oui", "y", "o", "x", "vrai"}:
            return True
        if text in {"0", "false", "no", "non", "n", "faux"}:
            return False
        raise _fail(module, field, value, "is not yes or no")
    if kind == _CHOICE:
        enum = ENUMERATIONS[field.choices or ""]
        code = str(value).strip()
        if code not in enum:
            raise _fail(module, field, value, f"is not one of {', '.join(enum.codes)}")
        return code
    if kind == _REFS:
        if isinstance(value, str):
            value = [v for v in re.split(r"[,;\s]+", value) if v]
        ids = []
        for item in value:
            number = _as_int(item)
            if number is None:
                raise _fail(module, field, value, "must be a list of row ids")
            ids.append(number)
        return sorted(set(ids))
    if kind == _COLOR_KIND:
        text = str(value).strip()
        if not _COLOR.match(text):
            raise _fail(module, field, value, "is not a colour (expected #RRGGBB)")
        return text.upper()
    raise _fail(module, field, value, f"has an unknown kind {kind}")  # pragma: no cover - every kind is handled above


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    try:
        text = str(value).strip()
        as_float = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(as_float) if as_float.is_integer() else None


def clean_values(module: Module, values: Mapping[str, Any], *, partial: bool) -> dict[str, Any]:
    """Validate `values` for `module`: every key must be an editable field; with `partial=False`
    every required field must be present. Returns the cleaned values."""
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "custom":
            cleaned["custom"] = clean_custom(module, value)
            continue
        try:
            field = module.field(key)
        except KeyError:
            raise ValidationError(module.key, key, value, "is not a field of this module") from None
        if field.computed:
            raise ValidationError(module.key, key, value, "is computed and cannot be set")
        cleaned[key] = clean_value(module, field, value)
    if not partial:
        for field in module.required_fields:
            if cleaned.get(field.key) is None:
                raise ValidationError(module.key, field.key, None, "is required")
    return cleaned


def clean_custom(module: Module, value: Any) -> dict[str, str]:
    """Custom attributes: the client's own columns, kept as text so nothing is lost or reinterpreted."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValidationError(module.key, "custom", value, "must be a mapping of names to values")
    out: dict[str, str] = {}
    for key, item in value.items():
        name = str(key).strip()
        if not name:
            raise ValidationError(module.key, "custom", value, "has an attribute without a name")
        out[name] = "" if item is None else str(item)
    return out
