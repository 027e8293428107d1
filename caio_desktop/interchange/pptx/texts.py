"""Slides of words: the title slide, the agenda, and the key messages (key figures over the section's
paragraphs and bullets), split over further slides when they do not fit.

The rule that keeps text inside its placeholder: every paragraph is measured (`fit.wrap`) at the body
size of the template; if the run of paragraphs is taller than the placeholder, the size steps down by
2 pt to `MIN_BODY`; if it still does not fit, the paragraphs are dealt out over as many slides as they
need at `SPLIT_BODY` (a paragraph taller than a whole slide is cut between sentences).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from caio_desktop.interchange.deliverables import i18n
from caio_desktop.interchange.pptx import fit
from caio_desktop.interchange.pptx.deck import Box, Deck, Run, fill, placeholder_of, set_paragraph, style_size
from caio_desktop.interchange.pptx.words import continued, word

MIN_BODY = 14.0
SPLIT_BODY = 16.0
FIGURES_HEIGHT = Inches(1.35)
FIGURES_PER_ROW = 4
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
_BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


@dataclass(frozen=True)
class Item:
    """A paragraph of a text slide: a bullet, plain text, or a bold sub-heading."""

    text: str
    kind: str = "para"  # "bullet", "para", "heading"
    small: bool = False
    keep: int | None = None  # items sharing a number stay on one slide when they can (a Group, a heading)


def _indent_pt(deck: Deck) -> float:
    """The template's first-level bullet indent (text starts this far right of the box's edge)."""
    found = deck.layouts.content.slide_master.element.find(
        f".//{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}")
    mar = found.get("marL") if found is not None else None
    return fit.pt(int(mar)) if mar else 27.0


def _item_size(item: Item, size: float) -> float:
    return round(size * 0.8) if item.small else size


def _cost(item: Item, width: float, size: float, indent: float, first: bool) -> float:
    """Height in points `item` takes in a box `width` pt wide at body `size`."""
    s = _item_size(item, size)
    lines = fit.line_count(item.text, width - (indent if item.kind == "bullet" else 0), s,
                           bold=item.kind == "heading")
    return lines * s * fit.LINE_HEIGHT + (0 if first else s * 0.4)


def _fits(items: Sequence[Item], width: float, height: float, size: float, indent: float) -> bool:
    return sum(_cost(it, width, size, indent, i == 0) for i, it in enumerate(items)) <= height - fit.INSET_Y_PT


def _split_long(item: Item, width: float, height: float, size: float, indent: float) -> list[Item]:
    """`item` cut between sentences (then between words) into pieces that each fit a whole box."""
    if _fits([item], width, height, size, indent):
        return [item]
    pieces: list[Item] = []
    current = ""
    for sentence in _SENTENCE.split(item.text):
        for word_ in sentence.split(" ") if not _fits([Item(sentence, item.kind)], width, height, size,
                                                      indent) else [sentence]:
            trial = f"{current} {word_}".strip()
            if current and not _fits([Item(trial, item.kind)], width, height, size, indent):
                pieces.append(Item(current, item.kind, item.small, item.keep))
                current = word_
            else:
                current = trial
    if current:
        pieces.append(Item(current, item.kind, item.small, item.keep))
    return pieces


def paginate(items: Sequence[Item], width: float, height: float, base: float, indent: float,
             first_height: float | None = None) -> tuple[float, list[list[Item]]]:
    """The body size and the items of each slide (see the module docstring). `first_height` is the
    room on the first slide when it is smaller (key figures above the text)."""
    first = height if first_height is None else first_height
    size = base
    while size >= MIN_BODY:
        if _fits(items, width, first, size, indent):
            return size, [list(items)]
        size -= 2
    size = min(base, SPLIT_BODY)
    pages: list[list[Item]] = [[]]
    for item in items:
        for piece in _split_long(item, width, height, size, indent):
            room = first if len(pages) == 1 else height
            if pages[-1] and not _fits([*pages[-1], piece], width, room, size, indent):
                pages.append(_carried(pages[-1], piece, width, height, size, indent))
            pages[-1].append(piece)
    return size, pages


def _carried(page: list[Item], piece: Item, width: float, height: float, size: float, indent: float) -> list[Item]:
    """The items at the foot of a full `page` that belong with `piece` (its heading, the start of its
    group), taken off that page to open the next one with it, when together they fit a slide."""
    if piece.keep is None:
        return []
    start = len(page)
    while start > 1 and page[start - 1].keep == piece.keep:
        start -= 1
    carried = page[start:]
    if not carried or not _fits([*carried, piece], width, height, size, indent):
        return []
    del page[start:]
    return carried


def write_items(frame, items: Sequence[Item], size: float) -> None:  # noqa: ANN001 - a text frame
    """The items as the paragraphs of a body placeholder: bullets keep the template's bullet, plain
    paragraphs and sub-headings lose it."""
    frame.word_wrap = True
    for index, item in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        s = _item_size(item, size)
        set_paragraph(paragraph, Run(item.text, s, bold=item.kind == "heading",
                                     color=MSO_THEME_COLOR.TEXT_2 if item.kind == "heading" else None))
        paragraph.space_before = Pt(0 if index == 0 else s * 0.4)
        if item.kind != "bullet":
            ppr = paragraph._p.get_or_add_pPr()  # noqa: SLF001 - no public API for "no bullet"
            ppr.set("marL", "0")
            ppr.set("indent", "0")
            etree.SubElement(ppr, qn("a:buNone"))


def key_figures(deck: Deck, slide, band: Box, figures: Sequence[tuple[str, str]]) -> None:  # noqa: ANN001
    """Large numbers with their captions, in tiles across `band`."""
    rows = [figures[i:i + FIGURES_PER_ROW] for i in range(0, len(figures), FIGURES_PER_ROW)]
    row_height = (band.height - Inches(0.15) * (len(rows) - 1)) // max(1, len(rows))
    for r, row in enumerate(rows):
        line = Box(band.left, band.top + r * (row_height + Inches(0.15)), band.width, row_height)
        columns = min(len(figures), FIGURES_PER_ROW)  # a short last row keeps the tiles' width
        for tile, (value, caption) in zip(line.grid(columns, 1, Inches(0.15)), row, strict=False):
            shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(tile.left), Emu(tile.top), Emu(tile.width),
                                           Emu(tile.height))
            fill(shape, MSO_THEME_COLOR.BACKGROUND_2)
            shape.line.fill.background()
            style = shape._element.find(qn("p:style"))  # noqa: SLF001 - the theme's shape style adds a shadow
            if style is not None:
                shape._element.remove(style)  # noqa: SLF001
            width, height = fit.pt(tile.width) - fit.INSET_X_PT, fit.pt(tile.height)
            vsize = fit.fitting_size(value, width, 40, (32, 28, 24, 20, 16, 14), bold=True) or 14
            room = height - vsize * fit.LINE_HEIGHT
            csize = next((s for s in (13, 12, 11, 10) if fit.line_count(caption, width, s) <= fit.max_lines(room, s)),
                         10)
            caption = fit.clip(caption, width, csize, max(1, fit.max_lines(room, csize)))
            frame = shape.text_frame
            frame.word_wrap = True
            frame.auto_size = MSO_AUTO_SIZE.NONE
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            set_paragraph(frame.paragraphs[0], Run(value, vsize, bold=True, color=deck.accent, align=PP_ALIGN.CENTER))
            set_paragraph(frame.add_paragraph(), Run(caption, csize, color=MSO_THEME_COLOR.TEXT_1,
                                                     align=PP_ALIGN.CENTER))


def text_slides(deck: Deck, title: str, items: Sequence[Item], figures: Sequence[tuple[str, str]] = (),
                notes: Sequence[str] = ()) -> list:
    """The slides of a run of text (with key figures on the first): as many as the text needs."""
    layout = deck.layouts.content
    body = placeholder_of(layout, _BODY_TYPES)
    box = Box(body.left, body.top, body.width, body.height)
    band_height = 0
    if figures:
        rows = (len(figures) + FIGURES_PER_ROW - 1) // FIGURES_PER_ROW
        band_height = FIGURES_HEIGHT * rows + Inches(0.15) * (rows - 1)
    band, rest = box.below(band_height, Inches(0.3)) if figures else (None, box)
    width, height = fit.pt(box.width) - fit.INSET_X_PT, fit.pt(box.height)
    size, pages = paginate(items, width, height, deck.body_size, _indent_pt(deck),
                           first_height=fit.pt(rest.height) if figures else None)
    slides = []
    for n, page in enumerate(pages, start=1):
        slide = deck.slide(layout, continued(title, n, len(pages), deck.lang),
                           notes=[*(notes if n == 1 else ()), *(it.text for it in page)])
        ph = placeholder_of(slide, _BODY_TYPES)
        if n == 1 and band is not None:
            key_figures(deck, slide, band, figures)
            ph.left, ph.top, ph.width, ph.height = (Emu(v) for v in (rest.left, rest.top, rest.width, rest.height))
        if page:
            write_items(ph.text_frame, page, size)
        else:
            ph.element.getparent().remove(ph.element)  # an empty placeholder shows its prompt text
        slides.append(slide)
    return slides


def title_slide(deck: Deck) -> None:
    """Title, client and sector, date and consultant, and the client's logo when it is a picture."""
    doc = deck.document
    layout = deck.layouts.title
    slide = deck.prs.slides.add_slide(layout)
    title = placeholder_of(slide, (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE))
    deck.fit_title(title, doc.title, style_size(layout, (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE), 36),
                   minimum=20)
    date = i18n.format_date(doc.as_of, doc.lang)
    byline = " · ".join(x for x in (date, doc.consultant, f"v{doc.version}" if doc.version else "") if x)
    lines = [doc.subtitle, byline, doc.confidentiality]
    sub = placeholder_of(slide, (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY))
    if sub is None:
        return
    base = style_size(layout, (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY), 20)
    width, height_room = fit.pt(sub.width) - fit.INSET_X_PT, fit.pt(sub.height) - fit.INSET_Y_PT

    def sizes(size: float) -> tuple[float, ...]:  # client line, byline, notice
        return (size, round(size * 0.8), round(size * 0.65))

    def height(size: float) -> float:
        return sum(fit.line_count(t, width, s, bold=i == 0) * s * fit.LINE_HEIGHT
                   for i, (t, s) in enumerate(zip(lines, sizes(size), strict=True)))

    size = base
    while size > 10 and height(size) > height_room:
        size -= 1
    frame = sub.text_frame
    frame.word_wrap = True
    for index, (text, s) in enumerate(zip(lines, sizes(size), strict=True)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        set_paragraph(paragraph, Run(text, s, bold=index == 0, italic=index == 2))
    deck.notes(slide, [doc.title, *lines, *(f"{label}: {value}" for label, value in doc.cover_meta)])
    if doc.client_logo and (doc.client_logo_type or "").lower() in ("png", "jpeg", "jpg", "image/png",
                                                                     "image/jpeg"):
        try:
            slide.shapes.add_picture(BytesIO(doc.client_logo), deck.prs.slide_width - Inches(2.6), Inches(0.5),
                                     height=Inches(0.9))
        except Exception:  # an unreadable logo leaves the title slide without it, as the PDF cover does
            deck.warnings.append("The client's logo could not be read; the title slide has none.")


def agenda(deck: Deck, titles: Sequence[str]) -> None:
    """The agenda: the section titles, numbered."""
    items = [Item(f"{n}.  {t}") for n, t in enumerate(titles, start=1)]
    text_slides(deck, word("agenda", deck.lang), items, notes=[word("agenda", deck.lang), *titles])
