"""Reading a deck back: slide titles, notes, charts and tables, and the check that no text overflows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from caio_desktop.interchange.pptx import fit

TEMPLATE_TITLE, TEMPLATE_BODY, TEMPLATE_FOOTER = 28.0, 20.0, 12.0  # the default template's, for inherited sizes
_FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


def open_deck(path: Path) -> Any:
    return Presentation(str(path))


def titles(prs: Any) -> list[str]:
    return [slide.shapes.title.text if slide.shapes.title is not None else "" for slide in prs.slides]


def notes(slide: Any) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def charts(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def tables(slide: Any) -> list[Any]:
    return [shape.table for shape in slide.shapes if shape.has_table]


def cell_texts(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _paragraph_height(paragraph: Any, width: float, default: float) -> float:
    runs = paragraph.runs
    size = next((r.font.size.pt for r in runs if r.font.size is not None), None) or default
    bold = any(r.font.bold for r in runs)
    lines = fit.line_count(paragraph.text, width, size, bold=bold) if paragraph.text else 1
    before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
    return lines * size * fit.LINE_HEIGHT + before


def _bulleted(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr  # noqa: SLF001
    return ppr is None or ppr.find(qn("a:buNone")) is None


def _frame_height(frame: Any, width: float, default: float, indent: float = 0.0) -> float:
    paragraphs = frame.paragraphs
    total = sum(_paragraph_height(p, width - (indent if _bulleted(p) else 0.0), default) for p in paragraphs)
    first = paragraphs[0].space_before
    return total - (first.pt if first is not None else 0.0)


def overflowing(prs: Any) -> list[str]:
    """Every text box, placeholder and table cell whose text needs more height than it has, measured
    with the renderer's own rule (`fit`); "slide n: shape: text" for each."""
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip() and shape.rotation == 0:
                default = TEMPLATE_BODY
                if shape.is_placeholder and shape.placeholder_format.type in _FOOTERS:
                    default = TEMPLATE_FOOTER
                if shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE,
                                                                              PP_PLACEHOLDER.CENTER_TITLE):
                    default = TEMPLATE_TITLE
                body = shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.OBJECT,
                                                                                  PP_PLACEHOLDER.BODY)
                width = fit.pt(shape.width) - fit.INSET_X_PT
                need = _frame_height(shape.text_frame, width, default, 27.0 if body else 0.0)
                if need > fit.pt(shape.height) - fit.INSET_Y_PT + 0.5:
                    found.append(f"slide {number}: {shape.name}: {shape.text_frame.text[:60]!r}")
            if shape.has_table:
                table = shape.table
                for r, row in enumerate(table.rows):
                    for c, cell in enumerate(row.cells):
                        width = fit.pt(table.columns[c].width - cell.margin_left - cell.margin_right)
                        need = _frame_height(cell.text_frame, width, 12.0)
                        room = fit.pt(row.height - cell.margin_top - cell.margin_bottom)
                        if cell.text.strip() and need > room + 0.5:
                            found.append(f"slide {number}: table cell ({r}, {c}): {cell.text[:60]!r}")
    return found
