"""Word (DOCX) renderer of the deliverables' content model.

    from caio_desktop.interchange.deliverables import export_deliverable
    export_deliverable(workspace, "risks", "risques.docx", fmt="docx", lang="fr", template="cabinet.dotx")

`render` writes one `nodes.Document` into a Word file built on a template (the consultant's .docx or
.dotx, else ours, `resources/templates/caio-report.dotx`): a cover, a contents field, then each section
under its numbered Heading 1, in the template's styles. `check_template` says what a template lacks
before anything is exported. Modules:

- `template`: opening a .docx/.dotx, finding styles by (localised) name, what is missing;
- `writer`: the document being written; `wml`: WordprocessingML as text, parsed once;
- `cover`, `blocks`, `tables`, `figures`, `page`: the parts of the document;
- `raster`: charts and SVG logos as PNG at print resolution (the PDF's drawings, painted by PDFium);
- `make_template`: the script that generates our default template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caio_desktop.interchange.deliverables.nodes import Document
from caio_desktop.interchange.docx.template import check_template

__all__ = ["check_template", "render"]


def render(document: Document, path: Path, *, template: Path | None, steps: Any, warnings: list[str]) -> None:
    """Write `document` as a .docx to `path` (a temporary file the caller renames into place).

    `steps.step()` is called after each top-level section, `steps.step(0)` within long ones (either
    raises DeliverableCancelled when the user cancels); what had to be substituted (a template's
    missing style, an unreadable template) is appended to `warnings` as a sentence."""
    from caio_desktop.interchange.docx import blocks, cover, page
    from caio_desktop.interchange.docx.template import open_template
    from caio_desktop.interchange.docx.writer import Writer

    word, styles = open_template(template, warnings=warnings)
    writer = Writer.start(word, styles, document, warnings=warnings, steps=steps)
    cover.cover(writer)
    cover.contents(writer)
    steps.step(0)
    for index, section in enumerate(document.sections):
        blocks.section(writer, section, first=index == 0)
        steps.step()
    page.header_footer(writer)
    page.properties(word, document)
    page.language(word, document.lang)
    page.update_on_open(word)
    word.save(str(path))
