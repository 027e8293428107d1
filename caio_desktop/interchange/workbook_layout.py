"""The conventions of an exported engagement workbook, shared by the Excel export and the importer.

A register sheet of the export is re-importable with the ordinary header-row mapping:

- row 1 holds the headers, data starts on row 2;
- each field's column is headed with the field's label in the workbook's language (``Field.label``),
  in registry order, computed fields included (their header is greyed and carries a note); the
  importer skips the columns ``computed_headers`` names in a workbook marked with ``EXPORT_KEYWORD``,
  since operations recompute those values;
- no internal row id is exported: ids mean nothing outside their file, and a re-import finds the row
  it updates by code (risks) or title, as people do;
- custom attributes follow the fields, headed with the attribute's own name;
- values: CHOICE as the choice's label, BOOL as ``YES_NO[lang]``, REF as the target row's full label
  (code, else title: ``ref_label``), REFS as labels joined with ``REFS_SEPARATOR``, dates as real
  dates, numbers as numbers, text exactly as stored (control characters and ``_xHHHH_`` look-alikes
  are escaped the OOXML way, which python-calamine and Excel undo on reading).
"""

from __future__ import annotations

import re
from typing import Any

from caio_desktop.domain.fields import Module

# Written in the workbook's document properties (keywords): tells the importer that a sheet is one of
# our own exports, whose computed columns it must skip (a client's own "Level" column is kept instead).
EXPORT_KEYWORD = "caio-desktop-export"

REFS_SEPARATOR = "; "
YES_NO: dict[str, tuple[str, str]] = {"fr": ("Oui", "Non"), "en": ("Yes", "No")}
HEADER_ROW = 1
FIRST_DATA_ROW = 2

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31  # Excel refuses longer sheet names


def bool_text(value: bool | None, lang: str) -> str | None:
    """How a yes/no value reads in the workbook's language."""
    if value is None:
        return None
    yes, no = YES_NO[lang if lang in YES_NO else "en"]
    return yes if value else no


def computed_headers(mod: Module) -> frozenset[str]:
    """The headers of `mod`'s computed columns in either language: shown in an export, never imported."""
    return frozenset(label for f in mod.fields if f.computed for label in (f.fr, f.en))


def ref_label(mod: Module, row: dict[str, Any]) -> str:
    """A row as other rows refer to it in a workbook: its code when it has one, else its title field,
    with runs of white space collapsed (the label a person would type), never truncated."""
    value = row.get(mod.code_field) if mod.code_field else None
    if value in (None, ""):
        value = row.get(mod.title_field)
    if value is None:
        return f"#{row.get('id')}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return " ".join(str(value).split())


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name from `text` (≤ 31 characters, no ``[]:*?/\\``); adds it to `taken`.

    Uniqueness is case-insensitive, as in Excel."""
    base = _SHEET_FORBIDDEN.sub(" ", text).strip().strip("'") or "Sheet"
    base = base[:SHEET_TITLE_MAX].rstrip()
    title, n = base, 2
    folded = {t.casefold() for t in taken}
    while title.casefold() in folded:
        suffix = f" ({n})"
        title = base[: SHEET_TITLE_MAX - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(title)
    return title
