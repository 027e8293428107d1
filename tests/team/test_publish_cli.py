"""`caio publish` / `caio checkout` against the throw-away PostgreSQL server: the conflict table and
exit 3, `--take`, `--resolve`, and the messages of a refused publish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.operations.rows import create_row, update_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.check import check_workspace
from tests.team.test_publish import risks


@pytest.fixture
def url(pg_server) -> str:
    return pg_server.url()


@pytest.fixture
def offline(workspace_file: Path, url: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> tuple[Path, int]:
    """A file published, checked out, its R-001 impact set to 5 offline and to 1 on the server."""
    from caio_desktop.team.workspace import TeamWorkspace

    with Workspace.open(workspace_file) as ws:
        risk_id = create_row(ws, "risks", {"code": "R-001", "title": "Biais du scoring", "likelihood": 3,
                                           "impact": 4}).row_ids[0]
    assert main(["publish", str(workspace_file), url]) == 0
    assert "rows copied" in capsys.readouterr().out
    target = tmp_path / "offline.caio"
    assert main(["checkout", url, str(target)]) == 0
    assert f"checked out into {target}" in capsys.readouterr().out
    assert check_workspace(target) == []
    assert main(["check", str(target)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    with Workspace.open(target) as ws:
        update_row(ws, "risks", risk_id, {"impact": 5})
    colleague = TeamWorkspace.open(url)
    try:
        update_row(colleague, "risks", risk_id, {"impact": 1})
    finally:
        colleague.close()
    return target, risk_id


def server_impact(url: str) -> int:
    from caio_desktop.team.workspace import TeamWorkspace

    colleague = TeamWorkspace.open(url)
    try:
        return risks(colleague)["R-001"]["impact"]
    finally:
        colleague.close()


def test_conflicts_are_listed_as_a_table_with_exit_3_and_nothing_written(offline, url: str, capsys):
    target, risk_id = offline
    assert main(["publish", str(target), url]) == 3
    out, err = capsys.readouterr()
    header, rule, row = out.splitlines()
    assert header.split() == ["module", "row", "field", "mine", "(file)", "theirs", "(server)", "key"]
    assert row.split() == ["risks", "R-001", "impact", "5", "1", f"risks:{risk_id}:impact"]
    assert "nothing was written" in err and "--take mine|theirs" in err
    assert server_impact(url) == 1
    assert main(["publish", str(target), url, "--json"]) == 3
    listed = json.loads(capsys.readouterr().out)["conflicts"]
    assert listed == [{"key": f"risks:{risk_id}:impact", "module": "risks", "row": "R-001", "field": "impact",
                       "mine": 5, "theirs": 1}]


def test_take_mine_settles_every_conflict(offline, url: str, capsys):
    target, _ = offline
    assert main(["publish", str(target), url, "--take", "mine"]) == 0
    assert "1 conflict resolved" in capsys.readouterr().out
    assert server_impact(url) == 5
    from caio_desktop.team.workspace import TeamWorkspace

    with TeamWorkspace.open(url) as colleague:
        [published] = [e for e in colleague.audit_trail() if e.operation == "Publish offline.caio"]
    assert published.author == "caio" and published.after.endswith(f"risks:{offline[1]}:impact: mine")
    assert main(["publish", str(target), url]) == 0
    assert "nothing to publish" in capsys.readouterr().out


def test_a_resolution_file_settles_conflicts_by_key(offline, url: str, tmp_path: Path, capsys):
    target, risk_id = offline
    choices = tmp_path / "choix.json"
    choices.write_text(json.dumps({f"risks:{risk_id}:impact": "theirs"}), encoding="utf-8")
    assert main(["publish", str(target), url, "--resolve", str(choices)]) == 0
    assert server_impact(url) == 1
    with Workspace.open(target) as ws:
        assert risks(ws)["R-001"]["impact"] == 1


def test_a_bad_resolution_file_is_refused_with_its_reason(offline, url: str, tmp_path: Path, capsys):
    target, _ = offline
    choices = tmp_path / "choix.json"
    choices.write_text(json.dumps({"risks:999:impact": "theirs"}), encoding="utf-8")
    assert main(["publish", str(target), url, "--resolve", str(choices)]) == 1
    assert "name no conflict of this publish: risks:999:impact" in capsys.readouterr().err
    choices.write_text(json.dumps({"risks:1:impact": "both"}), encoding="utf-8")
    assert main(["publish", str(target), url, "--resolve", str(choices)]) == 1
    assert '"mine" or "theirs"' in capsys.readouterr().err
    assert server_impact(url) == 1


def test_a_foreign_file_onto_an_existing_key_and_a_checkout_over_a_file_are_refused(
        offline, url: str, empty_workspace_template: Path, tmp_path: Path, capsys):
    target, _ = offline
    other = tmp_path / "autre.caio"
    other.write_bytes(empty_workspace_template.read_bytes())
    assert main(["publish", str(other), url]) == 1
    assert "is not a checkout of it" in capsys.readouterr().err
    assert main(["checkout", url, str(target)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_the_password_is_never_in_what_the_file_records(pg_server, workspace_file: Path, tmp_path: Path,
                                                       capsys):
    from caio_desktop.team.address import TeamAddress
    from caio_desktop.team.checkout import read_record

    owner_url = pg_server.url()
    key = TeamAddress.parse(owner_url).engagement
    assert main(["publish", str(workspace_file), owner_url]) == 0
    role = f"paul_{key.replace('-', '_')}"
    pg_server.create_role(role, password="s3cret-Paul", can_write=True)
    target = tmp_path / "paul.caio"
    assert main(["checkout", pg_server.url(key, user=role, password="s3cret-Paul"), str(target)]) == 0
    assert "s3cret" not in capsys.readouterr().out
    with Workspace.open(target) as ws, ws.engine.connect() as conn:
        record = read_record(conn)
        stored = conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'team:checkout'").scalar()
    assert record.source == TeamAddress.parse(pg_server.url(key, user=role)).display
    assert "s3cret" not in stored and record.identity and "risks" in record.base


def test_a_reader_may_take_the_engagement_offline_but_not_publish_onto_it(pg_server, workspace_file: Path,
                                                                          tmp_path: Path, capsys):
    from caio_desktop.team.address import TeamAddress

    owner_url = pg_server.url()
    key = TeamAddress.parse(owner_url).engagement
    assert main(["publish", str(workspace_file), owner_url]) == 0
    reader = f"lecteur_{key.replace('-', '_')}"
    pg_server.create_role(reader, can_write=False)
    reader_url = pg_server.url(key, user=reader)
    copy = tmp_path / "lecture.caio"
    assert main(["checkout", reader_url, str(copy)]) == 0
    with Workspace.open(copy) as ws:
        create_row(ws, "risks", {"title": "Ajouté hors ligne", "likelihood": 1, "impact": 1})
    capsys.readouterr()
    assert main(["publish", str(copy), reader_url]) == 1
    assert f"the role {reader} may only read this engagement" in capsys.readouterr().err
    assert main(["publish", str(copy), pg_server.url(pg_server.new_key("neuf"), user=reader)]) == 1
    assert "may not create engagements in the database" in capsys.readouterr().err


def test_an_encrypted_file_is_published_with_its_passphrase_file(pg_server, tmp_path: Path, capsys):
    passphrase = tmp_path / "phrase.txt"
    passphrase.write_text("Rhône-2026 secret", encoding="utf-8")
    path = tmp_path / "chiffre.caio"
    with Workspace.create(path, client="Clinique du Lac", passphrase="Rhône-2026 secret") as ws:
        create_row(ws, "risks", {"code": "R-001", "title": "Données de santé", "likelihood": 4, "impact": 5})
    url = pg_server.url()
    assert main(["publish", str(path), url, "--passphrase-file", str(passphrase)]) == 0
    capsys.readouterr()
    assert main(["publish", str(path), url, "--passphrase-file", str(passphrase)]) == 0
    assert "nothing to publish" in capsys.readouterr().out
    copy = tmp_path / "copie.caio"
    assert main(["checkout", url, str(copy)]) == 0
    with Workspace.open(copy) as ws:  # a plain file unless asked: the server's roles protect the original
        assert risks(ws)["R-001"]["title"] == "Données de santé"
    locked = tmp_path / "voyage.caio"
    assert main(["checkout", url, str(locked), "--passphrase-file", str(passphrase)]) == 0
    from caio_desktop.workspace.errors import WorkspaceError

    with pytest.raises(WorkspaceError):
        Workspace.open(locked)
    with Workspace.open(locked, passphrase="Rhône-2026 secret") as ws:
        assert risks(ws)["R-001"]["title"] == "Données de santé"
    assert check_workspace(locked, passphrase="Rhône-2026 secret") == []
