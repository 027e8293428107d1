"""The consultant's Word and PowerPoint templates (chosen in Preferences, used by the Deliverables page):
which files can be one, and what a chosen file lacks, as the renderers themselves judge it."""

from __future__ import annotations

import importlib
from pathlib import Path

# format → the suffixes a template of that format may have (a document or deck works as well as a template)
TEMPLATE_SUFFIXES: dict[str, tuple[str, ...]] = {"docx": (".dotx", ".docx"), "pptx": (".potx", ".pptx")}


def template_filter(fmt: str, name: str) -> str:
    """A file dialog filter, e.g. "Word template (*.dotx *.docx)"."""
    return f"{name} ({' '.join('*' + s for s in TEMPLATE_SUFFIXES[fmt])})"


def template_problems(fmt: str, path: Path) -> list[str]:
    """What `path` lacks as a template of `fmt` (empty: it has everything); the renderer's own check.

    A build without the renderer checks nothing: the template is only stored, not used, there.
    """
    try:
        renderer = importlib.import_module(f"caio_desktop.interchange.{fmt}")
    except ImportError:
        return []
    check = getattr(renderer, "check_template", None)
    if check is None:
        return []
    try:
        return [str(problem) for problem in check(path)]
    except Exception as exc:  # noqa: BLE001 - a file the check cannot read is reported, not a crash
        return [str(exc) or type(exc).__name__]


def usable_template(fmt: str, warnings: list[str]) -> Path | None:
    """The template of `fmt` chosen in Preferences if its file is still there; otherwise None (ours),
    with the reason appended to `warnings`. Read on the GUI thread (QSettings)."""
    from PySide6.QtCore import QCoreApplication

    from caio_desktop.ui import settings

    path = settings.deliverable_template(fmt)
    if path is None or path.is_file():
        return path
    warnings.append(QCoreApplication.translate(
        "DeliverablesPage", "The template %1 chosen in Preferences is no longer there; the default template "
        "was used.").replace("%1", str(path)))
    return None
