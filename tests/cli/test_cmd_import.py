"""`caio import` and `caio fields`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from caio_desktop.cli import main
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import count_rows, fetch_rows
from caio_desktop.workspace.snapshots import list_snapshots
from tests.interchange.importing.conftest import write_xlsx


def _risks(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "risques.xlsx", [
        ["Registre des risques"], ["Risque", "Probabilité", "Impact", "Catégorie", "Commentaire interne"],
        ["Fuite de données", "Élevé", "Critique", "Cyber", "vu en COPIL"],
        ["Biais", "souvent", 3, "Éthique", None],
        ["Hallucinations", 2, 4, "Sorcellerie", None]])


def _rows(path: Path, module: str) -> list[dict]:
    with Workspace.open(path, read_only=True) as ws:
        return fetch_rows(ws, module)


def test_import_prints_counts_snapshots_first_and_writes_the_report(workspace_file, tmp_path, capsys) -> None:
    report = tmp_path / "rejets.xlsx"
    code = main(["import", str(workspace_file), str(_risks(tmp_path)), "--into", "risks", "--auto",
                 "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 0
    assert "header on row 2" in out and "'Risque' → title" in out
    assert "imported 2, updated 0, unchanged 0, rejected 1, warnings 1" in out
    # The engagement is French: so are the row messages, the column and the value quoted (issue 15).
    assert "rejected: ligne 4, colonne 'Probabilité': 'souvent' n'est pas un niveau" in out
    assert "warning: ligne 5, colonne 'Catégorie': 'Sorcellerie' n'est pas l'un de" in out
    rows = _rows(workspace_file, "risks")
    assert [(r["code"], r["title"], r["level"]) for r in rows] == [
        ("R-001", "Fuite de données", "critical"), ("R-002", "Hallucinations", "medium")]
    assert rows[1]["custom"] == {"Catégorie": "Sorcellerie"}
    assert "before-import" in [s.reason for s in list_snapshots(workspace_file)]
    assert load_workbook(report).active["A2"].value == "Biais"
    assert load_workbook(report).active["F2"].value.startswith("ligne 4, colonne 'Probabilité'")


def test_dry_run_and_strict_change_nothing(workspace_file, tmp_path, capsys) -> None:
    sheet = _risks(tmp_path)
    assert main(["import", str(workspace_file), str(sheet), "--into", "risks", "--dry-run"]) == 0
    assert "dry run: would import 2, update 0, reject 1; warnings 1" in capsys.readouterr().out
    assert main(["import", str(workspace_file), str(sheet), "--into", "risks", "--strict"]) == 1
    captured = capsys.readouterr()
    assert "strict mode: rows were rejected, so nothing was imported" in captured.out
    assert "no row was imported" in captured.err
    assert _rows(workspace_file, "risks") == []


def test_no_mapping_for_required_fields_is_a_clear_error_and_no_change(workspace_file, tmp_path, capsys) -> None:
    sheet = write_xlsx(tmp_path / "x.xlsx", [["Couleur", "Taille"], ["bleu", "M"]])
    assert main(["import", str(workspace_file), str(sheet), "--into", "risks"]) == 1
    err = capsys.readouterr().err
    assert "no column of the sheet maps to the required field(s) of risks: title (Risk / Risque)" in err
    assert _rows(workspace_file, "risks") == []
    assert "before-import" not in [s.reason for s in list_snapshots(workspace_file)]


def test_hostile_file_and_unknown_module_are_one_line_errors(workspace_file, tmp_path, capsys) -> None:
    fake = tmp_path / "rapport.xlsx"
    fake.write_bytes(b"%PDF-1.7 not a workbook")
    assert main(["import", str(workspace_file), str(fake), "--into", "risks"]) == 1
    assert capsys.readouterr().err.strip() == ("caio: error: rapport.xlsx: is not a spreadsheet "
                                               "(expected xlsx, xlsm, xls, ods or csv)")
    assert main(["import", str(workspace_file), str(fake), "--into", "riskz"]) == 1
    assert "unknown module 'riskz'" in capsys.readouterr().err


def test_swedish_sheet_with_a_mapping_file_and_saving_the_mapping(workspace_file, tmp_path, capsys) -> None:
    sheet = write_xlsx(tmp_path / "uc.xlsx", [["Titel", "Beskrivning", "Kommentar"], ["Chattbot", "Svarar", "ok"]],
                       sheet="Blad1")
    mapping = tmp_path / "karta.json"
    mapping.write_text(json.dumps({"module": "use_cases", "columns": {"Titel": "title",
                                                                       "Beskrivning": "description"}}))
    saved = tmp_path / "saved.json"
    assert main(["import", str(workspace_file), str(sheet), "--into", "use_cases", "--mapping", str(mapping),
                 "--save-mapping", str(saved)]) == 0
    [row] = _rows(workspace_file, "use_cases")
    assert (row["title"], row["description"], row["custom"]) == ("Chattbot", "Svarar", {"Kommentar": "ok"})
    assert json.loads(saved.read_text()) == {"module": "use_cases", "sheet": "Blad1", "header_row": 1,
                                             "columns": {"Titel": "title", "Beskrivning": "description"}}
    assert saved.stat().st_mode & 0o777 == 0o600  # the client's column names stay private too
    capsys.readouterr()
    assert main(["import", str(workspace_file), str(sheet), "--into", "use_cases", "--mapping", str(saved)]) == 0
    assert "imported 0, updated 0, unchanged 1" in capsys.readouterr().out


def test_real_files_import_from_the_command_line(workspace_file, shared_sheets, capsys) -> None:
    assert main(["import", str(workspace_file), str(shared_sheets / "us_federal_ai_use_cases_2025.xlsx"),
                 "--into", "use_cases", "--auto"]) == 0
    assert "imported 3610" in capsys.readouterr().out
    assert main(["import", str(workspace_file), str(shared_sheets / "us_federal_cots_ai_2025.csv"),
                 "--into", "ai_systems", "--auto"]) == 0
    with Workspace.open(workspace_file, read_only=True) as ws:
        assert count_rows(ws, "use_cases") == 3610 and count_rows(ws, "ai_systems") == 900


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_fields_lists_labels_kinds_choices_and_synonyms(capsys, flag) -> None:
    assert main(["fields", "risks", *flag]) == 0
    out = capsys.readouterr().out
    if flag:
        data = json.loads(out)
        likelihood = next(f for f in data["fields"] if f["key"] == "likelihood")
        assert likelihood == {"key": "likelihood", "fr": "Probabilité", "en": "Likelihood", "kind": "score",
                              "required": True, "computed": False, "choices": [], "ref": None,
                              "synonyms": ["probabilite", "vraisemblance", "probability", "occurrence"]}
    else:
        assert "likelihood               Likelihood / Probabilité  [score, required]" in out
        assert "mitigate (Mitigate / Réduire)" in out
        assert "level                    Level / Niveau  [choice, computed, not imported]" in out


def test_import_says_how_a_word_scale_was_read(workspace_file, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "echelle.xlsx", [["Risque", "Probabilité", "Impact"], ["A", "Faible", 1],
                                                  ["B", "Moyen", 2], ["C", "Élevé", 3]])
    assert main(["import", str(workspace_file), str(path), "--into", "risks", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "levels: Probabilité: " in out and "Élevé → 5" in out
    assert "1 + round" in out or "1 + arrondi" in out


def test_an_english_engagement_gets_its_row_messages_in_english(tmp_path, capsys) -> None:
    import datetime as dt

    path = tmp_path / "en.caio"
    Workspace.create(path, client="Thames Insurance", language="en", start=dt.date(2026, 1, 5)).close()
    report = tmp_path / "rejected.xlsx"
    assert main(["import", str(path), str(_risks(tmp_path)), "--into", "risks", "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "rejected: row 4, column 'Probabilité': 'souvent' is not a level" in out
    assert "warning: row 5, column 'Catégorie': 'Sorcellerie' is not one of" in out
    assert "ligne" not in out and load_workbook(report).active["F2"].value.startswith("row 4, column")
    assert [r["level"] for r in _rows(path, "risks")] == ["critical", "medium"]  # levels from the risk matrix
