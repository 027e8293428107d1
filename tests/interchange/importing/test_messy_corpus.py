"""Client spreadsheets as they really come (issue 15): a corpus of messy workbooks and CSVs, French and
English, each reproducing one habit of real client files, imported with nothing silently lost — every
filled cell lands in a field, in a custom attribute, or in a warning, a rejection or a note naming it."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caio_desktop.interchange.importing import apply_import, plan_import, write_report
from caio_desktop.interchange.importing.plan import ImportPlan
from caio_desktop.interchange.importing.reader import filled, open_source
from caio_desktop.interchange.importing.text import cell_text
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.importing.conftest import write_xlsx


@pytest.fixture
def workspace_en(tmp_path: Path):  # noqa: ANN201
    with Workspace.create(tmp_path / "en.caio", client="Northwind", language="en",
                          start=dt.date(2026, 1, 5)) as ws:
        yield ws


def _csv(path: Path, rows: list[list[Any]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def _formulas(path: Path) -> Path:
    """A workbook a French macro wrote: formulas and no saved values (openpyxl never computes)."""
    return write_xlsx(path, [["Risque", "Probabilité", "Impact", "Score calculé"],
                             ["Fuite", 3, 4, "=SOMME(1;2)"], ["Biais", "=MAX(1;2)", 2, "=B3*C3"]])


def assert_nothing_lost(plan: ImportPlan) -> None:
    """Every filled cell below the header: in a field, a custom attribute, or a problem naming its
    column (a rejected row goes whole into the report); every filled row above or below the table
    in a note."""
    lines = {row.line for row in plan.rows}
    with open_source(plan.path) as source:
        table = source.table(plan.sheet)
    for index, cells in enumerate(table.rows):
        line = table.line(index)
        if line == plan.header_row or not any(filled(c) for c in cells):
            continue
        if line < plan.header_row and all(any(cell_text(c) in h for h in plan.headers) for c in cells if filled(c)):
            continue  # the upper row of a two-row header: in the column names
        if line not in lines:
            assert any(f"{line}" in note or _in_range(line, note) for note in plan.notes), f"row {line} lost: {cells}"
    for row in plan.rows:
        if row.error is not None:
            continue
        values = row.values
        named = {p.column for p in row.warnings}
        for position, header in enumerate(plan.headers):
            cell = row.cells[position] if position < len(row.cells) else None
            if not filled(cell):
                continue
            key = plan.mapping.columns.get(header)
            landed = (key is not None and values.get(key) not in (None, "", [])) or header in values["custom"] \
                or header in named
            assert landed, f"row {row.line}, column {header!r}: {cell_text(cell)!r} lost"


def _in_range(line: int, note: str) -> bool:
    """Whether a note names `line` within a range of rows ("rows 7–12: a second table …")."""
    match = re.match(r"(?:rows|lignes) (\d+)–(\d+)", note)
    return bool(match) and int(match[1]) <= line <= int(match[2])


# Each case: a builder of the file, the register, and a check of what the plan says.
Case = tuple[Callable[[Path], Path], str, Callable[[ImportPlan], None]]


def _title_rows(tmp: Path) -> Path:
    return write_xlsx(tmp / "titre.xlsx", [["Registre des risques IA — 2026"], ["Mis à jour le 3/12"], [],
                                           ["Risque", "Probabilité", "Impact"], ["Fuite", 4, 5], ["Biais", 2, 3]])


def _merged(tmp: Path) -> Path:
    return write_xlsx(tmp / "fusion.xlsx", [["Risque", "Catégorie", "Probabilité", "Impact"],
                                            ["Fuite", "Cybersécurité", 4, 5], ["Intrusion", None, 3, 4],
                                            ["Biais", "Éthique", 2, 3]], merged=["B2:B3"])


def _legend(tmp: Path) -> Path:
    return write_xlsx(tmp / "legende.xlsx", [["Risque", "Probabilité", "Impact"], ["Fuite", 4, 5], ["Biais", 2, 3],
                                             [], ["Légende : 1 = très faible … 5 = très élevé"],
                                             ["Source : DSI, atelier du 12/11"]])


def _five_words(tmp: Path) -> Path:
    return write_xlsx(tmp / "mots.xlsx", [["Risque", "Probabilité", "Impact"],
                                          ["Fuite", "Très probable", "Catastrophique"],
                                          ["Biais", "Possible", "Modéré"], ["Panne", "Très improbable", "Négligeable"]])


def _rare_en(tmp: Path) -> Path:
    return write_xlsx(tmp / "likelihood.xlsx", [["Risk", "Likelihood", "Severity"], ["Leak", "Almost certain", "Major"],
                                                ["Bias", "Possible", "Minor"], ["Outage", "Rare", "Negligible"],
                                                ["Drift", "Likely", "Catastrophic"]])


def _three_steps(tmp: Path) -> Path:
    return write_xlsx(tmp / "trois.xlsx", [["Risque", "Probabilité", "Impact"], ["Fuite", "Élevé", "ÉLEVÉ"],
                                           ["Biais", "moyen", "Moyen"], ["Panne", "Faible", " faible "]])


def _number_words(tmp: Path) -> Path:
    return write_xlsx(tmp / "nmots.xlsx", [["Risque", "Probabilité", "Impact"], ["Fuite", "3 - Élevé", "P3"],
                                           ["Biais", "2 - Moyen", "P2"], ["Panne", "1 - Faible", "P1"]])


def _percentages(tmp: Path) -> Path:
    return write_xlsx(tmp / "pourcents.xlsx", [["Risque", "Probabilité", "Impact"], ["Fuite", "90 %", 5],
                                               ["Biais", "35%", 3], ["Panne", 0.05, 1]])


def _client_codes(tmp: Path) -> Path:
    return write_xlsx(tmp / "codes.xlsx", [["Réf.", "Intitulé du risque", "Probabilité", "Impact"],
                                           ["RQ-06", "Fuite", 4, 5], ["RQ-07", "Biais", 2, 3]])


def _client_categories(tmp: Path) -> Path:
    return write_xlsx(tmp / "categories.xlsx", [["Risque", "Catégorie", "Probabilité", "Impact"],
                                                ["Fuite", "Conformité", 4, 5], ["Biais", "Gouvernance", 2, 3],
                                                ["Turnover", "RH / Organisation", 3, 3]])


def _notes_column(tmp: Path) -> Path:
    return write_xlsx(tmp / "notes.xlsx", [["Risque", "Probabilité", "Impact", "Commentaire interne", "Vu en COPIL"],
                                           ["Fuite", 4, 5, "à revoir avec le DPO", "oui"], ["Biais", 2, 3, None, "non"]])


def _bom_semicolons(tmp: Path) -> Path:
    return _csv(tmp / "export.csv", [["Risque", "Probabilité", "Impact", "Responsable"], ["Fuite", "4", "5", "DSI"],
                                     ["Biais", "2", "3", "DPO"]], delimiter=";", encoding="utf-8-sig")


def _en_csv(tmp: Path) -> Path:
    return _csv(tmp / "risks.csv", [["Risk ID", "Risk", "Likelihood", "Impact", "Notes"],
                                    ["R-9", "Leak", "High", "Very high", "line one\nline two"],
                                    ["R-10", "Bias", "Low", "Medium", ""]])


def _numeric_four(tmp: Path) -> Path:
    return write_xlsx(tmp / "quatre.xlsx", [["Risque", "Probabilité (1-4)", "Impact (1-4)"], ["Fuite", 4, 4],
                                            ["Biais", 2, 3], ["Panne", 1, 1]])


def _refused_row_en(tmp: Path) -> Path:
    return write_xlsx(tmp / "refused.xlsx", [["Risk", "Likelihood", "Impact"], ["Leak", "often", 4], ["Bias", 2, 2]])


def _blank_rows_and_star_note(tmp: Path) -> Path:
    return write_xlsx(tmp / "trous.xlsx", [["Risque", "Probabilité", "Impact"], ["Fuite", 4, 5], [], ["Biais", 2, 3],
                                           [], [], ["* estimations de l'équipe projet"]])


def _formula_sheet(tmp: Path) -> Path:
    return _formulas(tmp / "formules.xlsx")


def _two_row_header(tmp: Path) -> Path:
    return write_xlsx(tmp / "deux-lignes.xlsx", [
        ["Risque", "Probabilité", None, "Impact", None], [None, "Brute", "Résiduelle", "Brut", "Résiduel"],
        ["Fuite", 4, 2, 5, 3], ["Biais", 2, 1, 3, 2]], merged=["A1:A2", "B1:C1", "D1:E1"])


def _two_tables(tmp: Path) -> Path:
    return write_xlsx(tmp / "deux-tableaux.xlsx", [
        ["Risque", "Probabilité", "Impact"], ["Fuite", 4, 5], [], ["Risque", "Probabilité", "Impact"], ["Biais", 2, 3],
        [], ["Action", "Responsable", "Échéance"], ["Chiffrer", "DSI", "2026-03-01"]])


def _check_two_rows(plan: ImportPlan) -> None:
    assert plan.headers == ["Risque", "Probabilité Brute", "Probabilité Résiduelle", "Impact Brut", "Impact Résiduel"]
    assert [(r.values["likelihood"], r.values["residual_likelihood"], r.values["impact"], r.values["residual_impact"])
            for r in plan.rows] == [(4, 2, 5, 3), (2, 1, 3, 2)]


def _check_two_tables(plan: ImportPlan) -> None:
    assert [r.values["title"] for r in plan.rows] == ["Fuite", "Biais"] and not plan.rejected
    assert any(n.startswith("lignes 7–8 : un second tableau") for n in plan.notes)


def _check_title(plan: ImportPlan) -> None:
    assert plan.header_row == 4 and len(plan.valid) == 2
    assert any("Registre des risques IA" in n for n in plan.notes)


def _check_merged(plan: ImportPlan) -> None:
    assert [r.values["category"] for r in plan.rows] == ["cybersecurity", "cybersecurity", "ai_ethics"]


def _check_legend(plan: ImportPlan) -> None:
    assert len(plan.rows) == 2 and not plan.rejected
    assert any("Légende" in n and "ignorée" in n for n in plan.notes)
    assert any("Source : DSI" in n for n in plan.notes)


def _levels(*pairs: tuple[int, int]) -> Callable[[ImportPlan], None]:
    def check(plan: ImportPlan) -> None:
        assert not plan.rejected and not plan.warnings
        assert [(r.values["likelihood"], r.values["impact"]) for r in plan.rows] == list(pairs)
    return check


def _check_codes(plan: ImportPlan) -> None:
    assert [r.values["code"] for r in plan.rows] == ["RQ-06", "RQ-07"]


def _check_categories(plan: ImportPlan) -> None:
    assert not plan.rejected
    warned = {w.value for w in plan.warnings if w.column == "Catégorie"}
    assert warned == {"Conformité", "Gouvernance", "RH / Organisation"}
    assert [r.values["custom"]["Catégorie"] for r in plan.rows] == ["Conformité", "Gouvernance", "RH / Organisation"]


def _check_notes(plan: ImportPlan) -> None:
    assert plan.rows[0].values["description"] == "à revoir avec le DPO"
    assert plan.rows[0].values["custom"] == {"Vu en COPIL": "oui"}


def _check_csv(plan: ImportPlan) -> None:
    assert [r.values["owner"] for r in plan.rows] == ["DSI", "DPO"] and not plan.warnings


def _check_en_csv(plan: ImportPlan) -> None:
    assert [r.values["code"] for r in plan.rows] == ["R-9", "R-10"]
    assert plan.rows[0].values["custom"]["Notes"] == "line one\nline two"


def _check_refused_en(plan: ImportPlan) -> None:
    [rejected] = plan.rejected
    assert rejected.error.text("en").startswith("row 2, column 'Likelihood': 'often' is not a level")


def _check_blank(plan: ImportPlan) -> None:
    assert len(plan.rows) == 2 and any("estimations" in n for n in plan.notes)


def _check_formulas(plan: ImportPlan) -> None:
    texts = [w.text("fr") for r in plan.rows for w in r.warnings if "formule" in w.text("fr")]
    assert len(texts) == 3 and "'=SOMME(1;2)' est une formule sans valeur enregistrée" in texts[0]
    assert plan.rows[0].values["custom"]["Score calculé"] == "=SOMME(1;2)"
    # the second row's likelihood is a formula: the row is rejected, its error naming the cell
    assert plan.rows[1].error.value == "=MAX(1;2)" and plan.rows[1].error.column == "Probabilité"


CASES: dict[str, Case] = {
    "title rows": (_title_rows, "risks", _check_title),
    "merged category cells": (_merged, "risks", _check_merged),
    "legend and source lines": (_legend, "risks", _check_legend),
    "five-step likelihood words": (_five_words, "risks", _levels((5, 5), (3, 3), (1, 1))),
    "English Rare … Almost certain": (_rare_en, "risks", _levels((5, 4), (3, 2), (1, 1), (4, 5))),
    "three-step scale": (_three_steps, "risks", _levels((5, 5), (3, 3), (1, 1))),
    "'3 - Élevé' and 'P3'": (_number_words, "risks", _levels((5, 3), (3, 2), (1, 1))),
    "percentages": (_percentages, "risks", _levels((5, 5), (2, 3), (1, 1))),
    "client codes": (_client_codes, "risks", _check_codes),
    "client categories": (_client_categories, "risks", _check_categories),
    "notes columns": (_notes_column, "risks", _check_notes),
    "BOM CSV with semicolons": (_bom_semicolons, "risks", _check_csv),
    "English CSV with line breaks": (_en_csv, "risks", _check_en_csv),
    "numeric 1–4 scale": (_numeric_four, "risks", _levels((5, 5), (2, 4), (1, 1))),
    "refused row, English": (_refused_row_en, "risks", _check_refused_en),
    "blank rows and a starred note": (_blank_rows_and_star_note, "risks", _check_blank),
    "formulas without saved values": (_formula_sheet, "risks", _check_formulas),
    "two-row header": (_two_row_header, "risks", _check_two_rows),
    "two tables in one sheet": (_two_tables, "risks", _check_two_tables),
}


@pytest.mark.parametrize("name", list(CASES))
def test_messy_client_files_import_with_nothing_silently_lost(workspace, tmp_path: Path, name: str) -> None:
    build, module, check = CASES[name]
    plan = plan_import(workspace, build(tmp_path), module)
    check(plan)
    assert_nothing_lost(plan)
    result = apply_import(workspace, plan)
    assert result.imported == len(plan.valid)


def test_the_corpus_holds_at_least_fifteen_habits() -> None:
    assert len(CASES) >= 15


def test_messages_and_report_follow_the_engagement_language(workspace, workspace_en, tmp_path: Path) -> None:
    path = _refused_row_en(tmp_path)
    for ws, start in ((workspace, "ligne 2, colonne 'Likelihood': 'often' n'est pas un niveau"),
                      (workspace_en, "row 2, column 'Likelihood': 'often' is not a level")):
        plan = plan_import(ws, path, "risks")
        result = apply_import(ws, plan)
        lang = ws.engagement().language
        out = write_report(tmp_path / f"rejets-{lang}.xlsx", plan.headers, result.rejected, lang=lang)
        from openpyxl import load_workbook

        assert load_workbook(out).active["D2"].value.startswith(start)
    # the English engagement's notes are English
    plan = plan_import(workspace_en, _legend(tmp_path), "risks")
    assert any(n.startswith("row 5: 'Légende") and "skipped" in n for n in plan.notes)
    assert [r["title"] for r in fetch_rows(workspace_en, "risks")] == ["Bias"]
