"""The deck's words come from the deliverables' one table of fixed texts (`deliverables.i18n`), where
the words a deck writes itself (agenda, continuation titles, chart furniture) sit beside the reports'."""

from __future__ import annotations

from caio_desktop.interchange.deliverables.i18n import text as word

__all__ = ["continued", "word"]


def continued(title: str, n: int, total: int, lang: str) -> str:
    """A slide title with its place in a run of continuation slides: "Top risks (2/3)"."""
    return title if total <= 1 else word("continued", lang, title=title, n=n, total=total)
