"""The deck being written: the presentation, its layouts, the content area, and the slide primitives
(a slide with a fitted title and the template's footer, text boxes, colours, speaker notes).

Geometry is read from the template rather than assumed: the content area runs from below the "Title
Only" layout's title to above its footer placeholders, between the title's left and right edges, so a
4:3 template or one with a tall title band gets slides drawn for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart
from pptx.presentation import Presentation
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu, Inches, Pt

from caio_desktop.interchange.deliverables.nodes import Document
from caio_desktop.interchange.pptx import fit
from caio_desktop.interchange.pptx.template import Layouts

GAP = Inches(0.2)
_FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
_TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def grid(self, columns: int, rows: int, gap: int = GAP) -> list[Box]:
        """The cells of a `columns` × `rows` grid in this box, row by row."""
        w = (self.width - gap * (columns - 1)) // columns
        h = (self.height - gap * (rows - 1)) // rows
        return [Box(self.left + c * (w + gap), self.top + r * (h + gap), w, h)
                for r in range(rows) for c in range(columns)]

    def below(self, height: int, gap: int = GAP) -> tuple[Box, Box]:
        """This box split into a band `height` high at the top and the rest under it."""
        return (Box(self.left, self.top, self.width, height),
                Box(self.left, self.top + height + gap, self.width, max(0, self.height - height - gap)))


@dataclass(frozen=True)
class Run:
    """A paragraph of a text box: its text and how it is set."""

    text: str
    size: float
    bold: bool = False
    color: RGBColor | MSO_THEME_COLOR | None = None
    align: PP_ALIGN | None = None
    italic: bool = False


def rgb(color: str | None) -> RGBColor | None:
    """"#RRGGBB" → RGBColor (None for no or a malformed colour)."""
    value = (color or "").lstrip("#")
    if len(value) != 6:
        return None
    try:
        return RGBColor.from_string(value.upper())
    except ValueError:
        return None


def ink_on(color: str | None) -> RGBColor:
    """Black or white text, whichever reads on a ground of `color` (WCAG relative luminance)."""
    value = rgb(color)
    if value is None:
        return RGBColor(0x22, 0x22, 0x22)

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(value[0]) + 0.7152 * channel(value[1]) + 0.0722 * channel(value[2])
    return RGBColor(0x22, 0x22, 0x22) if lum > 0.35 else RGBColor(0xFF, 0xFF, 0xFF)


def tint(color: str, amount: float) -> str:
    """`color` mixed with white (amount 0 → itself, 1 → white)."""
    value = rgb(color) or RGBColor(0x80, 0x80, 0x80)
    mixed = [round(c + (255 - c) * amount) for c in value]
    return "#{:02X}{:02X}{:02X}".format(*mixed)


def style_size(layout: SlideLayout, ph_types: Sequence[PP_PLACEHOLDER], fallback: float) -> float:
    """The font size (pt) the template gives the first level of a placeholder of `ph_types`: the layout's
    own list style, else the master placeholder's, else the master's title or body style."""
    for ph in [*layout.placeholders, *layout.slide_master.placeholders]:
        if ph.placeholder_format.type in ph_types:
            found = ph.element.find(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
            if found is not None and found.get("sz"):
                return int(found.get("sz")) / 100
    style = "p:titleStyle" if ph_types[0] in _TITLE_TYPES else "p:bodyStyle"
    found = layout.slide_master.element.find(f".//{qn('p:txStyles')}/{qn(style)}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    if found is not None and found.get("sz"):
        return int(found.get("sz")) / 100
    return fallback


def placeholder_of(layout_or_slide, types: Sequence[PP_PLACEHOLDER]):  # noqa: ANN001, ANN202
    return next((ph for ph in layout_or_slide.placeholders if ph.placeholder_format.type in types), None)


@dataclass
class Deck:
    """The presentation being written and what every slide needs."""

    prs: Presentation
    layouts: Layouts
    document: Document
    warnings: list[str]
    steps: Any = None
    footer_text: str = ""
    title_size: float = 28.0
    body_size: float = 20.0
    content: Box = field(init=False)
    _footer_cache: dict[int, list] = field(default_factory=dict, repr=False)
    _blank_notes: Any = field(default=None, repr=False)  # a notes slide's XML as the notes master makes it

    def __post_init__(self) -> None:
        layout = self.layouts.title_only
        title = placeholder_of(layout, _TITLE_TYPES)
        top = title.top + title.height + Inches(0.25)
        footers = [ph.top for ph in layout.placeholders if ph.placeholder_format.type in _FOOTER_TYPES]
        bottom = (min(footers) if footers else self.prs.slide_height - Inches(0.5)) - Inches(0.1)
        self.content = Box(title.left, top, title.width, max(Inches(2), bottom - top))
        self.title_size = min(32.0, style_size(self.layouts.title_only, _TITLE_TYPES, 28.0))
        self.body_size = min(24.0, style_size(self.layouts.content, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT),
                                               20.0))
        self.footer_text = f"{self.document.client} · {self.document.confidential_short}".strip(" ·")

    @property
    def lang(self) -> str:
        return self.document.lang

    @property
    def accent(self) -> RGBColor | MSO_THEME_COLOR:
        """The client's colour (table headers, key figures), else the template's first accent."""
        return rgb(self.document.primary_color) or MSO_THEME_COLOR.ACCENT_1

    @property
    def accent_hex(self) -> str:
        return self.document.primary_color if rgb(self.document.primary_color) else "#1F6FB2"

    # --- slides --------------------------------------------------------------------------------------
    def slide(self, layout: SlideLayout, title: str, notes: Sequence[str] = ()) -> Slide:
        """A new slide on `layout` with `title` fitted to its placeholder, the template's footer and
        slide number, and speaker notes."""
        slide = self.prs.slides.add_slide(layout)
        placeholder = slide.shapes.title
        if placeholder is not None:
            self.fit_title(placeholder, title, self.title_size)
        self._footers(slide, layout)
        self.notes(slide, notes)
        return slide

    def fit_title(self, shape, text: str, size: float, *, minimum: float = 16.0) -> None:  # noqa: ANN001
        """`text` in `shape` at the template's size, or smaller until it fits, or clipped at `minimum`."""
        frame = shape.text_frame
        frame.word_wrap = True
        width, height = fit.pt(shape.width) - fit.INSET_X_PT, fit.pt(shape.height)
        sizes = tuple(s for s in range(int(size), int(minimum) - 1, -2))
        chosen = fit.fitting_size(text, width, height, sizes, bold=True)
        if chosen is None:
            chosen = minimum
            text = fit.clip(text, width, minimum, max(1, fit.max_lines(height, minimum)), bold=True)
        frame.text = text
        if chosen < size:
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(chosen)

    def _footers(self, slide: Slide, layout: SlideLayout) -> None:
        """The template's footer and slide number placeholders, filled (python-pptx leaves them out)."""
        footers = self._footer_cache.get(id(layout))
        if footers is None:  # the footer text fitted once a layout, not once a slide
            footers = []
            for ph in layout.placeholders:
                kind = ph.placeholder_format.type
                if kind == PP_PLACEHOLDER.FOOTER:
                    size = style_size(layout, (PP_PLACEHOLDER.FOOTER,), 12.0)
                    text = fit.clip(self.footer_text, fit.pt(ph.width) - fit.INSET_X_PT, size,
                                    max(1, fit.max_lines(fit.pt(ph.height), size)))
                    footers.append((ph, text))
                elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
                    footers.append((ph, None))
            self._footer_cache[id(layout)] = footers
        sp_tree = slide.shapes._spTree  # noqa: SLF001 - the clone is the tree's last shape
        for ph, text in footers:
            slide.shapes.clone_placeholder(ph)
            body = sp_tree[-1].get_or_add_txBody()
            p = body.p_lst[0] if body.p_lst else body.add_p()
            if text is not None:
                run = etree.SubElement(p, qn("a:r"))
                # the theme's body font named, not inherited: LibreOffice draws an unstyled footer in a serif
                etree.SubElement(etree.SubElement(run, qn("a:rPr"), lang=self._lang_tag), qn("a:latin"),
                                 typeface="+mn-lt")
                etree.SubElement(run, qn("a:t")).text = text
            else:
                fld = etree.SubElement(p, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
                                       type="slidenum")
                etree.SubElement(fld, qn("a:rPr"), lang=self._lang_tag)
                etree.SubElement(fld, qn("a:t")).text = str(len(self.prs.slides))

    @property
    def _lang_tag(self) -> str:
        return "fr-FR" if self.lang == "fr" else "en-GB"

    def notes(self, slide: Slide, lines: Sequence[str]) -> None:
        """Append `lines` to the slide's speaker notes."""
        lines = [line for line in lines if line]
        if not lines:
            return
        frame = self._notes_slide(slide).notes_text_frame
        existing = frame.text
        frame.text = "\n".join([existing, *lines] if existing else lines)

    def _notes_slide(self, slide: Slide) -> Any:
        """The slide's notes slide. python-pptx makes the first from the notes master (its placeholders
        cloned one by one, ~18% of a steering deck's time when done for each slide); every later one is
        a copy of that first one as it was made, related to its slide and the master as python-pptx
        relates it."""
        part = slide.part
        if part.has_notes_slide:
            return slide.notes_slide
        if self._blank_notes is None:
            notes = slide.notes_slide
            self._blank_notes = deepcopy(notes.element)  # before any text is written into it
            return notes
        package = part.package
        master = package.presentation_part.notes_master_part
        notes_part = NotesSlidePart(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE,
                                    package, deepcopy(self._blank_notes))
        notes_part.relate_to(master, RT.NOTES_MASTER)
        notes_part.relate_to(part, RT.SLIDE)
        part.relate_to(notes_part, RT.NOTES_SLIDE)
        return slide.notes_slide

    # --- shapes --------------------------------------------------------------------------------------
    def text_box(self, slide: Slide, box: Box, runs: Sequence[Run], *, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
                 space_before: float = 0.0) -> None:
        """A word-wrapping text box of `runs` (one paragraph each); the caller has measured that they fit."""
        shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        for index, item in enumerate(runs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            set_paragraph(paragraph, item)
            if index and space_before:
                paragraph.space_before = Pt(space_before)


def set_paragraph(paragraph, item: Run) -> None:  # noqa: ANN001 - a python-pptx paragraph
    """Write `item` as the paragraph's one run. The paragraph's end mark gets the same size: an empty
    cell would otherwise be a line of the default 18 pt, and its row taller than measured."""
    end = paragraph._p.get_or_add_endParaRPr()  # noqa: SLF001 - python-pptx has no API for the end mark
    end.set("sz", str(int(item.size * 100)))
    if not item.text:
        return
    run = paragraph.add_run()
    run.text = item.text
    font = run.font
    font.size = Pt(item.size)
    font.bold = item.bold or None
    font.italic = item.italic or None
    if isinstance(item.color, RGBColor):
        font.color.rgb = item.color
    elif item.color is not None:
        font.color.theme_color = item.color
    if item.align is not None:
        paragraph.alignment = item.align


def fill(shape_or_cell, color: RGBColor | MSO_THEME_COLOR | None) -> None:  # noqa: ANN001
    """A solid fill of `color` (an RGB value or a theme colour); None leaves the fill alone."""
    if color is None:
        return
    shape_or_cell.fill.solid()
    if isinstance(color, RGBColor):
        shape_or_cell.fill.fore_color.rgb = color
    else:
        shape_or_cell.fill.fore_color.theme_color = color
