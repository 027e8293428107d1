"""The Word template a deliverable is written into: the consultant's (the firm's or the client's) or ours.

A template gives the styles, the page setup and the running headers and footers; its body (sample
text, instructions) is replaced by the deliverable. Styles are found by name, in English or in the
names localised Word versions and LibreOffice write ("Titre 1", "Légende"), never recreated from code:
the template's look is the client's. What the template lacks is handled so that the document is always
written:

- no Heading 1–3: the navigation pane, the contents and the numbering would not work, so the whole
  default template is used instead, with a message;
- no table style "CAIO Table": Word's "Table Grid" (or, failing it, ours) is used;
- no Title, Caption, List Bullet, Header, Footer or one of our own "CAIO …" styles: ours is added.

python-docx opens a .dotx only if told it is a document: the main part's content type is rewritten in
memory; the consultant's file is only ever read.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

DEFAULT_TEMPLATE_NAME = "caio-report.dotx"

_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_MAIN = (b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
               b"application/vnd.ms-word.document.macroEnabled.main+xml")
MAX_TEMPLATE_BYTES = 50_000_000  # a template with a few logos is well under; a bigger file is not one
MAX_UNPACKED_BYTES = 200_000_000  # the parts as python-docx holds them in memory (a zip bomb is refused)

# Style role → names it goes by (English first, then French, German, Spanish, Italian, Dutch). Word
# writes built-in styles under their English name whatever its language ("heading 1"), but files made
# by older or localised tools carry the translated name.
STYLE_NAMES: dict[str, tuple[str, ...]] = {
    "heading1": ("Heading 1", "Titre 1", "Überschrift 1", "Título 1", "Titolo 1", "Kop 1"),
    "heading2": ("Heading 2", "Titre 2", "Überschrift 2", "Título 2", "Titolo 2", "Kop 2"),
    "heading3": ("Heading 3", "Titre 3", "Überschrift 3", "Título 3", "Titolo 3", "Kop 3"),
    "normal": ("Normal", "Standard", "Default Paragraph Style"),
    "title": ("Title", "Titre", "Titel", "Título", "Titolo"),
    "subtitle": ("Subtitle", "Sous-titre", "Untertitel", "Subtítulo", "Sottotitolo", "Ondertitel"),
    "caption": ("Caption", "Légende", "Beschriftung", "Descripción", "Didascalia", "Bijschrift"),
    "list_bullet": ("List Bullet", "Liste à puces", "Aufzählungszeichen", "Listennummer", "Lista con viñetas",
                    "Puntato", "Lijst opsommingsteken"),
    "toc_heading": ("TOC Heading", "En-tête de table des matières", "Inhaltsverzeichnisüberschrift",
                    "Encabezado de tabla de contenido", "Titolo sommario", "Kop van inhoudsopgave"),
    "header": ("Header", "En-tête", "Kopfzeile", "Encabezado", "Intestazione", "Koptekst"),
    "footer": ("Footer", "Pied de page", "Fußzeile", "Pie de página", "Piè di pagina", "Voettekst"),
    "table": ("CAIO Table",),
    "table_grid": ("Table Grid", "Grille du tableau", "Tabellenraster", "Tabla con cuadrícula", "Griglia tabella",
                   "Tabelraster"),
    # our own styles: a client template does not have them, ours are added
    "narrative": ("CAIO Narrative",),
    "lead": ("CAIO Lead",),
    "small": ("CAIO Small",),
    "kicker": ("CAIO Kicker",),
    "key_figure": ("CAIO Key Figure",),
    "table_text": ("CAIO Table Text",),
}
REQUIRED = ("heading1", "heading2", "heading3")
STANDARD = ("title", "subtitle", "caption", "list_bullet", "toc_heading", "header", "footer")
OURS = ("narrative", "lead", "small", "kicker", "key_figure", "table_text")
_TYPES = {"table": "table", "table_grid": "table"}  # every other role is a paragraph style


class TemplateError(ValueError):
    """A template that cannot be used at all (not a Word file, macros, damaged); the message says why."""


@dataclass
class StyleSet:
    """The styles of one output document by role: their style ids, as paragraphs and tables name them."""

    ids: dict[str, str] = field(default_factory=dict)
    added: set[str] = field(default_factory=set)  # roles whose style was copied from ours

    def __getitem__(self, role: str) -> str:
        return self.ids[role]

    def get(self, role: str) -> str | None:
        return self.ids.get(role)


def default_template_path() -> Path:
    """Our clean default template, shipped in the package (`make_template.py` generates it)."""
    return Path(str(resources.files("caio_desktop.resources").joinpath("templates", DEFAULT_TEMPLATE_NAME)))


def load_package(path: Path) -> Any:
    """The .docx or .dotx at `path` as a python-docx Document, read into memory (the file is not kept
    open nor ever written). Raises TemplateError with a sentence for anything that is not a usable
    Word document or template."""
    import docx

    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"is larger than {MAX_TEMPLATE_BYTES // 1_000_000} MB, which no template needs")
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        types = source.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise TemplateError("is not a Word document or template (.docx, .dotx)") from exc
    if sum(info.file_size for info in source.infolist()) > MAX_UNPACKED_BYTES:  # python-docx unpacks all
        raise TemplateError(f"unpacks to more than {MAX_UNPACKED_BYTES // 1_000_000} MB, which no template needs")
    if any(kind in types for kind in _MACRO_MAIN):
        raise TemplateError("holds macros (.docm, .dotm); save it as a Word template (.dotx) without macros")
    if _TEMPLATE_MAIN in types:
        data = _as_document(source, types.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN))
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged or foreign package
        raise TemplateError(f"cannot be opened as a Word document ({type(exc).__name__}: {exc})") from exc


def _as_document(source: zipfile.ZipFile, types: bytes) -> bytes:
    """The package's bytes with `[Content_Types].xml` replaced (every other part copied as is)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, types if info.filename == "[Content_Types].xml" else source.read(info))
    return out.getvalue()


