"""Registers as Word tables: the template's table style, the header row repeated on every page and
shaded in the client's colour, level badges shaded in their colour, numbers right-aligned, column
widths from each column's share of the text width.

The whole table is written as one XML string and parsed once (see `wml`): a 1,000-risk register is
then about as fast as the text itself. A cancel is honoured every `CANCEL_EVERY` rows.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from caio_desktop.interchange.deliverables.nodes import Badge, Cell, Column, Progress, Table, Titled
from caio_desktop.interchange.docx import wml
from caio_desktop.interchange.docx.writer import Writer

CANCEL_EVERY = 200
MUTED = "6B7280"


def column_widths(columns: list[Column], width: int) -> list[int]:
    """Twips per column, in proportion to the shares, summing to `width`."""
    total = sum(max(c.share, 0.0) for c in columns) or float(len(columns))
    widths = [int(width * (max(c.share, 0.0) or total / len(columns)) / total) for c in columns]
    widths[-1] += width - sum(widths)
    return widths


def table(writer: Writer, item: Table) -> None:
    """A register, with its caption above it ("Table 3 — Open risks") when it has one; an empty
    register prints its `empty_text` instead."""
    if item.caption:
        writer.tables += 1
        caption = (wml.text_runs(writer.word("table") + " ")
                   + wml.field("SEQ Table \\* ARABIC", str(writer.tables))
                   + wml.text_runs(" — " + item.caption))
        writer.add(wml.paragraph(writer.styles["caption"], caption, keep_next=True))
    if not item.rows or not item.columns:
        if item.empty_text:
            writer.add(wml.paragraph(writer.styles["normal"], wml.text_runs(item.empty_text, wml.rpr(italic=True))))
        return
    writer.add(table_xml(writer, item), wml.paragraph(writer.styles["small"], ""))


def table_xml(writer: Writer, item: Table) -> str:
    widths = column_widths(item.columns, writer.width)
    text_style = writer.styles["table_text"]
    header_fill = writer.accent
    header_ink = wml.ink_on(header_fill)
    aligns = ["right" if c.right else None for c in item.columns]
    props = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths]
    header_run = wml.rpr(bold=True, color=header_ink)
    head = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{wml.shading(header_fill)}</w:tcPr>'
        f"{wml.paragraph(text_style, wml.text_runs(c.title, header_run), align=a, keep_next=True)}</w:tc>"
        for c, w, a in zip(item.columns, widths, aligns, strict=True))
    parts = [f"<w:tbl><w:tblPr><w:tblStyle w:val={quoteattr(writer.styles['table'])}/>"
             f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
             'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
             # the header row repeats at the top of every page the table runs onto
             f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"]
    para_open = [f'<w:p><w:pPr><w:pStyle w:val={quoteattr(text_style)}/>'
                 + (f'<w:jc w:val="{a}"/>' if a else "") + "</w:pPr>" for a in aligns]
    count = len(item.columns)
    for n, row in enumerate(item.rows, start=1):
        cells = []
        for i in range(count):
            value = row[i] if i < len(row) else ""
            cells.append(_cell(value, props[i], para_open[i], widths[i]))
        parts.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
        if n % CANCEL_EVERY == 0:
            writer.steps.step(0)
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell(value: Cell | None, props: str, para_open: str, width: int) -> str:
    """One table cell: plain text, a badge on its colour, a progress figure, or a title over a grey line."""
    if isinstance(value, Badge):
        fill = wml.hex_color(value.color, "808080")
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{wml.shading(fill)}</w:tcPr>'
                f"{para_open}{wml.text_runs(value.text, wml.rpr(bold=True, color=wml.ink_on(fill)))}</w:p></w:tc>")
    if isinstance(value, Titled):
        runs = wml.text_runs(value.title, wml.rpr(bold=True))
        if value.subtitle:
            runs += "<w:r><w:br/></w:r>" + wml.text_runs(value.subtitle, wml.rpr(color=MUTED, size=7.5))
        return f"<w:tc>{props}{para_open}{runs}</w:p></w:tc>"
    text = value.text if isinstance(value, Progress) else ("" if value is None else value)
    return f"<w:tc>{props}{para_open}{wml.text_runs(text)}</w:p></w:tc>"
