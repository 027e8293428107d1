"""The PDF renderer of the content model: a cover, a contents page, then each section of the Document
under its numbered heading, every block turned into reportlab flowables.

Section numbers ("2") and sub-heading numbers ("2.1") are given here, in reading order, so the three
formats number alike.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from caio_desktop.interchange.deliverables import nodes
from caio_desktop.interchange.pdf.blocks import ProgressBar, bullets, figure, heading, key_figures, para
from caio_desktop.interchange.pdf.charts.render import drawings_for
from caio_desktop.interchange.pdf.context import PdfContext
from caio_desktop.interchange.pdf.document import Contents, Heading
from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, markup, shorten
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH, INK, MUTED, RULE
from caio_desktop.interchange.pdf.tables import (
    Column,
    RegisterTable,
    TextCell,
    badge,
    data_table,
    table_style,
)

MARGIN_SHIFT = 20 * mm - 28 * mm  # the cover frame starts further right than the body frame
HEADING_ROOM = 32 * mm  # a heading, the table's header and a few rows
CONTENTS_ROOM = 215 * mm  # the body frame less the contents title
GRID_GAP = 12.0


def cover(ctx: PdfContext) -> list[Flowable]:
    """The cover page's flowables (the accent band, logo and confidentiality are page decoration)."""
    s = ctx.styles
    doc = ctx.document
    cells = [[Paragraph(markup(k), s.meta_label), Paragraph(markup(v), s.meta_value)] for k, v in doc.cover_meta]
    rows = [[*cells[0], *cells[3]], [*cells[1], *cells[4]], [*cells[2], *cells[5]]]
    width = FRAME_WIDTH + MARGIN_SHIFT
    grid = Table([[a, b, c, d] for a, b, c, d in rows], colWidths=[width * 0.14, width * 0.33, width * 0.14,
                                                                    width * 0.39], hAlign="LEFT")
    grid.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE)))
    return [
        Spacer(1, 62 * mm),
        Paragraph(markup(doc.kicker).upper(), s.kicker),
        Spacer(1, 4),
        Paragraph(markup(doc.title), s.title),
        Paragraph(markup(shorten(doc.subtitle, 160)), s.subtitle),
        Spacer(1, 6),
        HRFlowable(width=28 * mm, thickness=2.5, color=ctx.palette.accent, hAlign="LEFT", spaceAfter=70 * mm),
        grid,
        NextPageTemplate("content"),
        PageBreak(),
    ]


