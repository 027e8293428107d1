"""Register tables: header repeated on every page, wrapped cells, level badges — fast on 1,000 rows.

Workspace text in a table is drawn literally (plain strings, `TextCell`, `Badge`), never parsed as
reportlab markup, after `fonts.printable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle
from reportlab.platypus.tables import CellStyle

from caio_desktop.interchange.pdf.context import PdfContext
from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, markup, printable
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH, INK, RULE, ZEBRA


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle in our font (reportlab's default would declare a non-embedded Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def empty(ctx: PdfContext) -> Paragraph:
    """What a section with nothing to show prints instead of an empty table."""
    return Paragraph(markup(ctx.t("empty")), ctx.styles.small)


@dataclass(frozen=True)
class Column:
    """A table column: header text, share of the frame width, right-aligned (numbers) or not."""

    title: str
    share: float
    right: bool = False


def data_table(ctx: PdfContext, columns: Sequence[Column], rows: Sequence[Sequence[object]],
               *, width: float = FRAME_WIDTH) -> Flowable:
    """A register table: header repeated on every page, wrapped cells, zebra rows, hairline rules.

    Cells that are already flowables (badges) are kept. Text that fits its column on one line stays a
    plain string, drawn by the table in the same font and size (no markup is parsed, so nothing needs
    escaping, and a 1,000-row register is not 9,000 Paragraphs); longer text becomes an escaped,
    wrapping Paragraph. RegisterTable (a LongTable) measures only the rows of the page being filled, so splitting a long
    register across pages does not re-measure every remaining row each time. An empty register prints
    the "nothing recorded" sentence instead.
    """
    if not rows:
        return empty(ctx)
    total = sum(c.share for c in columns)
    widths = [width * c.share / total for c in columns]
    size = ctx.styles.cell.fontSize
    # The header repeats on every page of a long register: plain strings when they fit.
    header = [_cell(ctx, c.title, c.right, w - 2 * CELL_PADDING, size, font=BOLD, color=colors.white)
              for c, w in zip(columns, widths, strict=True)]
    inner = [w - 2 * CELL_PADDING for w in widths]
    body: list[list[object]] = []
    for row in rows:
        cells = [_cell(ctx, value, col.right, col_width, size)
                 for value, col, col_width in zip(row, columns, inner, strict=True)]
        body.extend(_split_tall_row(cells, inner))
    # One cell style per column for the header and one for the body, shared by every row: what the
    # per-cell commands (font, size, leading, colour, alignment, paddings) would set on each of 9,000
    # cells of a 1,000-risk register, one command at a time, before a line was laid out.
    leading = ctx.styles.cell.leading
    header_styles = [_cell_style("header", BOLD, size, leading, colors.white, c.right) for c in columns]
    body_styles = [_cell_style("body", REGULAR, size, leading, INK, c.right) for c in columns]
    table = RegisterTable([header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT",
                          cellStyles=[header_styles, *[body_styles] * len(body)])
    table.setStyle(TableStyle([  # what is not a cell style: backgrounds and rules
        ("BACKGROUND", (0, 0), (-1, 0), ctx.palette.dark),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE)]))
    return table


def _cell_style(name: str, font: str, size: float, leading: float, color: colors.Color, right: bool) -> CellStyle:
    style = CellStyle(name)
    style.fontname, style.fontsize, style.leading, style.color = font, size, leading, color
    style.alignment, style.valign = ("RIGHT" if right else "LEFT"), "TOP"
    style.topPadding, style.bottomPadding = 2.6, 3.0
    style.leftPadding = style.rightPadding = CELL_PADDING
    return style


CELL_PADDING = 4


def _cell(ctx: PdfContext, value: object, right: bool, inner_width: float, size: float, *,
          font: str = REGULAR, color: colors.Color = INK) -> object:
    if isinstance(value, Flowable | Badge):
        return value
    text = printable(value)
    if "\n" not in text and "\r" not in text and stringWidth(text, font, size) <= inner_width:
        return text
    return TextCell([(text, font, size, color)], leading=ctx.styles.cell.leading, right=right)


MAX_ROW_HEIGHT = 560.0  # points: a row must fit on a page, whatever the length of an interview's notes


def _split_tall_row(cells: list[object], widths: list[float]) -> list[list[object]]:
    """A row whose wrapped text would be taller than a page, as that row followed by continuation rows
    (the long cells' next lines, the other cells left blank)."""
    tall = {i: c.chunks(widths[i], MAX_ROW_HEIGHT) for i, c in enumerate(cells)
            if isinstance(c, TextCell) and c.wrap(widths[i], 0)[1] > MAX_ROW_HEIGHT}
    if not tall:
        return [cells]
    count = max(len(chunks) for chunks in tall.values())
    rows = []
    for n in range(count):
        if n == 0:
            rows.append([tall[i][0] if i in tall else c for i, c in enumerate(cells)])
        else:
            rows.append([tall[i][n] if i in tall and n < len(tall[i]) else "" for i in range(len(cells))])
    return rows


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of `text` no wider than `width`: breaks at spaces, and inside a word only when the word
    alone is wider than the column (a URL, a long reference). Widths add up (reportlab applies no
    kerning), so each word is measured once."""
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line, line_width = "", 0.0
        for word in paragraph.split(" "):
            word_width = stringWidth(word, font, size)
            if line and line_width + space + word_width <= width:
                line, line_width = f"{line} {word}", line_width + space + word_width
                continue
            if line:
                lines.append(line)
            while word_width > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and stringWidth(word[:cut], font, size) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                word_width = stringWidth(word, font, size)
            line, line_width = word, word_width
        lines.append(line)
    return lines


class TextCell(Flowable):
    """Wrapped table-cell text drawn line by line: one or more parts, each in its own font, size and
    colour (a risk's title in bold over its category in grey).

    Workspace text is drawn as it is, never parsed as markup, and the line breaking of a given width is
    kept: a long table measures each cell several times while it is split across pages.
    """

    def __init__(self, parts: Sequence[tuple[str, str, float, colors.Color]], *, leading: float,
                 right: bool = False) -> None:
        super().__init__()
        self.parts = [(printable(text), font, size, color) for text, font, size, color in parts if text]
        self.leading = leading
        self.right = right
        self._by_width: dict[float, tuple[list[tuple[str, str, float, colors.Color, float]], float]] = {}
        self._lines: list[tuple[str, str, float, colors.Color, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width not in self._by_width:
            lines = []
            for text, font, size, color in self.parts:
                lead = self.leading * size / self.parts[0][2]
                lines.extend((line, font, size, color, lead) for line in wrap_text(text, font, size, avail_width))
            self._by_width[avail_width] = lines, sum(lead for *_, lead in lines)
        self._lines, self.height = self._by_width[avail_width]
        self.width = avail_width
        return self.width, self.height

    def chunks(self, width: float, max_height: float) -> list[TextCell]:
        """This text as several cells, each no taller than `max_height` at `width`."""
        self.wrap(width, 0)
        lines, _ = self._by_width[width]
        out: list[TextCell] = []
        current: list[tuple[str, str, float, colors.Color, float]] = []
        height = 0.0
        for line in lines:
            if current and height + line[4] > max_height:
                out.append(TextCell.of_lines(current, width, self.leading, self.right))
                current, height = [], 0.0
            current.append(line)
            height += line[4]
        if current:
            out.append(TextCell.of_lines(current, width, self.leading, self.right))
        return out

    @classmethod
    def of_lines(cls, lines: list[tuple[str, str, float, colors.Color, float]], width: float, leading: float,
                 right: bool) -> TextCell:
        """A cell of lines already broken for `width`."""
        cell_ = cls([], leading=leading, right=right)
        cell_.parts = [(line[0], line[1], line[2], line[3]) for line in lines]  # if ever re-wrapped
        cell_._by_width[width] = list(lines), sum(line[4] for line in lines)
        return cell_

    def draw(self) -> None:
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, canvas: object, x0: float, y0: float) -> None:
        """Draw the cell with its bottom left corner at (x0, y0) of `canvas`'s current coordinates."""
        # One text object for the whole cell: far cheaper than a drawString (a new text object) a line.
        # The first baseline sits one font size below the top, as the table places its plain strings, so
        # wrapped and one-line cells of a row line up.
        text = canvas.beginText()
        baseline = y0 + self.height
        current: tuple[str, float, colors.Color] | None = None
        for index, (line, font, size, color, lead) in enumerate(self._lines):
            baseline -= size if index == 0 else lead
            if current != (font, size, color):
                text.setFont(font, size)
                text.setFillColor(color)
                current = (font, size, color)
            x = x0 + self.width - stringWidth(line, font, size) if self.right else x0
            text.setTextOrigin(x, baseline)
            text.textOut(line)
        canvas.drawText(text)


class Badge(str):
    """Cell text shown as a small coloured label (risk level, AI Act tier) that never wraps.

    It is a string, not a flowable: `RegisterTable` draws it as a rectangle and one line of text, so a
    register of 1,000 risks does not lay out 2,000 flowables.
    """

    fill: colors.Color
    dark_text: bool

    def __new__(cls, text: str, fill: colors.Color, *, dark_text: bool = False) -> Badge:
        badge = super().__new__(cls, printable(text))
        badge.fill = fill
        badge.dark_text = dark_text
        return badge


class RegisterTable(LongTable):
    """The register table: draws `Badge` cells and the wrapped text of `TextCell`s itself."""

    def _drawCell(self, cellval: object, cellstyle: object, pos: tuple, size: tuple) -> None:  # noqa: N802
        if type(cellval) is TextCell and cellstyle.valign == "TOP" and cellstyle.alignment in ("LEFT", "RIGHT"):
            self._draw_text_cell(cellval, cellstyle, pos, size)
            return
        if not isinstance(cellval, Badge):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        (x, y), (width, height) = pos, size
        inner = width - cellstyle.leftPadding - cellstyle.rightPadding
        text_width = _badge_width(cellval)
        badge_width = min(text_width + 9, inner)
        top = y + height - cellstyle.topPadding
        canvas = self.canv
        canvas.setFillColor(cellval.fill)
        canvas.rect(x + cellstyle.leftPadding, top - 11, badge_width, 11, stroke=0, fill=1)
        canvas.setFillColor(INK if cellval.dark_text else colors.white)
        canvas.setFont(BOLD, 7)
        canvas.drawString(x + cellstyle.leftPadding + (badge_width - text_width) / 2, top - 7.8, cellval)
        self._curcellstyle = None  # font and colour changed: the next plain cell sets its own again

    def _draw_text_cell(self, cell: TextCell, cellstyle: object, pos: tuple, size: tuple) -> None:
        """Where LongTable would place the flowable (top-aligned, left or right), drawn straight on the
        page: a register has thousands of them, and the flowable path measured each again and wrapped it
        in a saved and restored graphics state with its own coordinates."""
        (x, y), (width, height) = pos, size
        inner = width - cellstyle.leftPadding - cellstyle.rightPadding
        cell_width, cell_height = cell.wrap(inner, height)
        left = x + width - cellstyle.rightPadding - cell_width if cellstyle.alignment == "RIGHT" \
            else x + cellstyle.leftPadding
        cell.draw_at(self.canv, left, y + height - cellstyle.topPadding - cell_height)
        self._curcellstyle = None  # the text's font and colours are the page's now: the next cell sets its own


def badge(text: str, fill: colors.Color) -> Badge:
    """A label on `fill`, with dark or white text, whichever reads better."""
    r, g, b = fill.rgb()
    return Badge(text, fill, dark_text=0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6)


@lru_cache(maxsize=256)
def _badge_width(text: str) -> float:
    return stringWidth(text, BOLD, 7)
