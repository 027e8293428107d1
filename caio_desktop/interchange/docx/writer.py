"""The state of one Word document being written: the python-docx document, its styles, the text width,
the client's colour, the running numbers of figures and tables, and where the next element goes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from caio_desktop.interchange.deliverables import i18n
from caio_desktop.interchange.deliverables.nodes import Document
from caio_desktop.interchange.docx import wml
from caio_desktop.interchange.docx.template import StyleSet


def _numbered(docx_document: Any, style_id: str) -> bool:
    """Whether the paragraph style (or one it is based on) carries Word list numbering: a firm's
    template whose headings number themselves ("1.", "1.1") must not get our numbers as well."""
    by_id = {s.get(qn("w:styleId")): s for s in docx_document.styles.element.iterchildren(qn("w:style"))}
    seen: set[str] = set()
    current = by_id.get(style_id)
    while current is not None and style_id not in seen:
        seen.add(style_id)
        num = current.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num is not None:
            num_id = num.find(qn("w:numId"))
            return num_id is None or num_id.get(qn("w:val")) != "0"  # numId 0 switches numbering off
        based = current.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""
        current = by_id.get(style_id)
    return False


@dataclass
class Writer:
    """Where the blocks of one deliverable are written, and what they share."""

    docx: Any  # docx.document.Document
    styles: StyleSet
    content: Document
    warnings: list[str]
    steps: Any
    width: int  # twips between the margins
    accent: str  # RRGGBB, the client's colour
    figures: int = 0
    tables: int = 0
    section_number: int = 0
    sub_number: int = 0
    _end: Any = field(default=None, repr=False)

    numbered_styles: frozenset[str] = frozenset()  # heading styles a template numbers itself

    @classmethod
    def start(cls, docx_document: Any, styles: StyleSet, content: Document, *, warnings: list[str],
              steps: Any) -> Writer:
        from docx.shared import Mm

        section = docx_document.sections[-1]
        # A template without a page size or margins gets Word's own defaults for them (A4 here).
        page = section.page_width or Mm(210)
        left, right = section.left_margin or Mm(25), section.right_margin or Mm(25)
        width = int((page - left - right) / 635)  # EMU → twips
        body = docx_document.element.body
        numbered = frozenset(sid for role in ("heading1", "heading2") if _numbered(docx_document, sid := styles[role]))
        return cls(docx_document, styles, content, warnings, steps, width=width,
                   accent=wml.hex_color(content.primary_color), _end=body.find(qn("w:sectPr")),
                   numbered_styles=numbered)

    def word(self, key: str) -> str:
        """A word the Word renderer writes itself (captions, the contents' placeholder), in the
        document's language (`deliverables.i18n`)."""
        return i18n.text(key, self.content.lang)

    @property
    def width_pt(self) -> float:
        return self.width / 20

    def add(self, *xml: str) -> list[Any]:
        """Parse each of `xml` (one body element each) and append them to the body; the elements added."""
        added = [wml.element(x) for x in xml if x]
        for element in added:
            self.append(element)
        return added

    def append(self, element: Any) -> None:
        """Append one element to the body, before the final section properties."""
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.docx.element.body.append(element)

    def picture_run(self, png: bytes, *, width_pt: float, height_pt: float) -> Any:
        """A w:r holding the picture `png` shown `width_pt` × `height_pt` (the image part is added once
        per distinct picture, as python-docx does)."""
        import io

        from docx.shared import Pt

        inline = self.docx.part.new_pic_inline(io.BytesIO(png), Pt(width_pt), Pt(height_pt))
        run = wml.element("<w:r/>")
        run.add_drawing(inline)
        return run
