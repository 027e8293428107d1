"""Deliverables of an engagement on the server read as those of a file: the PDF risk register (text on
its pages, through pdftotext) and the workbook (values in cells) on both engines."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from caio_desktop.interchange.deliverables import export_deliverable
from caio_desktop.interchange.excel_export import export_workbook
from caio_desktop.operations import create_row, delete_rows, undo


def _fill(ws) -> None:  # noqa: ANN001
    create_row(ws, "risks", {"title": "Biais du tri des sinistres", "likelihood": 4, "impact": 4,
                             "owner": "Hélène Marchal"})
    create_row(ws, "risks", {"title": "Fuite de données personnelles", "likelihood": 2, "impact": 5})
    gone = create_row(ws, "risks", {"title": "Risque retiré puis rétabli", "likelihood": 1, "impact": 2})
    undo(ws, delete_rows(ws, "risks", gone.row_ids))
    create_row(ws, "ai_systems", {"name": "Copilote de gestion", "vendor": "Mistral AI"})


def test_the_risk_register_pdf_shows_the_engagements_risks(any_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; make test installs it")
    _fill(any_workspace)
    out = export_deliverable(any_workspace, "risks", tmp_path / "registre.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Assurances du Rhône" in text
    for title in ("Biais du tri des sinistres", "Fuite de données personnelles", "Risque retiré puis rétabli"):
        assert title in text


def test_the_workbook_holds_the_rows_in_its_cells(any_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    _fill(any_workspace)
    out = export_workbook(any_workspace, tmp_path / "registres.xlsx", lang="fr")
    book = openpyxl.load_workbook(out, read_only=True)
    values = {str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
              for cell in row if cell is not None}
    assert {"Biais du tri des sinistres", "Hélène Marchal", "Risque retiré puis rétabli", "Copilote de gestion",
            "Mistral AI"} <= values
