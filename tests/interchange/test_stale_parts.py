"""Issue 21, point 5: the temporary file of a killed export is removed at the next export to its folder.

Reproduced first: `caio export --xlsx` killed while it writes leaves `.NAME.xlsx.XXXXXXXX.part` beside
the target (before the fix it stayed there for ever). The next export to that folder removes the parts
of ours that no live process holds and that are older than it, and nothing else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caio_desktop.interchange.atomic_file import atomic_output, remove_stale_parts

CAIO = [sys.executable, "-m", "caio_desktop.cli"]


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def kill_while_writing(command: list[str], folder: Path) -> bool:
    """Start `command`, SIGKILL it as soon as a part appears in `folder`; True when it was caught so."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if parts(folder):
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
    finally:
        process.wait()
    return process.returncode == -signal.SIGKILL


def test_a_killed_workbook_export_leaves_a_part_that_the_next_export_removes(demo_file: Path,
                                                                             tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "mission.xlsx"
    command = [*CAIO, "export", str(demo_file), "--xlsx", str(target)]
    assert any(kill_while_writing(command, out) for _ in range(5)), "the export was never caught writing"
    left = parts(out)
    assert len(left) == 1 and left[0].startswith(".mission.xlsx.") and not target.exists()

    done = subprocess.run(command, capture_output=True, text=True, timeout=180)

    assert done.returncode == 0, done.stderr
    assert parts(out) == [] and target.exists()


def old(path: Path, text: str = "") -> Path:
    path.write_text(text)
    past = time.time() - 7200
    os.utime(path, (past, past))
    return path


def test_only_our_stale_parts_are_removed(tmp_path: Path) -> None:
    stale_xlsx = old(tmp_path / ".registre.xlsx.k3j_9a2b.part")
    stale_pdf = old(tmp_path / ".Rapport de diagnostic.a1b2c3d4.pdf.part")  # the PDF writer's own name
    others = [old(tmp_path / "telechargement.pdf.part"), old(tmp_path / ".notes.part"),
              old(tmp_path / ".registre.xlsx.k3j_9a2b.partial")]
    fresh = tmp_path / ".autre.xlsx.zz99yy88.part"  # newer than this process: maybe being written now
    fresh.write_text("")
    with atomic_output(tmp_path / "registre.xlsx") as tmp:
        tmp.write_bytes(b"PK")
    assert not stale_xlsx.exists() and not stale_pdf.exists()
    assert all(p.exists() for p in [*others, fresh])
    assert (tmp_path / "registre.xlsx").read_bytes() == b"PK"


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_part_held_by_a_live_process_is_kept(tmp_path: Path) -> None:
    held = old(tmp_path / ".registre.xlsx.abcdefgh.part")
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR); "
                               "fcntl.flock(fd, fcntl.LOCK_EX); print('ready', flush=True); sys.stdin.read()",
                               str(held)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert remove_stale_parts(tmp_path) == [] and held.exists()
    finally:
        holder.communicate("", timeout=30)
    assert remove_stale_parts(tmp_path) == [held] and not held.exists()
