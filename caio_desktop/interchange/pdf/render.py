"""The PDF renderer's entry point: a Document laid out into a file (see `sections` and `document`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caio_desktop.interchange.deliverables.nodes import Document


def render(document: Document, path: Path, *, template: Path | None = None, steps: Any = None,
           warnings: list[str] | None = None) -> None:
    """Write `document` as a PDF to `path`. A PDF has no template: the style sheet is ours, in the
    client's colour (`template` is accepted so that every renderer is called alike, and ignored)."""
    from caio_desktop.interchange.pdf.context import PdfContext
    from caio_desktop.interchange.pdf.document import DeliverableDoc, make_canvas
    from caio_desktop.interchange.pdf.sections import assemble

    ctx = PdfContext(document, steps)
    with open(path, "wb") as handle:
        DeliverableDoc(handle, ctx).build(assemble(ctx), canvasmaker=make_canvas(ctx))
