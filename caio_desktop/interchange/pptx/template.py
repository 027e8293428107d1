"""The deck's template: open a .pptx or .potx, find the layouts we render into, drop its slides.

Layouts are found by name through `LAYOUT_NAMES` (the English names and those PowerPoint gives them in
French and other languages), then by the layout type PowerPoint writes whatever the language
(`type="obj"`…), in every slide master of the template. A template lacking one of them is reported
by `check_template` and the deck falls back to ours (`DEFAULT_TEMPLATE`), with the reason in the
export's warnings: a deck half in the client's look and half in ours would be worse than either.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import SlideLayout

PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
SLIDESHOW_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"

# role → (names the layout goes by, layout type); names are compared folded (case, accents, spaces).
LAYOUT_NAMES: dict[str, tuple[tuple[str, ...], str]] = {
    "title": (("Title Slide", "Diapositive de titre", "Titelfolie", "Diapositiva de título",
               "Diapositiva titolo"), "title"),
    "content": (("Title and Content", "Titre et contenu", "Titel und Inhalt", "Título y objetos",
                 "Titolo e contenuto"), "obj"),
    "title_only": (("Title Only", "Titre seul", "Nur Titel", "Solo el título", "Solo titolo"), "titleOnly"),
}
ROLE_NAMES = {"title": "Title Slide", "content": "Title and Content", "title_only": "Title Only"}
# what each role's layout must hold for us to write into it
_NEEDS: dict[str, tuple[str, ...]] = {"title": ("title",), "content": ("title", "body"), "title_only": ("title",)}
_TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


class TemplateError(Exception):
    """The template file cannot be opened as a PowerPoint presentation or template."""


def default_template() -> Path:
    """Our clean 16:9 template, shipped in the package (made by `make_template.py`)."""
    return Path(str(resources.files("caio_desktop.resources") / "templates" / "caio-deck.potx"))


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(text.split())


def as_presentation_bytes(data: bytes) -> bytes:
    """The package `data` with its main part typed as a presentation: python-pptx refuses a template's
    (.potx) or a slide show's (.ppsx) content type although the parts are the same. Only this copy in
    memory changes; the user's file is never written."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml").decode("utf-8")
            if TEMPLATE_TYPE not in types and SLIDESHOW_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for item in source.infolist():
                    blob = source.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        blob = types.replace(TEMPLATE_TYPE, PRESENTATION_TYPE).replace(
                            SLIDESHOW_TYPE, PRESENTATION_TYPE).encode("utf-8")
                    target.writestr(item, blob)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise TemplateError(f"not a PowerPoint file ({exc})") from exc
    return out.getvalue()


@lru_cache(maxsize=1)
def _default_bytes() -> bytes:
    return as_presentation_bytes(default_template().read_bytes())


def open_presentation(path: Path) -> PresentationObject:
    """The presentation or template at `path`, opened in memory (ours read once a process)."""
    if Path(path) == default_template():
        return Presentation(io.BytesIO(_default_bytes()))
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        return Presentation(io.BytesIO(as_presentation_bytes(data)))
    except TemplateError:
        raise
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors… for a foreign file
        raise TemplateError(f"not a PowerPoint presentation or template ({type(exc).__name__}: {exc})") from exc


def _holds(layout: SlideLayout, need: str) -> bool:
    types = _TITLE_TYPES if need == "title" else _BODY_TYPES
    return any(ph.placeholder_format.type in types for ph in layout.placeholders)


def _layouts(prs: PresentationObject) -> list[SlideLayout]:
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def find_layout(prs: PresentationObject, role: str) -> SlideLayout | None:
    """The layout of `prs` for `role`: by name first, then by layout type; None when absent."""
    names, kind = LAYOUT_NAMES[role]
    wanted = {_fold(n) for n in names}
    candidates = [lay for lay in _layouts(prs) if _fold(lay.name) in wanted]
    candidates += [lay for lay in _layouts(prs) if lay.element.get("type") == kind and lay not in candidates]
    for layout in candidates:
        if all(_holds(layout, need) for need in _NEEDS[role]):
            return layout
    return None


def missing_layouts(prs: PresentationObject) -> list[str]:
    """What `prs` lacks, one message per missing layout."""
    missing = []
    for role in LAYOUT_NAMES:
        if find_layout(prs, role) is None:
            names = LAYOUT_NAMES[role][0]
            missing.append(f'no "{ROLE_NAMES[role]}" layout (a layout named {names[0]!r} or {names[1]!r}, '
                           f"with a title{' and a content placeholder' if role == 'content' else ''})")
    return missing


def check_template(path: str | Path) -> list[str]:
    """What the template at `path` lacks for a deck; an empty list when it can be used as it is."""
    try:
        prs = open_presentation(Path(path))
    except TemplateError as exc:
        return [f"{Path(path).name}: {exc}"]
    return missing_layouts(prs)


def remove_slides(prs: PresentationObject) -> None:
    """Drop the template's own slides (sample content); their parts are no longer referenced, so they
    are not written."""
    id_list = prs.slides._sldIdLst  # noqa: SLF001 - python-pptx has no public slide removal
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


@dataclass
class Layouts:
    """The layouts the deck renders into."""

    title: SlideLayout
    content: SlideLayout
    title_only: SlideLayout


def load(template: Path | None, warnings: list[str]) -> tuple[PresentationObject, Layouts]:
    """The presentation to fill and its layouts: the user's template when it has what we need, else
    ours (the reason appended to `warnings`)."""
    if template is not None:
        try:
            prs = open_presentation(template)
            problems = missing_layouts(prs)
        except TemplateError as exc:
            problems = [str(exc)]
        if not problems:
            remove_slides(prs)
            return prs, _layouts_of(prs)
        warnings.append(f"Template {template.name} was not used ({'; '.join(problems)}); "
                        "the deck uses the default CAIO template.")
    prs = open_presentation(default_template())
    remove_slides(prs)
    return prs, _layouts_of(prs)


def _layouts_of(prs: PresentationObject) -> Layouts:
    found = {role: find_layout(prs, role) for role in LAYOUT_NAMES}
    assert all(found.values()), "checked by missing_layouts"
    return Layouts(**found)  # type: ignore[arg-type]
