"""Templates: the output takes a consultant's .docx or .dotx styles and page setup (the file itself
untouched), finds localised style names, and falls back to ours, saying so, when headings are missing;
`check_template` names what is missing; the shipped template is what make_template.py generates."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from caio_desktop.interchange.docx import check_template
from caio_desktop.interchange.docx.make_template import build
from caio_desktop.interchange.docx.template import default_template_path
from tests.interchange.docx.conftest import sample_document
from tests.interchange.docx.readback import headings, open_docx, part_text

DISTINCT_FONT = "Georgia"
DISTINCT_COLOR = RGBColor(0xA0, 0x1C, 0x5B)
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def firm_template(path: Path, *, as_dotx: bool = False, drop: tuple[str, ...] = (),
                  rename: dict[str, str] | None = None) -> Path:
    """A firm's template: python-docx's blank document (Letter paper, its own margins) whose Heading 1 is
    Georgia in plum, with a letterhead in the header and sample text in the body."""
    document = docx.Document()
    heading = document.styles["Heading 1"]
    heading.font.name, heading.font.color.rgb, heading.font.size = DISTINCT_FONT, DISTINCT_COLOR, Pt(21)
    section = document.sections[0]
    section.left_margin = section.right_margin = Mm(30)
    section.header.paragraphs[0].text = "CABINET CONSEIL — lettre à en-tête"
    document.add_paragraph("Texte d'exemple du modèle, à remplacer.")
    styles = document.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name in drop:
            styles.remove(style)
        elif rename and name in rename:
            style.find(qn("w:name")).set(qn("w:val"), rename[name])
            style.set(qn("w:styleId"), rename[name].replace(" ", ""))
    document.save(str(path))
    if as_dotx:  # what Word writes for "Save as Word template"
        with zipfile.ZipFile(path) as source:
            parts = {info.filename: source.read(info) for info in source.infolist()}
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(_DOCUMENT_TYPE, _TEMPLATE_TYPE)
        with zipfile.ZipFile(path, "w") as target:
            for name, data in parts.items():
                target.writestr(name, data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_output_uses_the_template_styles_page_setup_and_letterhead(tmp_path, render_docx, suffix):
    template = firm_template(tmp_path / f"cabinet{suffix}", as_dotx=suffix == ".dotx")
    before = template.read_bytes()
    path, warnings = render_docx(sample_document(risks=3), template=template)
    assert template.read_bytes() == before
    document = open_docx(path)
    style = document.styles["Heading 1"]
    assert (style.font.name, style.font.color.rgb, style.font.size) == (DISTINCT_FONT, DISTINCT_COLOR, Pt(21))
    assert headings(document)[0] == ("Heading 1", "1  Synthèse")
    assert "Texte d'exemple" not in "\n".join(p.text for p in document.paragraphs)
    section = document.sections[-1]
    assert section.left_margin.mm == pytest.approx(30, abs=0.1)
    assert section.page_width == docx.Document().sections[0].page_width  # Letter, as the template has it
    text_width = int((section.page_width - section.left_margin - section.right_margin) / 635)
    register = next(t for t in document.tables if t.rows[0].cells[0].text == "Code")
    assert sum(int(c.get(qn("w:w"))) for c in register._tbl.tblGrid.iterchildren(qn("w:gridCol"))) == text_width
    assert part_text(section.header) == "CABINET CONSEIL — lettre à en-tête Mutuelle Atlantique Rapport de diagnostic"
    # what python-docx's blank document lacks is named, and ours is used in its place
    assert warnings == [f"template cabinet{suffix}: no table style 'CAIO Table'; Word's 'Table Grid' is used"]
    assert register.style.name == "Table Grid"
    assert document.styles["CAIO Narrative"].font.size == Pt(11)
    assert (document.core_properties.author, document.core_properties.title) == ("Camille Durand",
                                                                                 "Rapport de diagnostic")


def test_localised_style_names_are_found(tmp_path, render_docx):
    template = firm_template(tmp_path / "modele.docx", rename={"heading 1": "Titre 1", "heading 2": "Titre 2",
                                                               "heading 3": "Titre 3", "caption": "Légende"})
    path, warnings = render_docx(sample_document(risks=1), template=template)
    document = open_docx(path)
    assert headings(document)[:2] == [("Titre 1", "1  Synthèse"), ("Titre 2", "1.1  Maturité")]
    assert document.styles["Titre 1"].font.name == DISTINCT_FONT
    captions = [p for p in document.paragraphs if p.text.startswith("Figure 1")]
    assert captions[0].style.name == "Légende"
    assert not any("Heading" in w for w in warnings)


def test_template_without_headings_falls_back_to_ours_with_a_message(tmp_path, render_docx):
    template = firm_template(tmp_path / "sans-titres.dotx", as_dotx=True, drop=("heading 2", "heading 3"))
    path, warnings = render_docx(sample_document(risks=1), template=template)
    assert warnings == ["template sans-titres.dotx has no Heading 2, Heading 3 style; "
                        "CAIO Desktop's default template is used"]
    document = open_docx(path)
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x1F, 0x4E, 0x79)  # ours
    assert document.sections[-1].page_width.mm == pytest.approx(210, abs=0.1)  # ours: A4
    assert headings(document)[1] == ("Heading 2", "1.1  Maturité")


def test_unusable_template_falls_back_with_a_message(tmp_path, render_docx):
    broken = tmp_path / "cassé.dotx"
    broken.write_bytes(b"not a zip at all")
    path, warnings = render_docx(sample_document(risks=1), template=broken)
    assert warnings == ["template cassé.dotx is not a Word document or template (.docx, .dotx); "
                        "CAIO Desktop's default template is used"]
    assert headings(open_docx(path))[0] == ("Heading 1", "1  Synthèse")


def test_template_lacking_standard_styles_gets_ours(tmp_path, render_docx):
    template = firm_template(tmp_path / "minimal.docx", drop=("caption", "List Bullet", "Table Grid"))
    path, warnings = render_docx(sample_document(risks=1), template=template)
    assert warnings == ["template minimal.docx: no table style 'CAIO Table' nor 'Table Grid'; CAIO Desktop's is added",
                        "template minimal.docx: no Caption, List Bullet style; CAIO Desktop's are added"]
    document = open_docx(path)
    assert next(t for t in document.tables if t.rows[0].cells[0].text == "Code").style.name == "CAIO Table"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets[0] == "•\tPremier message clé"  # a copied list style has no numbering: the bullet is text


def test_check_template(tmp_path):
    assert check_template(default_template_path()) == []
    assert check_template(firm_template(tmp_path / "a.docx")) == [
        "no table style 'CAIO Table'; Word's 'Table Grid' will be used"]
    assert check_template(firm_template(tmp_path / "b.dotx", as_dotx=True, drop=("heading 1",))) == [
        "no Heading 1 style; CAIO Desktop's default template will be used"]
    macros = tmp_path / "m.dotm"
    with zipfile.ZipFile(macros, "w") as package:
        package.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.ms-word.'
                                                'template.macroEnabledTemplate.main+xml"/></Types>')
    assert check_template(macros) == ["m.dotm holds macros (.docm, .dotm); save it as a Word template (.dotx) "
                                      "without macros; CAIO Desktop's default template will be used"]


def test_shipped_template_is_what_the_script_generates(tmp_path):
    built = build(tmp_path / "caio-report.dotx")
    with zipfile.ZipFile(built) as fresh, zipfile.ZipFile(default_template_path()) as shipped:
        assert sorted(fresh.namelist()) == sorted(shipped.namelist())
        for name in ("word/styles.xml", "word/fontTable.xml", "word/document.xml", "[Content_Types].xml"):
            assert fresh.read(name) == shipped.read(name), f"{name} differs: re-run make_template.py"
        assert _TEMPLATE_TYPE in shipped.read("[Content_Types].xml")


def test_recto_verso_template_and_its_own_page_numbers(tmp_path, render_docx):
    """A template printing recto-verso gets our lines on even pages too; one whose footer numbers the
    pages already is not numbered twice."""
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Cabinet — p. "
    run = footer.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("end", None)):
        node = run._r.makeelement(qn("w:fldChar") if kind else qn("w:instrText"), {})
        if kind:
            node.set(qn("w:fldCharType"), kind)
        else:
            node.text = instr
        run._r.append(node)
    path = tmp_path / "recto-verso.docx"
    document.save(str(path))
    out, _ = render_docx(sample_document(risks=1), template=path)
    section = open_docx(out).sections[-1]
    assert part_text(section.even_page_header) == "Mutuelle Atlantique Rapport de diagnostic"
    assert part_text(section.even_page_footer) == "Confidentiel page 1 / 1"
    assert part_text(section.footer) == "Cabinet — p. Confidentiel"


def test_headings_a_template_numbers_itself_are_not_numbered_twice(tmp_path, render_docx):
    path = firm_template(tmp_path / "numerote.docx")
    document = docx.Document(str(path))
    for name in ("Heading 1", "Heading 2"):
        ppr = document.styles[name].element.get_or_add_pPr()
        ppr._insert_numPr(ppr.makeelement(qn("w:numPr"), {}))
        ppr.numPr.append(ppr.makeelement(qn("w:numId"), {qn("w:val"): "1"}))
    document.save(str(path))
    out, _ = render_docx(sample_document(risks=1), template=path)
    assert headings(open_docx(out))[:3] == [("Heading 1", "Synthèse"), ("Heading 2", "Maturité"),
                                            ("Heading 3", "Recommandation 1 : gouverner les données")]


def test_a_template_unpacking_to_gigabytes_is_refused(tmp_path):
    bomb = tmp_path / "bombe.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/media/huge.bin", "w", force_zip64=True) as part:
            chunk = b"\0" * 10_000_000
            for _ in range(21):
                part.write(chunk)
    assert check_template(bomb) == ["bombe.docx unpacks to more than 200 MB, which no template needs; "
                                    "CAIO Desktop's default template will be used"]
