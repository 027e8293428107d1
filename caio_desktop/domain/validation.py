"""Validation of a row's values against its module's fields, before any operation writes them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from caio_desktop.domain.distinct import MISSING, Memo, lookup, recall, remember
from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import Field, FieldKind, Module

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_MAX_TEXT = 1_000_000  # one field never holds more than a million characters: protects the file and UI


# Kinds as module constants: a cleaner is chosen once per field (`cleaner`) and runs once per cell of an
# import (a million times for a large register).
_TEXT, _LONG_TEXT, _INTEGER, _SCORE, _PERCENT, _REF = (
    FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.INTEGER, FieldKind.SCORE, FieldKind.PERCENT, FieldKind.REF)
_NUMBER, _DATE, _BOOL, _CHOICE, _REFS, _COLOR_KIND = (
    FieldKind.NUMBER, FieldKind.DATE, FieldKind.BOOL, FieldKind.CHOICE, FieldKind.REFS, FieldKind.COLOR)
_TEXT_KINDS = frozenset((_TEXT, _LONG_TEXT))


class _Refused(ValueError):
    """A value a kind's converter refuses; `reason` becomes the ValidationError's."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _whole(value: Any) -> int:
    number = _as_int(value)
    if number is None:
        raise _Refused("is not a whole number")
    return number


def _score(value: Any) -> int:
    number = _whole(value)
    if not 1 <= number <= 5:
        raise _Refused("must be between 1 and 5")
    return number


def _percent(value: Any) -> int:
    number = _whole(value)
    if not 0 <= number <= 100:
        raise _Refused("must be between 0 and 100")
    return number


