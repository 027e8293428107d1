"""The throw-away PostgreSQL server of the test session (a pytest plugin, registered in conftest.py).

- `pg_server`: the session's server (caio_desktop.team.testserver), started on first use and stopped at
  the end (also on Ctrl-C: the session's teardown, and atexit behind it). `.url(key)`, `.admin_url`,
  `.create_role(name, password=…, can_write=…)`, `.grant(role, key, can_write)`. When it cannot be
  started the tests that need it skip, naming why — except under CI=true, where they fail.
- `team_url`: the URL of an engagement key nobody used yet.
- `team_workspace`: an open, empty engagement on the server with the `workspace` fixture's content.
  Creating one costs ~0.5 s of DDL (39 tables and their indexes), so an engagement a test leaves as it
  found it in shape (same tables, columns, privileges and meta rows) is emptied and given its first rows
  again for the next test (`EngagementPool`): the same state a new engagement has, ids restarting at 1.
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
        self.granted: set[str] = set()  # keys whose privileges a test changed: never recycled
        self.pool = EngagementPool(self)

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
        self.granted.add(key)
        self.server.grant(role, key, can_write)

    def revoke(self, role: str, key: str) -> None:
        self.granted.add(key)
        self.server.revoke(role, key)

    def execute(self, sql: str) -> list[tuple]:
        return self.server.execute(sql)


NEW_ENGAGEMENT = {"client": "Assurances du Rhône", "language": "fr", "start": dt.date(2026, 1, 5), "months": 12,
                  "sector": "Assurance", "country": None, "consultant": "Camille Durand"}

# One row per table, view or sequence of a schema, with what a test could change about it: columns,
# privileges, kind; plus the meta table's rows. Equal fingerprints = the same shape as when it was new.
_SHAPE_SQL = """
SELECT coalesce(n.nspacl::text, '') || '|' || coalesce((
         SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || c.relnatts || ':'
                           || coalesce(c.relacl::text, ''), ',' ORDER BY c.relname)
         FROM pg_class c WHERE c.relnamespace = n.oid), '')
FROM pg_namespace n WHERE n.nspname = %(schema)s
"""


class EngagementPool:
    """Engagements that finished tests left in the shape a new one has, to be emptied and reused.

    Taking one deletes every row of its tables (foreign keys not checked: the whole schema is emptied
    in one transaction), restarts its sequences and writes the first rows a new engagement holds
    (team.workspace.write_first_rows, the code TeamWorkspace.create runs), so a test cannot tell it from
    a new one, except by its key. Giving one back checks its shape against the fingerprint taken when it
    was made; anything changed (a role granted, a column added, a version stamp rewritten, a session
    still holding a lock) and it is left alone on the server instead."""

    def __init__(self, server: PgServer) -> None:
        self.server = server
        self.idle: list[str] = []  # keys of engagements given back in shape
        self.shapes: dict[str, str] = {}  # key → its shape fingerprint when new

    def shape(self, conn: Any, schema: str) -> str:
        row = conn.execute(_SHAPE_SQL, {"schema": schema}).fetchone()
        meta = conn.execute(f'SELECT key, value FROM "{schema}".caio_meta ORDER BY key').fetchall()
        return f"{row[0] if row else ''}|{meta}"

    def take(self, url: str | None = None) -> Any:
        """An open TeamWorkspace holding exactly what a new engagement holds (a new one at `url` when
        given)."""
        from caio_desktop.team.workspace import TeamWorkspace

        while self.idle and url is None:
            key = self.idle.pop()
            url = self.server.url(key)
            if self._refill(url):
                return TeamWorkspace.open(url)
        workspace = TeamWorkspace.create(url or self.server.url(), **NEW_ENGAGEMENT)
        with self._connect() as conn:
            self.shapes[workspace.address.engagement] = self.shape(conn, workspace.address.schema)
        return workspace

    def give_back(self, workspace: Any) -> None:
        key, schema = workspace.address.engagement, workspace.address.schema
        if key in self.server.granted or key not in self.shapes:
            return
        try:
            with self._connect() as conn:
                if self.shape(conn, schema) == self.shapes[key]:
                    self.idle.append(key)
        except Exception:  # a test that dropped or broke it: not ours to reuse
            return

    def _refill(self, url: str) -> bool:
        from caio_desktop.team.address import TeamAddress
        from caio_desktop.team.server import team_engine
        from caio_desktop.team.workspace import write_first_rows

        address = TeamAddress.parse(url)
        engine = team_engine(address)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '2s'")
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")  # no FK checks
                tables = conn.exec_driver_sql(
                    "SELECT relname FROM pg_class WHERE relnamespace = %(s)s::regnamespace AND relkind = 'r' "
                    "AND relname <> 'caio_meta'", {"s": address.schema}).scalars().all()
                conn.exec_driver_sql(";".join(f'DELETE FROM "{address.schema}"."{t}"' for t in tables))
                conn.exec_driver_sql(
                    "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c "
                    "WHERE c.relnamespace = %(s)s::regnamespace AND c.relkind = 'S'", {"s": address.schema})
                conn.exec_driver_sql("SET LOCAL session_replication_role = origin")
                write_first_rows(conn, author=None, **NEW_ENGAGEMENT)
            return True
        except Exception:  # locked by a session a test left open, or changed in a way the shape missed
            return False
        finally:
            engine.dispose()

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.server.admin_url, autocommit=True)


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
def team_workspace(pg_server: PgServer, request: pytest.FixtureRequest) -> Iterator[Any]:
    """An open, empty engagement on the server: French, 12 months from 2026-01-05 (as `workspace`);
    a new one, or one a finished test left in shape, emptied and refilled (EngagementPool). A test that
    also asks for `team_url` gets its engagement at that URL (it opens it again by that address)."""
    ws = pg_server.pool.take(request.getfixturevalue("team_url") if "team_url" in request.fixturenames else None)
    yield ws
    ws.close()
    pg_server.pool.give_back(ws)


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
