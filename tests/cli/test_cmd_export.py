"""`caio export --xlsx / --pdf` and `caio template`, run as a user would."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest

from caio_desktop.cli import main
from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace


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
    assert "applies to PDF deliverables" in capsys.readouterr().err
    assert not out.exists()
