"""Page templates of every deliverable: the cover, the running header and footer, the contents page.

The document is laid out in ONE pass. Page furniture that depends on the whole document ("page x / y",
the page numbers in the contents) is drawn when the canvas is saved: the canvas keeps each page's
drawing until then (the usual "numbered canvas" recipe), and the contents flowable leaves a slot for each
page number, filled from the pages on which the headings actually landed. The section titles are known
before layout, so the contents page has its final height from the start and a second pass (what
multiBuild would do) is not needed — a 1,000-risk register is laid out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from caio_desktop.interchange.pdf.context import PdfContext
from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, fit, printable, register_fonts
from caio_desktop.interchange.pdf.logos import Logo, read_logo
from caio_desktop.interchange.pdf.styles import (
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)


class Heading(Paragraph):
    """A section heading: it enters the contents, the PDF outline and gets a link target."""

    def __init__(self, text: str, style: Any, *, level: int, key: str, plain: str) -> None:
        super().__init__(text, style)
        self.level = level
        self.key = key
        self.plain = plain  # the heading without markup, for the contents and the outline


@dataclass
class _TocSlot:
    page: int
    x: float
    y: float
    key: str
    x_left: float
    height: float


_TOC_LINE = {0: 22.0, 1: 15.5}  # points per contents line: section, sub-section


class Contents(Flowable):
    """The table of contents: titles and dot leaders now, page numbers when the document is complete."""

    def __init__(self, entries: list[Heading], ctx: PdfContext) -> None:
        super().__init__()
        self.entries = entries
        self.ctx = ctx
        self._line = _TOC_LINE

    @staticmethod
    def height_of(entries: list[Heading]) -> float:
        return sum(_TOC_LINE[min(e.level, 1)] for e in entries)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height_of(self.entries)

    def draw(self) -> None:
        canvas = self.canv
        y = sum(self._line[min(e.level, 1)] for e in self.entries)
        slots: list[_TocSlot] = canvas._caio_toc_slots  # type: ignore[attr-defined]
        for entry in self.entries:
            level = min(entry.level, 1)
            y -= self._line[level]
            font, size, color = (BOLD, 11, INK) if level == 0 else (REGULAR, 9.5, MUTED)
            indent = 0 if level == 0 else 18
            canvas.setFont(font, size)
            canvas.setFillColor(color)
            title = printable(entry.plain)
            canvas.drawString(indent, y + 4, title)
            end = indent + canvas.stringWidth(title, font, size) + 4
            canvas.saveState()  # the leader is a dotted line, not text: the contents read cleanly when copied
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.setLineCap(1)
            canvas.setDash(0.1, 3)
            canvas.line(end, y + 5, self.width - 24, y + 5)
            canvas.restoreState()
            x, y_abs = canvas.absolutePosition(self.width, y + 4)
            x_left, _ = canvas.absolutePosition(indent, y)
            slots.append(_TocSlot(canvas.getPageNumber(), x, y_abs, entry.key, x_left, self._line[level]))
            if level == 0:
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(0.4)
                canvas.line(0, y, self.width, y)


def _client_logo(ctx: PdfContext) -> Logo | None:
    """The client's logo (PNG, JPEG or SVG drawn as vectors), or None when absent or unreadable."""
    return read_logo(ctx.engagement.get("client_logo"), ctx.engagement.get("client_logo_type") or None)


def _firm_logo(ctx: PdfContext) -> Logo | None:
    """The consultant's firm's logo, read once per deliverable (the footer draws it on every page)."""
    if "firm" not in ctx.logos:
        ctx.logos["firm"] = read_logo(ctx.firm_logo)
    return ctx.logos["firm"]


def make_canvas(ctx: PdfContext) -> type[Canvas]:
    """A Canvas class that holds pages back until save, then draws header, footer and numbers."""

    class DeliverableCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._caio_pages: list[dict[str, Any]] = []
            self._caio_toc_slots: list[_TocSlot] = []
            self._caio_heading_pages: dict[str, int] = {}
            self._caio_targets: list[tuple[int, str, float]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._caio_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._caio_pages)
            for state in self._caio_pages:
                self.__dict__.update(state)
                page = self._pageNumber
                if page > 1:
                    _draw_furniture(self, ctx, page, total)
                for target_page, key, top in self._caio_targets:
                    if target_page == page:  # pages exist in the PDF only now: destinations go here
                        self.bookmarkHorizontalAbsolute(key, top)
                for slot in self._caio_toc_slots:
                    if slot.page == page and slot.key in self._caio_heading_pages:
                        _draw_toc_number(self, slot, self._caio_heading_pages[slot.key])
                Canvas.showPage(self)
            Canvas.save(self)

    return DeliverableCanvas


def _draw_toc_number(canvas: Canvas, slot: _TocSlot, page: int) -> None:
    canvas.saveState()
    canvas.setFont(BOLD, 10)
    canvas.setFillColor(INK)
    canvas.drawRightString(slot.x, slot.y, str(page))
    canvas.linkAbsolute("", slot.key, Rect=(slot.x_left, slot.y - 4, slot.x, slot.y - 4 + slot.height),
                        thickness=0)
    canvas.restoreState()


