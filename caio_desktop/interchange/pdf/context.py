"""What the PDF renderer needs of a deliverable: the content's facts (client, title, language, date,
logos), the client's palette and the style sheet built from it, and the build's progress."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from caio_desktop.interchange.deliverables import i18n
from caio_desktop.interchange.deliverables.nodes import Document
from caio_desktop.interchange.pdf.styles import Palette, Styles, build_styles


@dataclass
class PdfContext:
    """One PDF being laid out from one Document."""

    document: Document
    steps: Any = None  # deliverables.render.Steps, or None (no progress, no cancel)
    logos: dict[str, Any] = field(default_factory=dict)  # logos read once per deliverable (document.py)

    @property
    def lang(self) -> str:
        return self.document.lang

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def client(self) -> str:
        return self.document.client

    @property
    def as_of(self) -> dt.date:
        return self.document.as_of

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def firm_logo(self) -> bytes | None:
        return self.document.firm_logo

    @cached_property
    def engagement(self) -> dict[str, Any]:
        """The engagement facts the page furniture draws (logo, consultant)."""
        d = self.document
        return {"client_logo": d.client_logo, "client_logo_type": d.client_logo_type, "consultant_name": d.consultant}

    def t(self, key: str, **values: object) -> str:
        return i18n.text(key, self.lang, **values)

    def long_date(self, value: dt.date | None) -> str:
        return i18n.format_date(value, self.lang)

    @cached_property
    def palette(self) -> Palette:
        return Palette.from_hex(self.document.primary_color)

    @cached_property
    def styles(self) -> Styles:
        return build_styles(self.palette)

    def step(self, advance: int = 1) -> None:
        """Report progress; a cancel raises DeliverableCancelled (from the build's context)."""
        if self.steps is not None:
            self.steps.step(advance)
