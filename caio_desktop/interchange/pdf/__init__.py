"""The PDF renderer of the deliverables, and the PDF entry point kept for its callers.

    from caio_desktop.interchange.pdf import build_deliverable
    build_deliverable(workspace, "risks", "Registre des risques.pdf", lang="fr")

What a deliverable says is built once in `interchange.deliverables` (the content model); this package
lays it out: a shared style sheet (`styles`), page templates (`document`: cover, running header and
footer with "page x / y", contents with page numbers), blocks and tables (`blocks`, `tables`), vector
charts (`charts`), and the walk over the Document (`sections`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caio_desktop.interchange.deliverables import (
    DELIVERABLE_KINDS,
    DeliverableCancelled,
    DeliverableError,
    deliverable_title,
    export_deliverable,
    next_version,
)

__all__ = ["DELIVERABLE_KINDS", "DeliverableCancelled", "DeliverableError", "build_deliverable",
           "deliverable_title", "next_version"]


def build_deliverable(
    workspace: Any,
    kind: str,
    out_path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], bool] | None = None,
    version: str | None = None,
    firm_logo: bytes | None = None,
) -> Path:
    """Write deliverable `kind` of the open `workspace` as a PDF to `out_path` (0600) and return its path.

    `lang` defaults to the engagement's language, `as_of` to today. `firm_logo` (PNG, JPEG or SVG bytes,
    the consultant's firm) signs the cover and marks the footer. `progress(done, total)` returning False
    cancels (DeliverableCancelled). Any failure raises DeliverableError and leaves no file, not even a
    temporary one; an existing file at `out_path` is left as it was.
    """
    return export_deliverable(workspace, kind, out_path, fmt="pdf", lang=lang, as_of=as_of, progress=progress,
                              version=version, firm_logo=firm_logo)
