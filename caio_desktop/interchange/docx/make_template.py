"""Generate CAIO Desktop's default Word template, `caio_desktop/resources/templates/caio-report.dotx`.

    .venv/bin/python -m caio_desktop.interchange.docx.make_template [OUT.dotx]

Re-run it after changing a style below and commit the .dotx with this script. The template starts from
python-docx's own blank document (its numbering part gives List Bullet its bullets), set to A4 with
the PDF's margins, and gets the PDF's type scale in real Word styles: Title, Subtitle, Heading 1–3,
Caption, TOC 1–3, Header, Footer, List Bullet, a table style "CAIO Table" (rules between rows, a
header row, banded rows) and our own paragraph styles ("CAIO Narrative", "CAIO Lead", "CAIO Small",
"CAIO Kicker", "CAIO Key Figure", "CAIO Table Text"). The unused table styles python-docx's document
carries (Light Shading…, Colorful Grid…) are removed so that the style gallery shows ours.

Fonts: Word does not embed a font it is only told the name of, and Source Sans Pro (in
`resources/fonts`) is not installed on most clients' machines. The styles name it, and the font table
describes it (sans serif family, its PANOSE numbers, "Calibri" as alternate name) so that Word and
LibreOffice substitute a close sans serif rather than Times New Roman. The theme's fonts are set to it
too, so styles we do not define (Quote, List Number) match.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

FONT = "Source Sans Pro"
FONT_ALT = "Calibri"
PANOSE = "020B0503030403020204"  # Source Sans Pro's own: a humanist sans, regular weight
ACCENT = "1F4E79"
INK = "1E2328"
MUTED = "6B7280"
RULE = "D9DEE4"
ZEBRA = "F5F7F9"
TEXT_WIDTH = 9638  # twips: A4 (11906) less two 20 mm margins (1134 each)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def _rpr(*, size: float | None = None, color: str | None = None, bold: bool = False, italic: bool = False,
         caps: bool = False, spacing: int | None = None) -> str:
    """A w:rPr in schema order (Word refuses elements out of order)."""
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size is not None:
        parts.append(f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def _ppr(*, before: int = 0, after: int = 0, line: int | None = None, keep_next: bool = False,
         keep_lines: bool = False, outline: int | None = None, extra: str = "", tabs: str = "",
         border: str = "", indent: str = "") -> str:
    """A w:pPr in schema order; spacing in points, line in 240ths of a line."""
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if keep_lines:
        parts.append("<w:keepLines/>")
    parts.append(border)
    parts.append(tabs)
    line_attr = f' w:line="{line}" w:lineRule="auto"' if line else ""
    parts.append(f'<w:spacing w:before="{before * 20}" w:after="{after * 20}"{line_attr}/>')
    parts.append(indent)
    parts.append(extra)
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def _paragraph_style(sid: str, name: str, *, based: str = "Normal", next_: str | None = "Normal",
                     ppr: str = "", rpr: str = "", priority: int = 10, custom: bool = False,
                     hidden_until_used: bool = False) -> str:
    custom_attr = ' w:customStyle="1"' if custom else ""
    next_xml = f'<w:next w:val="{next_}"/>' if next_ else ""
    unhide = "<w:unhideWhenUsed/>" if hidden_until_used else ""
    return (f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{sid}"{custom_attr}>'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/>{next_xml}'
            f'<w:uiPriority w:val="{priority}"/>{unhide}<w:qFormat/>{ppr}{rpr}</w:style>')


def _right_tab(leader: str = "none") -> str:
    return f'<w:tabs><w:tab w:val="right" w:leader="{leader}" w:pos="{TEXT_WIDTH}"/></w:tabs>'


def _running_style(sid: str, name: str) -> str:
    """Header or Footer: small grey text, one right tab at the margin (python-docx's centre and right
    stops are for Letter paper: cleared)."""
    tabs = ('<w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>')
    return _paragraph_style(sid, name, next_=None, ppr=_ppr(tabs=tabs, line=240),
                            rpr=_rpr(size=8, color=MUTED), priority=99, hidden_until_used=True)


def paragraph_styles() -> dict[str, str]:
    """Style id → w:style XML for every paragraph style the template defines (or redefines)."""
    heading = dict(keep_next=True, keep_lines=True)
    return {
        "Title": _paragraph_style("Title", "Title", ppr=_ppr(after=10, line=228),
                                  rpr=_rpr(size=30, color=ACCENT, bold=True), priority=10),
        "Subtitle": _paragraph_style("Subtitle", "Subtitle", ppr=_ppr(after=24),
                                     rpr=_rpr(size=14, color=MUTED), priority=11),
        "Heading1": _paragraph_style("Heading1", "heading 1", ppr=_ppr(before=24, after=12, outline=0, **heading),
                                     rpr=_rpr(size=18, color=ACCENT, bold=True), priority=9),
        "Heading2": _paragraph_style("Heading2", "heading 2", ppr=_ppr(before=16, after=6, outline=1, **heading),
                                     rpr=_rpr(size=13, color=ACCENT, bold=True), priority=9,
                                     hidden_until_used=True),
        "Heading3": _paragraph_style("Heading3", "heading 3", ppr=_ppr(before=10, after=3, outline=2, **heading),
                                     rpr=_rpr(size=11, color=INK, bold=True), priority=9,
                                     hidden_until_used=True),
        "Caption": _paragraph_style("Caption", "caption", ppr=_ppr(before=4, after=12),
                                    rpr=_rpr(size=8.5, color=MUTED, italic=True), priority=35,
                                    hidden_until_used=True),
        "TOCHeading": _paragraph_style("TOCHeading", "TOC Heading", based="Heading1",
                                       ppr=_ppr(before=0, after=18, outline=9), priority=39,
                                       hidden_until_used=True),
        "TOC1": _paragraph_style("TOC1", "toc 1", ppr=_ppr(before=8, after=2, tabs=_right_tab("dot")),
                                 rpr=_rpr(size=11, bold=True), priority=39, hidden_until_used=True),
        "TOC2": _paragraph_style("TOC2", "toc 2", ppr=_ppr(after=2, tabs=_right_tab("dot"),
                                                           indent='<w:ind w:left="360"/>'),
                                 rpr=_rpr(size=10, color=MUTED), priority=39, hidden_until_used=True),
        "TOC3": _paragraph_style("TOC3", "toc 3", ppr=_ppr(after=2, tabs=_right_tab("dot"),
                                                           indent='<w:ind w:left="720"/>'),
                                 rpr=_rpr(size=9.5, color=MUTED), priority=39, hidden_until_used=True),
        "Header": _running_style("Header", "header"),
        "Footer": _running_style("Footer", "footer"),
        "CAIONarrative": _paragraph_style("CAIONarrative", "CAIO Narrative", ppr=_ppr(after=10, line=276),
                                          rpr=_rpr(size=11), custom=True, priority=20),
        "CAIOLead": _paragraph_style("CAIOLead", "CAIO Lead", ppr=_ppr(after=10, line=276),
                                     rpr=_rpr(size=11.5, color=INK), custom=True, priority=20),
        "CAIOSmall": _paragraph_style("CAIOSmall", "CAIO Small", ppr=_ppr(after=4, line=240),
                                      rpr=_rpr(size=8, color=MUTED), custom=True, priority=21),
        "CAIOKicker": _paragraph_style("CAIOKicker", "CAIO Kicker", ppr=_ppr(before=150, after=8),
                                       rpr=_rpr(size=10, color=MUTED, bold=True, caps=True, spacing=10),
                                       custom=True, priority=21),
        "CAIOKeyFigure": _paragraph_style("CAIOKeyFigure", "CAIO Key Figure", ppr=_ppr(after=0, line=240),
                                          rpr=_rpr(size=22, color=ACCENT, bold=True), custom=True, priority=21),
        "CAIOTableText": _paragraph_style("CAIOTableText", "CAIO Table Text", ppr=_ppr(after=0, line=240),
                                          rpr=_rpr(size=8), custom=True, priority=21),
    }


def table_style() -> str:
    """"CAIO Table": a rule under every row, a bold header row on the accent colour, banded rows. The
    renderer shades the header in the client's colour over it."""
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="CAIOTable" w:customStyle="1">'
        '<w:name w:val="CAIO Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="40"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/>'
        f'<w:tblBorders><w:top {border}/><w:bottom {border}/><w:insideH {border}/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        f'<w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/>'
        '</w:tcPr></w:tblStylePr>'
        f'<w:tblStylePr w:type="band2Horz"><w:tblPr/><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ZEBRA}"/>'
        '</w:tcPr></w:tblStylePr>'
        '</w:style>')