def find_style(document: Any, role: str) -> str | None:
    """The style id of the style playing `role` in `document`, found by name (any case) or by id."""
    wanted = {name.lower() for name in STYLE_NAMES[role]}
    wanted_ids = {name.replace(" ", "").lower() for name in STYLE_NAMES[role]}
    kind = _TYPES.get(role, "paragraph")
    for style in document.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) != kind:
            continue
        name = style.find(qn("w:name"))
        if (name is not None and (name.get(qn("w:val")) or "").lower() in wanted) \
                or (style.get(qn("w:styleId")) or "").lower() in wanted_ids:
            return style.get(qn("w:styleId"))
    return None


def missing_required(document: Any) -> list[str]:
    """The heading styles `document` lacks (their English names)."""
    return [STYLE_NAMES[role][0] for role in REQUIRED if find_style(document, role) is None]


def resolve_styles(document: Any, *, default: Any, notes: list[str]) -> StyleSet:
    """Every role's style id in `document`, adding ours (from `default`) where it lacks one; what was
    added or substituted is said in `notes`."""
    found = StyleSet({role: sid for role in STYLE_NAMES if (sid := find_style(document, role))})
    for role in REQUIRED:  # the caller has checked; the default template has them
        if role not in found.ids:
            found.ids[role] = _copy_style(document, default, role, found.added)
    if "table" not in found.ids:
        grid = found.get("table_grid")
        if grid:
            notes.append("no table style 'CAIO Table'; Word's 'Table Grid' is used")
            found.ids["table"] = grid
        else:
            notes.append("no table style 'CAIO Table' nor 'Table Grid'; CAIO Desktop's is added")
            found.ids["table"] = _copy_style(document, default, "table", found.added)
    added = [STYLE_NAMES[role][0] for role in STANDARD if role not in found.ids]
    for role in STANDARD:
        if role not in found.ids:
            found.ids[role] = _copy_style(document, default, role, found.added)
    if added:
        notes.append(f"no {', '.join(added)} style; CAIO Desktop's {'is' if len(added) == 1 else 'are'} added")
    for role in OURS:  # our own styles: a client template is not expected to have them, so no message
        if role not in found.ids:
            found.ids[role] = _copy_style(document, default, role, found.added)
    if "normal" not in found.ids:
        found.ids["normal"] = _copy_style(document, default, "normal", found.added)
    return found


