"""Formula injection and exact text: cells starting with = + - @ tab or CR are strings no spreadsheet
evaluates, and every text reads back (with python-calamine, as the importer reads it) exactly."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest
import python_calamine

from caio_desktop.interchange.excel_export.safe_text import is_formula_like, stored_text
from caio_desktop.operations import create_row
from tests.interchange.excel_export.conftest import export, headers, records

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"clic\")", "+33 6 12 34 56 78", "-10 % de coûts",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\tTAB", "\r\n=1+1"]
AWKWARD = ["ligne 1\r\nligne 2", "a\x0bb\x00c", "_x0041_ reste tel quel", "_x005F_", "Émoji 🚀 « ok »",
           "  espaces  en tête et fin  "]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_triggers_are_detected(text):
    assert is_formula_like(text)


@pytest.mark.parametrize("text", ["Risque = enjeu", "R-001", "", "https://x.example/?a=1"])
def test_ordinary_text_is_not_formula_like(text):
    assert not is_formula_like(text)


def test_stored_text_escapes_only_what_xml_cannot_carry():
    assert stored_text("ligne\nsuite\ttab") == "ligne\nsuite\ttab"
    assert stored_text("a\rb\x0b") == "a_x000D_b_x000B_"
    assert stored_text("_x0041_ et _x12_") == "_x005F_x0041_ et _x12_"


@pytest.fixture
def hostile_workbook(workspace, tmp_path):
    for i, text in enumerate(HOSTILE + AWKWARD):
        create_row(workspace, "watch", {"title": f"Titre {i}", "notes": text, "custom": {"Brut": text}})
    path = tmp_path / "hostile.xlsx"
    return path, export(workspace, path)


def test_formula_like_cells_are_strings_with_the_quote_prefix(hostile_workbook):
    _path, wb = hostile_workbook
    sheet = wb["Veille"]
    rows = records(sheet)
    for text, row in zip(HOSTILE, rows, strict=False):
        for cell in (row["Notes"], row["Brut"]):
            assert cell.data_type == "s", text
            assert cell.quotePrefix and cell.number_format == "@", text
    assert not records(sheet)[len(HOSTILE)]["Notes"].quotePrefix  # only where it is needed


def test_every_text_reads_back_exactly_as_the_importer_reads_it(hostile_workbook):
    path, wb = hostile_workbook
    sheet = wb["Veille"]
    notes, brut = headers(sheet).index("Notes"), headers(sheet).index("Brut")
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name("Veille").to_python()[1:]
    expected = HOSTILE + AWKWARD
    assert [r[notes] for r in rows] == expected
    assert [r[brut] for r in rows] == expected


@pytest.mark.slow
def test_libreoffice_evaluates_none_of_them(hostile_workbook, tmp_path):
    """Open the workbook in a real spreadsheet (LibreOffice, headless) and save the sheet as CSV: a
    formula would come out as its result, text comes out as typed."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    path, _wb = hostile_workbook
    out = tmp_path / "csv"
    out.mkdir()
    # 44,34,76: comma, double quote, UTF-8; the last field -1 writes every sheet to its own file.
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", options, "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    with (out / "hostile-Veille.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    notes = rows[0].index("Notes")
    for text, row in zip(HOSTILE, rows[1:], strict=False):
        assert row[notes] == text.replace("\r\n", "\n").replace("\r", "\n"), text


def test_a_custom_column_named_like_a_formula_is_a_text_header(workspace, tmp_path):
    create_row(workspace, "watch", {"title": "Veille", "custom": {"=SUM(B2:B9)": "12"}})
    sheet = export(workspace, tmp_path / "x.xlsx")["Veille"]
    header = sheet.cell(row=1, column=sheet.max_column)
    assert (header.value, header.data_type, header.quotePrefix) == ("=SUM(B2:B9)", "s", True)
    assert sheet.cell(row=2, column=sheet.max_column).value == "12"
