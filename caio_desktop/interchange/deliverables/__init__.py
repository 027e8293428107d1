"""The five deliverables of an engagement, built once as content and rendered as PDF, Word or PowerPoint.

    from caio_desktop.interchange.deliverables import export_deliverable
    export_deliverable(workspace, "steering", "COPIL.pptx", fmt="pptx", lang="fr")

`build_content` turns the workspace into a `nodes.Document` (one module per deliverable lists its
sections); `export_deliverable` renders it with the format's renderer (`interchange/pdf`, `docx`,
`pptx`) into a temporary file beside the target, renamed over it only when complete, so a failure or
a cancel never leaves a half file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caio_desktop.interchange.deliverables.context import DeliverableCancelled, DeliverableContext
from caio_desktop.interchange.deliverables.i18n import LANGS

__all__ = ["DECK_KINDS", "DELIVERABLE_KINDS", "FORMATS", "DeliverableCancelled", "DeliverableError",
           "build_content", "deliverable_title", "export_deliverable", "next_version"]

# kind → (French title, English title); the same words as the `deliverable_kind` enumeration.
DELIVERABLE_KINDS: dict[str, tuple[str, str]] = {
    "diagnosis": ("Rapport de diagnostic", "Diagnosis report"),
    "roadmap": ("Stratégie et feuille de route", "Strategy & roadmap"),
    "risks": ("Registre des risques et conformité", "Risk & compliance register"),
    "steering": ("Rapport de comité de pilotage", "Steering committee report"),
    "handover": ("Dossier de transmission", "Handover pack"),
}
# The deliverables that exist as a PowerPoint deck: the committee is presented, the diagnosis restituted.
DECK_KINDS = ("steering", "diagnosis")
FORMATS = ("pdf", "docx", "pptx")

_MAJOR = re.compile(r"\s*[vV]?\s*(\d+)")


class DeliverableError(Exception):
    """A deliverable could not be built; the message says which and why. No file was left behind."""


def deliverable_title(kind: str, lang: str) -> str:
    fr, en = DELIVERABLE_KINDS[kind]
    return fr if lang == "fr" else en


def next_version(workspace: Any, kind: str) -> str:
    """The version the next issue of `kind` will carry: one major version above the highest recorded
    ("2" or "v2.1" → "3.0"), or 1.0 for the first issue."""
    from caio_desktop.workspace.queries import fetch_rows

    issued = fetch_rows(workspace, "deliverables", where={"kind": kind})
    majors = [int(m.group(1)) for r in issued if (m := _MAJOR.match(str(r.get("version") or "")))]
    return f"{max(majors, default=len(issued)) + 1}.0"


def _language(workspace: Any, lang: str | None) -> str:
    from caio_desktop.workspace.queries import fetch_rows

    engagement = fetch_rows(workspace, "engagement", limit=1)
    language = lang or (engagement[0].get("language") if engagement else None) or "en"
    if language not in LANGS:
        raise DeliverableError(f"unknown language {language!r}; choose fr or en")
    return language


def build_content(workspace: Any, kind: str, *, lang: str | None = None, as_of: dt.date | None = None,
                  version: str | None = None, firm_logo: bytes | None = None,
                  progress: Callable[[int, int], bool] | None = None, steps_extra: int = 0) -> Any:
    """The deliverable `kind` of `workspace` as a `nodes.Document` (progress: one step a section, out of
    the sections plus `steps_extra` that the renderer reports)."""
    if kind not in DELIVERABLE_KINDS:
        raise DeliverableError(f"unknown deliverable {kind!r}; choose one of {', '.join(DELIVERABLE_KINDS)}")
    from caio_desktop.interchange.deliverables.assemble import assemble, sections_of

    language = _language(workspace, lang)
    sections = sections_of(kind)
    ctx = DeliverableContext(workspace=workspace, kind=kind, lang=language, as_of=as_of or dt.date.today(),
                             title=deliverable_title(kind, language), progress=progress,
                             steps_total=len(sections) + steps_extra + 1)
    return assemble(ctx, sections, version=version or next_version(workspace, kind), firm_logo=firm_logo)


def export_deliverable(workspace: Any, kind: str, out_path: str | os.PathLike[str], *, fmt: str = "pdf",
                       lang: str | None = None, as_of: dt.date | None = None,
                       progress: Callable[[int, int], bool] | None = None, version: str | None = None,
                       firm_logo: bytes | None = None, template: str | os.PathLike[str] | None = None,
                       warnings: list[str] | None = None, on_content: Callable[[Any], None] | None = None) -> Path:
    """Write deliverable `kind` of the open `workspace` as `fmt` (pdf, docx, pptx) to `out_path` (0600).

    `template` (docx/dotx for Word, pptx/potx for PowerPoint) gives the styles, masters and layouts; a
    template lacking what we need falls back to ours, and the reason is appended to `warnings`.
    `on_content(document)` is given the built `nodes.Document` (the preview reads which sections are
    empty from it rather than building the deliverable twice).
    `progress(done, total)` returning False cancels (DeliverableCancelled). Any failure raises
    DeliverableError (or DeliverableCancelled) and leaves no file; an existing `out_path` is kept.
    """
    from caio_desktop.interchange.deliverables.render import render_to

    if kind not in DELIVERABLE_KINDS:
        raise DeliverableError(f"unknown deliverable {kind!r}; choose one of {', '.join(DELIVERABLE_KINDS)}")
    if fmt not in FORMATS:
        raise DeliverableError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "pptx" and kind not in DECK_KINDS:
        raise DeliverableError(f"the {kind} deliverable has no PowerPoint deck; decks: {', '.join(DECK_KINDS)}")
    return render_to(workspace, kind, Path(out_path), fmt=fmt, lang=lang, as_of=as_of, progress=progress,
                     version=version, firm_logo=firm_logo, template=template, warnings=warnings,
                     on_content=on_content)