def _defaults() -> str:
    return (f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
            f'<w:color w:val="{INK}"/><w:sz w:val="20"/><w:szCs w:val="20"/>'
            '<w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr>'
            '</w:pPrDefault></w:docDefaults>')


_CLUTTER = re.compile(r"^(Light|Medium|Dark|Colorful) (Shading|List|Grid)")


def build(out: Path) -> Path:
    """Write the default template to `out` and return it."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = docx.Document()
    styles = document.styles.element
    styles.replace(styles.find(qn("w:docDefaults")), parse_xml(_defaults()))
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is not None and _CLUTTER.match(name.get(qn("w:val")) or ""):
            styles.remove(style)
    replacements = {**paragraph_styles(), "CAIOTable": table_style()}
    for sid, xml in replacements.items():
        element = parse_xml(xml)
        old = next((s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == sid), None)
        if old is not None:
            old_num = old.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            styles.replace(old, element)
            if old_num is not None:  # keep a list style's bullets
                element.find(qn("w:pPr")).insert(0, old_num)
        else:
            styles.append(element)
    _list_bullet(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(26), Mm(22)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    _fonts(document)
    _package_parts(document)
    props = document.core_properties
    props.title, props.author, props.subject = "CAIO Desktop report", "CAIO Desktop", ""
    props.keywords, props.comments, props.last_modified_by = "CAIO Desktop template", "", "CAIO Desktop"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1
    for paragraph in list(document.element.body.iterchildren(qn("w:p"))):
        document.element.body.remove(paragraph)
    document.part._content_type = _TEMPLATE_TYPE  # saved as a .dotx: Word opens a new document from it
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def _list_bullet(document: object) -> None:
    """List Bullet: a dash indented under the text, spaced like body text (python-docx's sits tight)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    style = next(s for s in document.styles.element.iterchildren(qn("w:style"))  # type: ignore[attr-defined]
                 if s.get(qn("w:styleId")) == "ListBullet")
    ppr = style.find(qn("w:pPr"))
    for child in list(ppr):
        if child.tag != qn("w:numPr"):
            ppr.remove(child)
    ppr.append(parse_xml(f'<w:spacing xmlns:w="{W_NS}" w:after="60"/>'))
    ppr.append(parse_xml(f'<w:ind xmlns:w="{W_NS}" w:left="284" w:hanging="284"/>'))


