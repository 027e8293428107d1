"""`caio new / info / check / snapshot / snapshots / restore`, run as a user would."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.workspace.version import SCHEMA_VERSION


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "caio_desktop.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_new_then_info_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "mission.caio"
    assert main(["new", str(path), "--client", "Banque Léman", "--lang", "en", "--start", "2026-02-01",
                 "--months", "9"]) == 0
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["schema_version"] == SCHEMA_VERSION
    assert info["engagement"] == {"client": "Banque Léman", "language": "en", "start": "2026-02-01",
                                  "end": "2026-11-01", "sector": None, "consultant": None}
    assert info["counts"]["phases"] == 4 and info["counts"]["risks"] == 0
    assert set(info["counts"]) >= {"ai_systems", "use_cases", "stakeholders", "compliance", "watch"}


def test_new_warns_outside_usual_length_and_refuses_bad_names(tmp_path: Path, capsys) -> None:
    assert main(["new", str(tmp_path / "long.caio"), "--client", "X", "--months", "24"]) == 0
    assert "longer than the usual" in capsys.readouterr().out
    assert main(["new", str(tmp_path / "notes.txt"), "--client", "X"]) == 1
    assert "must end in .caio" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "long.caio"), "--client", "X"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.caio"
    bogus.write_text("not a database")
    for command in (["info", str(bogus)], ["check", str(bogus)], ["snapshot", str(bogus)],
                    ["info", str(tmp_path / "missing.caio")]):
        result = run(*command)
        assert result.returncode != 0, command
        assert "Traceback" not in result.stderr + result.stdout
    assert "not a CAIO Desktop workspace" in run("info", str(bogus)).stderr


def test_check_reports_problems(workspace_file: Path, capsys) -> None:
    assert main(["check", str(workspace_file)]) == 0
    assert "ok" in capsys.readouterr().out
    raw = sqlite3.connect(workspace_file)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("INSERT INTO kpi_measurements (kpi_id, measured_on, value, custom, created_at, updated_at) "
                "VALUES (7, '2026-01-01', 1, '{}', '2026-01-01', '2026-01-01')")
    raw.commit()
    raw.close()
    assert main(["check", str(workspace_file)]) == 1
    assert "broken link" in capsys.readouterr().out


def test_snapshot_list_and_restore_latest(workspace_file: Path, capsys) -> None:
    from caio_desktop.operations import create_row
    from caio_desktop.workspace import Workspace
    from caio_desktop.workspace.queries import count_rows

    assert main(["snapshot", str(workspace_file), "--reason", "copil"]) == 0
    with Workspace.open(workspace_file) as ws:
        create_row(ws, "decisions", {"decided_on": "2026-03-01", "text": "Lancer le pilote"})
    capsys.readouterr()
    assert main(["snapshots", str(workspace_file)]) == 0
    assert "copil" in capsys.readouterr().out
    assert main(["restore", str(workspace_file), "--from", "latest"]) == 0
    with Workspace.open(workspace_file) as ws:
        assert count_rows(ws, "decisions") == 0
    assert main(["restore", str(workspace_file), "--from", str(workspace_file.with_name("none.caio"))]) == 1
