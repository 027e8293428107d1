"""Reading a produced .docx back as a user's Word would show it: headings, tables, fields, pictures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn


def open_docx(path: Path) -> Any:
    return docx.Document(str(path))


def flat(value: str) -> str:
    """Text with any run of whitespace (wraps, tabs, no-break spaces) as one space."""
    return " ".join(value.replace("\u00a0", " ").replace("\u202f", " ").split())


def headings(document: Any) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph in a Heading style, in order."""
    return [(p.style.name, p.text) for p in document.paragraphs
            if p.style is not None and p.style.name.startswith(("Heading", "Titre"))]


def field_instructions(element: Any) -> list[str]:
    """The instruction of every complex field under `element` (" TOC \\o ... " → "TOC \\o ...")."""
    return [" ".join((node.text or "").split()) for node in element.iter(qn("w:instrText"))]


def table_values(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def repeats_header(table: Any) -> list[bool]:
    """Per row: whether Word repeats it at the top of each page (w:tblHeader)."""
    return [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]


def cell_fill(cell: Any) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shd is None else shd.get(qn("w:fill"))


def pictures_in(paragraph: Any) -> int:
    return len(paragraph._p.findall(f".//{qn('w:drawing')}"))


def part_text(part: Any) -> str:
    """All the text of a header or footer, fields' shown results included."""
    return flat(" ".join(node.text or "" for node in part._element.iter(qn("w:t"))))


def all_paragraphs(document: Any) -> list[Any]:
    """Every paragraph of the body in reading order, those inside tables included."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]
