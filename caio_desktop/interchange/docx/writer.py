"""The state of one Word document being written: the python-docx document, its styles, the text width,
the client's colour, the running numbers of figures and tables, and where the next element goes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from caio_desktop.interchange.deliverables.nodes import Document
from caio_desktop.interchange.docx import wml
from caio_desktop.interchange.docx.template import StyleSet

# The few words the Word renderer writes itself; the deliverable's own words come in its Document.
_WORDS = {
    "figure": ("Figure", "Figure"),
    "table": ("Tableau", "Table"),
    "toc_placeholder": ("Le sommaire se met à jour à l'ouverture dans Word. Sinon : clic droit ici, puis "
                        "« Mettre à jour les champs » (F9).",
                        "Word updates the table of contents when the file opens. Otherwise right-click here "
                        "and choose “Update Field” (F9)."),
    "bullet": ("•", "•"),
}


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

    @classmethod
    def start(cls, docx_document: Any, styles: StyleSet, content: Document, *, warnings: list[str],
              steps: Any) -> Writer:
        section = docx_document.sections[-1]
        width = int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU → twips
        body = docx_document.element.body
        return cls(docx_document, styles, content, warnings, steps, width=width,
                   accent=wml.hex_color(content.primary_color), _end=body.find(qn("w:sectPr")))

    def word(self, key: str) -> str:
        fr, en = _WORDS[key]
        return fr if self.content.lang == "fr" else en

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
