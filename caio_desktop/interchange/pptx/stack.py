"""Short parts of a section on one slide: a line of text and the small registers after it.

A committee's "since the last committee" is a sentence and three short tables; a slide each would be
four nearly empty slides. Parts that each fit well within a slide (a register of a slide or less, a
short run of text) are measured at the content width and dealt onto slides in order, as many as fit
the content height, each table under its caption.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Inches, Pt

from caio_desktop.interchange.deliverables.nodes import Table
from caio_desktop.interchange.pptx import fit
from caio_desktop.interchange.pptx.deck import Box, Deck, Run
from caio_desktop.interchange.pptx.tables import Measured, draw, enlarged, measure, note_lines
from caio_desktop.interchange.pptx.texts import Item

TEXT_SIZE = 16.0
CAPTION_SIZE = 14.0
CAPTION_HEIGHT = Inches(0.38)
PART_GAP = Inches(0.22)
MAX_TEXT_SHARE = 0.35  # a longer text has slides of its own


@dataclass
class Part:
    """A table under its caption, or a few lines of text, with the height it takes."""

    height: int
    caption: str = ""
    measured: Measured | None = None
    items: tuple[Item, ...] = ()


def table_part(deck: Deck, table: Table, caption: str) -> Part | None:
    """`table` as a part, or None when it would take (nearly) a whole slide by itself."""
    measured = measure(table, deck.content.width)
    height = measured.height() + (CAPTION_HEIGHT if caption else 0)
    if not measured.one_slide or height > deck.content.height * 0.8:
        return None
    return Part(height, caption, measured)


def _item_height(item: Item, width: float) -> float:
    size = CAPTION_SIZE if item.kind == "heading" else TEXT_SIZE
    return fit.line_count(item.text, width, size, bold=item.kind == "heading") * size * fit.LINE_HEIGHT + size * 0.4


def text_part(deck: Deck, items: Sequence[Item]) -> Part | None:
    """Short text as a part, or None when it is too long to share a slide."""
    width = fit.pt(deck.content.width) - fit.INSET_X_PT
    height = Pt(sum(_item_height(it, width) for it in items) + fit.INSET_Y_PT)
    if height > deck.content.height * MAX_TEXT_SHARE:
        return None
    return Part(int(height), items=tuple(items))


def pack(parts: Sequence[Part], room: int) -> list[list[Part]]:
    """Parts in order onto slides of `room` EMU (a part alone on its slide when it is all that fits)."""
    slides: list[list[Part]] = [[]]
    used = 0
    for part in parts:
        need = part.height + (PART_GAP if slides[-1] else 0)
        if slides[-1] and used + need > room:
            slides.append([])
            used, need = 0, part.height
        slides[-1].append(part)
        used += need
    return [s for s in slides if s]


def stack_text(deck: Deck, slide, box: Box, items: Sequence[Item]) -> None:  # noqa: ANN001
    """Short text measured by `text_part`, in a text box."""
    deck.text_box(slide, box, [Run(it.text, CAPTION_SIZE if it.kind == "heading" else TEXT_SIZE,
                                   bold=it.kind == "heading",
                                   color=MSO_THEME_COLOR.TEXT_2 if it.kind == "heading" else None)
                               for it in items], space_before=TEXT_SIZE * 0.4)


def stack_slides(deck: Deck, title: str, parts: Sequence[Part], notes: Sequence[str] = ()) -> list:
    """The slides of `parts`: a lone table is titled with its caption, several share the section's title."""
    slides = []
    area = deck.content
    for n, group in enumerate(pack(parts, area.height)):
        lone = len(group) == 1 and group[0].measured is not None
        slide_title = (group[0].caption or title) if lone else title
        slide = deck.slide(deck.layouts.title_only, slide_title, notes=notes if n == 0 else ())
        top = area.top
        for part in group:
            if part.measured is not None:
                if lone:
                    part.measured = enlarged(part.measured, area.height)
                if part.caption and not lone and part.caption != title:
                    deck.text_box(slide, Box(area.left, top, area.width, CAPTION_HEIGHT),
                                  [Run(fit.clip(part.caption, fit.pt(area.width) - fit.INSET_X_PT, CAPTION_SIZE, 1,
                                                bold=True), CAPTION_SIZE, bold=True, color=MSO_THEME_COLOR.TEXT_2)])
                    top += CAPTION_HEIGHT
                rows = range(len(part.measured.heights))
                top += draw(deck, slide, part.measured, rows, area.left, top)
                deck.notes(slide, [part.caption, *note_lines(part.measured.table, part.measured.table.rows)])
            else:
                stack_text(deck, slide, Box(area.left, top, area.width, part.height), part.items)
                top += part.height
                deck.notes(slide, [it.text for it in part.items])
            top += PART_GAP
        slides.append(slide)
        deck.steps.step(0)
    return slides
