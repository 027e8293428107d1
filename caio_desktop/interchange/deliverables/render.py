"""From workspace to file: build the content, render it in the chosen format, write it atomically."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caio_desktop.interchange.deliverables.context import DeliverableCancelled

# format → module whose `render(document, path, *, template, steps, warnings)` writes the file
RENDERERS = {"pdf": "caio_desktop.interchange.pdf.render", "docx": "caio_desktop.interchange.docx",
             "pptx": "caio_desktop.interchange.pptx"}
SUFFIXES = {"pdf": (".pdf",), "docx": (".docx",), "pptx": (".pptx",)}
# Progress steps a renderer reports per section (the PDF: as it builds, then as it lays out each one).
STEPS_PER_SECTION = {"pdf": 2, "docx": 1, "pptx": 1}

# reportlab keeps per-process state (font subsets tracked in shared font objects) and does not promise
# thread safety: the app may build a preview and an export at once, so builds take turns.
_BUILDING = threading.Lock()


class Steps:
    """Progress of a renderer: `step()` after each section it writes, `step(0)` to honour a cancel."""

    def __init__(self, ctx: Any) -> None:
        self._ctx = ctx

    def step(self, advance: int = 1) -> None:
        self._ctx.step(advance)


def render_to(workspace: Any, kind: str, target: Path, *, fmt: str, lang: str | None, as_of: dt.date | None,
              progress: Callable[[int, int], bool] | None, version: str | None, firm_logo: bytes | None,
              template: str | os.PathLike[str] | None, warnings: list[str] | None,
              on_content: Callable[[Any], None] | None = None) -> Path:
    from caio_desktop.interchange.atomic_file import atomic_output
    from caio_desktop.interchange.bulk import paused_gc
    from caio_desktop.interchange.deliverables import DeliverableError, build_content
    from caio_desktop.interchange.deliverables.assemble import sections_of

    if target.suffix.lower() not in SUFFIXES[fmt]:
        raise DeliverableError(f"{target}: the output file name must end in {' or '.join(SUFFIXES[fmt])}")
    if not target.parent.is_dir():
        raise DeliverableError(f"cannot write {target}: folder {target.parent} does not exist")
    template_path = Path(template) if template else None
    if template_path is not None and not template_path.is_file():
        raise DeliverableError(f"{template_path}: no such template file")
    renderer = importlib.import_module(RENDERERS[fmt])
    notes: list[str] = warnings if warnings is not None else []
    try:
        # A 1,000-risk register makes hundreds of thousands of short-lived objects (cells, flowables):
        # full collections walking them all again cost a tenth of the build (the importer's pause).
        with _BUILDING, paused_gc():
            document = build_content(workspace, kind, lang=lang, as_of=as_of, version=version, firm_logo=firm_logo,
                                     progress=progress,
                                     steps_extra=STEPS_PER_SECTION[fmt] * len(sections_of(kind)))
            ctx = document.progress
            if on_content is not None:
                on_content(document)
            with atomic_output(target) as temp:
                renderer.render(document, temp, template=template_path, steps=Steps(ctx), warnings=notes)
    except (DeliverableCancelled, DeliverableError):
        raise
    except OSError as exc:
        raise DeliverableError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except Exception as exc:
        raise DeliverableError(f"could not build the {kind} deliverable: {type(exc).__name__}: {exc}") from exc
    if progress is not None:
        progress(ctx.steps_total, ctx.steps_total)  # the file is written: a late "cancel" changes nothing
    return target
