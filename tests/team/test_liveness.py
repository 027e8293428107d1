"""A pooled server connection that died while idle (server restarted, laptop slept) is replaced at its
next use instead of failing the page; one used a moment ago is reused without a round trip."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from caio_desktop.team import liveness
from caio_desktop.workspace.queries import counts


def _backend_pid(workspace: Any) -> int:
    with workspace.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_connection_killed_while_idle_is_replaced_at_the_next_read(team_workspace, pg_server, monkeypatch) -> None:
    first = _backend_pid(team_workspace)
    pg_server.execute(f"SELECT pg_terminate_backend({first})")  # what a server restart does to it
    monkeypatch.setattr(liveness, "IDLE_PING_S", 0.0)  # as if it had sat in the pool long enough

    assert counts(team_workspace)["phases"] == 4  # the page reads: no error reaches the user
    assert _backend_pid(team_workspace) != first


def test_a_connection_used_a_moment_ago_is_reused(team_workspace) -> None:
    first = _backend_pid(team_workspace)
    counts(team_workspace)
    assert _backend_pid(team_workspace) == first


def test_the_server_address_asks_libpq_to_notice_a_silent_server(team_workspace) -> None:
    with team_workspace.engine.connect() as conn:
        options = conn.connection.dbapi_connection.info.get_parameters()
    assert options.get("keepalives") == "1"
    assert options.get("tcp_user_timeout") == "30000"