def _fonts(document: object) -> None:
    """Describe the font in the font table and name it in the theme, so substitutes are sans serif."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            table = parse_xml(rel.target_part.blob)
            for font in table.iterchildren(qn("w:font")):
                if font.get(qn("w:name")) == FONT:
                    table.remove(font)
            table.insert(0, parse_xml(
                f'<w:font xmlns:w="{W_NS}" w:name="{FONT}"><w:altName w:val="{FONT_ALT}"/>'
                f'<w:panose1 w:val="{PANOSE}"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
                '<w:pitch w:val="variable"/></w:font>'))
            rel.target_part._blob = _xml_bytes(table)
        elif rel.reltype == RT.THEME:
            theme = rel.target_part.blob.decode("utf-8")
            theme = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\g<1>{FONT}"', theme)
            rel.target_part._blob = theme.encode("utf-8")


def _package_parts(document: object) -> None:
    """Drop what python-docx's blank document carries from the tool it was made with (a preview
    picture; a Word 2010 copy of the styles, "stylesWithEffects", which would hold the old styles for
    the Word versions that read it; a bibliography store) and say who made the file."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part_rels = document.part.rels  # type: ignore[attr-defined]
    for rid, rel in list(part_rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"):
            del part_rels[rid]
    package_rels = document.part.package.rels  # type: ignore[attr-defined]
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                b"<Template>caio-report.dotx</Template><Application>CAIO Desktop</Application>"
                b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
                b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
            )


def _xml_bytes(element: object) -> bytes:
    from lxml import etree

    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def main(argv: list[str] | None = None) -> int:
    from caio_desktop.interchange.docx.template import default_template_path

    args = sys.argv[1:] if argv is None else argv
    out = build(Path(args[0]) if args else default_template_path())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
