"""How a deliverable is assembled: numbered sections after a cover and a contents page.

Each deliverable module lists its `Section`s; a section's `build(ctx, outline)` returns its flowables
and asks `outline.sub(title)` for numbered sub-headings ("2.1 Heat maps"). The handover pack reuses the
other deliverables' sections, so there is one way to print a register.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from caio_desktop.interchange.pdf.blocks import heading
from caio_desktop.interchange.pdf.context import DeliverableContext
from caio_desktop.interchange.pdf.document import Contents, Heading
from caio_desktop.interchange.pdf.fonts import markup, shorten
from caio_desktop.interchange.pdf.styles import FRAME_WIDTH, RULE
from caio_desktop.interchange.pdf.tables import RegisterTable, table_style


class Outline:
    """Numbers the sub-headings of one section."""

    def __init__(self, ctx: DeliverableContext, number: int) -> None:
        self.ctx = ctx
        self.number = number
        self.count = 0

    def sub(self, title: str) -> Heading:
        self.count += 1
        return heading(self.ctx, title, level=1, number=f"{self.number}.{self.count}")


@dataclass(frozen=True)
class Section:
    """A top-level part of a deliverable: a title (fixed-text key) and what prints under it."""

    title_key: str
    build: Callable[[DeliverableContext, Outline], list[Flowable]]
    new_page: bool = True


def cover(ctx: DeliverableContext, version: str) -> list[Flowable]:
    """The cover page's flowables (the accent band, logo and confidentiality are page decoration)."""
    s = ctx.styles
    engagement = ctx.engagement
    # The cover is one fixed frame: fields are shortened so that no client text can overflow it.
    meta = [
        (ctx.t("client"), shorten(ctx.client, 90)),
        (ctx.t("consultant"), shorten(engagement.get("consultant_name") or ctx.t("none_given"), 60)),
        (ctx.t("date"), ctx.long_date(ctx.as_of)),
        (ctx.t("engagement"), ctx.t("engagement_value", start=ctx.long_date(engagement.get("start_date")),
                                    end=ctx.long_date(engagement.get("end_date")))),
        (ctx.t("version"), shorten(version, 20)),
        (ctx.field_label("engagement", "sponsor"), shorten(engagement.get("sponsor") or ctx.t("none_given"), 90)),
    ]
    cells = [[Paragraph(markup(k), s.meta_label), Paragraph(markup(v), s.meta_value)] for k, v in meta]
    rows = [[*cells[0], *cells[3]], [*cells[1], *cells[4]], [*cells[2], *cells[5]]]
    width = FRAME_WIDTH + MARGIN_SHIFT
    grid = Table([[a, b, c, d] for a, b, c, d in rows], colWidths=[width * 0.14, width * 0.33, width * 0.14,
                                                                    width * 0.39], hAlign="LEFT")
    grid.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE)))
    sector = " · ".join(x for x in (engagement.get("sector"), engagement.get("country")) if x)
    return [
        Spacer(1, 62 * mm),
        Paragraph(markup(ctx.t("kicker", month=ctx.long_date(ctx.as_of).split(" ", 1)[1])).upper(), s.kicker),
        Spacer(1, 4),
        Paragraph(markup(ctx.title), s.title),
        Paragraph(markup(shorten(ctx.client + (f" — {sector}" if sector else ""), 160)), s.subtitle),
        Spacer(1, 6),
        HRFlowable(width=28 * mm, thickness=2.5, color=ctx.palette.accent, hAlign="LEFT", spaceAfter=70 * mm),
        grid,
        NextPageTemplate("content"),
        PageBreak(),
    ]


MARGIN_SHIFT = 20 * mm - 28 * mm  # the cover frame starts further right than the body frame


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


HEADING_ROOM = 32 * mm
CONTENTS_ROOM = 215 * mm  # the body frame less the contents title  # a heading, the table's header and a few rows


def assemble(ctx: DeliverableContext, sections: Sequence[Section], *, version: str) -> list[Flowable]:
    """Cover, contents, then each section under its numbered heading (progress: one step a section)."""
    body: list[Flowable] = []
    for number, section in enumerate(sections, start=1):
        if section.new_page and body:
            body.append(PageBreak())
        elif body:
            body.append(CondPageBreak(60 * mm))
        body.append(heading(ctx, ctx.t(section.title_key), level=0, number=str(number)))
        body.extend(section.build(ctx, Outline(ctx, number)))
        ctx.step()
    body = _keep_headings(body)
    entries = [f for f in body if isinstance(f, Heading)]
    if Contents.height_of(entries) > CONTENTS_ROOM:  # one page of contents: sections only, then
        entries = [e for e in entries if e.level == 0]
    contents = [Paragraph(markup(ctx.t("contents")), ctx.styles.h1), Spacer(1, 6), Contents(entries, ctx),
                PageBreak()]
    return [*cover(ctx, version), *contents, *body]
