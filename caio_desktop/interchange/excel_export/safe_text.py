"""Text as a workbook stores it: never evaluated as a formula, and read back character for character.

Two dangers, two remedies:

- Formula injection: text starting with ``= + - @``, a tab or a carriage return is what spreadsheets
  (and CSV conversions of the workbook) treat as a formula. Such cells are written as strings (cell
  type ``s``) with the quote-prefix style and the Text number format, so that neither opening the file
  nor editing the cell evaluates them. The text itself is not changed.
- Characters XML cannot carry (controls other than tab and line feed; a carriage return is normalised
  away by XML parsers): OOXML escapes them as ``_xHHHH_``, and a literal ``_xHHHH_`` in the text as
  ``_x005F_xHHHH_``. Excel, LibreOffice and python-calamine (the importer) decode these, so the
  round trip gives back the exact text.
"""

from __future__ import annotations

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return "_x005F_" if char == "_" else f"_x{ord(char):04X}_"


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take `text` for a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def stored_text(text: str) -> str:
    """`text` in the form an xlsx cell holds (escaped only where XML or OOXML require it)."""
    if text.isprintable() and "_x" not in text:  # most cells: no control character, no look-alike
        return text
    return _NEEDS_ESCAPE.sub(_escape, text)
