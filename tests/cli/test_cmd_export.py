"""`caio export --xlsx / --pdf / --docx / --pptx` and `caio template`, run as a user would."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest

from caio_desktop.cli import main
from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace
from tests.conftest import DEMO_TODAY


@pytest.fixture
def mission(workspace_file: Path) -> Path:
    ws = Workspace.open(workspace_file)
    create_row(ws, "risks", {"title": "Biais du modèle", "likelihood": 4, "impact": 5})
    ws.close()
    return workspace_file


def test_export_xlsx_in_the_engagement_language_or_another(mission, tmp_path, capsys):
    out = tmp_path / "mission.xlsx"
    assert main(["export", str(mission), "--xlsx", str(out), "--date", "2026-03-16"]) == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert wb["Risques"]["B2"].value == "Biais du modèle"
    assert wb["Couverture"]["B7"].value.date() == dt.date(2026, 3, 16)
    assert main(["export", str(mission), "--xlsx", str(tmp_path / "en.xlsx"), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(tmp_path / "en.xlsx")["Risks"]["L2"].value == "Critical"


def test_export_refuses_bad_names_and_needs_a_format(mission, tmp_path, capsys):
    assert main(["export", str(mission), "--xlsx", str(tmp_path / "x.pdf")]) == 1
    assert "must end in .xlsx" in capsys.readouterr().err
    assert main(["export", str(mission), "--xlsx", str(tmp_path / "no" / "x.xlsx")]) == 1
    assert "folder does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", str(mission)])
    with pytest.raises(SystemExit):
        main(["export", str(mission), "--xlsx", "a.xlsx", "--pdf", "risks", "b.pdf"])
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".pdf")] == []


def test_export_pdf_dispatches_to_the_deliverables(mission, tmp_path, capsys):
    out = tmp_path / "risques.pdf"
    assert main(["export", str(mission), "--pdf", "risks", str(out), "--date", "2026-03-16"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["export", str(mission), "--pdf", "budget", str(tmp_path / "b.pdf")]) == 1
    assert "unknown deliverable 'budget'" in capsys.readouterr().err


def test_export_pdf_without_the_pdf_package_is_a_clear_error(mission, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "caio_desktop.interchange.pdf", None)
    assert main(["export", str(mission), "--pdf", "risks", str(tmp_path / "r.pdf")]) == 1
    assert "PDF deliverables are not available" in capsys.readouterr().err


def test_template(tmp_path, capsys):
    out = tmp_path / "modele.xlsx"
    assert main(["template", "stakeholders", str(out), "--lang", "en"]) == 0
    assert [c.value for c in openpyxl.load_workbook(out)["Stakeholders"][1]][:2] == ["Name", "Role"]
    assert main(["template", "engagement", str(tmp_path / "e.xlsx")]) == 1
    assert "edited in the app" in capsys.readouterr().err
    assert main(["template", "budgets", str(tmp_path / "b.xlsx")]) == 1
    assert "unknown module 'budgets'" in capsys.readouterr().err


def test_export_pdf_with_a_firm_logo_signs_the_cover(mission, tmp_path, capsys):
    from pypdf import PdfReader

    logo = tmp_path / "firm.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30">'
                    '<rect width="90" height="30" fill="#123456"/></svg>')
    out = tmp_path / "risques.pdf"
    assert main(["export", str(mission), "--pdf", "risks", str(out), "--firm-logo", str(logo)]) == 0
    cover = PdfReader(out).pages[0]
    assert "PRÉPARÉ PAR" in cover.extract_text()
    assert ".070588 .203922 .337255 rg" in cover.get_contents().get_data().decode("latin-1")  # the firm's blue


def test_export_refuses_a_firm_logo_that_is_not_a_safe_image(mission, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    hostile = tmp_path / "x.svg"
    hostile.write_text('<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')
    assert main(["export", str(mission), "--pdf", "risks", str(out), "--firm-logo", str(hostile)]) == 1
    assert "the firm logo is not a usable SVG image: it declares a DOCTYPE or an ENTITY" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("not a logo")
    assert main(["export", str(mission), "--pdf", "risks", str(out), "--firm-logo", str(notes)]) == 1
    assert "not a PNG, JPEG or SVG image" in capsys.readouterr().err
    assert main(["export", str(mission), "--pdf", "risks", str(out), "--firm-logo", str(tmp_path / "none.png")]) == 1
    assert "cannot read the firm logo" in capsys.readouterr().err
    assert main(["export", str(mission), "--xlsx", str(tmp_path / "m.xlsx"), "--firm-logo", str(notes)]) == 1
    assert "--firm-logo applies to deliverables (--pdf, --docx, --pptx), not to the workbook" in capsys.readouterr().err
    assert not out.exists()


# --- Word and PowerPoint ------------------------------------------------------------------------------

def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def _pptx_slides(path: Path) -> list[str]:
    """The text of every slide (shapes and table cells), one string a slide."""
    import pptx

    slides = []
    for slide in pptx.Presentation(str(path)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        slides.append("\n".join(parts))
    return slides


def test_export_docx_in_the_engagement_language_or_another(demo_file, tmp_path, capsys):
    out = tmp_path / "copil.docx"
    assert main(["export", str(demo_file), "--docx", "steering", str(out), "--date", DEMO_TODAY.isoformat()]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    assert "Rapport de comité de pilotage" in _docx_text(out)
    english = tmp_path / "risks.docx"
    assert main(["export", str(demo_file), "--docx", "risks", str(english), "--lang", "en",
                 "--date", DEMO_TODAY.isoformat()]) == 0
    assert "Risk & compliance register" in _docx_text(english)


def test_export_pptx_writes_the_committee_deck(demo_file, tmp_path, capsys):
    out = tmp_path / "copil.pptx"
    assert main(["export", str(demo_file), "--pptx", "steering", str(out), "--lang", "en",
                 "--date", DEMO_TODAY.isoformat()]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    slides = _pptx_slides(out)
    assert 10 <= len(slides) <= 20
    assert "Steering committee" in slides[0]
    diagnosis = tmp_path / "restitution.pptx"
    assert main(["export", str(demo_file), "--pptx", "diagnosis", str(diagnosis)]) == 0
    assert _pptx_slides(diagnosis)


def test_export_pdf_goes_through_the_deliverables(demo_file, tmp_path, monkeypatch):
    from caio_desktop.interchange import deliverables

    calls: list[tuple] = []
    real = deliverables.export_deliverable

    def spy(workspace, kind, out, **options):  # noqa: ANN001, ANN202
        calls.append((kind, options["fmt"], options["lang"], options["as_of"]))
        return real(workspace, kind, out, **options)

    monkeypatch.setattr(deliverables, "export_deliverable", spy)
    out = tmp_path / "handover.pdf"
    assert main(["export", str(demo_file), "--pdf", "handover", str(out), "--lang", "en", "--date", "2026-03-16"]) == 0
    assert calls == [("handover", "pdf", "en", DEMO_TODAY)]
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "message"), [
    (["--docx", "risks", "x.pdf"], "x.pdf: the output file name must end in .docx"),
    (["--pptx", "steering", "x.ppt"], "x.ppt: the output file name must end in .pptx"),
    (["--docx", "budget", "x.docx"], "unknown deliverable 'budget'; choose one of diagnosis, roadmap, risks, "
                                     "steering, handover"),
    (["--pptx", "risks", "x.pptx"], "the risks deliverable has no PowerPoint deck; decks: steering, diagnosis "
                                    "(use --docx or --pdf for risks)"),
    (["--docx", "risks", "x.docx", "--template", "t.txt"], "t.txt: a Word template must end in .docx or .dotx"),
    (["--pptx", "steering", "x.pptx", "--template", "t.dotx"],
     "t.dotx: a PowerPoint template must end in .pptx or .potx"),
    (["--docx", "risks", "x.docx", "--template", "missing.dotx"], "missing.dotx: no such template file"),
    (["--pdf", "risks", "x.pdf", "--template", "t.dotx"],
     "--template applies to Word (--docx) and PowerPoint (--pptx) deliverables, not to PDF"),
    (["--xlsx", "x.xlsx", "--template", "t.dotx"],
     "--template applies to deliverables (--pdf, --docx, --pptx), not to the workbook"),
])
def test_export_refusals_are_one_line_and_leave_no_file(mission, tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    for name in ("t.txt", "t.dotx"):
        (tmp_path / name).write_text("not a template")
    assert main(["export", str(mission), *args]) == 1
    err = capsys.readouterr().err
    assert err == f"caio: error: {message}\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("x.")) == []


def test_export_to_a_missing_folder_is_one_line(mission, tmp_path, capsys):
    assert main(["export", str(mission), "--docx", "risks", str(tmp_path / "no" / "x.docx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("caio: error: ") and "does not exist" in err and err.count("\n") == 1


def test_a_template_warning_is_printed_and_the_file_written(demo_file, tmp_path, capsys, monkeypatch):
    """What a template lacks is not an error: the deliverable falls back to ours and says so."""
    from caio_desktop.interchange import deliverables

    template = tmp_path / "cabinet.dotx"
    template.write_bytes(b"")
    real = deliverables.export_deliverable

    def lacking(workspace, kind, out, *, warnings, template, **options):  # noqa: ANN001, ANN202
        written = real(workspace, kind, out, warnings=warnings, template=None, **options)
        warnings.append(f"{template.name} has no style 'Heading 3'; ours is used")
        return written

    monkeypatch.setattr(deliverables, "export_deliverable", lacking)
    out = tmp_path / "risques.docx"
    assert main(["export", str(demo_file), "--docx", "risks", str(out), "--template", str(template)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "caio: warning: cabinet.dotx has no style 'Heading 3'; ours is used\n"
    assert captured.out.strip() == f"Wrote {out}"
    assert _docx_text(out)


def test_a_plain_word_document_serves_as_a_template(demo_file, tmp_path, capsys):
    import docx

    template = tmp_path / "plain.docx"
    docx.Document().save(str(template))  # python-docx's blank document: Word's styles, not our table style
    out = tmp_path / "risques.docx"
    assert main(["export", str(demo_file), "--docx", "risks", str(out), "--template", str(template)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("caio: warning: ") and "'CAIO Table'" in captured.err
    assert captured.err.count("\n") == 1 and captured.out.strip() == f"Wrote {out}"
    assert "Registre des risques et conformité" in _docx_text(out)


def test_a_file_that_is_no_template_falls_back_to_ours_with_a_warning(demo_file, tmp_path, capsys):
    template = tmp_path / "cabinet.potx"
    template.write_text("not a deck")
    out = tmp_path / "copil.pptx"
    assert main(["export", str(demo_file), "--pptx", "steering", str(out), "--template", str(template)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("caio: warning: ") and "cabinet.potx" in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert len(_pptx_slides(out)) >= 10


def test_export_docx_without_the_word_renderer_is_a_clear_error(mission, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "caio_desktop.interchange.docx", None)
    assert main(["export", str(mission), "--docx", "risks", str(tmp_path / "r.docx")]) == 1
    assert "Word deliverables are not available in this build" in capsys.readouterr().err
