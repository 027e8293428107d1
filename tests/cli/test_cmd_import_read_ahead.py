"""`caio import` reads the sheet in a helper thread while it opens the workspace (issue 20): the same
sheet is read, and errors come in the same order as when the workspace was opened first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.interchange.importing.errors import SpreadsheetError
from caio_desktop.interchange.importing.reader import ReadAhead, Source
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.importing.conftest import write_xlsx


def _two_sheets(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "classeur.xlsx", [["Note", "Auteur"], ["à relire", "DPO"]], sheet="Notes",
                      extra_sheets={"Registre": [["Risque", "Probabilité", "Impact"], ["Fuite de données", 4, 5]]})


def test_the_sheet_a_mapping_file_names_is_the_one_read(workspace_file, tmp_path, capsys) -> None:
    mapping = tmp_path / "carte.json"
    mapping.write_text(json.dumps({"module": "risks", "sheet": "Registre", "columns": {
        "Risque": "title", "Probabilité": "likelihood", "Impact": "impact"}}))
    assert main(["import", str(workspace_file), str(_two_sheets(tmp_path)), "--into", "risks",
                 "--mapping", str(mapping)]) == 0
    assert "sheet 'Registre'" in capsys.readouterr().out
    with Workspace.open(workspace_file, read_only=True) as ws:
        assert [r["title"] for r in fetch_rows(ws, "risks")] == ["Fuite de données"]


def test_a_workspace_that_cannot_be_opened_is_reported_before_the_sheet(tmp_path, capsys) -> None:
    missing = tmp_path / "absent.caio"
    assert main(["import", str(missing), str(tmp_path / "absent.xlsx"), "--into", "risks"]) == 1
    err = capsys.readouterr().err
    assert "absent.caio" in err and "absent.xlsx" not in err


def test_a_missing_sheet_file_is_reported_before_a_bad_mapping_file(workspace_file, tmp_path, capsys) -> None:
    mapping = tmp_path / "carte.json"
    mapping.write_text("{not json")
    assert main(["import", str(workspace_file), str(tmp_path / "absent.xlsx"), "--into", "risks",
                 "--mapping", str(mapping)]) == 1
    assert "absent.xlsx: does not exist" in capsys.readouterr().err


def test_read_ahead_gives_the_source_with_its_sheet_read_or_raises_what_reading_raised(tmp_path) -> None:
    ahead = ReadAhead(_two_sheets(tmp_path), "Registre")
    ahead.wait_until_parsing()
    source = ahead.source()
    assert source.table("Registre").rows[1] == ["Fuite de données", 4, 5]
    ahead.close()
    fake = tmp_path / "rapport.xlsx"
    fake.write_bytes(b"%PDF-1.7 not a workbook")
    refused = ReadAhead(fake)
    refused.wait_until_parsing()  # (set when reading ends, whatever the end)
    with pytest.raises(SpreadsheetError, match="is not a spreadsheet"):
        refused.source()
    refused.close()


def test_asking_again_for_the_first_sheet_with_data_reads_nothing_again(tmp_path, monkeypatch) -> None:
    sheet = write_xlsx(tmp_path / "x.xlsx", [], sheet="Vide", extra_sheets={"Registre": [["Risque"], ["Biais"]]})
    source = Source(sheet)
    loads: list[str] = []
    original = Source._load
    monkeypatch.setattr(Source, "_load", lambda self, name: loads.append(name) or original(self, name))
    assert source.table().sheet == "Registre"
    assert source.table().sheet == "Registre"
    assert loads == ["Vide", "Registre"]
    source.close()
