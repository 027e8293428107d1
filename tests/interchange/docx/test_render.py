"""The Word renderer on a hand-built deliverable holding every block and cell kind, read back with
python-docx: headings and their styles, the contents field, tables, charts and captions, page
furniture, properties, progress and cancel."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml.ns import qn
from PIL import Image

from caio_desktop.interchange.deliverables import DeliverableCancelled
from caio_desktop.interchange.deliverables.nodes import Paragraph, Section
from tests.interchange.docx.conftest import CountingSteps, sample_document
from tests.interchange.docx.readback import (
    all_paragraphs,
    cell_fill,
    field_instructions,
    flat,
    headings,
    open_docx,
    part_text,
    pictures_in,
    repeats_header,
    table_values,
)


@pytest.fixture
def sample(render_docx):
    path, warnings = render_docx(sample_document())
    return path, open_docx(path), warnings


def test_headings_are_word_heading_styles_numbered_as_the_pdf(sample):
    _, document, warnings = sample
    assert warnings == []
    assert headings(document) == [
        ("Heading 1", "1  Synthèse"), ("Heading 2", "1.1  Maturité"),
        ("Heading 3", "Recommandation 1 : gouverner les données"),
        ("Heading 1", "2  Registre des risques"), ("Heading 2", "2.1  Cartes de chaleur"),
        ("Heading 2", "2.2  Registre"), ("Heading 1", "3  Feuille de route")]
    starts = {p.text: p.paragraph_format.page_break_before for p in document.paragraphs if p.style.name == "Heading 1"}
    assert starts == {"1  Synthèse": True, "2  Registre des risques": True, "3  Feuille de route": None}


def test_contents_field_and_update_on_open(sample):
    path, document, _ = sample
    assert 'TOC \\o "1-3" \\h \\z \\u' in field_instructions(document.element.body)
    toc_title = next(p for p in document.paragraphs if p.text == "Sommaire")
    assert toc_title.style.name == "TOC Heading" and toc_title.paragraph_format.page_break_before
    assert any("Mettre à jour les champs" in p.text for p in document.paragraphs)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_cover_title_kicker_subtitle_and_facts(sample):
    _, document, _ = sample
    texts = [(p.style.name, p.text) for p in document.paragraphs[:4]]
    assert texts[:3] == [("CAIO Kicker", "Pilotage de l'IA · mars 2026"), ("Title", "Rapport de diagnostic"),
                         ("Subtitle", "Mutuelle Atlantique — Assurance")]
    assert table_values(document.tables[0]) == [["Client", "Mutuelle Atlantique"], ["Consultant", "Camille Durand"],
                                                ["Version", "1.0"]]


def test_register_table_style_header_repeat_badges_and_alignment(sample):
    _, document, _ = sample
    register = next(t for t in document.tables if t.rows[0].cells[0].text == "Code" and len(t.rows) > 2)
    assert register.style.name == "CAIO Table"
    values = table_values(register)
    assert values[0] == ["Code", "Risque", "Niveau", "Avancement", "Score"]
    # markup-like workspace text stays text; a Titled cell is its title over its second line
    assert values[1] == ["R-001", "Risque numéro 1 <b>&amp;\nCybersécurité", "Élevé", "1 %", "3"]
    assert len(values) == 61
    assert repeats_header(register) == [True] + [False] * 60
    header = register.rows[0].cells
    assert cell_fill(header[0]) == "0B6E4F"  # the client's colour
    assert cell_fill(register.rows[1].cells[2]) == "EF6C00" and cell_fill(register.rows[2].cells[2]) == "6A1B9A"
    assert register.rows[1].cells[3].paragraphs[0].alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT
    assert register.rows[1].cells[1].paragraphs[0].alignment is None
    widths = [int(c.get(qn("w:w"))) for c in register._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    assert sum(widths) == 9638 and widths[1] == pytest.approx(9638 * 3.0 / 6.5, abs=2)
    caption = next(p for p in document.paragraphs if p.text.startswith("Tableau"))
    assert caption.text == "Tableau 1 — Risques ouverts" and caption.style.name == "Caption"
    assert "SEQ Table \\* ARABIC" in field_instructions(caption._p)
    empty = [p for p in document.paragraphs if p.text == "Aucun élément à ce jour."]
    assert len(empty) == 1


def test_charts_are_print_resolution_pictures_over_numbered_captions(sample):
    path, document, _ = sample
    paragraphs = all_paragraphs(document)
    captions = [p for p in paragraphs if p.style.name == "Caption" and p.text.startswith("Figure")]
    assert [p.text for p in captions] == ["Figure 1 — Maturité par pilier",
                                          "Figure 2 — Risques par probabilité et impact",
                                          "Figure 3 — Feuille de route", "Figure 4 — Valeur et faisabilité",
                                          "Figure 5 — Indicateur 1", "Figure 6 — Indicateur 2"]
    assert all("SEQ Figure \\* ARABIC" in field_instructions(p._p) for p in captions)
    radar = paragraphs[paragraphs.index(captions[0]) - 1]
    assert pictures_in(radar) == 1
    shapes = document.inline_shapes
    assert len(shapes) == 7  # radar, two heat maps, Gantt, quadrant, two KPI trends
    with zipfile.ZipFile(path) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        for name in images:
            with Image.open(io.BytesIO(package.read(name))) as image:
                assert image.format == "PNG"
                dpi = image.info["dpi"][0]
                assert dpi >= 200
    shown = shapes[0]
    with zipfile.ZipFile(path) as package:
        radar_png = Image.open(io.BytesIO(package.read(images[0])))
    assert radar_png.width / (shown.width.inches) >= 200  # pixels per printed inch


def test_notes_are_not_printed_and_narrative_has_its_style(sample):
    _, document, _ = sample
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Chiffres derrière la synthèse" not in text
    narrative = next(p for p in document.paragraphs if p.text.startswith("Le texte du consultant"))
    assert narrative.style.name == "CAIO Narrative"
    bullets = [p for p in document.paragraphs if p.text.endswith("message clé")]
    assert [p.style.name for p in bullets] == ["List Bullet", "List Bullet"]
    group = [p for p in document.paragraphs if p.text.startswith(("Recommandation 1", "Ce que décrit", "Nommer",
                                                                   "Inventorier"))]
    assert [p.paragraph_format.keep_with_next for p in group] == [True, True, True, None]


def test_header_footer_page_fields_and_a_cover_without_them(sample):
    _, document, _ = sample
    section = document.sections[-1]
    assert section.different_first_page_header_footer
    assert part_text(section.header) == "Mutuelle Atlantique Rapport de diagnostic"
    assert part_text(section.footer) == "Confidentiel page 1 / 1"
    assert field_instructions(section.footer._element) == ["PAGE", "NUMPAGES"]
    assert part_text(section.first_page_header) == ""


def test_core_properties(sample):
    _, document, _ = sample
    props = document.core_properties
    assert (props.title, props.author, props.subject, props.language) == (
        "Rapport de diagnostic", "Camille Durand", "Mutuelle Atlantique", "fr-FR")
    assert "Mutuelle Atlantique" in props.keywords and props.version == "1.0"
    lang = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "fr-FR"


def test_english_document(render_docx):
    path, _ = render_docx(sample_document(lang="en"))
    document = open_docx(path)
    assert document.core_properties.language == "en-GB"
    assert any("Update Field" in p.text for p in document.paragraphs)
    assert part_text(document.sections[-1].footer) == "Confidential page 1 / 1"
    assert [p.text for p in document.paragraphs if p.text.startswith("Table ")] == ["Table 1 — Risques ouverts"]


def test_progress_one_step_a_section_and_cancel(render_docx):
    steps = CountingSteps()
    render_docx(sample_document(risks=450), steps=steps)
    assert steps.sections == 3
    assert steps.polls >= 2 + 10  # between blocks, and every 200 rows of the register
    with pytest.raises(DeliverableCancelled):
        render_docx(sample_document(), "cancelled.docx", steps=CountingSteps(cancel_after=1))


def test_text_xml_cannot_hold_is_dropped_not_fatal(render_docx):
    content = sample_document(risks=1)
    content.sections.append(Section("odd", "Caractères\x0b de contrôle", [
        Paragraph("tab\tvertical\x0bnul\x00 retour\r\nligne \ud800 fin")]))
    path, _ = render_docx(content)
    document = open_docx(path)
    assert headings(document)[-1] == ("Heading 1", "4  Caractères de contrôle")
    odd = next(p for p in document.paragraphs if p.text.startswith("tab"))
    assert flat(odd.text) == "tab verticalnul retour ligne fin"



def _png_logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 100), (11, 110, 79)).save(out, format="PNG")
    return out.getvalue()


SVG_LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">'
            b'<rect x="0" y="0" width="200" height="60" fill="#0B6E4F"/><circle cx="30" cy="30" r="20" fill="#fff"/>'
            b"</svg>")


@pytest.mark.parametrize(("logo", "kind", "pictures"), [
    (_png_logo(), "png", 1), (SVG_LOGO, "svg", 1), (b"\x89PNG\r\n\x1a\nbroken", "png", 0),
    (b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>', "svg", 0),
])
def test_client_logo_on_the_cover(render_docx, logo, kind, pictures):
    path, warnings = render_docx(sample_document(risks=1, logo=logo, logo_type=kind))
    document = open_docx(path)
    assert pictures_in(document.paragraphs[0]) == pictures
    assert document.paragraphs[pictures].style.name == "CAIO Kicker"


def test_firm_logo_signs_the_cover(render_docx):
    content = sample_document(risks=1)
    content.firm_logo = _png_logo()
    path, _ = render_docx(content)
    paragraphs = open_docx(path).paragraphs
    cover = paragraphs[:[p.text for p in paragraphs].index("Sommaire")]
    assert pictures_in(cover[-2]) == 1 and cover[-1].text == "Préparé par Camille Durand"
