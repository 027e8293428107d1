"""What surrounds the text: running header and footer, document properties, language, field updates.

Header: the client's name, and the deliverable's title at the right margin. Footer: the
confidentiality word, and "page x / y" from PAGE and NUMPAGES fields. A template's own header or
footer content (a letterhead, a logo) is kept and ours is written under it; the cover page has its own
first-page header and footer, left as the template has them (empty in ours).
"""

from __future__ import annotations

import datetime as dt

from docx.oxml.ns import qn

from caio_desktop.interchange.deliverables.i18n import text
from caio_desktop.interchange.deliverables.nodes import Document
from caio_desktop.interchange.docx import wml
from caio_desktop.interchange.docx.writer import Writer

LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}
# w:settings children that come after w:updateFields in the schema (Word rejects a file whose
# settings are out of order).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                        "decimalSymbol", "listSeparator")
_MATH_PR = "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"


def _tabs(writer: Writer, style_id: str) -> str:
    """Tab stops for a header or footer line: the style's own cleared, one right tab at the margin (a
    template's Header style has its stops where its own page width put them)."""
    stops = []
    for style in writer.docx.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            for tab in style.iter(qn("w:tab")):
                if tab.get(qn("w:val")) != "clear" and tab.get(qn("w:pos")) != str(writer.width):
                    stops.append(f'<w:tab w:val="clear" w:pos="{tab.get(qn("w:pos"))}"/>')
    stops.append(f'<w:tab w:val="right" w:pos="{writer.width}"/>')
    return f"<w:tabs>{''.join(stops)}</w:tabs>"


def _is_blank(part_element: object) -> bool:
    """A header or footer with no text, picture, table or field in it (python-docx's and Word's empty
    ones hold an empty paragraph)."""
    for node in part_element.iter():  # type: ignore[attr-defined]
        if node.tag in (qn("w:t"), qn("w:drawing"), qn("w:pict"), qn("w:tbl"), qn("w:fldSimple"),
                        qn("w:instrText")) and (node.tag != qn("w:t") or (node.text or "").strip()):
            return False
    return True


def _numbers_field(lang: str) -> str:
    """"page x / y" in `lang` with PAGE and NUMPAGES fields where x and y go."""
    page = text("page_x_of_y", lang, x="\x00", y="\x01")
    before, rest = page.split("\x00", 1)
    middle, after = rest.split("\x01", 1)
    return (wml.text_runs(before) + wml.field("PAGE", "1") + wml.text_runs(middle)
            + wml.field("NUMPAGES", "1") + wml.text_runs(after))


def _numbers_page(part_element: object) -> bool:
    """Whether a template's header or footer already numbers the pages (then we do not again)."""
    fields = [" ".join((n.text or "").split()) for n in part_element.iter(qn("w:instrText"))]  # type: ignore[attr-defined]
    fields += [n.get(qn("w:instr")) or "" for n in part_element.iter(qn("w:fldSimple"))]  # type: ignore[attr-defined]
    return any(f.strip().upper().startswith("PAGE") for f in fields)


def header_footer(writer: Writer) -> None:
    doc = writer.content
    section = writer.docx.sections[-1]
    section.different_first_page_header_footer = True  # the cover carries no running header
    header_style, footer_style = writer.styles["header"], writer.styles["footer"]
    parts = [(section.header, section.footer)]
    if writer.docx.settings.odd_and_even_pages_header_footer:  # a template printing recto-verso
        parts.append((section.even_page_header, section.even_page_footer))
    for header, footer in parts:
        for part, is_footer in ((header, False), (footer, True)):
            part.is_linked_to_previous = False  # gives the section a header (footer) part of its own
            element = part._element
            numbered = False
            if _is_blank(element):
                for child in list(element):
                    element.remove(child)
            else:
                numbered = _numbers_page(element)
            if is_footer:
                right = "" if numbered else "<w:r><w:tab/></w:r>" + _numbers_field(doc.lang)
                line = wml.paragraph(footer_style, wml.text_runs(doc.confidential_short) + right,
                                     extra=_tabs(writer, footer_style))
            else:
                line = wml.paragraph(header_style, wml.text_runs(doc.client) + "<w:r><w:tab/></w:r>"
                                     + wml.text_runs(doc.title), extra=_tabs(writer, header_style))
            element.append(wml.element(line))


def properties(docx_document: object, doc: Document) -> None:
    """Title, author (the consultant), subject (the client), language, keywords; the template's own
    (its author, its comments) do not carry over to a client's deliverable."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props = docx_document.core_properties  # type: ignore[attr-defined]
    props.title = wml.clean(doc.title)
    props.author = wml.clean(doc.consultant)
    props.last_modified_by = wml.clean(doc.consultant)
    props.subject = wml.clean(doc.client)
    props.language = LANGUAGE_TAGS.get(doc.lang, doc.lang)
    props.keywords = wml.clean("; ".join(x for x in (doc.client, doc.title, "CAIO Desktop") if x))
    props.category = wml.clean(doc.title)
    props.comments = ""
    props.content_status = ""
    props.identifier = ""
    props.version = wml.clean(doc.version)
    props.revision = 1
    props.created = props.modified = now
    printed = props._element.find(qn("cp:lastPrinted"))  # the template's printing is not the report's
    if printed is not None:
        props._element.remove(printed)


def language(docx_document: object, lang: str) -> None:
    """Set the document's default language (spelling, hyphenation, quotes) to the deliverable's."""
    styles = docx_document.styles.element  # type: ignore[attr-defined]
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = wml.element("<w:docDefaults/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = wml.element("<w:rPrDefault/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = wml.element("<w:rPr/>")
        rpr_default.append(rpr)
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = wml.element("<w:lang/>")
        # w:lang is the last rPr child we could meet here but w:eastAsianLayout, w:specVanish, w:oMath
        after = [c for c in rpr if c.tag in (qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath"))]
        if after:
            after[0].addprevious(tag)
        else:
            rpr.append(tag)
    tag.set(qn("w:val"), LANGUAGE_TAGS.get(lang, lang))


def update_on_open(docx_document: object) -> None:
    """Ask Word to update fields (the contents' page numbers) when it opens the file."""
    settings = docx_document.settings.element  # type: ignore[attr-defined]
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = wml.element("<w:updateFields/>")
        successors = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS} | {_MATH_PR}
        following = next((c for c in settings if c.tag in successors), None)
        if following is not None:
            following.addprevious(existing)
        else:
            settings.append(existing)
    existing.set(qn("w:val"), "true")
