"""NIST AI RMF 1.0 Core (functions → categories → subcategories), loaded from ``nist_ai_rmf.yaml``.

Identifiers are NIST's own ("GOVERN 1.1", "MEASURE 2.11"), so risk-library mappings and exported
deliverables cite them exactly as the framework does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from caio_desktop.reference.loader import (
    ReferenceDataError,
    ReferenceMeta,
    Text,
    read_reference_file,
    require,
    text_of,
)

FILE_NAME = "nist_ai_rmf.yaml"


@dataclass(frozen=True)
class Subcategory:
    """One outcome statement, e.g. ``MAP 1.1``."""

    id: str
    function_id: str
    category_id: str
    statement: Text

    def description(self, lang: str) -> str:
        """The outcome statement in ``lang`` (English is NIST's text, French a translation)."""
        return self.statement.get(lang)


@dataclass(frozen=True)
class Category:
    """A category of a function, e.g. ``GOVERN 1``."""

    id: str
    function_id: str
    statement: Text
    subcategories: tuple[Subcategory, ...]

    def description(self, lang: str) -> str:
        """The category statement in ``lang``."""
        return self.statement.get(lang)


@dataclass(frozen=True)
class Function:
    """One of GOVERN, MAP, MEASURE, MANAGE."""

    id: str
    name: Text
    statement: Text
    categories: tuple[Category, ...]

    def label(self, lang: str) -> str:
        """Display name in ``lang``."""
        return self.name.get(lang)

    def description(self, lang: str) -> str:
        """The function's summary statement in ``lang``."""
        return self.statement.get(lang)


@dataclass(frozen=True)
class NistAiRmf:
    """The AI RMF Core."""

    meta: ReferenceMeta
    functions: tuple[Function, ...]

    @property
    def categories(self) -> tuple[Category, ...]:
        """Every category in framework order."""
        return tuple(c for f in self.functions for c in f.categories)

    @property
    def subcategories(self) -> tuple[Subcategory, ...]:
        """Every subcategory in framework order."""
        return tuple(s for c in self.categories for s in c.subcategories)

    def subcategory(self, subcategory_id: str) -> Subcategory:
        """Subcategory by id such as "GOVERN 1.1" (KeyError if unknown)."""
        for sub in self.subcategories:
            if sub.id == subcategory_id:
                return sub
        raise KeyError(f"unknown NIST AI RMF subcategory {subcategory_id!r}")


def _check_id(value: Any, pattern: str, where: str) -> str:
    text = str(value)
    if not re.fullmatch(pattern, text):
        raise ReferenceDataError(f"{where}: malformed id {text!r}")
    return text


@cache
def load_nist_ai_rmf() -> NistAiRmf:
    """Load and validate the AI RMF Core (cached)."""
    ref = read_reference_file(FILE_NAME)
    functions = []
    for raw_f in require(ref.data, "functions", FILE_NAME):
        fid = _check_id(require(raw_f, "id", FILE_NAME), r"[A-Z]+", f"{FILE_NAME}: function")
        categories = []
        for raw_c in require(raw_f, "categories", f"{FILE_NAME}: {fid}"):
            cid = _check_id(require(raw_c, "id", FILE_NAME), rf"{fid} \d+", f"{FILE_NAME}: {fid} category")
            subs = tuple(
                Subcategory(
                    id=_check_id(require(raw_s, "id", FILE_NAME), rf"{cid}\.\d+", f"{FILE_NAME}: {cid}"),
                    function_id=fid,
                    category_id=cid,
                    statement=text_of(
                        require(raw_s, "description", f"{FILE_NAME}: {raw_s.get('id')}"),
                        f"{FILE_NAME}: {raw_s.get('id')}.description",
                    ),
                )
                for raw_s in require(raw_c, "subcategories", f"{FILE_NAME}: {cid}")
            )
            categories.append(
                Category(
                    id=cid,
                    function_id=fid,
                    statement=text_of(
                        require(raw_c, "description", f"{FILE_NAME}: {cid}"), f"{FILE_NAME}: {cid}"
                    ),
                    subcategories=subs,
                )
            )
        functions.append(
            Function(
                id=fid,
                name=text_of(require(raw_f, "label", f"{FILE_NAME}: {fid}"), f"{FILE_NAME}: {fid}.label"),
                statement=text_of(
                    require(raw_f, "description", f"{FILE_NAME}: {fid}"), f"{FILE_NAME}: {fid}"
                ),
                categories=tuple(categories),
            )
        )
    return NistAiRmf(meta=ref.meta, functions=tuple(functions))
