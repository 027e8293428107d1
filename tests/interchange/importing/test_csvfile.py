"""CSV as clients export it: BOM, Windows-1252, UTF-16, `;` and tab delimiters, quoted line breaks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing.csvfile import read_csv, sniff_delimiter
from caio_desktop.interchange.importing.errors import SpreadsheetError

ROWS = [["Nom", "Éditeur", "Finalité"], ["Copilot", "Microsoft", "Rédaction; synthèse"], ["Dataiku", "", "Scoring"]]


def _text(delimiter: str) -> str:
    def quote(cell: str) -> str:
        return f'"{cell}"' if delimiter in cell or ";" in cell else cell

    return "\r\n".join(delimiter.join(quote(c) for c in row) for row in ROWS) + "\r\n"


@pytest.mark.parametrize(("encoding", "prefix"), [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("cp1252", b""), ("utf-16", b""),
])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, prefix: bytes, delimiter: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(prefix + _text(delimiter).encode(encoding))
    assert read_csv(path) == ROWS


def test_quoted_line_breaks_stay_in_their_cell(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text('Risque;Description\n"Fuite";"Ligne 1\nLigne 2"\n', encoding="utf-8")
    assert read_csv(path) == [["Risque", "Description"], ["Fuite", "Ligne 1\nLigne 2"]]


def test_sniffing_prefers_the_delimiter_that_splits_every_line_alike() -> None:
    assert sniff_delimiter("a;b;c\n1,5;2;3\n4;5,5;6\n") == ";"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert sniff_delimiter("seule colonne\nvaleur\n") == ","


def test_too_many_columns_or_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(1500)) + "\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="1,500 columns"):
        read_csv(path)
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    path.write_text("a\n" * 50, encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="more than 10 rows"):
        read_csv(path)


def test_excel_sep_hint_line_sets_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\r\nNom;Éditeur\r\nCopilot, Word;Microsoft\r\n", encoding="utf-8")
    assert read_csv(path) == [["Nom", "Éditeur"], ["Copilot, Word", "Microsoft"]]
