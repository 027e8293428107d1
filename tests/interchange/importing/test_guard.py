"""Hostile workbooks: zip bombs, sheets declaring a million rows or columns, XML entities — refused
clearly before python-calamine allocates anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.interchange.importing import guard, limits
from caio_desktop.interchange.importing.errors import SpreadsheetError
from caio_desktop.interchange.importing.reader import open_source
from tests.interchange.importing.conftest import patch_sheet_xml, replace_cell, write_xlsx


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "base.xlsx", [["Risque", "Impact"], ["Fuite", 4], ["Biais", 3]])


def test_a_cell_at_the_last_column_is_refused_without_reading_the_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", [["Risque"], ["Fuite"]])
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active["XFD1"] = "far away"
    workbook.save(path)
    with pytest.raises(SpreadsheetError, match="reaches column 16,384; an import reads at most 1,000"):
        open_source(path)


def test_a_cell_at_the_last_row_is_refused(tmp_path: Path, base: Path) -> None:
    path = patch_sheet_xml(base, tmp_path / "deep.xlsx", lambda xml: replace_cell(
        xml, "B3", b'<c r="B1048576"><v>1</v></c>'))
    with pytest.raises(SpreadsheetError, match="reaches row 1,048,576"):
        open_source(path)


def test_a_sheet_whose_rectangle_is_too_large_is_refused(tmp_path: Path, base: Path) -> None:
    path = patch_sheet_xml(base, tmp_path / "rect.xlsx", lambda xml: replace_cell(
        xml, "B3", b'<c r="ALL30000"><v>1</v></c>'))
    with pytest.raises(SpreadsheetError, match="spans 30,000 rows × 1,000 columns"):
        open_source(path)


def test_a_huge_declared_dimension_alone_is_harmless(tmp_path: Path, base: Path) -> None:
    path = patch_sheet_xml(base, tmp_path / "dim.xlsx", lambda xml: xml.replace(
        b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>', 1))
    with open_source(path) as source:
        assert source.table().rows == [["Risque", "Impact"], ["Fuite", 4], ["Biais", 3]]


def test_xml_entities_are_refused(tmp_path: Path, base: Path) -> None:
    def edit(xml: bytes) -> bytes:
        xml = xml.replace(b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
                                         b'<!ENTITY lol "lollollol">]><worksheet', 1)
        return replace_cell(xml, "A2", b'<c r="A2" t="inlineStr"><is><t>&xxe;&lol;</t></is></c>')

    path = patch_sheet_xml(base, tmp_path / "entities.xlsx", edit)
    with pytest.raises(SpreadsheetError, match="XML entities"):
        open_source(path)


def _bomb(path: Path, base: Path, size: int) -> Path:
    filler = b"<!-- " + b"0" * size + b" -->"
    return patch_sheet_xml(base, path, lambda xml: xml.replace(b"<sheetData>", filler + b"<sheetData>", 1))


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path, base: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 4 * 2**20)
    path = _bomb(tmp_path / "bomb.xlsx", base, 8 * 2**20)
    assert path.stat().st_size < 100_000  # 8 MB of XML in a few kB
    with pytest.raises(SpreadsheetError, match="unpacks to 8 MB, more than the 4 MB"):
        open_source(path)


def test_a_zip_bomb_lying_about_its_size_is_stopped_while_streaming(tmp_path: Path, base: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 4 * 2**20)
    monkeypatch.setattr(guard, "check_zip", lambda path, zf: None)  # as if the directory lied
    path = _bomb(tmp_path / "bomb.xlsx", base, 8 * 2**20)
    with pytest.raises(SpreadsheetError, match="zip bomb"):
        open_source(path)


def test_error_cells_are_found_in_the_sheet_xml(tmp_path: Path, base: Path) -> None:
    path = patch_sheet_xml(base, tmp_path / "err.xlsx", lambda xml: replace_cell(
        xml, "B2", b'<c r="B2" s="0" t="e"><f>Feuil2!A1</f><v>#REF!</v></c>'))
    assert guard.check_workbook(path) == {"Feuil1": "xl/worksheets/sheet1.xml"}
    assert guard.error_cells(path, "xl/worksheets/sheet1.xml") == {(1, 1): "#REF!"}
    with open_source(path) as source:  # found while python-calamine parses the sheet, and put back
        assert source.table().rows[1] == ["Fuite", "#REF!"]


def test_column_letters_count_like_excel() -> None:
    assert [guard.column_number(x) for x in ("A", "Z", "AA", "ALL", "XFD")] == [1, 26, 27, 1000, 16384]


@pytest.mark.parametrize(("cell", "reason"), [
    (b'<c r="xfd1048576"><v>1</v></c>', "reaches row 1,048,576"),  # calamine reads lower case too
    (b"<c r='XFD1048576'><v>1</v></c>", "reaches row 1,048,576"),  # and single quotes
    (b'<c\tr="XFD1048576"><v>1</v></c>', "reaches row 1,048,576"),  # and any space before r
    (b'<c r="all30000"><v>1</v></c>', "spans 30,000 rows × 1,000 columns"),
    (b'<c r="B1000001"><v>1</v></c>', "reaches row 1,000,001"),  # one letter, then a row past the limit
    (b'<c r="A' + b"0" * 40 + b'1048576"><v>1</v></c>', "malformed cell reference"),  # never half-read
])
def test_references_written_in_unusual_ways_are_read_as_calamine_reads_them(tmp_path: Path, base: Path,
                                                                           cell: bytes, reason: str) -> None:
    """Each of these, left to python-calamine, allocates the whole rectangle and aborts the process."""
    path = patch_sheet_xml(base, tmp_path / "odd.xlsx", lambda xml: replace_cell(xml, "B3", cell))
    with pytest.raises(SpreadsheetError, match=reason):
        guard.check_workbook(path)


def test_a_long_reference_cut_between_two_chunks_is_still_refused(tmp_path: Path, base: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_CHUNK", 4096)
    filler = b"<!-- " + b"x" * 4090 + b" -->"  # puts the reference across the first chunk's end
    path = patch_sheet_xml(base, tmp_path / "cut.xlsx", lambda xml: replace_cell(
        xml.replace(b"<sheetData>", filler + b"<sheetData>", 1), "B3",
        b'<c r="A' + b"0" * 100 + b'1048576"><v>1</v></c>'))
    with pytest.raises(SpreadsheetError, match="malformed cell reference"):
        guard.check_workbook(path)


@pytest.mark.parametrize("shift", range(0, 104, 8))
def test_a_reference_of_letters_cut_far_from_its_start_between_two_chunks_is_refused(
        tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch, shift: int) -> None:
    """100 letters then a row, wherever the first chunk's end cuts it (the reference starts from 1 to
    100 bytes before it: more letters before the cut than the chunks overlap by, too). It is refused
    rather than left to python-calamine, which asks for 99 GB and aborts the process."""
    monkeypatch.setattr(guard, "_CHUNK", 4096)
    filler = b"<!-- " + b"x" * (3460 - shift) + b" -->"  # the reference then starts at byte 4095 - shift
    path = patch_sheet_xml(base, tmp_path / "letters.xlsx", lambda xml: replace_cell(
        xml.replace(b"<sheetData>", filler + b"<sheetData>", 1), "B3", b'<c r="' + b"A" * 100 + b'1"><v>1</v></c>'))
    with pytest.raises(SpreadsheetError, match="malformed cell reference"):
        guard.check_workbook(path)
