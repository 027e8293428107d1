"""A client's own values for an extensible choice list (their risk categories, their treatments):
mapped onto an existing choice, or added to the engagement's list as a new one.

The mapping file says it per distinct value (`"values": {"Catégorie": {"Conformité": "new",
"RH / Organisation": "operational"}}`: "new" adds the value as a choice, anything else names an existing
choice by code or label, "keep" keeps it as a custom attribute); `add_choices=True` (`caio import --add-choices`, the wizard's check box) adds
every value that fits no choice. New choices are planned here and written by `apply_import` in the
import's own transaction (setting `choices:<enumeration>`), so one undo removes both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from caio_desktop.domain.distinct import Memo, remember
from caio_desktop.domain.enums import ENUMERATIONS, EXTENSIBLE
from caio_desktop.interchange.importing.normalize import Unfit, match_choice
from caio_desktop.interchange.importing.text import cell_text, fold

NEW = frozenset(("new", "add", "+", "nouveau", "nouvelle", "ajouter"))
KEEP = frozenset(("keep", "custom", "garder"))  # kept as a custom attribute even with add_choices
SETTING_PREFIX = "choices:"


def new_code(enumeration_key: str, text: str, taken: Mapping[str, str]) -> str:
    """A readable code for a client's value ("RH / Organisation" → "rh_organisation"), unused."""
    base = fold(text).replace(" ", "_")[:40] or "choice"
    code, n = base, 2
    while code in ENUMERATIONS[enumeration_key] or (code in taken and fold(taken[code]) != fold(text)):
        code, n = f"{base}_{n}", n + 1
    return code


def extensible_converter(enumeration_key: str, convert: Callable[[Any], Any], overrides: Mapping[str, Any],
                         add_new: bool, planned: dict[str, str], cleaned: Memo) -> Callable[[Any], Any]:
    """`convert` for a choice column of an extensible enumeration: the mapping file's word first, then
    the usual matching, then (with `add_new`) the value as a new choice, put in `planned` (code →
    label) and accepted by the column's cleaner (`cleaned`, its memo)."""
    if enumeration_key not in EXTENSIBLE:
        return convert

    def add(cell: Any) -> str:
        label = " ".join(cell_text(cell).split())
        code = next((c for c, text in planned.items() if fold(text) == fold(label)), None) or \
            new_code(enumeration_key, label, planned)
        planned[code] = label
        remember(cleaned, code, code)  # not in the enumeration until the import writes it
        return code

    def wrapped(cell: Any) -> Any:
        target = overrides.get(fold(cell_text(cell))) if overrides else None
        if target is not None:
            if fold(str(target)) in NEW:
                return add(cell)
            if fold(str(target)) in KEEP:
                return convert(cell)  # a shipped choice, else Unfit: kept as an attribute
            code = match_choice(enumeration_key, target)
            if code is None:
                raise Unfit(f"is mapped to {target!r}, which is not a choice")
            return code
        try:
            return convert(cell)
        except Unfit:
            if add_new:
                return add(cell)
            raise

    return wrapped


def stored_choices(existing: list[dict[str, str]], planned: Mapping[str, str]) -> list[dict[str, str]]:
    """The setting's new value: the engagement's choices, then the planned ones (same label in FR and
    EN: the client's own word, which they will read in either language)."""
    out = [dict(c) for c in existing]
    known = {c.get("code") for c in out}
    out += [{"code": code, "fr": label, "en": label} for code, label in planned.items() if code not in known]
    return out