def _copy_style(document: Any, default: Any, role: str, added: set[str]) -> str:
    """Copy the style playing `role` in `default` into `document`; its id."""
    sid = find_style(default, role)
    if sid is None:
        raise TemplateError(f"the default template has no style for {role!r}")
    _copy_style_by_id(document, default, sid)
    added.add(role)
    return sid


def _copy_style_by_id(document: Any, default: Any, sid: str) -> None:
    """Copy style `sid` of `default`, and the styles it is based on that `document` lacks."""
    target = document.styles.element
    if _style_element(target, sid) is not None:
        return
    source = _style_element(default.styles.element, sid)
    if source is None:
        return
    element = copy.deepcopy(source)
    # Word lists numbering by id in numbering.xml, which we do not copy: a copied list style would point
    # at someone else's list. The paragraph keeps its indent; bullets come from the text (see blocks).
    for num in element.iter(qn("w:numPr")):
        num.getparent().remove(num)
    link = element.find(qn("w:link"))
    if link is not None and _style_element(target, link.get(qn("w:val"))) is None:
        element.remove(link)  # a linked character style is a convenience, not needed to print
    target.append(element)
    based = element.find(qn("w:basedOn"))
    if based is not None:
        _copy_style_by_id(document, default, based.get(qn("w:val")))


def _style_element(styles: Any, sid: str | None) -> Any:
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == sid:
            return style
    return None


def clear_body(document: Any) -> None:
    """Remove the template's body content, keeping its last section's page setup (size, margins,
    orientation, headers and footers), which the body's final `w:sectPr` holds."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def open_template(path: Path | None, *, warnings: list[str]) -> tuple[Any, StyleSet]:
    """The output document started from `path` (or our default), its body emptied, and its styles.

    A template that cannot be used, or lacks a heading style, is replaced by the default one, and
    `warnings` says so; styles added from ours are named in `warnings` too."""
    default = load_package(default_template_path())
    document = default
    if path is not None:
        try:
            candidate = load_package(path)
        except TemplateError as exc:
            warnings.append(f"template {path.name} {exc}; CAIO Desktop's default template is used")
        else:
            lacking = missing_required(candidate)
            if lacking:
                warnings.append(f"template {path.name} has no {', '.join(lacking)} style; "
                                "CAIO Desktop's default template is used")
            else:
                document = candidate
    notes: list[str] = []
    styles = resolve_styles(document, default=default, notes=notes)  # ours has every style: no copy
    if document is not default:
        warnings.extend(f"template {path.name}: {note}" for note in notes)
    clear_body(document)
    return document, styles


def check_template(path: Path) -> list[str]:
    """What the template at `path` lacks, one sentence each (empty when it has everything we use):
    shown when the consultant chooses it, before any export."""
    try:
        document = load_package(Path(path))
    except TemplateError as exc:
        return [f"{Path(path).name} {exc}; CAIO Desktop's default template will be used"]
    lacking = missing_required(document)
    if lacking:
        return [f"no {', '.join(lacking)} style; CAIO Desktop's default template will be used"]
    notes: list[str] = []
    resolve_styles(document, default=load_package(default_template_path()), notes=notes)
    return [note.replace(" is used", " will be used").replace(" is added", " will be added")
            .replace(" are added", " will be added") for note in notes]
