"""The background integrity check: every page read on its own read-only connection; only damage is
reported as damage, and it gives way to the app's writes and to closing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from caio_desktop.ui.shell.integrity import IntegrityCheck, problems
from caio_desktop.workspace.workspace import Workspace
from tests.ui.shell.test_files import _deeply_damaged


def _healthy(tmp_path: Path) -> Path:
    path = tmp_path / "saine.caio"
    Workspace.create(path, client="Clinique du Lac", language="fr", start=dt.date(2026, 1, 5)).close()
    return path


def test_a_healthy_file_has_no_problem_and_a_damaged_one_says_where(tmp_path: Path) -> None:
    healthy = _healthy(tmp_path)
    before = healthy.read_bytes()
    assert problems(healthy) == []
    assert healthy.read_bytes() == before  # read-only
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    found = problems(damaged)
    assert found and any("page" in line or "malformed" in line or "corrupt" in line for line in found)


def test_a_busy_or_missing_file_is_not_called_damaged(tmp_path: Path, monkeypatch) -> None:
    from caio_desktop.workspace import engine

    assert problems(tmp_path / "absente.caio") is None
    healthy = _healthy(tmp_path)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    writer = sqlite3.connect(healthy, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")  # another writer holds the file
        assert problems(healthy) is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    assert problems(damaged, give_way=lambda: True) is None  # gave way at once: not known either way


def test_the_check_reports_through_its_signal(qtbot, tmp_path: Path) -> None:
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    check = IntegrityCheck(damaged, None, lambda: 0)
    with qtbot.waitSignal(check.checked, timeout=20_000) as signal:
        check.start()
    check.wait()
    assert signal.args[0] == str(damaged) and signal.args[1]


def test_a_write_of_the_app_postpones_the_check_and_a_cancelled_one_says_nothing(qtbot, tmp_path: Path) -> None:
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    writes = iter(range(1_000_000))  # a write begins between every two looks of the check
    check = IntegrityCheck(damaged, None, lambda: next(writes))
    with qtbot.waitSignal(check.postponed, timeout=20_000):
        check.start()
    check.wait()
    quiet = IntegrityCheck(damaged, None, lambda: 0)
    heard: list = []
    quiet.checked.connect(lambda *args: heard.append(args))
    quiet.postponed.connect(lambda *args: heard.append(args))
    quiet.cancel()  # before it runs: it gives way at SQLite's first look
    quiet.start()
    quiet.wait()
    qtbot.wait(50)
    assert heard == []
