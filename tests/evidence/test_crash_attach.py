"""Kill -9 during a 200 MB attach (issue 18): the real CLI is SIGKILLed while the bytes are being
written (from the first part to the last tenth); the workspace is then exactly as before (content fingerprint), passes `caio check`, and the
next command finds no journal left over. Style of tests/reliability/crash_harness.py."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from caio_desktop.operations import create_row
from caio_desktop.operations.settings import set_setting
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.check import check_workspace
from tests.reliability.crash_harness import CAIO, leftovers, state

pytestmark = pytest.mark.crash
SIZE = 200 * 1024 * 1024


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "scan.bin"
    block = os.urandom(1 << 20)
    with open(path, "wb") as out:
        for i in range(SIZE >> 20):
            out.write(block[i:] + block[:i])  # distinct chunks, cheap to make
    return path


def _prepare(path: Path) -> int:
    with Workspace.open(path) as ws:
        risk = create_row(ws, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]
        set_setting(ws, "evidence_limit_mb", 500)
    return risk


def _start(path: Path, risk: int, large_file: Path) -> subprocess.Popen:
    """The attach, once its write transaction has begun (its journal exists)."""
    journal = path.with_name(path.name + "-journal")
    process = subprocess.Popen([*CAIO, "attach", str(path), f"risks:{risk}", str(large_file)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    return process


# The kill lands once this share of the file's bytes has reached the workspace file (its size, which
# SQLite grows as it writes): a point in the write whatever the machine's speed, where a share of the
# time would land after the commit on a fast run. 0.9: most bytes flushed to disk already.
@pytest.mark.parametrize("share", [0.0, 0.3, 0.6, 0.9])
def test_kill_during_a_large_attach_leaves_the_workspace_as_before(workspace_file: Path, large_file: Path,
                                                                    share: float) -> None:
    risk = _prepare(workspace_file)
    before = state(workspace_file)
    grown = workspace_file.stat().st_size + share * SIZE
    process = _start(workspace_file, risk, large_file)
    while process.poll() is None and workspace_file.stat().st_size < grown:
        time.sleep(0.001)
    writing = process.poll() is None and workspace_file.with_name(workspace_file.name + "-journal").exists()
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert writing, "the attach had committed before the kill"
    assert check_workspace(workspace_file) == []  # (rolls the hot journal back, as the next open would)
    assert state(workspace_file) == before
    with Workspace.open(workspace_file) as ws, ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM evidence_parts").scalar_one() == 0
    assert not leftovers(workspace_file.parent)
