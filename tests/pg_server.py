"""The throw-away PostgreSQL server of the test session (a pytest plugin, registered in conftest.py).

- `pg_server`: the session's server (caio_desktop.team.testserver), started on first use and stopped at
  the end (also on Ctrl-C: the session's teardown, and atexit behind it). `.url(key)`, `.admin_url`,
  `.create_role(name, password=…, can_write=…)`, `.grant(role, key, can_write)`. When it cannot be
  started the tests that need it skip, naming why — except under CI=true, where they fail.
- `team_url`: the URL of an engagement key nobody used yet.
- `team_workspace`: an open, empty engagement on the server with the `workspace` fixture's content.
- `any_workspace`: parametrised over `engine` ∈ {file, postgres}: the `workspace` fixture or
  `team_workspace`, so that one test runs on both engines.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterator
from typing import Any

import pytest

ENGINES = ("file", "postgres")
_keys = itertools.count(1)


class PgServer:
    """The session's server, as the tests use it (a thin face over ThrowAwayServer)."""

    def __init__(self, server: Any) -> None:
        self.server = server

    @property
    def admin_url(self) -> str:
        return self.server.admin_url

    @property
    def port(self) -> int:
        return self.server.port

    def new_key(self, stem: str = "mission") -> str:
        return f"{stem}-{os.getpid()}-{next(_keys)}"

    def url(self, key: str | None = None, *, user: str | None = None, password: str | None = None) -> str:
        """The URL of engagement `key` (a fresh key when None), as the superuser or `user`."""
        from caio_desktop.team.testserver import SUPERUSER

        return self.server.url(key or self.new_key(), user=user or SUPERUSER, password=password)

    def create_role(self, name: str, *, password: str | None = None, can_write: bool) -> None:
        self.server.create_role(name, password=password, can_write=can_write)

    def grant(self, role: str, key: str, can_write: bool) -> None:
        self.server.grant(role, key, can_write)

    def revoke(self, role: str, key: str) -> None:
        self.server.revoke(role, key)

    def execute(self, sql: str) -> list[tuple]:
        return self.server.execute(sql)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the throw-away PostgreSQL server is needed under CI: {reason}", pytrace=False)
    pytest.skip(f"no throw-away PostgreSQL server: {reason}")


_started: list[Any] = []
_failed: list[str] = []


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's throw-away server (started once; a failure to start is remembered, not retried)."""
    if _failed:
        _unavailable(_failed[0])
    try:
        import psycopg  # noqa: F401

        from caio_desktop.team.testserver import ServerUnavailable, ThrowAwayServer
    except ImportError as exc:
        _failed.append(f"psycopg is not installed ({exc})")
        _unavailable(_failed[0])
    try:
        server = ThrowAwayServer.start()
    except ServerUnavailable as exc:
        _failed.append(str(exc))
        _unavailable(str(exc))
    _started.append(server)
    try:
        yield PgServer(server)
    finally:
        server.stop()


@pytest.fixture
def team_url(pg_server: PgServer) -> str:
    """The URL of an engagement key not used yet on the server (as its superuser)."""
    return pg_server.url()


@pytest.fixture
def team_workspace(team_url: str) -> Iterator[Any]:
    """An open, empty engagement on the server: French, 12 months from 2026-01-05 (as `workspace`)."""
    from caio_desktop.team.workspace import TeamWorkspace

    ws = TeamWorkspace.create(team_url, client="Assurances du Rhône", language="fr", start=dt.date(2026, 1, 5),
                              months=12, sector="Assurance", consultant="Camille Durand")
    yield ws
    ws.close()


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test runs on: a `.caio` file or an engagement on the PostgreSQL server."""
    return request.param


@pytest.fixture
def any_workspace(engine: str, request: pytest.FixtureRequest) -> Any:
    """An open, empty engagement (French, 12 months from 2026-01-05) on `engine`."""
    return request.getfixturevalue("workspace" if engine == "file" else "team_workspace")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for server in _started:  # (the fixture's teardown did it; this is for an interrupted session)
        server.stop()
