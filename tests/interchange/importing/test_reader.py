"""Opening client files: sheets, formulas, error cells, and every kind of file that is not what it claims."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from caio_desktop.interchange.importing.errors import SpreadsheetError
from caio_desktop.interchange.importing.reader import open_source
from tests.interchange.importing.conftest import (
    ods_cell,
    patch_sheet_xml,
    replace_cell,
    write_ods,
    write_xlsx,
)


def test_first_non_empty_sheet_is_chosen_unless_one_is_named(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", [], sheet="Couverture",
                      extra_sheets={"Risques": [["Risque"], ["Fuite"]], "Notes": [["Note"], ["x"]]})
    with open_source(path) as source:
        assert source.sheet_names == ["Couverture", "Risques", "Notes"]
        assert source.table().sheet == "Risques"
        assert source.table("Notes").rows == [["Note"], ["x"]]
        assert source.table("Notes") is source.table("Notes")  # read once, however often asked
        with pytest.raises(SpreadsheetError, match="has no sheet 'Budget'; its sheets are Couverture"):
            source.table("Budget")


def test_rows_keep_their_sheet_numbers_below_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", [[], [], ["Titre"], ["A"]])
    with open_source(path) as source:
        table = source.table()
    assert table.rows[2] == ["Titre"] and table.line(3) == 4


def test_formulas_come_as_cached_values_and_error_cells_as_their_error(tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "b.xlsx", [["Risque", "Probabilité", "Impact"], ["A", 1, 2], ["B", 3, 1]])

    def edit(xml: bytes) -> bytes:
        xml = replace_cell(xml, "B2", b'<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
        return replace_cell(xml, "C3", b'<c r="C3"><f>B3+1</f><v>4</v></c>')

    path = patch_sheet_xml(base, tmp_path / "f.xlsx", edit)
    with open_source(path) as source:
        rows = source.table().rows
    assert rows[1] == ["A", "#DIV/0!", 2] and rows[2] == ["B", 3, 4]


def test_csv_is_read_with_its_encoding_and_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Risque;Probabilité;Impact\r\nFuite de données;Élevé;4\r\n".encode("cp1252"))
    with open_source(path) as source:
        assert source.sheet_names == ["export"]
        assert source.table().rows == [["Risque", "Probabilité", "Impact"], ["Fuite de données", "Élevé", "4"]]


@pytest.mark.parametrize(("content", "reason"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 a report", "is not a spreadsheet"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "is not a spreadsheet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "password-protected"),
    (b"", "is empty"),
])
def test_files_that_are_not_readable_spreadsheets_are_refused_clearly(tmp_path: Path, content: bytes,
                                                                       reason: str) -> None:
    path = tmp_path / "registre.xlsx"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=reason):
        open_source(path)


def test_a_binary_file_named_csv_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    with pytest.raises(SpreadsheetError, match="not a spreadsheet"):
        open_source(path)
    with pytest.raises(SpreadsheetError, match="does not exist"):
        open_source(tmp_path / "absent.xlsx")


def test_a_truncated_workbook_is_refused_as_damaged(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "w.xlsx", [["Risque"], *[[f"R{i}"] for i in range(500)]])
    data = whole.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(SpreadsheetError, match="damaged or truncated"):
        open_source(cut)


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(SpreadsheetError, match="not an Excel workbook"):
        open_source(path)


def test_an_opendocument_spreadsheet_is_read(tmp_path: Path) -> None:
    rows = (f"<table:table-row>{ods_cell('Risque')}{ods_cell('Impact')}</table:table-row>"
            f"<table:table-row>{ods_cell('Fuite')}<table:table-cell office:value-type=\"float\" "
            'office:value="4"><text:p>4</text:p></table:table-cell></table:table-row>')
    with open_source(write_ods(tmp_path / "risques.ods", rows)) as source:
        assert source.sheet_names == ["Risques"]
        assert source.table().rows == [["Risque", "Impact"], ["Fuite", 4.0]]


def test_an_opendocument_sheet_repeating_a_million_rows_is_refused(tmp_path: Path) -> None:
    rows = (f"<table:table-row>{ods_cell('Risque')}</table:table-row>"
            '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
            f"<table:table-row>{ods_cell('Fuite')}</table:table-row>")
    with open_source(write_ods(tmp_path / "repeat.ods", rows)) as source, \
            pytest.raises(SpreadsheetError, match="reaches row 1,048,002"):
        source.table()


def test_a_row_has_a_value_exactly_when_one_of_its_cells_is_filled() -> None:
    import datetime as dt

    from caio_desktop.interchange.importing.reader import filled, has_value

    cells = [None, "", " ", "\t\n\xa0", "x", " x ", 0, 0.0, float("nan"), False, dt.date(2026, 1, 1), "#N/A"]
    for cell in cells:
        assert has_value([cell]) == filled(cell), cell
        assert has_value([None, "  ", cell]) == filled(cell), cell
    assert not has_value([]) and not has_value([None, "", float("nan")])


def test_rows_whose_first_cells_are_all_texts_all_have_a_value() -> None:
    import datetime as dt

    from caio_desktop.interchange.importing.reader import first_cells_texts, has_value

    cells = [None, "", " ", "\t\n\xa0", "\u3000", "x", " x ", 0, 0.0, float("nan"), dt.date(2026, 1, 1), "#N/A"]
    for first in cells:
        for rest in ([], [None], ["y", 2]):
            rows = [["Fuite de données", None], [first, *rest], ["Biais", 3]]
            told = first_cells_texts(rows)
            # True exactly when each first cell is a text with something in it; and then every row has a value.
            assert told == (isinstance(first, str) and bool(first.strip())), (first, rest)
            assert not told or all(map(has_value, rows))
    assert not first_cells_texts([["Fuite"], []])  # an empty row: the rows are tested one by one
