"""Registers as native PowerPoint tables, continued over as many slides as their rows need.

Every row's height is measured before it is placed (`fit.wrap` of each cell in its column's width), so
a slide takes the rows that fit under its title and no table runs off the slide; a cell holds at most
`MAX_CELL_LINES` lines (the rest is cut with "…": the whole text is in the speaker notes). The header
row is repeated on every slide in the client's colour; level badges are cells filled in their colour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Emu, Inches, Pt

from caio_desktop.interchange.deliverables.nodes import Badge, Cell, Table, Titled, cell_text
from caio_desktop.interchange.pptx import fit
from caio_desktop.interchange.pptx.deck import Box, Deck, Run, ink_on, rgb
from caio_desktop.interchange.pptx.words import continued, word

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MAX_CELL_LINES = 4
MAX_ROWS_PER_SLIDE = 14  # beyond this a slide is a spreadsheet, not something a committee reads
MARGIN_X = Inches(0.06)
MARGIN_Y = Inches(0.035)
ROW_SLACK_PT = 2.0
MORE_ROWS_HEIGHT = Inches(0.4)
LARGEST = (14.0, 13.0, 12.0)


def font_size(columns: int) -> float:
    """Cell text size: smaller as the columns get narrower."""
    return 12.0 if columns <= 4 else 11.0 if columns <= 6 else 10.0 if columns <= 8 else 9.0


@dataclass(frozen=True)
class Placed:
    """A cell ready to write: its paragraphs (text, size, bold, grey) and its fill."""

    paragraphs: tuple[tuple[str, float, bool, bool], ...]
    color: str | None = None
    lines: float = 1.0  # height in lines of the body size


def place_cell(cell: Cell | None, width: float, size: float, *, header: bool = False) -> Placed:
    """`cell` set for a column `width` pt wide (text inside the cell margins), clipped to its lines."""
    if isinstance(cell, Titled):
        title = fit.clip(cell.title, width, size, MAX_CELL_LINES - 1 if cell.subtitle else MAX_CELL_LINES, bold=True)
        lines = fit.line_count(title, width, size, bold=True)
        paragraphs = [(title, size, True, False)]
        if cell.subtitle:
            sub_size = round(size * 0.85, 1)
            subtitle = fit.clip(cell.subtitle, width, sub_size, max(1, MAX_CELL_LINES - lines))
            paragraphs.append((subtitle, sub_size, False, True))
            lines += fit.line_count(subtitle, width, sub_size) * 0.85
        return Placed(tuple(paragraphs), lines=lines)
    text = cell_text(cell)
    bold = header or isinstance(cell, Badge)
    text = fit.clip(text, width, size, MAX_CELL_LINES, bold=bold)
    color = cell.color if isinstance(cell, Badge) else None
    return Placed(((text, size, bold, False),), color=color, lines=fit.line_count(text, width, size, bold=bold))


def row_height(placed: Sequence[Placed], size: float) -> int:
    """A row's height in EMU: its tallest cell plus the margins."""
    lines = max((p.lines for p in placed), default=1.0)
    return Pt(lines * size * fit.LINE_HEIGHT + ROW_SLACK_PT) + 2 * MARGIN_Y


def paginate(heights: Sequence[int], header: int, room: int) -> list[range]:
    """Consecutive runs of rows whose heights fit `room` under the header (at least one row a slide),
    evened out: as few slides as the greedy fill needs, each as little filled as that count allows, so
    the last slide does not hold two rows after full ones."""
    pages = _greedy(heights, header, room)
    low, high = header + max(heights, default=0), room
    while low < high:  # the smallest room that still needs no more slides
        middle = (low + high) // 2
        if len(_greedy(heights, header, middle)) <= len(pages):
            high = middle
        else:
            low = middle + 1
    return _greedy(heights, header, high) if high < room else pages


