"""The throw-away server itself: it starts in a folder of its own on a free port, goes away with that
folder when stopped, and a missing server skips the tests that need it — or fails them under CI."""

from __future__ import annotations

import socket

import pytest

from caio_desktop.team.testserver import ServerUnavailable, ThrowAwayServer, find_bin_dir


def test_a_second_server_runs_beside_the_sessions_and_leaves_nothing(pg_server) -> None:  # noqa: ANN001
    server = ThrowAwayServer.start()
    try:
        assert server.port != pg_server.port and server.data_dir.is_dir()
        assert server.execute("SELECT current_user, current_setting('fsync')") == [("caio", "off")]
        assert server.execute("SELECT inet_server_addr()::text") == [("127.0.0.1/32",)]
    finally:
        server.stop()
    assert not server.root.exists()
    with socket.socket() as probe:  # nothing listens there any more
        assert probe.connect_ex(("127.0.0.1", server.port)) != 0
    server.stop()  # (twice is harmless: the session's end and atexit may both do it)


def test_without_postgresql_the_reason_is_given(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setenv("CAIO_PG_BIN", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("glob.glob", lambda pattern: [])
    with pytest.raises(ServerUnavailable, match="ensure-postgres.sh"):
        find_bin_dir()


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_a_missing_server_skips_except_under_ci(monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type) -> None:
    from tests import pg_server

    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="initdb was not found"):
        pg_server._unavailable("initdb was not found")


def test_a_server_left_by_a_killed_run_is_stopped_by_the_next(pg_server) -> None:  # noqa: ANN001
    import signal
    import subprocess
    import sys
    from pathlib import Path

    starter = subprocess.Popen(
        [sys.executable, "-c", "import time; from caio_desktop.team.testserver import ThrowAwayServer; "
         "s = ThrowAwayServer.start(); print(s.root, s.port, flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True)
    try:
        root_text, port = starter.stdout.readline().split()
    finally:
        starter.send_signal(signal.SIGKILL)  # no atexit, no finalizer: the server is left running
        starter.wait()
    left = Path(root_text)
    assert left.is_dir()
    server = ThrowAwayServer.start()
    server.stop()
    assert not left.exists()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", int(port))) != 0
