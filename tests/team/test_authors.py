"""Who did what (issue 19): every recorded change names its author — the name given to the workspace
(Preferences, `--author`, CAIO_AUTHOR), else the database role of a team engagement, else the login
name — and the history lists everyone's operations with who made them."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.operations.history import recorded_changes
from caio_desktop.team.workspace import TeamWorkspace
from caio_desktop.workspace.workspace import Workspace


def _authors(ws) -> list[str | None]:
    return [entry.author for entry in ws.audit_trail(limit=100)]


def _risk(ws, title: str = "Biais du scoring") -> int:
    return create_row(ws, "risks", {"title": title, "likelihood": 3, "impact": 4}).row_ids[0]


def test_a_file_records_the_name_it_was_opened_with(workspace_file: Path, monkeypatch) -> None:
    monkeypatch.setenv("CAIO_AUTHOR", "Quelqu'un d'autre")  # the workspace's own name comes first
    with Workspace.open(workspace_file, author="Camille Durand") as ws:
        risk = _risk(ws)
        change = update_row(ws, "risks", risk, {"impact": 5})
        undo(ws, change)
        assert _authors(ws)[:3] == ["Camille Durand"] * 3


def test_without_a_name_caio_author_then_the_login_name(workspace_file: Path, monkeypatch) -> None:
    monkeypatch.setenv("CAIO_AUTHOR", "  Anne   Martin ")
    with Workspace.open(workspace_file) as ws:
        _risk(ws)
        monkeypatch.delenv("CAIO_AUTHOR")
        _risk(ws, "Fuite de données")
        assert _authors(ws)[:2] == [getpass.getuser(), "Anne Martin"]


def test_a_name_set_while_open_applies_to_the_next_change(workspace) -> None:
    workspace.author = "Camille Durand"
    _risk(workspace)
    workspace.author = "Bruno Petit"
    _risk(workspace, "Fuite")
    assert _authors(workspace)[:2] == ["Bruno Petit", "Camille Durand"]


def test_a_team_engagement_records_the_role_unless_named(pg_server, team_url) -> None:
    TeamWorkspace.create(team_url, client="Assurances du Rhône").close()
    with TeamWorkspace.open(team_url) as ws:
        _risk(ws)
        role = ws.role
    with TeamWorkspace.open(team_url, author="Anne Martin") as ws:
        _risk(ws, "Fuite")
        assert _authors(ws)[:2] == ["Anne Martin", role]


def test_the_history_lists_everyones_operations_newest_first(pg_server, team_url) -> None:
    TeamWorkspace.create(team_url, client="Assurances du Rhône").close()
    with TeamWorkspace.open(team_url, author="Anne Martin") as anne, \
            TeamWorkspace.open(team_url, author="Bruno Petit") as bruno:
        risk = _risk(anne)
        update_row(bruno, "risks", risk, {"impact": 5})
        history = recorded_changes(anne)
    assert [(c.author, c.operation) for c in history[:2]] == [
        ("Bruno Petit", "Edit risk R-001"), ("Anne Martin", "Add risk R-001")]
    assert history[-1].operation == "Create engagement"


def test_the_cli_author_option(workspace_file: Path, tmp_path: Path, monkeypatch) -> None:
    from caio_desktop.cli import main

    monkeypatch.delenv("CAIO_AUTHOR", raising=False)
    sheet = tmp_path / "risques.csv"
    sheet.write_text("Titre;Probabilité;Impact\nBiais du scoring;3;4\n", encoding="utf-8")
    assert main(["import", str(workspace_file), str(sheet), "--into", "risks", "--auto",
                 "--author", "Anne Martin"]) == 0
    import os

    assert "CAIO_AUTHOR" not in os.environ  # for that command only
    with Workspace.open(workspace_file, read_only=True) as ws:
        assert _authors(ws)[0] == "Anne Martin"


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_empty_name_is_no_name(workspace, name) -> None:
    workspace.author = name
    _risk(workspace)
    assert _authors(workspace)[0] == getpass.getuser()


def test_the_comparison_of_states_says_who_changed_each_row(workspace_file: Path) -> None:
    from caio_desktop.workspace.compare import compare_states
    from caio_desktop.workspace.snapshots import take_snapshot

    with Workspace.open(workspace_file, author="Anne Martin") as ws:
        kept = _risk(ws, "Fuite de données")
        snapshot = take_snapshot(ws, reason="copil")
        update_row(ws, "risks", kept, {"impact": 5})
        ws.author = "Bruno Petit"
        update_row(ws, "risks", kept, {"likelihood": 1})
        added = _risk(ws, "Biais du scoring")
    risks = next(d for d in compare_states(after=workspace_file, before=snapshot) if d.module == "risks")
    assert [(r.id, r.changed_by) for r in risks.changed] == [(kept, ("Anne Martin", "Bruno Petit"))]
    assert [(r.id, r.changed_by) for r in risks.added] == [(added, ("Bruno Petit",))]
    assert risks.changed[0].to_json(with_fields=False)["changed_by"] == ["Anne Martin", "Bruno Petit"]


def test_the_cli_author_option_on_a_team_engagement(pg_server, team_url, tmp_path: Path, monkeypatch) -> None:
    from caio_desktop.cli import main

    monkeypatch.delenv("CAIO_AUTHOR", raising=False)
    TeamWorkspace.create(team_url, client="Assurances du Rhône").close()
    sheet = tmp_path / "risques.csv"
    sheet.write_text("Titre;Probabilité;Impact\nBiais du scoring;3;4\n", encoding="utf-8")
    assert main(["import", team_url, str(sheet), "--into", "risks", "--auto", "--author", "Anne Martin"]) == 0
    with TeamWorkspace.open(team_url) as ws:
        assert _authors(ws)[0] == "Anne Martin"


def test_operations_read_in_french() -> None:
    from caio_desktop.operations.history import operation_text

    assert operation_text("Undo Edit risk R-012", "fr") == "Annuler Modifier risque R-012"
    assert operation_text("Delete AI system ×3", "fr") == "Supprimer système d'IA ×3"
    assert operation_text("Undo Edit risk R-012", "en") == "Undo Edit risk R-012"
    assert operation_text("Publish from a file", "fr") == "Publish from a file"  # unknown: as recorded
