"""`caio baseline / baselines / diff`, run as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caio_desktop.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "caio_desktop.cli", *args], capture_output=True, text=True,
                          timeout=120)


def _sheet(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["Code;Titre;Probabilité;Impact", *rows]) + "\n", encoding="utf-8")
    return path


def _diff(capsys, *args: str) -> dict:  # noqa: ANN001
    capsys.readouterr()
    assert main(["diff", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_an_import_that_rerates_three_and_adds_two(workspace_file: Path, tmp_path: Path, capsys) -> None:
    ws = str(workspace_file)
    first = _sheet(tmp_path / "registre.csv", [f";Risque {n};2;2" for n in range(1, 6)])
    assert main(["import", ws, str(first), "--into", "risks", "--auto"]) == 0
    assert main(["baseline", ws, "--name", "COPIL 3", "--date", "2026-03-12"]) == 0
    assert "baseline COPIL 3 (2026-03-12)" in capsys.readouterr().out
    assert _diff(capsys, ws)["modules"] == {}  # nothing changed since the baseline

    # Three risks re-rated, two unchanged (in the sheet all the same), two new.
    second = _sheet(tmp_path / "revue.csv", ["R-001;Risque 1;5;5", "R-002;Risque 2;4;4", "R-003;Risque 3;3;3",
                                             "R-004;Risque 4;2;2", "R-005;Risque 5;2;2", ";Risque 6;3;4",
                                             ";Risque 7;1;2"])
    assert main(["import", ws, str(second), "--into", "risks", "--auto"]) == 0
    result = _diff(capsys, ws)
    assert result["from"] == "COPIL 3 (2026-03-12)" and result["to"] == "now"
    assert list(result["modules"]) == ["risks"]
    risks = result["modules"]["risks"]
    assert [r["label"] for r in risks["added"]] == ["R-006 Risque 6", "R-007 Risque 7"]
    assert risks["removed"] == []
    assert [r["id"] for r in risks["changed"]] == [1, 2, 3]
    levels = {r["label"]: next((f["field"], f["old"], f["new"], f["old_value"], f["new_value"])
                               for f in r["fields"] if f["key"] == "level") for r in risks["changed"]}
    assert levels == {"R-001 Risque 1": ("Niveau", "Faible", "Critique", "low", "critical"),
                      "R-002 Risque 2": ("Niveau", "Faible", "Élevé", "low", "high"),
                      "R-003 Risque 3": ("Niveau", "Faible", "Moyen", "low", "medium")}
    assert all({"field", "old", "new"} <= set(f) for r in risks["changed"] for f in r["fields"])


def test_diff_to_a_snapshot_and_human_output(workspace_file: Path, tmp_path: Path, capsys) -> None:
    ws = str(workspace_file)
    assert main(["snapshot", ws]) == 0
    first = capsys.readouterr().out.strip()
    sheet = _sheet(tmp_path / "registre.csv", [";Biais du tri;3;4"])
    assert main(["import", ws, str(sheet), "--into", "risks", "--auto"]) == 0
    capsys.readouterr()
    assert main(["diff", ws, "--from", first]) == 0
    out = capsys.readouterr().out
    assert "Risques: 1 added, 0 removed, 0 changed" in out and "+ R-001 Biais du tri" in out
    assert _diff(capsys, ws, "--from", first, "--to", first)["modules"] == {}
    assert _diff(capsys, ws, "--module", "actions")["modules"]["actions"] == {
        "label": "Actions", "added": [], "removed": [], "changed": []}


def test_baselines_listing(workspace_file: Path, capsys) -> None:
    ws = str(workspace_file)
    assert main(["baselines", ws]) == 0 and capsys.readouterr().out == ""
    assert main(["baseline", ws, "--name", "COPIL 1", "--date", "2026-01-20"]) == 0
    assert main(["baseline", ws, "--name", "COPIL 2", "--date", "2026-02-17"]) == 0
    capsys.readouterr()
    assert main(["baselines", ws, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(b["name"], b["date"], b["exists"]) for b in listed] == [
        ("COPIL 2", "2026-02-17", True), ("COPIL 1", "2026-01-20", True)]


def test_errors_are_one_line(workspace_file: Path, tmp_path: Path) -> None:
    ws = str(workspace_file)
    result = run("diff", ws)
    assert result.returncode == 1 and "no baseline or snapshot to compare with" in result.stderr
    other = tmp_path / "other.caio"
    shutil.copyfile(FIXTURES / "workspace-v2.caio", other)
    for command, message in ((["diff", ws, "--from", str(other)], "another engagement"),
                             (["diff", ws, "--from", "COPIL 9"], "no such baseline or snapshot"),
                             (["diff", ws, "--from", "now", "--module", "nope"], "unknown module"),
                             (["baseline", ws, "--name", ""], "required")):
        result = run(*command)
        assert result.returncode == 1, command
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_encrypted_diff_with_the_passphrase_file(tmp_path: Path, capsys) -> None:
    pytest.importorskip("sqlcipher3")
    secret = tmp_path / "phrase.txt"
    secret.write_text("phrase de passe\n", encoding="utf-8")
    ws = str(tmp_path / "chiffre.caio")
    key = ["--passphrase-file", str(secret)]
    assert main(["new", ws, "--client", "Banque Léman", *key]) == 0
    assert main(["baseline", ws, "--name", "COPIL 1", *key]) == 0
    sheet = _sheet(tmp_path / "registre.csv", [";Fraude interne;3;4"])
    assert main(["import", ws, str(sheet), "--into", "risks", "--auto", *key]) == 0
    result = _diff(capsys, ws, *key)
    assert [r["label"] for r in result["modules"]["risks"]["added"]] == ["R-001 Fraude interne"]
    assert main(["diff", ws]) == 1
    assert "encrypted" in capsys.readouterr().err