def _draw_furniture(canvas: Canvas, ctx: PdfContext, page: int, total: int) -> None:
    """Running header (client, deliverable) and footer (confidentiality, page x / y)."""
    canvas.saveState()
    top = PAGE_HEIGHT - 14 * mm
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(ctx.palette.dark)
    half = (PAGE_WIDTH - 2 * MARGIN_X) / 2 - 10
    canvas.drawString(MARGIN_X, top, fit(ctx.client, half, font=BOLD, size=8))
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, fit(ctx.title, half, size=8))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 5, PAGE_WIDTH - MARGIN_X, top - 5)
    canvas.setStrokeColor(ctx.palette.accent)
    canvas.setLineWidth(1.6)
    canvas.line(MARGIN_X, top - 5, MARGIN_X + 18 * mm, top - 5)
    bottom = 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, bottom + 9, PAGE_WIDTH - MARGIN_X, bottom + 9)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    footer = f"{ctx.t('confidential_short')} · {ctx.client} · {ctx.long_date(ctx.as_of)}"
    firm = _firm_logo(ctx)
    room = PAGE_WIDTH - 2 * MARGIN_X - 60 - (32 * mm if firm is not None else 0)
    canvas.drawString(MARGIN_X, bottom, fit(footer, room, size=7.5))
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(INK)
    number = ctx.t("page_x_of_y", x=page, y=total)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, number)
    if firm is not None:  # a small mark of the firm that signs the work, left of the page number
        right = PAGE_WIDTH - MARGIN_X - canvas.stringWidth(number, BOLD, 7.5) - 5 * mm
        firm.draw(canvas, x=right - 22 * mm, y=bottom - 1.2, max_width=22 * mm, max_height=3.6 * mm)
    canvas.restoreState()


def _draw_cover_background(canvas: Canvas, ctx: PdfContext) -> None:
    canvas.saveState()
    canvas.setFillColor(ctx.palette.accent)
    canvas.rect(0, 0, 9 * mm, PAGE_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(ctx.palette.tint)
    canvas.rect(9 * mm, 0, 3 * mm, PAGE_HEIGHT, stroke=0, fill=1)
    logo = _client_logo(ctx)
    if logo is not None:
        logo.draw(canvas, x=PAGE_WIDTH - MARGIN_X - 48 * mm, y=PAGE_HEIGHT - 20 * mm - 22 * mm,
                  max_width=48 * mm, max_height=22 * mm)
    else:  # no logo: the client's name set as a wordmark keeps the corner from looking empty
        canvas.setFont(BOLD, 11)
        canvas.setFillColor(ctx.palette.dark)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 26 * mm,
                               fit(ctx.client.upper(), 110 * mm, font=BOLD, size=11))
    notice_width = PAGE_WIDTH - 28 * mm - MARGIN_X
    firm = _firm_logo(ctx)
    if firm is not None:
        notice_width -= _draw_signature(canvas, ctx, firm)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(28 * mm, 14 * mm, fit(ctx.t("confidential", client=ctx.client), notice_width, size=7.5))
    canvas.restoreState()


def _draw_signature(canvas: Canvas, ctx: PdfContext, firm: Logo) -> float:
    """The firm's logo in the cover's bottom-right corner, "Prepared by" to its left and the consultant's
    name under it, the way a consulting firm signs its work; returns the width taken from the
    confidentiality line (same baseline as the name)."""
    right = PAGE_WIDTH - MARGIN_X
    logo_width, logo_height = firm.draw(canvas, x=right - 40 * mm, y=19 * mm, max_width=40 * mm,
                                        max_height=12 * mm)
    label = ctx.t("prepared_by").upper()
    canvas.setFont(BOLD, 6.5)
    canvas.setFillColor(MUTED)
    label_right = right - logo_width - 4 * mm
    canvas.drawRightString(label_right, 19 * mm + logo_height / 2 - 2.2, label)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(right - logo_width - 2 * mm, 19 * mm, right - logo_width - 2 * mm, 19 * mm + logo_height)
    consultant = fit(str(ctx.engagement.get("consultant_name") or "").strip(), 70 * mm, font=BOLD, size=7.5)
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(ctx.palette.dark)
    canvas.drawRightString(right, 14 * mm, consultant)
    return max(canvas.stringWidth(consultant, BOLD, 7.5), 0) + 8 * mm


class DeliverableDoc(BaseDocTemplate):
    """A4 document with a cover template and a content template; reports progress per section."""

    def __init__(self, target: Any, ctx: PdfContext) -> None:
        register_fonts()  # before the canvas exists: its initial font is ours, so no Helvetica is declared
        super().__init__(
            target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=printable(ctx.title),
            author=printable(ctx.engagement.get("consultant_name") or ""), subject=printable(ctx.client),
            creator="CAIO Desktop", lang=ctx.lang, initialFontName=REGULAR, initialFontSize=9.5,
        )
        self.ctx = ctx
        cover = Frame(28 * mm, 30 * mm, PAGE_WIDTH - 28 * mm - MARGIN_X, PAGE_HEIGHT - 80 * mm, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        body = Frame(MARGIN_X, MARGIN_BOTTOM, PAGE_WIDTH - 2 * MARGIN_X, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                     id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=lambda c, _d: _draw_cover_background(c, ctx)),
            PageTemplate("content", [body]),
        ])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, Heading):
            canvas = self.canv
            # The link target is set when the page is replayed at save (see make_canvas); its top is
            # just above the heading.
            top = self.frame._y + flowable.height + 14
            canvas.addOutlineEntry(printable(flowable.plain), flowable.key, level=flowable.level, closed=True)
            canvas._caio_heading_pages[flowable.key] = canvas.getPageNumber()  # type: ignore[attr-defined]
            canvas._caio_targets.append((canvas.getPageNumber(), flowable.key, top))  # type: ignore[attr-defined]
            if flowable.level == 0:
                self.ctx.step()

    def afterPage(self) -> None:  # noqa: N802 - reportlab's name
        self.ctx.step(0)  # a cancel is honoured within a page, even in a 40-page register
