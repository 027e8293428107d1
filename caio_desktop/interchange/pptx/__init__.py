"""Decks: a deliverable's content model rendered as a PowerPoint presentation.

    from caio_desktop.interchange.pptx import check_template, render
    render(document, Path("COPIL.pptx"), template=None, steps=steps, warnings=warnings)

The deck is derived from the `nodes.Document` the PDF and Word renderers read: a title slide, the
agenda (the section titles), then each section's slides (`sections.SectionWriter`): key figures and key
messages, registers as native tables continued over further slides, charts as native charts (radar,
line, scatter, stacked bar) and the heat map as a coloured table, with the figures behind every slide
in its speaker notes. It is written into the template's layouts (`template.py`): the user's .pptx or
.potx when it has what we need, else `resources/templates/caio-deck.potx`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caio_desktop.interchange.pptx.template import check_template, default_template

__all__ = ["check_template", "default_template", "render"]


def render(document: Any, path: Path, *, template: Path | None, steps: Any, warnings: list[str]) -> None:
    """Write `document` as a deck to `path`: one `steps.step()` after each section, `steps.step(0)`
    between slides (it raises when the user cancels); what was not as asked goes to `warnings`."""
    from caio_desktop.interchange.pptx.deck import Deck
    from caio_desktop.interchange.pptx.sections import SectionWriter
    from caio_desktop.interchange.pptx.template import load
    from caio_desktop.interchange.pptx.texts import agenda, title_slide

    prs, layouts = load(template, warnings)
    deck = Deck(prs, layouts, document, warnings, steps=steps)
    _properties(prs, document)
    title_slide(deck)
    shown = [section for section in document.sections if section.in_deck]
    agenda(deck, [section.title for section in shown])
    for section in document.sections:
        if section in shown:
            SectionWriter(deck, section).write()
        steps.step()
    prs.save(str(path))


def _properties(prs: Any, document: Any) -> None:
    """Title, author, subject and language in the file's properties (the file browser and search show them)."""
    props = prs.core_properties
    props.title = document.title
    props.subject = document.subtitle
    props.author = props.last_modified_by = document.consultant or "CAIO Desktop"
    props.language = "fr-FR" if document.lang == "fr" else "en-GB"
    props.keywords = document.kind
    props.revision = 1
