"""The cover and the contents page of a Word deliverable.

Cover: the client's logo, the kicker, the title, the subtitle over a rule in the client's colour, the
cover facts (client, consultant, date, version…) as a two-column table, the confidentiality notice and,
when the firm has a logo, its signature. The first page has its own (empty) header and footer.

Contents: a TOC field over Heading 1–3 with hyperlinks (`TOC \\o "1-3" \\h \\z \\u`). Page numbers only
exist once Word lays the document out, so the field holds a sentence asking for an update, and the
settings ask Word to update fields when the file opens (`w:updateFields`, see `page.update_on_open`).
"""

from __future__ import annotations

from caio_desktop.interchange.docx import raster, wml
from caio_desktop.interchange.docx.writer import Writer

LOGO_MAX_W, LOGO_MAX_H = 150.0, 56.0  # points
FIRM_LOGO_MAX_W, FIRM_LOGO_MAX_H = 90.0, 30.0


def _fit(png: bytes, max_w: float, max_h: float) -> tuple[float, float]:
    """The picture's size in points, scaled to fit the box and keep its proportions."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    scale = min(max_w / width, max_h / height)
    return width * scale, height * scale


def _logo_paragraph(writer: Writer, data: bytes | None, kind: str | None, *, max_w: float, max_h: float,
                    align: str) -> bool:
    logo = raster.logo_png(data, kind)
    if logo is None:
        return False
    png, _ = logo
    try:
        width, height = _fit(png, max_w, max_h)
        run = writer.picture_run(png, width_pt=width, height_pt=height)
    except Exception:  # a logo Pillow or python-docx cannot size: the cover goes without it
        return False
    (paragraph,) = writer.add(wml.paragraph(writer.styles["normal"], "", align=align))
    paragraph.append(run)
    return True


def cover(writer: Writer) -> None:
    doc, styles = writer.content, writer.styles
    _logo_paragraph(writer, doc.client_logo, doc.client_logo_type, max_w=LOGO_MAX_W, max_h=LOGO_MAX_H,
                    align="right")
    rule = (f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="8" w:color="{writer.accent}"/></w:pBdr>')
    writer.add(wml.paragraph(styles["kicker"], wml.text_runs(doc.kicker)),
               wml.paragraph(styles["title"], wml.text_runs(doc.title)),
               wml.paragraph(styles["subtitle"], wml.text_runs(doc.subtitle), extra=rule))
    if doc.cover_meta:
        label_w = writer.width * 3 // 10
        rows = "".join(
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{label_w}" w:type="dxa"/></w:tcPr>'
            f'{wml.paragraph(styles["small"], wml.text_runs(label, wml.rpr(bold=True)))}</w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{writer.width - label_w}" w:type="dxa"/></w:tcPr>'
            f'{wml.paragraph(styles["normal"], wml.text_runs(value))}</w:tc></w:tr>'
            for label, value in doc.cover_meta)
        writer.add(f'<w:tbl><w:tblPr><w:tblW w:w="{writer.width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                   '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
                   '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                   'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
                   f'<w:tblGrid><w:gridCol w:w="{label_w}"/><w:gridCol w:w="{writer.width - label_w}"/></w:tblGrid>'
                   f"{rows}</w:tbl>")
    writer.add(wml.paragraph(styles["small"], wml.text_runs(doc.confidentiality),
                             spacing='<w:spacing w:before="720"/>'))
    if doc.firm_logo and _logo_paragraph(writer, doc.firm_logo, None, max_w=FIRM_LOGO_MAX_W,
                                         max_h=FIRM_LOGO_MAX_H, align="right") and doc.consultant:
        from caio_desktop.interchange.deliverables.i18n import text

        writer.add(wml.paragraph(styles["small"], wml.text_runs(f"{text('prepared_by', doc.lang)} {doc.consultant}"),
                                 align="right"))


def contents(writer: Writer) -> None:
    """The contents page: its title (TOC Heading, not itself listed) and the TOC field."""
    writer.add(wml.paragraph(writer.styles["toc_heading"], wml.text_runs(writer.content.contents_title),
                             page_break=True),
               wml.paragraph(writer.styles["normal"],
                               wml.field('TOC \\o "1-3" \\h \\z \\u', writer.word("toc_placeholder"),
                                         wml.rpr(italic=True, color="6B7280"), dirty=True)))
