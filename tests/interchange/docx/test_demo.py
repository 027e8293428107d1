"""The five deliverables of the demo engagement as Word documents, French and English: read back with
python-docx, and opened by LibreOffice headless (the text a user sees on the pages it lays out)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from caio_desktop.interchange.deliverables import DELIVERABLE_KINDS, build_content, export_deliverable
from caio_desktop.operations.narrative import set_narrative
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows
from tests.conftest import DEMO_TODAY
from tests.interchange.docx.readback import all_paragraphs, flat, headings, open_docx

LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}


@pytest.fixture(scope="module")
def demo_docx(demo_template_fr: Path, demo_template_en: Path, tmp_path_factory: pytest.TempPathFactory):
    """Every deliverable in both languages, exported once for this module, with its content model."""
    folder = tmp_path_factory.mktemp("docx")
    built: dict = {}
    for lang, template in (("fr", demo_template_fr), ("en", demo_template_en)):
        ws = Workspace.open(template, read_only=True)
        try:
            for kind in DELIVERABLE_KINDS:
                warnings: list[str] = []
                path = export_deliverable(ws, kind, folder / f"{kind}-{lang}.docx", fmt="docx", as_of=DEMO_TODAY,
                                          warnings=warnings)
                built[kind, lang] = (path, build_content(ws, kind, lang=lang, as_of=DEMO_TODAY), warnings)
            risks = fetch_rows(ws, "risks")
            built["risk", lang] = max(risks, key=lambda r: r["likelihood"] * r["impact"])["title"]
        finally:
            ws.close()
    return built


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", list(DELIVERABLE_KINDS))
def test_every_deliverable_reads_back(demo_docx, kind, lang):
    path, content, warnings = demo_docx[kind, lang]
    assert warnings == []
    document = open_docx(path)
    level1 = [text for style, text in headings(document) if style == "Heading 1"]
    assert level1 == [f"{n}  {section.title}" for n, section in enumerate(content.sections, start=1)]
    props = document.core_properties
    assert (props.title, props.subject, props.language) == (content.title, content.client, LANGUAGE_TAGS[lang])
    assert props.author == content.consultant != ""
    shown = {flat(p.text) for p in all_paragraphs(document)}
    assert flat(content.title) in shown and flat(content.kicker) in shown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_risk_register_holds_every_risk(demo_docx, lang):
    path, _, _ = demo_docx["risks", lang]
    document = open_docx(path)
    cells = {flat(cell.text) for table in document.tables for row in table.rows for cell in row.cells}
    assert any(text.startswith(flat(demo_docx["risk", lang])) for text in cells)
    register = next(t for t in document.tables if len(t.rows) > 20)
    assert register.style.name == "CAIO Table"


def _pdf_text(pdf: Path) -> str:
    return flat(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout)


# Every Word file of the demo, in both languages (each conversion starts LibreOffice, about two seconds).
@pytest.mark.parametrize(("kind", "lang"), [(k, lang) for lang in ("fr", "en") for k in DELIVERABLE_KINDS])
def test_libreoffice_opens_and_lays_out_every_deliverable(demo_docx, soffice_to_pdf, kind, lang):
    path, content, _ = demo_docx[kind, lang]
    text = _pdf_text(soffice_to_pdf(path))
    for number, section in enumerate(content.sections, start=1):
        assert flat(f"{number} {section.title}") in text
    assert flat(content.title) in text and content.client in text
    assert ("page 2 / " if lang == "fr" else "page 2 / ") in text  # PAGE / NUMPAGES fields, laid out
    if kind in ("risks", "handover"):  # a title wraps in its cell: its first two words are on one line
        assert " ".join(demo_docx["risk", lang].split()[:2]) in text


def test_narrative_edited_in_the_app_is_in_the_word_document(demo_workspace, tmp_path):
    set_narrative(demo_workspace, "steering", "fr", "executive_summary", "Le pilote tient ses délais et son budget.")
    set_narrative(demo_workspace, "steering", "fr", "key_messages", "Valider le pilote\nRecruter le Head of AI")
    path = export_deliverable(demo_workspace, "steering", tmp_path / "copil.docx", fmt="docx", lang="fr",
                              as_of=DEMO_TODAY)
    paragraphs = {p.text: p.style.name for p in open_docx(path).paragraphs}
    assert paragraphs["Le pilote tient ses délais et son budget."] == "CAIO Narrative"
    assert paragraphs["Valider le pilote"] == paragraphs["Recruter le Head of AI"] == "List Bullet"
