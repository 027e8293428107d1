"""Make the default deck template, `caio_desktop/resources/templates/caio-deck.potx` (16:9).

    .venv/bin/python -m caio_desktop.interchange.pptx.make_template [OUT.potx]

Re-run it after changing anything below and commit the .potx with this script. It starts from
python-pptx's own blank presentation (4:3, "Office Theme"), keeps the layouts a deck needs, moves every
placeholder to a 16:9 grid, renames the theme and gives it our colours and fonts (Calibri: installed
with every Office, and metric-compatible Carlito where LibreOffice has it), sets the text styles (a
28 pt left-aligned title, 20 pt body) and a few plain decorations, and saves the package as a template.
The output is byte-for-byte reproducible (fixed zip dates and document properties).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

from caio_desktop.interchange.pptx.template import PRESENTATION_TYPE, TEMPLATE_TYPE

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, PowerPoint's widescreen
MARGIN = Inches(0.6)
KEEP = ("Title Slide", "Title and Content", "Section Header", "Two Content", "Title Only", "Blank")
COLORS = {"dk1": "222A35", "lt1": "FFFFFF", "dk2": "1E3A5F", "lt2": "EEF1F5", "accent1": "1F6FB2",
          "accent2": "E07A1F", "accent3": "2E9E6B", "accent4": "7B5EA7", "accent5": "2BA6B5",
          "accent6": "C0392B", "hlink": "1F6FB2", "folHlink": "7B5EA7"}
FONT = "Calibri"
FIXED_TIME = dt.datetime(2026, 1, 1)

# placeholder type → (left, top, width, height) on the master and the content layouts
_TITLE = (MARGIN, Inches(0.35), WIDTH - 2 * MARGIN, Inches(0.85))
_BODY = (MARGIN, Inches(1.45), WIDTH - 2 * MARGIN, Inches(5.0))
_DATE = (MARGIN, Inches(6.85), Inches(2.5), Inches(0.35))
_FOOTER = (Inches(3.67), Inches(6.85), Inches(6.0), Inches(0.35))
_NUMBER = (WIDTH - MARGIN - Inches(2.5), Inches(6.85), Inches(2.5), Inches(0.35))
_COMMON = {PP_PLACEHOLDER.TITLE: _TITLE, PP_PLACEHOLDER.BODY: _BODY, PP_PLACEHOLDER.OBJECT: _BODY,
           PP_PLACEHOLDER.DATE: _DATE, PP_PLACEHOLDER.FOOTER: _FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER: _NUMBER}
_HALF = (WIDTH - 2 * MARGIN - Inches(0.4)) // 2
_SPECIAL = {
    "Title Slide": {PP_PLACEHOLDER.CENTER_TITLE: (Inches(1.2), Inches(2.1), Inches(10.8), Inches(1.6)),
                    PP_PLACEHOLDER.SUBTITLE: (Inches(1.2), Inches(3.9), Inches(10.8), Inches(1.9))},
    "Section Header": {PP_PLACEHOLDER.TITLE: (Inches(1.2), Inches(3.0), Inches(10.8), Inches(1.3)),
                       PP_PLACEHOLDER.BODY: (Inches(1.2), Inches(4.3), Inches(10.8), Inches(1.0))},
}


def _xml(snippet: str) -> etree._Element:
    return etree.fromstring(f'<root xmlns:a="{A}" xmlns:p="{P}">{snippet}</root>')[0]


def _bar(shape_id: int, name: str, box: tuple[int, int, int, int], color: str) -> etree._Element:
    """A plain filled rectangle drawn behind the placeholders (userDrawn: part of the design)."""
    x, y, cx, cy = box
    return _xml(
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
        f'<a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def _decorate(tree: etree._Element, *shapes: etree._Element) -> None:
    sp_tree = tree.find(".//p:cSld/p:spTree", NS)
    for offset, shape in enumerate(shapes):
        sp_tree.insert(2 + offset, shape)  # after nvGrpSpPr and grpSpPr: behind everything else


def _place(shapes, boxes: dict) -> None:  # noqa: ANN001 - master or layout placeholders
    for ph in shapes:
        box = boxes.get(ph.placeholder_format.type)
        if box is not None:
            ph.left, ph.top, ph.width, ph.height = (Emu(v) for v in box)


def _theme(blob: bytes) -> bytes:
    theme = etree.fromstring(blob)
    theme.set("name", "CAIO")
    scheme = theme.find(".//a:clrScheme", NS)
    scheme.set("name", "CAIO")
    for key, value in COLORS.items():
        slot = scheme.find(f"a:{key}", NS)
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    fonts = theme.find(".//a:fontScheme", NS)
    fonts.set("name", "CAIO")
    for latin in fonts.findall("./*/a:latin", NS):
        latin.set("typeface", FONT)
    return etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(master: etree._Element) -> None:
    title = master.find(".//p:txStyles/p:titleStyle/a:lvl1pPr", NS)
    title.set("algn", "l")
    run = title.find("a:defRPr", NS)
    run.set("sz", "2800")
    run.set("b", "1")
    run.find("a:solidFill/a:schemeClr", NS).set("val", "tx2")
    body = master.find(".//p:txStyles/p:bodyStyle", NS)
    for level in range(1, 10):
        ppr = body.find(f"a:lvl{level}pPr", NS)
        ppr.find("a:defRPr", NS).set("sz", str({1: 2000, 2: 1800, 3: 1600}.get(level, 1400)))
        before = ppr.find("a:spcBef", NS)
        for child in list(before):
            before.remove(child)
        etree.SubElement(before, f"{{{A}}}spcPts", val="600" if level == 1 else "300")
        if ppr.find("a:buClr", NS) is None:
            before.addnext(_xml('<a:buClr><a:schemeClr val="accent1"/></a:buClr>'))
    for body_pr in master.findall(".//p:cSld//p:sp", NS):
        ph = body_pr.find(".//p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type") == "title":
            body_pr.find(".//a:bodyPr", NS).set("anchor", "b")


def build() -> bytes:
    """The template's bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.element.find("p:sldSz", NS).attrib.pop("type", None)  # 16:9 widescreen carries no preset type
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        if layout.name not in KEEP:
            master.slide_layouts.remove(layout)
    _place(master.placeholders, _COMMON)
    _text_styles(master.element)
    accent_y = _TITLE[1] + _TITLE[3] + Inches(0.08)
    _decorate(master.element, _bar(100, "Title rule", (MARGIN, accent_y, Inches(1.2), Inches(0.06)), "accent1"))
    for layout in master.slide_layouts:
        _place(layout.placeholders, {**_COMMON, **_SPECIAL.get(layout.name, {})})
        if layout.name == "Two Content":
            boxes = [(MARGIN, _BODY[1], _HALF, _BODY[3]), (MARGIN + _HALF + Inches(0.4), _BODY[1], _HALF, _BODY[3])]
            for ph, box in zip([p for p in layout.placeholders if p.placeholder_format.idx in (1, 2)], boxes, strict=False):
                ph.left, ph.top, ph.width, ph.height = (Emu(v) for v in box)
        if layout.name in _SPECIAL:  # a band on the left, no title rule
            layout.element.set("showMasterSp", "0")
            _decorate(layout.element, _bar(100, "Band", (0, 0, Inches(0.45), HEIGHT), "tx2"),
                      _bar(101, "Accent", (Inches(1.2), Inches(3.85) if layout.name == "Title Slide"
                                           else Inches(4.3), Inches(1.2), Inches(0.06)), "accent1"))
        for ph in layout.placeholders:
            if ph.placeholder_format.type in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE):
                for ppr in ph.element.findall(".//a:lstStyle/a:lvl1pPr", NS):
                    ppr.set("algn", "l")
                if ph.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE:
                    _left_title(ph.element, "3600")
                else:
                    _left_title(ph.element, "2000", bold=False, color="tx1")
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = _theme(theme.blob)  # noqa: SLF001 - a theme is a plain part; python-pptx has no setter
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "CAIO deck", "CAIO Desktop", "CAIO Desktop"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    prs.save(buffer)
    return _as_template(buffer.getvalue())


