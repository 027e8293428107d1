"""PDF deliverables of an engagement: diagnosis, roadmap, risks, steering committee, handover.

    from caio_desktop.interchange.pdf import build_deliverable
    build_deliverable(workspace, "risks", "Registre des risques.pdf", lang="fr")

One module per deliverable lists its sections; they share a style sheet (`styles`), page templates
(`document`: cover, running header and footer with "page x / y", contents with page numbers) and
building blocks (`blocks`, `charts`). The document is written to a temporary file in the target folder
and renamed over the target only when complete, so a failure or a cancel never leaves a half file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caio_desktop.interchange.pdf.context import DeliverableCancelled, DeliverableContext
from caio_desktop.interchange.pdf.i18n import LANGS

__all__ = ["DELIVERABLE_KINDS", "DeliverableCancelled", "DeliverableError", "build_deliverable", "next_version"]

# kind → (French title, English title); the same words as the `deliverable_kind` enumeration.
DELIVERABLE_KINDS: dict[str, tuple[str, str]] = {
    "diagnosis": ("Rapport de diagnostic", "Diagnosis report"),
    "roadmap": ("Stratégie et feuille de route", "Strategy & roadmap"),
    "risks": ("Registre des risques et conformité", "Risk & compliance register"),
    "steering": ("Rapport de comité de pilotage", "Steering committee report"),
    "handover": ("Dossier de transmission", "Handover pack"),
}


_MAJOR = re.compile(r"\s*[vV]?\s*(\d+)")


class DeliverableError(Exception):
    """A deliverable could not be built; the message says which and why. No file was left behind."""


def deliverable_title(kind: str, lang: str) -> str:
    fr, en = DELIVERABLE_KINDS[kind]
    return fr if lang == "fr" else en


def _sections(kind: str) -> tuple:
    if kind == "diagnosis":
        from caio_desktop.interchange.pdf.diagnosis import SECTIONS
    elif kind == "roadmap":
        from caio_desktop.interchange.pdf.roadmap import SECTIONS
    elif kind == "risks":
        from caio_desktop.interchange.pdf.risks import SECTIONS
    elif kind == "steering":
        from caio_desktop.interchange.pdf.steering import SECTIONS
    else:
        from caio_desktop.interchange.pdf.handover import SECTIONS
    return SECTIONS


def next_version(workspace: Any, kind: str) -> str:
    """The version the next issue of `kind` will carry: one major version above the highest recorded
    ("2" or "v2.1" → "3.0"), or 1.0 for the first issue."""
    from caio_desktop.workspace.queries import fetch_rows

    issued = fetch_rows(workspace, "deliverables", where={"kind": kind})
    majors = [int(m.group(1)) for r in issued if (m := _MAJOR.match(str(r.get("version") or "")))]
    return f"{max(majors, default=len(issued)) + 1}.0"


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
    """Write deliverable `kind` of the open `workspace` to `out_path` (0600) and return its path.

    `lang` defaults to the engagement's language, `as_of` to today. `firm_logo` (PNG, JPEG or SVG bytes,
    the consultant's firm) signs the cover and marks the footer; without it the cover names the
    consultant alone. `progress(done, total)` is called
    as sections are written and pages laid out; returning False cancels (DeliverableCancelled).
    Any failure raises DeliverableError (or DeliverableCancelled) and leaves no file, not even a
    temporary one; an existing file at `out_path` is left as it was.
    """
    if kind not in DELIVERABLE_KINDS:
        raise DeliverableError(f"unknown deliverable {kind!r}; choose one of {', '.join(DELIVERABLE_KINDS)}")
    target = Path(out_path)
    if not target.parent.is_dir():
        raise DeliverableError(f"cannot write {target}: folder {target.parent} does not exist")
    from caio_desktop.workspace.queries import fetch_rows

    engagement = fetch_rows(workspace, "engagement", limit=1)
    language = lang or (engagement[0].get("language") if engagement else None) or "en"
    if language not in LANGS:
        raise DeliverableError(f"unknown language {language!r}; choose fr or en")
    sections = _sections(kind)
    ctx = DeliverableContext(workspace=workspace, kind=kind, lang=language, as_of=as_of or dt.date.today(),
                             title=deliverable_title(kind, language), progress=progress,
                             steps_total=2 * len(sections) + 1, firm_logo=firm_logo)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".pdf.part", dir=target.parent)
    except OSError as exc:
        raise DeliverableError(f"cannot write in {target.parent}: {exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(ctx, sections, handle, version=version or next_version(workspace, kind))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except DeliverableCancelled:
        temp.unlink(missing_ok=True)
        raise
    except Exception as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, DeliverableError):
            raise
        raise DeliverableError(f"could not build the {kind} deliverable: {type(exc).__name__}: {exc}") from exc
    if progress is not None:
        progress(ctx.steps_total, ctx.steps_total)  # the file is written: a late "cancel" changes nothing
    return target


# reportlab keeps per-process state (font subsets are tracked per document in shared font objects) and
# does not promise thread safety: the app may build a preview and an export at once, so builds take turns.
_BUILDING = threading.Lock()


def _write(ctx: DeliverableContext, sections: tuple, handle: Any, *, version: str) -> None:
    from caio_desktop.interchange.pdf.document import DeliverableDoc, make_canvas
    from caio_desktop.interchange.pdf.sections import assemble

    with _BUILDING:
        story = assemble(ctx, sections, version=version)
        DeliverableDoc(handle, ctx).build(story, canvasmaker=make_canvas(ctx))