class _Numbers:
    """Numbers the sub-headings of one section."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"{self.number}.{self.count}"


def _cell(ctx: PdfContext, value: nodes.Cell, column: Column) -> object:
    if isinstance(value, nodes.Badge):
        return badge(value.text, colors.HexColor(value.color))
    if isinstance(value, nodes.Progress):
        return ProgressBar(value.percent, value.text, ctx.palette.accent,
                           width=max(30.0, FRAME_WIDTH * column.share - 40))
    if isinstance(value, nodes.Titled):
        size = ctx.styles.cell.fontSize
        return TextCell([(value.title, BOLD, size, INK), (value.subtitle, REGULAR, size - 1.3, MUTED)],
                        leading=ctx.styles.cell.leading)
    return value


def table(ctx: PdfContext, block: nodes.Table) -> Flowable:
    if not block.rows:
        return para(ctx, block.empty_text or ctx.t("empty"), "small")
    total = sum(c.share for c in block.columns)
    columns = [Column(c.title, c.share / total, c.right) for c in block.columns]
    # Plain text goes to the table as it is (the exact type first: most of a register's cells).
    rows = [[value if type(value) is str else _cell(ctx, value, column)
             for value, column in zip(row, columns, strict=True)] for row in block.rows]
    return data_table(ctx, columns, rows)


def _figures(ctx: PdfContext, block: nodes.Figure, width: float) -> list[Flowable]:
    drawings = drawings_for(block.chart, width, ctx.lang, ctx.palette.accent.hexval().replace("0x", "#"))
    return [*drawings[:-1], figure(ctx, drawings[-1], block.caption)]


def grid(ctx: PdfContext, block: nodes.FigureGrid) -> Flowable:
    """Charts side by side, `columns` a row (KPI small multiples carry their own title: no caption)."""
    n = max(1, block.columns)
    width = (FRAME_WIDTH - GRID_GAP * (n - 1)) / n
    cells: list[Flowable | str] = []
    for fig in block.figures:
        drawing = drawings_for(fig.chart, width, ctx.lang, ctx.palette.accent.hexval().replace("0x", "#"))[-1]
        cells.append(drawing if isinstance(fig.chart, nodes.KpiTrend) else figure(ctx, drawing, fig.caption))
    rows = [cells[i:i + n] for i in range(0, len(cells), n)]
    rows[-1] += [""] * (n - len(rows[-1]))
    widths = []
    for i in range(n):
        widths += [width] if i == 0 else [GRID_GAP, width]
    spaced = [[c for i, cell in enumerate(row) for c in ([cell] if i == 0 else ["", cell])] for row in rows]
    out = Table(spaced, colWidths=widths, hAlign="LEFT")
    out.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 10 if block.figures and isinstance(
                                 block.figures[0].chart, nodes.KpiTrend) else 0)))
    out.spaceAfter = 14
    return out


def blocks(ctx: PdfContext, items: list[nodes.Block], numbers: _Numbers) -> list[Flowable]:
    out: list[Flowable] = []
    for block in items:
        if isinstance(block, nodes.Heading):
            if block.level <= 2:
                out.append(heading(ctx, block.text, level=1, number=numbers.next()))
            else:
                out.append(para(ctx, block.text, "h2"))
        elif isinstance(block, nodes.Paragraph):
            out.append(para(ctx, block.text, "body" if block.style == "subtitle" else block.style))
        elif isinstance(block, nodes.Bullets):
            out.extend(bullets(ctx, block.items))
        elif isinstance(block, nodes.KeyFigures):
            out.append(key_figures(ctx, block.items))
        elif isinstance(block, nodes.Table):
            out.append(table(ctx, block))
        elif isinstance(block, nodes.Figure):
            out.extend(_figures(ctx, block, FRAME_WIDTH))
        elif isinstance(block, nodes.FigureGrid):
            if block.figures:
                out.append(grid(ctx, block))
        elif isinstance(block, nodes.Group):
            out.append(KeepTogether(blocks(ctx, block.blocks, numbers)))
        # Note blocks are speaker notes: a printed report has none
    return out


def _keep_headings(body: list[Flowable]) -> list[Flowable]:
    """A heading stays with what follows it: a chart moves with it to the next page (keepWithNext);
    before a register table, which may run over pages, it only asks for room for its first rows
    (moving a 40-row table whole to the next page would leave a half-empty page behind)."""
    out: list[Flowable] = []
    for index, flowable in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if isinstance(flowable, Heading) and isinstance(following, RegisterTable):
            flowable.keepWithNext = 0
            out.append(CondPageBreak(HEADING_ROOM))
        out.append(flowable)
    return out


def assemble(ctx: PdfContext) -> list[Flowable]:
    """Cover, contents, then each section under its numbered heading (progress is reported as the
    section headings are laid out, `document.DeliverableDoc.afterFlowable`)."""
    body: list[Flowable] = []
    for number, section in enumerate(ctx.document.sections, start=1):
        if section.new_page and body:
            body.append(PageBreak())
        elif body:
            body.append(CondPageBreak(60 * mm))
        body.append(heading(ctx, section.title, level=0, number=str(number)))
        body.extend(blocks(ctx, section.blocks, _Numbers(number)))
        body.append(Spacer(1, 4))
    body = _keep_headings(body)
    entries = [f for f in body if isinstance(f, Heading)]
    if Contents.height_of(entries) > CONTENTS_ROOM:  # one page of contents: sections only, then
        entries = [e for e in entries if e.level == 0]
    contents = [Paragraph(markup(ctx.document.contents_title), ctx.styles.h1), Spacer(1, 6), Contents(entries, ctx),
                PageBreak()]
    return [*cover(ctx), *contents, *body]
