"""Engagements on a real PostgreSQL server: the roles decide who writes, passwords come from ~/.pgpass
or a prompt and never show, versions are checked as for files."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from caio_desktop.operations import create_row, update_row
from caio_desktop.team.address import TeamAddress
from caio_desktop.team.errors import (
    CreateRefusedError,
    EngagementExistsError,
    EngagementNotFoundError,
    NoAccessError,
    PasswordRequiredError,
    ServerUnreachableError,
    TeamReadOnlyError,
    UpgradeNeedsOwnerError,
)
from caio_desktop.team.server import list_engagements, needs_password, team_engine
from caio_desktop.team.workspace import TeamWorkspace
from caio_desktop.workspace.errors import NewerVersionError, ReadOnlyError
from caio_desktop.workspace.queries import fetch_rows

_roles = itertools.count(1)


def _role(stem: str) -> str:
    return f"{stem}_{next(_roles)}"


def _key(url: str) -> str:
    return TeamAddress.parse(url).engagement


def test_a_new_engagement_has_its_rows_and_is_written_by_its_creator(team_workspace: TeamWorkspace) -> None:
    ws = team_workspace
    assert ws.schema_version == 5 and not ws.read_only and ws.author == ws.role == "caio"
    assert ws.engagement().end_date == dt.date(2027, 1, 5)
    assert [p.phase for p in ws.phases()] == ["diagnosis", "strategy", "deployment", "handover"]
    assert [(e.operation, e.author) for e in ws.audit_trail()] == [("Create engagement", "caio")]
    created = create_row(ws, "risks", {"title": "Biais du modèle de tarification", "likelihood": 4, "impact": 3})
    assert fetch_rows(ws, "risks")[0]["id"] == created.row_ids[0]


def test_a_reader_opens_read_only_and_a_write_is_refused_naming_the_role(pg_server, team_workspace) -> None:  # noqa: ANN001
    create_row(team_workspace, "risks", {"title": "Dérive", "likelihood": 2, "impact": 2})
    reader = _role("lecteur")
    pg_server.create_role(reader, can_write=False)
    with TeamWorkspace.open(pg_server.url(_key(team_workspace.location), user=reader)) as ws:
        assert ws.read_only and ws.role == reader
        assert [r["title"] for r in fetch_rows(ws, "risks")] == ["Dérive"]
        with pytest.raises(TeamReadOnlyError, match=f"role '{reader}' may only read") as caught:
            create_row(ws, "risks", {"title": "Refusé", "likelihood": 1, "impact": 1})
        assert isinstance(caught.value, ReadOnlyError)
    assert [r["title"] for r in fetch_rows(team_workspace, "risks")] == ["Dérive"]


def test_a_writer_writes_and_the_server_itself_refuses_a_reader(pg_server, team_workspace) -> None:  # noqa: ANN001
    key = _key(team_workspace.location)
    writer, reader = _role("redacteur"), _role("lecteur")
    pg_server.create_role(writer, can_write=True)
    pg_server.create_role(reader, can_write=False)
    with TeamWorkspace.open(pg_server.url(key, user=writer)) as ws:
        assert not ws.read_only and ws.author == writer
        risk = create_row(ws, "risks", {"title": "Fuite de données", "likelihood": 3, "impact": 5}).row_ids[0]
        update_row(ws, "risks", risk, {"impact": 4})
        assert [(e.operation.split()[0], e.author) for e in ws.audit_trail(limit=2)][-1][1] == writer
    engine = team_engine(TeamAddress.parse(pg_server.url(key, user=reader)))
    try:  # whatever the app does, the server refuses the reader's write
        with pytest.raises(Exception, match="permission denied"), engine.begin() as conn:
            conn.exec_driver_sql("UPDATE risks SET impact = 1")
    finally:
        engine.dispose()
    assert fetch_rows(team_workspace, "risks")[0]["impact"] == 4


def test_a_role_granted_later_and_a_role_without_access(pg_server, team_workspace) -> None:  # noqa: ANN001
    key = _key(team_workspace.location)
    late, outsider = _role("arrivee"), _role("externe")
    pg_server.create_role(late, can_write=False)
    pg_server.revoke(late, key)
    with pytest.raises(NoAccessError, match=f"role '{late}' has no access"):
        TeamWorkspace.open(pg_server.url(key, user=late))
    pg_server.grant(late, key, True)
    with TeamWorkspace.open(pg_server.url(key, user=late)) as ws:
        assert not ws.read_only
    pg_server.grant(late, key, False)  # made a reader again
    with TeamWorkspace.open(pg_server.url(key, user=late)) as ws:
        assert ws.read_only
    pg_server.execute(f'CREATE ROLE "{outsider}" LOGIN IN ROLE caio_trusted')
    with pytest.raises(NoAccessError):
        TeamWorkspace.open(pg_server.url(key, user=outsider))


def test_read_only_by_choice_names_no_role(team_workspace) -> None:  # noqa: ANN001
    with TeamWorkspace.open(team_workspace.location, read_only=True) as ws, \
            pytest.raises(TeamReadOnlyError, match="opened read-only"):
        create_row(ws, "risks", {"title": "x", "likelihood": 1, "impact": 1})


def test_a_password_is_required_from_pgpass_or_the_prompt_and_never_shown(
        pg_server, team_workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    key = _key(team_workspace.location)
    consultant, secret = _role("consultante"), "mot-de-passe-très-secret"
    pg_server.create_role(consultant, password=secret, can_write=True)
    url = pg_server.url(key, user=consultant)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "absent"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert needs_password(url)
    with pytest.raises(PasswordRequiredError) as missing:
        TeamWorkspace.open(url)
    assert not missing.value.rejected
    with pytest.raises(PasswordRequiredError) as wrong:
        TeamWorkspace.open(url, password="pas celui-là")
    assert wrong.value.rejected
    with TeamWorkspace.open(url, password=secret) as ws:  # what the app's dialog and the CLI prompt give
        assert not ws.read_only and secret not in ws.location and secret not in repr(ws)
        create_row(ws, "risks", {"title": "Saisi avec mot de passe", "likelihood": 1, "impact": 1})
        assert all(secret not in (e.after or "") + str(e.author) for e in ws.audit_trail())
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:caio:{consultant}:{secret}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert not needs_password(url)
    with TeamWorkspace.open(url) as ws:  # libpq read it itself
        assert [r["title"] for r in fetch_rows(ws, "risks")] == ["Saisi avec mot de passe"]
    with pytest.raises(PasswordRequiredError) as written:
        TeamWorkspace.open(pg_server.url(key, user=consultant, password="faux"))
    assert "faux" not in str(written.value)


def test_the_cli_asks_for_the_password_on_a_terminal(pg_server, team_workspace, tmp_path: Path,  # noqa: ANN001
                                                     monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    import getpass
    import sys

    from caio_desktop.cli import main

    key = _key(team_workspace.location)
    consultant, secret = _role("invitee"), "autre-secret"
    pg_server.create_role(consultant, password=secret, can_write=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "absent"))
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or secret)
    out = tmp_path / "registres.xlsx"
    assert main(["export", pg_server.url(key, user=consultant), "--xlsx", str(out)]) == 0
    assert out.exists() and len(asked) == 1 and "engagement=" + key in asked[0] and secret not in asked[0]
    assert secret not in capsys.readouterr().out


def test_unknown_taken_and_unreachable_engagements(pg_server, team_workspace) -> None:  # noqa: ANN001
    key = _key(team_workspace.location)
    with pytest.raises(EngagementNotFoundError, match=f"no such engagement.*{key}"):
        TeamWorkspace.open(pg_server.url("personne"))
    with pytest.raises(EngagementExistsError):
        TeamWorkspace.create(team_workspace.location, client="Doublon")
    assert fetch_rows(team_workspace, "phases")  # the first one untouched
    with pytest.raises(ServerUnreachableError, match="cannot be reached"):
        TeamWorkspace.open(f"postgresql://caio@127.0.0.1:{pg_server.port + 1}/caio?engagement=x")
    listed = {e["key"]: e for e in list_engagements(team_workspace.engine)}
    assert listed[key]["client"] == "Assurances du Rhône" and listed[key]["version"] == 5


def test_a_newer_engagement_is_refused_and_an_older_one_needs_its_owner(pg_server, team_workspace,  # noqa: ANN001
                                                                        monkeypatch) -> None:  # noqa: ANN001
    from caio_desktop.workspace import schema

    ws = team_workspace
    key, schema_of = _key(ws.location), ws.address.schema
    pg_server.execute(f"UPDATE {schema_of}.caio_meta SET value = '6' WHERE key = 'schema_version'")
    with pytest.raises(NewerVersionError, match="schema 6"):
        TeamWorkspace.open(ws.location)
    # An application one version newer, whose step 5 → 6 adds a column: the owner's open runs it.
    pg_server.execute(f"UPDATE {schema_of}.caio_meta SET value = '5' WHERE key = 'schema_version'")
    steps = {5: lambda conn: conn.exec_driver_sql(
        "ALTER TABLE risks ADD COLUMN velocity INTEGER; CREATE TABLE notes (id SERIAL PRIMARY KEY, text VARCHAR)")}
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 6)
    monkeypatch.setattr(schema, "NEUTRAL_UPGRADES", {**schema.NEUTRAL_UPGRADES, **steps})
    writer = _role("redactrice")
    pg_server.create_role(writer, can_write=True)
    with pytest.raises(UpgradeNeedsOwnerError, match="open it once as its owner"):
        TeamWorkspace.open(pg_server.url(key, user=writer))
    with TeamWorkspace.open(ws.location) as upgraded:
        assert upgraded.schema_version == 6
    assert pg_server.execute(f"SELECT count(velocity) FROM {schema_of}.risks") == [(0,)]
    with TeamWorkspace.open(pg_server.url(key, user=writer)) as theirs:  # the new table came with their rights
        assert not theirs.read_only
        with theirs.writing() as conn:
            conn.exec_driver_sql("INSERT INTO notes (text) VALUES ('ajoutée par la rédactrice')")


def test_only_a_role_with_create_on_the_database_makes_an_engagement(pg_server) -> None:  # noqa: ANN001
    writer, owner = _role("redacteur"), _role("proprietaire")
    pg_server.create_role(writer, can_write=True)
    pg_server.create_role(owner, can_write=True)
    pg_server.execute(f'GRANT CREATE ON DATABASE caio TO "{owner}"')
    refused = pg_server.url(user=writer)
    with pytest.raises(CreateRefusedError, match=f"role '{writer}' may not create engagements"):
        TeamWorkspace.create(refused, client="Mutuelle du Littoral")
    with pytest.raises(EngagementNotFoundError):  # nothing was left behind
        TeamWorkspace.open(refused)
    with TeamWorkspace.create(pg_server.url(user=owner), client="Mutuelle du Littoral") as ws:
        assert ws.role == owner and not ws.read_only and ws.engagement().client_name == "Mutuelle du Littoral"