def _greedy(heights: Sequence[int], header: int, room: int) -> list[range]:
    pages: list[range] = []
    start, used = 0, header
    for index, h in enumerate(heights):
        if index > start and (used + h > room or index - start >= MAX_ROWS_PER_SLIDE):
            pages.append(range(start, index))
            start, used = index, header
        used += h
    pages.append(range(start, len(heights)))
    return pages


_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ALIGN = {"left": "l", "right": "r", "center": "ctr"}


def _xml_text(text: str) -> str:
    """`text` escaped for an `a:t` element; characters XML cannot hold as python-pptx writes them."""
    return escape(_INVALID_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text))


def _color_xml(color: str | None, scheme: str | None = None) -> str:
    if color:
        return f'<a:solidFill><a:srgbClr val="{color.lstrip("#").upper()}"/></a:solidFill>'
    return f'<a:solidFill><a:schemeClr val="{scheme}"/></a:solidFill>' if scheme else ""


def _cell_xml(placed: Placed, *, align: str, fill_color: str | None, fill_scheme: str | None,
              ink: str | None, lang: str) -> str:
    """A table cell's XML. Written as text rather than through python-pptx's objects: a register of
    1,000 rows has 9,000 cells, and the object API costs five times the rest of the deck."""
    paragraphs = []
    for text, size, bold, grey in placed.paragraphs:
        sz = int(size * 100)
        color = _color_xml(ink) if ink else _color_xml(None, "tx2") if grey else ""
        weight = ' b="1"' if bold else ""
        run_pr = f'<a:rPr lang="{lang}" sz="{sz}"{weight} dirty="0">{color}</a:rPr>'
        runs = f"<a:br>{run_pr}</a:br>".join(  # a line break inside the cell's text stays one
            f"<a:r>{run_pr}<a:t>{_xml_text(line)}</a:t></a:r>" for line in text.split("\n")) if text else ""
        paragraphs.append(f'<a:p><a:pPr algn="{align}"/>{runs}<a:endParaRPr lang="{lang}" sz="{sz}" dirty="0"/></a:p>')
    fill_xml = _color_xml(fill_color, fill_scheme)
    return (f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{"".join(paragraphs)}</a:txBody>'
            f'<a:tcPr marL="{MARGIN_X}" marR="{MARGIN_X}" marT="{MARGIN_Y}" marB="{MARGIN_Y}" anchor="ctr">'
            f"{fill_xml}</a:tcPr></a:tc>")


def note_lines(table: Table, rows: Sequence[Sequence[Cell]]) -> list[str]:
    """The rows as text for the speaker notes: a header line, then one line a row (whole texts)."""
    def flat(value: Cell | None) -> str:
        return " — ".join(cell_text(value).split("\n"))

    return [" | ".join(c.title for c in table.columns), *(" | ".join(flat(v) for v in row) for row in rows)]


@dataclass
class Measured:
    """A table set for a width: its cells placed, the column widths and every row's height (EMU)."""

    table: Table
    widths: list[int]
    header: list[Placed]
    header_height: int
    placed: list[list[Placed]]
    heights: list[int]

    def height(self, rows: range | None = None) -> int:
        rows = range(len(self.heights)) if rows is None else rows
        return self.header_height + sum(self.heights[i] for i in rows)

    @property
    def one_slide(self) -> bool:
        return len(self.heights) <= MAX_ROWS_PER_SLIDE


def measure(table: Table, width: int, size: float | None = None) -> Measured:
    """`table` set in a frame `width` EMU wide (at `size`, else the size for its number of columns)."""
    size = size or font_size(len(table.columns))
    total_share = sum(c.share for c in table.columns) or 1.0
    widths = [int(width * c.share / total_share) for c in table.columns]
    text_widths = [fit.pt(w - 2 * MARGIN_X) for w in widths]
    header = [place_cell(c.title, w, size, header=True) for c, w in zip(table.columns, text_widths, strict=True)]
    placed = [[place_cell(v, w, size) for v, w in zip(row, text_widths, strict=False)] for row in table.rows]
    return Measured(table, widths, header, row_height(header, size), placed, [row_height(p, size) for p in placed])