def _left_title(sp: etree._Element, size: str, *, bold: bool = True, color: str = "tx2") -> None:
    """A left-aligned list style of `size` on a title slide's placeholder (the layout's own style wins
    over the master's centred one)."""
    body = sp.find(".//p:txBody", NS)
    old = body.find("a:lstStyle", NS)
    style = _xml(f'<a:lstStyle><a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/>'
                 f'<a:defRPr sz="{size}" b="{1 if bold else 0}"><a:solidFill><a:schemeClr val="{color}"/>'
                 f"</a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>")
    body.replace(old, style) if old is not None else body.insert(1, style)
    body.find("a:bodyPr", NS).set("anchor", "b" if bold else "t")


def _as_template(data: bytes) -> bytes:
    """The package typed as a template (.potx), without the blank theme's thumbnail, zip dates fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in sorted(source.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            if item.filename == "docProps/thumbnail.jpeg":
                continue
            blob = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                blob = blob.replace(PRESENTATION_TYPE.encode(), TEMPLATE_TYPE.encode())
            if item.filename == "_rels/.rels":
                blob = re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', b"", blob)
            info = zipfile.ZipInfo(item.filename, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, blob)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    from caio_desktop.interchange.pptx.template import default_template

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else default_template()
    out.write_bytes(build())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

