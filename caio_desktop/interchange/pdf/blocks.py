"""Building blocks of every section: headings, paragraphs, key figures, figures, progress bars.
(Register tables are in `tables`.)

Every string from the workspace enters a Paragraph through `fonts.markup`; section code never builds
reportlab markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table

from caio_desktop.interchange.pdf.context import PdfContext
from caio_desktop.interchange.pdf.document import Heading
from caio_desktop.interchange.pdf.fonts import BOLD, markup, printable
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH, RULE
from caio_desktop.interchange.pdf.tables import table_style


def heading(ctx: PdfContext, text: str, *, level: int = 0, number: str = "") -> Heading:
    """A numbered heading that enters the contents ("2.1  Heat maps")."""
    style = ctx.styles.h1 if level == 0 else ctx.styles.h2
    plain = f"{number}  {text}" if number else text
    shown = markup(text)
    if number:
        shown = f'<font color="{ctx.palette.accent.hexval().replace("0x", "#")}">{number}</font>&nbsp;&nbsp;{shown}'
    key = f"s{number or abs(hash(text))}".replace(".", "_")
    return Heading(shown, style, level=level, key=key, plain=plain)


def para(ctx: PdfContext, value: object, style: str = "body") -> Paragraph:
    """A paragraph of workspace or fixed text (escaped)."""
    return Paragraph(markup(value), getattr(ctx.styles, style))


def key_figures(ctx: PdfContext, figures: Sequence[tuple[str, str]]) -> Flowable:
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
    table.spaceAfter = 12
    return table


def bullets(ctx: PdfContext, items: Sequence[object]) -> list[Flowable]:
    """A bulleted list of workspace texts."""
    return [Paragraph(markup(item), ctx.styles.bullet, bulletText="•") for item in items]


def side_by_side(left: Flowable, right: Flowable, *, gap: float = 12) -> Table:
    """Two figures next to each other on the frame width."""
    half = (FRAME_WIDTH - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half], hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    return table


def figure(ctx: PdfContext, drawing: Flowable, caption: str) -> Table:
    """A chart with its caption, on one page.

    A one-column table rather than a KeepTogether: reportlab keeps a heading with the flowable after it
    (keepWithNext) only when that flowable is not itself a container, and a chart must never be
    separated from its heading.
    """
    table = Table([[drawing], [Paragraph(markup(caption), ctx.styles.caption)]], hAlign="LEFT")
    table.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))
    table.spaceAfter = 6
    return table


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
