"""The background integrity check: every page read, on its own read-only connection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from caio_desktop.ui.shell.integrity import IntegrityCheck, problems
from caio_desktop.workspace.workspace import Workspace
from tests.ui.shell.test_files import _deeply_damaged


def test_a_healthy_file_has_no_problem_and_a_damaged_one_says_where(tmp_path: Path) -> None:
    healthy = tmp_path / "saine.caio"
    Workspace.create(healthy, client="Clinique du Lac", language="fr", start=dt.date(2026, 1, 5)).close()
    before = healthy.read_bytes()
    assert problems(healthy) == []
    assert healthy.read_bytes() == before  # read-only
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    found = problems(damaged)
    assert found and any("page" in line or "malformed" in line or "corrupt" in line for line in found)
    assert problems(tmp_path / "absente.caio")  # cannot be read: said, not raised


def test_the_check_reports_through_its_signal(qtbot, tmp_path: Path) -> None:
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    check = IntegrityCheck(damaged, None)
    with qtbot.waitSignal(check.checked, timeout=20_000) as signal:
        check.start()
    check.wait()
    assert signal.args[0] == str(damaged) and signal.args[1]


def test_a_cancelled_check_says_nothing(qtbot, tmp_path: Path) -> None:
    damaged = tmp_path / "abimee.caio"
    _deeply_damaged(damaged)
    check = IntegrityCheck(damaged, None)
    heard: list = []
    check.checked.connect(lambda *args: heard.append(args))
    check.cancel()  # before it runs: its connection is interrupted as soon as it exists
    check.start()
    check.wait()
    qtbot.wait(50)
    assert heard == []
