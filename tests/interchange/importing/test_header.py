"""Finding the header row under titles, blank rows and merged banners."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.interchange.importing.header import column_letters, detect_header, header_names
from caio_desktop.interchange.importing.mapping import known_names
from caio_desktop.interchange.importing.reader import Table, open_source
from tests.interchange.importing.conftest import write_xlsx

DATA = [["Fuite de données clients", 4, 5, "Cyber", "DSI"], ["Biais du scoring", 3, 4, "Éthique", "DPO"]]
HEADER = ["Risque", "Probabilité", "Impact", "Catégorie", "Responsable"]


def _detect(tmp_path: Path, rows: list, **options: object) -> tuple[int, list[str]]:
    path = write_xlsx(tmp_path / "r.xlsx", rows, **options)
    with open_source(path) as source:
        table = source.table()
    index = detect_header(table, known_names("risks"))
    return table.line(index), header_names(table, index)


def test_header_on_the_first_row(tmp_path: Path) -> None:
    assert _detect(tmp_path, [HEADER, *DATA]) == (1, HEADER)


def test_header_below_a_merged_title_and_blank_rows(tmp_path: Path) -> None:
    rows = [["Registre des risques IA — Assurances du Rhône"], ["Version du 12/03/2026"], [], [],
            HEADER, *DATA]
    line, names = _detect(tmp_path, rows, merged=["A1:E1"])
    assert (line, names) == (5, HEADER)


def test_header_found_even_when_data_rows_are_text_heavy(tmp_path: Path) -> None:
    rows = [["Export du 12/03"], ["Titre du risque", "Description détaillée", "Propriétaire", "Statut"],
            ["Fuite", "Une fuite de données de santé via le chatbot", "DSI", "Ouvert"],
            ["Biais", "Le modèle de scoring défavorise un segment", "DPO", "Clos"]]
    assert _detect(tmp_path, rows)[0] == 2


def test_multi_line_headers_are_one_line_and_empty_or_repeated_ones_are_named(tmp_path: Path) -> None:
    rows = [["Risque", "Probabilité\n(1 à 5)", None, "Impact", "Impact"], ["Fuite", 4, "x", 5, 2]]
    line, names = _detect(tmp_path, rows)
    assert names == ["Risque", "Probabilité (1 à 5)", "Column C", "Impact", "Impact (2)"]


def test_an_empty_cell_inside_a_merged_header_takes_its_name(tmp_path: Path) -> None:
    rows = [["Risque", "Cotation", None, "Responsable"], ["Fuite", 4, 5, "DSI"]]
    _, names = _detect(tmp_path, rows, merged=["B1:C1"])
    assert names == ["Risque", "Cotation", "Cotation (2)", "Responsable"]


def test_french_column_names_and_letters() -> None:
    table = Table(Path("x.csv"), "x", [["A", None, "C"]])
    assert header_names(table, 0, lang="fr") == ["A", "Colonne B", "C"]
    assert [column_letters(i) for i in (0, 25, 26, 999)] == ["A", "Z", "AA", "ALL"]
