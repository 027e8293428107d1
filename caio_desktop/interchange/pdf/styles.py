"""The shared style sheet: one grid, one type scale, the client's colour as the only accent.

A4 portrait, 20 mm side margins. Body text 9.5 pt on 13.5 pt; tables 8 pt; headings in the accent
colour darkened enough to read on white even when the client's colour is a light one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from caio_desktop.interchange.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

DEFAULT_ACCENT = "#1F4E79"
INK = colors.HexColor("#1E2328")
MUTED = colors.HexColor("#6B7280")
RULE = colors.HexColor("#D9DEE4")
ZEBRA = colors.HexColor("#F5F7F9")
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def _mix(color: colors.Color, other: colors.Color, share: float) -> colors.Color:
    """`color` moved `share` of the way towards `other`."""
    return colors.Color(*(a + (b - a) * share for a, b in zip(color.rgb(), other.rgb(), strict=True)))


def _luminance(color: colors.Color) -> float:
    r, g, b = color.rgb()
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@dataclass(frozen=True)
class Palette:
    """The client's colour and what derives from it: a readable dark variant and a pale tint."""

    accent: colors.Color
    dark: colors.Color
    tint: colors.Color

    @classmethod
    def from_hex(cls, value: str | None) -> Palette:
        match = _HEX.match((value or "").strip())
        accent = colors.HexColor("#" + (match.group(1) if match else DEFAULT_ACCENT[1:]))
        dark = accent
        while _luminance(dark) > 0.35:  # light brand colours (yellow, sky) become readable text
            dark = _mix(dark, colors.black, 0.2)
        return cls(accent=accent, dark=dark, tint=_mix(accent, colors.white, 0.88))


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of a deliverable, built for one palette."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    header_cell: ParagraphStyle
    caption: ParagraphStyle
    meta_label: ParagraphStyle
    meta_value: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle


def build_styles(palette: Palette) -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13.5, textColor=INK,
                          spaceAfter=6, alignment=TA_LEFT, bulletFontName=REGULAR)

    def style(name: str, **options: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **options)

    cell = style("cell", fontSize=8, leading=10.2, spaceAfter=0)
    return Styles(
        title=style("title", fontName=BOLD, fontSize=30, leading=36, textColor=palette.dark, spaceAfter=10),
        subtitle=style("subtitle", fontSize=14, leading=19, textColor=MUTED, spaceAfter=4),
        kicker=style("kicker", fontName=BOLD, fontSize=8.5, leading=11, textColor=palette.accent, spaceAfter=0),
        # Headings keep with what follows: a title is never the last line of a page.
        h1=style("h1", fontName=BOLD, fontSize=17, leading=22, textColor=palette.dark, spaceBefore=18,
                 spaceAfter=10, keepWithNext=1),
        h2=style("h2", fontName=BOLD, fontSize=11.5, leading=15, textColor=INK, spaceBefore=10,
                 spaceAfter=5, keepWithNext=1),
        body=base,
        lead=style("lead", fontSize=11, leading=16, textColor=INK, spaceAfter=8),
        bullet=style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3),
        small=style("small", fontSize=8, leading=10.5, textColor=MUTED),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=BOLD, textColor=colors.white),
        caption=style("caption", fontName=ITALIC, fontSize=7.5, leading=10, textColor=MUTED, spaceBefore=2,
                      spaceAfter=10),
        meta_label=style("meta_label", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0),
        meta_value=style("meta_value", fontName=BOLD, fontSize=10.5, leading=14, textColor=INK, spaceAfter=0),
        toc1=style("toc1", fontName=BOLD, fontSize=10.5, leading=15, spaceBefore=5, spaceAfter=0),
        toc2=style("toc2", fontSize=9, leading=12.5, leftIndent=14, spaceAfter=0, textColor=MUTED),
        figure=style("figure", fontName=BOLD, fontSize=22, leading=26, textColor=palette.dark, spaceAfter=0),
        figure_label=style("figure_label", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=0),
    )