def _number(value: Any) -> float:
    try:
        number = float(str(value).replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        raise _Refused("is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise _Refused("is not a finite number")
    return number


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise _Refused("is not a date (expected YYYY-MM-DD)") from None


_TRUE = frozenset(("1", "true", "yes", "oui", "y", "o", "x", "vrai"))
_FALSE = frozenset(("0", "false", "no", "non", "n", "faux"))


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _Refused("is not yes or no")


def _choice(field: Field) -> Callable[[Any], str]:
    enum = ENUMERATIONS[field.choices or ""]
    reason = f"is not one of {', '.join(enum.codes)}"

    def convert(value: Any) -> str:
        code = str(value).strip()
        if code not in enum:
            raise _Refused(reason)
        return code

    return convert


def _refs(value: Any) -> list[int]:
    if isinstance(value, str):
        value = [v for v in re.split(r"[,;\s]+", value) if v]
    ids = []
    for item in value:
        number = _as_int(item)
        if number is None:
            raise _Refused("must be a list of row ids")
        ids.append(number)
    return sorted(set(ids))


def _color(value: Any) -> str:
    text = str(value).strip()
    if not _COLOR.match(text):
        raise _Refused("is not a colour (expected #RRGGBB)")
    return text.upper()


_BY_KIND: dict[FieldKind, Callable[[Any], Any]] = {
    _INTEGER: _whole, _REF: _whole, _SCORE: _score,
    _PERCENT: _percent, _NUMBER: _number, _DATE: _date, _BOOL: _bool, _REFS: _refs, _COLOR_KIND: _color,
}
Cleaner = Callable[[Any], Any]
_CLEANERS: dict[tuple, Cleaner] = {}


def cleaner(module: Module, field: Field) -> Cleaner:
    """The function `value → value as stored` (raising ValidationError) for one field: the kind's
    rules chosen once, so that a column of an import is cleaned without deciding them per cell."""
    signature = (module.key, field.key, field.kind, field.required, field.choices)
    found = _CLEANERS.get(signature)
    if found is None:
        found = _CLEANERS[signature] = _make_cleaner(module, field)
    return found


def _make_cleaner(module: Module, field: Field) -> Cleaner:
    kind, required, module_key, key = field.kind, field.required, module.key, field.key
    if kind == _CHOICE:
        convert = _choice(field)
    elif kind in _BY_KIND:
        convert = _BY_KIND[kind]
    else:  # pragma: no cover - every kind is handled above
        def convert(value: Any) -> Any:
            raise _Refused(f"has an unknown kind {kind}")
    if kind in _TEXT_KINDS:
        return _text_cleaner(module_key, key, required=required, strip=kind == _TEXT)
    blank_is_empty = kind != _REFS  # an empty text is an empty list of links, not a missing value

    def clean(value: Any) -> Any:
        if value is None or (blank_is_empty and isinstance(value, str) and not value.strip()):
            if required:
                raise ValidationError(module_key, key, value, "is required")
            return None
        try:
            return convert(value)
        except _Refused as exc:
            raise ValidationError(module_key, key, value, exc.reason) from None

    return clean


def _text_cleaner(module_key: str, key: str, *, required: bool, strip: bool) -> Cleaner:
    """The cleaner of a text field, in one step (it runs for most cells of an import)."""

    def clean(value: Any) -> Any:
        if value is not None:
            text = value if value.__class__ is str else str(value)
            stripped = text.strip()
            if stripped or not isinstance(value, str):
                if strip:
                    text = stripped
                if len(text) > _MAX_TEXT:
                    raise ValidationError(module_key, key, value, f"is longer than {_MAX_TEXT} characters")
                return text
        if required:
            raise ValidationError(module_key, key, value, "is required")
        return None

    return clean


def clean_value(module: Module, field: Field, value: Any) -> Any:
    """The value as stored, or a ValidationError that says why it does not fit."""
    return cleaner(module, field)(value)


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


def _settable(module: Module, key: str, value: Any) -> Field:
    """The field `key` names, when values may be given for it."""
    try:
        field = module.field(key)
    except KeyError:
        raise ValidationError(module.key, key, value, "is not a field of this module") from None
    if field.computed:
        raise ValidationError(module.key, key, value, "is computed and cannot be set")
    return field


def clean_values(module: Module, values: Mapping[str, Any], *, partial: bool) -> dict[str, Any]:
    """Validate `values` for `module`: every key must be an editable field; with `partial=False`
    every required field must be present. Returns the cleaned values."""
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "custom":
            cleaned["custom"] = clean_custom(module, value)
            continue
        cleaned[key] = cleaner(module, _settable(module, key, value))(value)
    if not partial:
        for field in module.required_fields:
            if cleaned.get(field.key) is None:
                raise ValidationError(module.key, field.key, None, "is required")
    return cleaned


def clean_column(module: Module, key: str, values: Sequence[Any], *, memo: Memo | None = None,
                 ) -> tuple[list[Any], dict[int, ValidationError]]:
    """One field's values of many rows (an import's column) cleaned by the same rules as `clean_values`:
    the cleaned values (None where refused) and the error of each refused position. Equal values are
    cleaned once (`memo`: keep it across the blocks of one column), except texts (they rarely repeat:
    cleaning is cheaper than remembering)."""
    try:
        field = _settable(module, key, None)
    except ValidationError as exc:
        return [None] * len(values), {i: ValidationError(module.key, key, v, exc.reason) for i, v in enumerate(values)}
    clean = cleaner(module, field)
    errors: dict[int, ValidationError] = {}
    memo = {} if memo is None else memo
    if field.kind in _TEXT_KINDS:
        texts = _clean_texts(values, strip=field.kind == _TEXT)
        if texts is not None:
            return texts, errors
        try:
            return [clean(v) for v in values], errors
        except ValidationError:  # some refused: clean one by one below to know which
            out, pending = [MISSING] * len(values), range(len(values))
    else:
        out, pending = recall(memo, values)
    for position in pending:
        value = values[position]
        found = lookup(memo, value)
        if found is MISSING:
            try:
                found = clean(value)
            except ValidationError as exc:
                out[position] = None
                errors[position] = exc
                continue
            remember(memo, value, found)
        out[position] = found
    return out, errors


def _clean_texts(values: Sequence[Any], *, strip: bool) -> list[str] | None:
    """A column of texts as `_text_cleaner` stores them, in C, when every value is a text with something
    in it and within the length limit; None otherwise (the caller then cleans value by value)."""
    if not values or set(map(type, values)) != {str}:
        return None
    stripped = list(map(str.strip, values))
    if not all(stripped) or max(map(len, stripped if strip else values)) > _MAX_TEXT:
        return None
    return stripped if strip else list(values)


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
