"""What every section of a deliverable needs: the workspace rows, the language, the date, the words.

Reads go through `caio_desktop.workspace.queries`; labels of fields and enumeration values come from
the module registry, so the deliverables speak the same words as the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import module
from caio_desktop.interchange.deliverables import i18n
from caio_desktop.workspace import queries

Row = dict[str, Any]


class DeliverableCancelled(Exception):
    """The user cancelled the export (the progress callback returned False)."""


@dataclass
class DeliverableContext:
    """One deliverable being built: its inputs, and a row cache so that sections read each module once."""

    workspace: Any
    kind: str
    lang: str
    as_of: dt.date
    title: str
    progress: Callable[[int, int], bool] | None = None
    steps_total: int = 1
    steps_done: int = 0
    _rows: dict[str, list[Row]] = field(default_factory=dict)
    _labels: dict[str, dict[int, str]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # what a builder reads once per deliverable

    # --- data ----------------------------------------------------------------------------------------
    @cached_property
    def engagement(self) -> Row:
        rows = queries.fetch_rows(self.workspace, "engagement", limit=1)
        if not rows:
            raise ValueError("the workspace has no engagement row")
        return rows[0]

    def rows(self, module_key: str) -> list[Row]:
        """Every row of a module (read once per deliverable)."""
        if module_key not in self._rows:
            self._rows[module_key] = queries.fetch_rows(self.workspace, module_key)
        return self._rows[module_key]

    def ref_label(self, module_key: str, row_id: int | None) -> str:
        """The name of a referenced row (a risk's AI system, a milestone's initiative)."""
        if row_id is None:
            return ""
        if module_key not in self._labels:  # whole names: a table cell wraps, the app's pickers shorten
            mod = module(module_key)
            self._labels[module_key] = {r["id"]: queries.row_label(mod, r, limit=500) for r in self.rows(module_key)}
        return self._labels[module_key].get(row_id, "")

    # --- words ---------------------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        return i18n.text(key, self.lang, **values)

    def choice(self, enumeration: str, code: str | None) -> str:
        return ENUMERATIONS[enumeration].label(code, self.lang)

    def field_label(self, module_key: str, field_key: str) -> str:
        return module(module_key).field(field_key).label(self.lang)

    def module_label(self, module_key: str) -> str:
        return module(module_key).label(self.lang)

    def date(self, value: dt.date | None) -> str:
        return i18n.format_short_date(value, self.lang)

    def long_date(self, value: dt.date | None) -> str:
        return i18n.format_date(value, self.lang)

    def number(self, value: float | None, *, decimals: int | None = None) -> str:
        return i18n.format_number(value, self.lang, decimals=decimals)

    def percent(self, value: float | None) -> str:
        return i18n.format_percent(value, self.lang)

    @property
    def client(self) -> str:
        return str(self.engagement.get("client_name") or "")

    # --- progress ------------------------------------------------------------------------------------
    def step(self, advance: int = 1) -> None:
        """Report progress; raise DeliverableCancelled when the callback answers False."""
        self.steps_done = min(self.steps_total, self.steps_done + advance)
        if self.progress is not None and self.progress(self.steps_done, self.steps_total) is False:
            raise DeliverableCancelled(f"export of the {self.kind} deliverable cancelled")
