"""The CLI on a team server: `caio team-list` lists the engagements, and the commands that open an
engagement take its address as they take a file."""

from __future__ import annotations

import json
from pathlib import Path

from caio_desktop.cli import main
from caio_desktop.team.address import TeamAddress
from caio_desktop.workspace.queries import fetch_rows


def test_team_list_names_each_engagement_with_its_client(pg_server, team_workspace, capsys) -> None:  # noqa: ANN001
    key = TeamAddress.parse(team_workspace.location).engagement
    assert main(["team-list", pg_server.admin_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"{key}\tAssurances du Rhône\tschema 5" in lines
    assert main(["team-list", pg_server.admin_url, "--json"]) == 0
    listed = {e["key"]: e for e in json.loads(capsys.readouterr().out) if e["key"]}
    assert listed[key]["client"] == "Assurances du Rhône" and listed[key]["access"] is True


def test_an_import_and_an_export_through_the_address(team_workspace, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    sheet = tmp_path / "registre.csv"
    sheet.write_text("Titre;Probabilité;Impact\nShadow AI dans les agences;4;3\nFuite de prompts;3;5\n",
                     encoding="utf-8")
    assert main(["import", team_workspace.location, str(sheet), "--into", "risks", "--auto"]) == 0
    assert sorted(r["title"] for r in fetch_rows(team_workspace, "risks")) == [
        "Fuite de prompts", "Shadow AI dans les agences"]
    out = tmp_path / "registres.xlsx"
    assert main(["export", team_workspace.location, "--xlsx", str(out)]) == 0
    assert out.exists() and "Wrote" in capsys.readouterr().out
