"""Issue 21, point 1: a damaged workspace is never written to nor snapshotted, and the way back stays.

Reproduced as reported: a demo workspace with a good snapshot, bytes of an index changed until `caio
check` fails ("row … missing from index ix_audit_log_at") while the file still opens (opening reads only
each table's root page). Before the fix `caio import` succeeded, took its snapshots of the damaged file
and, after the rotation, `caio restore --from latest` found no good snapshot.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace, soundness
from caio_desktop.workspace.errors import CorruptFileError
from caio_desktop.workspace.snapshots import list_snapshots, rotate, snapshot_problem, take_snapshot

CAIO = [sys.executable, "-m", "caio_desktop.cli"]


def caio(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CAIO, *map(str, args)], capture_output=True, text=True, timeout=120)


def damage_an_index(path: Path) -> None:
    """Change one digit of a timestamp in a leaf page of `ix_audit_log_at`: the table is intact (the file
    opens, registers read), the index no longer matches it (integrity_check fails)."""
    connection = sqlite3.connect(path)
    try:
        page = connection.execute("SELECT pageno FROM dbstat WHERE name = 'ix_audit_log_at' "
                                  "AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    at = data.find(b"20", (page - 1) * size, page * size)
    assert at > 0
    data[at + 3] = ord("9") if data[at + 3] != ord("9") else ord("8")
    path.write_bytes(bytes(data))


def sheet(folder: Path) -> Path:
    path = folder / "risques.csv"
    path.write_text("Titre;Probabilité;Impact\nDérive du modèle;2;3\n", encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged_demo(demo_file: Path) -> Path:
    """The demo workspace with one good snapshot, then damaged in an index."""
    assert caio("snapshot", demo_file).returncode == 0
    damage_an_index(demo_file)
    return demo_file


def test_an_import_into_a_damaged_workspace_is_refused_and_the_restore_still_works(damaged_demo: Path,
                                                                                  tmp_path: Path) -> None:
    checked = caio("check", damaged_demo)
    assert checked.returncode == 1 and "missing from index ix_audit_log_at" in checked.stdout
    snapshots_before = sorted(p.name for p in damaged_demo.with_name("demo.snapshots").iterdir())
    before = digest(damaged_demo)

    refused = caio("import", damaged_demo, sheet(tmp_path), "--into", "risks", "--auto")

    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("caio: error: ") and "Traceback" not in refused.stderr
    assert "damaged" in lines[0] and "nothing was written and no snapshot taken" in lines[0]
    assert f"caio restore {damaged_demo} --from latest" in lines[0]
    assert digest(damaged_demo) == before
    assert sorted(p.name for p in damaged_demo.with_name("demo.snapshots").iterdir()) == snapshots_before

    restored = caio("restore", damaged_demo, "--from", "latest")
    assert restored.returncode == 0, restored.stderr
    assert caio("check", damaged_demo).returncode == 0
    imported = caio("import", damaged_demo, sheet(tmp_path), "--into", "risks", "--auto")
    assert imported.returncode == 0 and "imported 1" in imported.stdout


def test_no_snapshot_is_taken_of_a_damaged_workspace(damaged_demo: Path) -> None:
    listed = list_snapshots(damaged_demo)
    refused = caio("snapshot", damaged_demo)
    assert refused.returncode == 1 and "damaged" in refused.stderr and "caio restore" in refused.stderr
    assert list_snapshots(damaged_demo) == listed
    with Workspace.open(damaged_demo) as ws:  # the app: the daily snapshot and every operation refuse too
        with pytest.raises(CorruptFileError):
            take_snapshot(ws)
        with pytest.raises(CorruptFileError):
            create_row(ws, "watch", {"title": "Veille"})
    assert list_snapshots(damaged_demo) == listed


def test_the_app_offers_the_restore_when_the_days_first_snapshot_finds_damage(damaged_demo: Path) -> None:
    """The first open of the day takes a snapshot: of a damaged file it refuses to open, offering the
    latest good snapshot (the file controller's remedy)."""
    shutil.rmtree(damaged_demo.with_name("demo.snapshots"))
    good = damaged_demo.with_name("copy.caio")
    with pytest.raises(CorruptFileError) as caught:
        Workspace.open(damaged_demo, daily_snapshot=True)
    assert caught.value.remedies and "ix_audit_log_at" in str(caught.value)
    assert not list_snapshots(damaged_demo) and not good.exists()


def test_rotation_never_deletes_the_last_good_snapshot(workspace: Workspace) -> None:
    good = take_snapshot(workspace, reason="good")
    for n in range(3):  # newer snapshots, damaged (as a crash or a disk could leave them)
        bad = take_snapshot(workspace, reason=f"bad{n}")
        bad.write_bytes(bad.read_bytes()[:4096] + b"\x00" * (bad.stat().st_size - 4096))
    assert all(snapshot_problem(s.path) for s in list_snapshots(workspace.path)[:3])
    removed = rotate(workspace.path, keep=2)
    names = [s.path for s in list_snapshots(workspace.path)]
    assert good in names and good not in removed and len(names) == 3
    # With a good one among the kept, the rotation keeps exactly `keep`.
    take_snapshot(workspace, reason="new", keep=2)
    assert len(list_snapshots(workspace.path)) == 2


def test_a_clean_file_is_vouched_for_without_a_full_check(workspace_file: Path, monkeypatch) -> None:
    """Opening stays fast: a file closed cleanly by us is exactly its recorded state, so its first
    write runs no integrity check; a file without a matching record (this one was copied without its
    folder, as a file mailed alone is) gets one check, once."""
    checks: list[int] = []
    real = soundness.integrity_problem
    monkeypatch.setattr(soundness, "integrity_problem", lambda c: checks.append(1) or real(c))
    assert not soundness.vouched(workspace_file)
    with Workspace.open(workspace_file) as ws:
        create_row(ws, "watch", {"title": "Veille 1"})
        create_row(ws, "watch", {"title": "Veille 2"})
    assert checks == [1] and soundness.vouched(workspace_file)  # checked once, recorded at close
    with Workspace.open(workspace_file) as ws:
        create_row(ws, "watch", {"title": "Veille 3"})
    assert checks == [1]
    with Workspace.open(workspace_file) as ws:  # a session that only reads checks nothing
        assert ws.engagement().client_name
    assert checks == [1]
    data = bytearray(workspace_file.read_bytes())  # one byte changed behind our back
    data[-1] ^= 1
    workspace_file.write_bytes(bytes(data))
    with Workspace.open(workspace_file) as ws:
        create_row(ws, "watch", {"title": "Veille 4"})
    assert checks == [1, 1]


def test_a_new_workspace_is_vouched_for(tmp_path: Path) -> None:
    path = tmp_path / "nouvelle.caio"
    Workspace.create(path, client="Mutuelle des Alpes").close()
    assert soundness.vouched(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nouvelle.caio", "nouvelle.snapshots"]
    assert caio("demo", tmp_path / "demo.caio").returncode == 0  # built under a temporary name: no stray folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.caio", "demo.snapshots", "nouvelle.caio",
                                                          "nouvelle.snapshots"]
    assert soundness.vouched(tmp_path / "demo.caio")


def test_a_passing_check_is_recorded(workspace_file: Path) -> None:
    assert not soundness.vouched(workspace_file)  # copied without its record
    assert caio("check", workspace_file).returncode == 0
    assert soundness.vouched(workspace_file)
    assert oct(soundness.record_path(workspace_file).stat().st_mode & 0o777) == "0o600"
