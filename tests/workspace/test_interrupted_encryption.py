"""Issue 21, point 6: an encryption killed half-way is named by `caio check` and by the app.

A killed `caio encrypt` leaves the workspace plain with `.F.caio.encrypting` (and its journal) beside it
and, when it had got that far, snapshots already encrypted. Reproduced here with a real SIGKILL, then
with each leftover on its own; running the encryption again finishes it and leaves nothing behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from caio_desktop.workspace import Workspace  # noqa: E402
from caio_desktop.workspace.encryption import _replace_with_export, interrupted_encryption  # noqa: E402
from caio_desktop.workspace.snapshots import list_snapshots, take_snapshot  # noqa: E402

CAIO = [sys.executable, "-m", "caio_desktop.cli"]
MESSAGE = "an encryption was interrupted: run it again"


def caio(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CAIO, *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.fixture
def with_snapshots(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    with Workspace.open(demo_file) as ws:
        for n in range(4):
            take_snapshot(ws, reason=f"s{n}")
    secret = tmp_path / "secret.txt"
    secret.write_text("correct horse battery staple\n")
    return demo_file, secret


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if ".encrypting" in p.name)


def test_a_killed_encryption_is_named_and_running_it_again_finishes_it(with_snapshots: tuple[Path, Path]) -> None:
    path, secret = with_snapshots
    caught = False
    for _ in range(10):  # kill as soon as one snapshot is encrypted, before the workspace is
        process = subprocess.Popen([*CAIO, "encrypt", str(path), "--passphrase-file", str(secret)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if leftovers(path) or interrupted_encryption(path):
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.001)
        process.wait()
        if process.returncode == -signal.SIGKILL and interrupted_encryption(path):
            caught = True
            break
    if not caught:
        pytest.skip("this machine encrypted faster than the kill")

    checked = caio("check", path)
    assert checked.returncode == 1
    assert checked.stderr.strip().startswith(f"caio: error: {path}: {MESSAGE}"), checked.stderr
    assert "decrypt the snapshots" in checked.stderr and "caio restore" not in checked.stderr

    again = caio("encrypt", path, "--passphrase-file", secret)
    assert again.returncode == 0, again.stderr
    assert leftovers(path) == [] and interrupted_encryption(path) is None
    assert caio("check", path, "--passphrase-file", secret).returncode == 0


def test_encrypted_snapshots_beside_a_plain_workspace_are_named(with_snapshots: tuple[Path, Path]) -> None:
    path, _secret = with_snapshots
    assert interrupted_encryption(path) is None
    _replace_with_export(list_snapshots(path)[-1].path, passphrase=None, new="correct horse battery staple")
    assert MESSAGE in (interrupted_encryption(path) or "")
    checked = caio("check", path)
    assert checked.returncode == 1 and MESSAGE in checked.stderr


def test_a_half_built_encrypted_copy_is_named(with_snapshots: tuple[Path, Path]) -> None:
    path, _secret = with_snapshots
    path.with_name(f".{path.name}.encrypting-journal").write_bytes(b"\x00" * 512)
    assert MESSAGE in (interrupted_encryption(path) or "")
    assert MESSAGE in caio("check", path).stderr


REKEY_MESSAGE = "a change of passphrase was interrupted"


def test_a_change_of_passphrase_cut_short_is_named_by_check_and_finished_by_running_it_again(
        with_snapshots: tuple[Path, Path], tmp_path: Path) -> None:
    from caio_desktop.workspace.encryption import encrypt_workspace, interrupted_rekey
    from caio_desktop.workspace.engine import quote, raw_connect

    path, secret = with_snapshots
    old = "correct horse battery staple"
    encrypt_workspace(path, old)
    new_secret = tmp_path / "new.txt"
    new_secret.write_text("nouvelle phrase de passe\n")
    assert interrupted_rekey(path, old) is None
    # What a rekey killed after its first two snapshots leaves (snapshots go first, the workspace last).
    for snapshot in list_snapshots(path)[:2]:
        connection = raw_connect(snapshot.path, passphrase=old)
        connection.execute(f"PRAGMA rekey = {quote('nouvelle phrase de passe')}")
        connection.close()

    checked = caio("check", path, "--passphrase-file", secret)
    assert checked.returncode == 1
    assert checked.stderr.strip().startswith(f"caio: error: {path}: {REKEY_MESSAGE}: 2 of its snapshots"), \
        checked.stderr
    assert "caio rekey" in checked.stderr and "caio restore" not in checked.stderr

    again = caio("rekey", path, "--passphrase-file", secret, "--new-passphrase-file", new_secret)
    assert again.returncode == 0, again.stderr
    assert caio("check", path, "--passphrase-file", new_secret).returncode == 0
    assert interrupted_rekey(path, "nouvelle phrase de passe") is None
