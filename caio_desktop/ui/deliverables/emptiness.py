"""Which sections of a deliverable have nothing of the engagement to show yet.

An empty engagement previews as an eight-page report whose sections each read "Nothing recorded
yet": the page says which ones before the consultant exports it, rather than the client finding out.
"""

from __future__ import annotations

from typing import Any


def empty_sections(document: Any) -> list[str]:
    """Titles of the sections of `document` (a `nodes.Document`) with no row, item or figure of the
    engagement: no table with rows, no bullet, no key figure and no words of the consultant. A
    section's fixed tables (a method, a legend) count as content: they are the same for every client,
    but the section is not blank either."""
    from caio_desktop.interchange.deliverables import nodes

    def has_content(blocks: list) -> bool:
        for block in blocks:
            if isinstance(block, nodes.Group) and has_content(block.blocks):
                return True
            if isinstance(block, nodes.Table) and block.rows:
                return True
            if isinstance(block, nodes.Bullets) and block.items:
                return True
            if isinstance(block, nodes.KeyFigures) and block.items:
                return True
            if isinstance(block, nodes.Paragraph) and block.narrative:
                return True
        return False

    return [section.title for section in document.sections if not has_content(section.blocks)]
