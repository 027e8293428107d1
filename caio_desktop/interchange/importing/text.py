"""Folding of client wording for comparison: "Élevé", "ELEVE " and "élevé." all become "eleve"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z%#]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents removed, punctuation and runs of spaces collapsed to one space."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("œ", "oe").replace("Œ", "oe"))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", ascii_only).strip()


def clean_header(value: object) -> str:
    """A header cell as people read it: line breaks and repeated spaces become one space."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def cell_text(value: object) -> str:
    """A cell as the text a client typed (custom attributes, reports): no trailing ".0" on whole numbers."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value)