def enlarged(measured: Measured, room: int) -> Measured:
    """A short table set larger (up to `LARGEST`) when it still fits `room` at that size: a register of
    three rows should not read like the footnote of an empty slide."""
    table = measured.table
    for size in LARGEST:
        if size <= font_size(len(table.columns)):
            break
        bigger = measure(table, sum(measured.widths), size)
        if bigger.one_slide and bigger.height() <= room:
            return bigger
    return measured


def draw(deck: Deck, slide, measured: Measured, rows: range, left: int, top: int) -> int:  # noqa: ANN001
    """Rows `rows` of the measured table under its header, at (`left`, `top`); returns its height."""
    table = measured.table
    height = measured.height(rows)
    frame = slide.shapes.add_table(1, len(table.columns), Emu(left), Emu(top), Emu(sum(measured.widths)),
                                   Emu(height))
    grid = frame.table
    grid.first_row = True
    grid.horz_banding = True
    tbl = grid._tbl  # noqa: SLF001 - widths and rows are written as XML (see _cell_xml)
    for column, w in zip(tbl.tblGrid.gridCol_lst, measured.widths, strict=True):
        column.set("w", str(w))  # the frame already has the sum: python-pptx would recompute it per column
    accent = deck.document.primary_color if rgb(deck.document.primary_color) else None
    header_ink = str(ink_on(deck.accent_hex))
    lang = "fr-FR" if deck.lang == "fr" else "en-GB"  # spell-checking follows the deck's language
    xml = [f'<a:tr h="{measured.header_height}">']
    for column, cell in zip(table.columns, measured.header, strict=True):
        xml.append(_cell_xml(cell, align="r" if column.right else "l", fill_color=accent,
                             fill_scheme=None if accent else "accent1", ink=header_ink, lang=lang))
    xml.append("</a:tr>")
    for index in rows:
        xml.append(f'<a:tr h="{measured.heights[index]}">')
        for column, cell in zip(table.columns, measured.placed[index], strict=True):
            align = "ctr" if cell.color else "r" if column.right else "l"
            xml.append(_cell_xml(cell, align=align, fill_color=cell.color, fill_scheme=None,
                                 ink=str(ink_on(cell.color)) if cell.color else None, lang=lang))
        xml.append("</a:tr>")
    for tr in tbl.tr_lst:
        tbl.remove(tr)
    parsed = etree.fromstring(f'<a:tbl xmlns:a="{_A}">{"".join(xml)}</a:tbl>')
    tbl.extend(list(parsed))
    return height


def table_slides(deck: Deck, table: Table, title: str, *, max_slides: int | None = None,
                 notes: Sequence[str] = ()) -> list:
    """The slides of `table` (see the module docstring); `max_slides` cuts a long register short with a
    line saying how many rows the report has beyond."""
    area = deck.content
    measured = measure(table, area.width)
    heights, header_h = measured.heights, measured.header_height
    pages = paginate(heights, header_h, area.height)
    left_out = 0
    if max_slides is not None and len(pages) > max_slides:
        pages = _greedy(heights, header_h, area.height - MORE_ROWS_HEIGHT)[:max_slides]
        left_out = len(table.rows) - pages[-1].stop
    if len(pages) == 1:
        measured = enlarged(measured, area.height)
    slides = []
    for n, page in enumerate(pages, start=1):
        rows = [table.rows[i] for i in page]
        slide = deck.slide(deck.layouts.title_only, continued(title, n, len(pages), deck.lang),
                           notes=[*(notes if n == 1 else ()), title, *note_lines(table, rows)])
        height = draw(deck, slide, measured, page, area.left, area.top)
        if left_out and n == len(pages):
            more = word("more_rows", deck.lang, n=left_out)
            deck.text_box(slide, Box(area.left, area.top + height + Inches(0.05), area.width, MORE_ROWS_HEIGHT),
                          [Run(more, 12, italic=True, color=MSO_THEME_COLOR.TEXT_2)])
            deck.notes(slide, [more])
        slides.append(slide)
        deck.steps.step(0)
    return slides
