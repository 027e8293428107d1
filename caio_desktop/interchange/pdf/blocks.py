"""Building blocks of every section: headings, paragraphs, data tables, key figures, level badges.

Every string from the workspace passes through `fonts.markup` here, so section code never builds
reportlab markup by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from caio_desktop.interchange.pdf.context import DeliverableContext
from caio_desktop.interchange.pdf.document import Heading
from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, markup, printable
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH, RULE, ZEBRA
from caio_desktop.reference.risk_matrix import load_risk_matrix


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle in our font (reportlab's default would declare a non-embedded Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def heading(ctx: DeliverableContext, text: str, *, level: int = 0, number: str = "") -> Heading:
    """A numbered heading that enters the contents ("2.1  Heat maps")."""
    style = ctx.styles.h1 if level == 0 else ctx.styles.h2
    plain = f"{number}  {text}" if number else text
    shown = markup(text)
    if number:
        shown = f'<font color="{ctx.palette.accent.hexval().replace("0x", "#")}">{number}</font>&nbsp;&nbsp;{shown}'
    key = f"s{number or abs(hash(text))}".replace(".", "_")
    return Heading(shown, style, level=level, key=key, plain=plain)


def para(ctx: DeliverableContext, value: object, style: str = "body") -> Paragraph:
    """A paragraph of workspace or fixed text (escaped)."""
    return Paragraph(markup(value), getattr(ctx.styles, style))


def empty(ctx: DeliverableContext) -> Paragraph:
    """What a section with nothing to show prints instead of an empty table."""
    return Paragraph(markup(ctx.t("empty")), ctx.styles.small)


def cell(ctx: DeliverableContext, value: object, *, right: bool = False, bold: bool = False) -> Paragraph:
    text = markup(value)
    if bold:
        text = f"<b>{text}</b>"
    return Paragraph(text, ctx.styles.cell_right if right else ctx.styles.cell)


@dataclass(frozen=True)
class Column:
    """A table column: header text, share of the frame width, right-aligned (numbers) or not."""

    title: str
    share: float
    right: bool = False


def data_table(ctx: DeliverableContext, columns: Sequence[Column], rows: Sequence[Sequence[object]],
               *, width: float = FRAME_WIDTH) -> Flowable:
    """A register table: header repeated on every page, wrapped cells, zebra rows, hairline rules.

    Cells that are already flowables (badges) are kept; anything else becomes an escaped Paragraph.
    An empty register prints the "nothing recorded" sentence instead.
    """
    if not rows:
        return empty(ctx)
    total = sum(c.share for c in columns)
    widths = [width * c.share / total for c in columns]
    header = [Paragraph(markup(c.title), ctx.styles.header_cell) for c in columns]
    body = [
        [value if isinstance(value, Flowable) else cell(ctx, value, right=col.right)
         for value, col in zip(row, columns, strict=True)]
        for row in rows
    ]
    table = Table([header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, 0), ctx.palette.dark),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4)))
    return table


class Badge(Flowable):
    """A small rounded label in a colour (risk level, AI Act tier, status) that never wraps."""

    def __init__(self, text: str, fill: colors.Color, *, dark_text: bool = False) -> None:
        super().__init__()
        self.text = printable(text)
        self.fill = fill
        self.dark_text = dark_text

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.width = min(avail_width, stringWidth(self.text, BOLD, 7) + 9)
        return self.width, 11

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.fill)
        canvas.roundRect(0, 0, self.width, 11, 2.5, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor("#1E2328") if self.dark_text else colors.white)
        canvas.setFont(BOLD, 7)
        canvas.drawCentredString(self.width / 2, 3.2, self.text)


def level_badge(ctx: DeliverableContext, level: str | None) -> Flowable | str:
    """The risk level in its matrix colour ("Critical" on red)."""
    if not level:
        return ""
    matrix = load_risk_matrix()
    try:
        found = matrix.level(level)
    except KeyError:
        return ctx.choice("risk_level", level)
    fill = colors.HexColor(found.color)
    r, g, b = fill.rgb()
    return Badge(found.label(ctx.lang), fill, dark_text=0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6)


def key_figures(ctx: DeliverableContext, figures: Sequence[tuple[str, str]]) -> Flowable:
    """A row of large numbers with their captions, the first thing an executive reads."""
    cells = [[Paragraph(markup(value), ctx.styles.figure) for value, _ in figures],
             [Paragraph(markup(label), ctx.styles.figure_label) for _, label in figures]]
    table = Table(cells, colWidths=[FRAME_WIDTH / len(figures)] * len(figures), hAlign="LEFT")
    table.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, -1), ctx.palette.tint),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.6, colors.white),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 10),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
        ("VALIGN", (0, 0), (-1, -1), "TOP")))
    return KeepTogether([table, Spacer(1, 12)])


def bullets(ctx: DeliverableContext, items: Sequence[object]) -> list[Flowable]:
    """A bulleted list of workspace texts."""
    style = ctx.styles.body
    return [Paragraph(markup(item), style, bulletText="•") for item in items]


def side_by_side(left: Flowable, right: Flowable, *, gap: float = 12) -> Table:
    """Two figures next to each other on the frame width."""
    half = (FRAME_WIDTH - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half], hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    return table


def figure(ctx: DeliverableContext, drawing: Flowable, caption: str) -> KeepTogether:
    """A chart with its caption, kept on one page."""
    return KeepTogether([drawing, Paragraph(markup(caption), ctx.styles.caption)])


class ProgressBar(Flowable):
    """A thin horizontal bar filled to `percent`, with the figure beside it."""

    def __init__(self, percent: float | None, text: str, color: colors.Color, *, width: float = 60) -> None:
        super().__init__()
        self.percent = max(0.0, min(float(percent or 0), 100.0))
        self.text = text
        self.color = color
        self.bar_width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.bar_width = min(self.bar_width, max(avail_width - 30, 10))
        return self.bar_width + 30, 10

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(RULE)
        canvas.roundRect(0, 3, self.bar_width, 4.5, 2, stroke=0, fill=1)
        if self.percent:
            canvas.setFillColor(self.color)
            canvas.roundRect(0, 3, self.bar_width * self.percent / 100, 4.5, 2, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor("#1E2328"))
        canvas.setFont(BOLD, 7.5)
        canvas.drawRightString(self.bar_width + 30, 2.5, printable(self.text))
