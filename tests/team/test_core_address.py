"""Engagement addresses: what is accepted, what is refused with which words, and that the password
never shows."""

from __future__ import annotations

import pytest

from caio_desktop.team.address import TeamAddress, check_key, is_team_address, schema_name
from caio_desktop.team.errors import TeamAddressError
from caio_desktop.workspace import open_workspace


def test_an_address_names_server_database_and_engagement() -> None:
    address = TeamAddress.parse("postgresql://anne@db.cabinet.fr:5433/caio?engagement=assurances-rhone&sslmode=require")
    assert (address.user, address.host, address.port, address.database, address.engagement) == (
        "anne", "db.cabinet.fr", 5433, "caio", "assurances-rhone")
    assert address.schema == "caio_assurances_rhone"
    assert address.display == "postgresql://anne@db.cabinet.fr:5433/caio?engagement=assurances-rhone&sslmode=require"


def test_the_password_is_kept_to_connect_but_never_shown() -> None:
    address = TeamAddress.parse("postgresql://anne:s3cr%3At@db/caio?engagement=acme")
    assert address.password == "s3cr:t"
    for shown in (address.display, str(address), repr(address), address.server):
        assert "s3cr" not in shown
    assert address.without_password().password is None


@pytest.mark.parametrize(("text", "expected"), [
    ("postgresql://u@h/db?engagement=a", True), ("POSTGRES://h/db", True), ("postgresql+psycopg://h/d", True),
    ("mission.caio", False), ("/home/anne/postgresql/mission.caio", False), ("C:/missions/a.caio", False),
    ("mysql://h/db", False), (None, False),
])
def test_addresses_are_told_from_file_paths(text: object, expected: bool) -> None:
    assert is_team_address(text) is expected


@pytest.mark.parametrize(("key", "words"), [
    ("", "empty"), ("Acme", "'A'"), ("acme corp", "' '"), ("été", "'é'"), ("-acme", "start with"),
    ("a" * 41, "41 characters"), ("acme;drop", "';'"),
])
def test_a_key_that_cannot_name_a_schema_is_refused_saying_why(key: str, words: str) -> None:
    with pytest.raises(TeamAddressError, match=words):
        check_key(key)


def test_keys_map_to_schemas() -> None:
    assert schema_name("mission-2026_q1") == "caio_mission_2026_q1" and schema_name("a" * 40) == "caio_" + "a" * 40


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql://anne@db/caio", "engagement key is empty"),
    ("postgresql://anne@db/?engagement=a", "names no database"),
    ("postgresql://anne@db:port/caio?engagement=a", "cannot be read"),
    ("postgresql://db/caio?engagement=a&engagement=b", "more than one"),
    ("postgresql://db/caio?engagement=a&password=x", "~/.pgpass"),
])
def test_unusable_addresses_are_refused_without_repeating_them(url: str, words: str) -> None:
    with pytest.raises(TeamAddressError, match=words) as caught:
        TeamAddress.parse(url)
    assert "anne" not in str(caught.value)  # (the address may hold a password: it is not echoed)


def test_open_workspace_takes_a_file_or_an_address(workspace_file, team_workspace) -> None:  # noqa: ANN001
    with open_workspace(workspace_file) as ws:
        assert ws.path == workspace_file and ws.engagement().client_name == "Assurances du Rhône"
    with open_workspace(team_workspace.location, read_only=True) as ws:
        assert ws.path is None and ws.read_only and ws.engagement().client_name == "Assurances du Rhône"
