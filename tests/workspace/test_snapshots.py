"""Snapshots: consistent copies in rotation beside the file, restore with a safety copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.errors import WorkspaceError, WorkspaceLockedError
from caio_desktop.workspace.queries import count_rows
from caio_desktop.workspace.snapshots import list_snapshots, restore, rotate, snapshot_dir, take_snapshot


def test_snapshot_is_an_openable_workspace_and_restore_brings_it_back(workspace) -> None:
    create_row(workspace, "risks", {"title": "Biais", "likelihood": 3, "impact": 3})
    snap = take_snapshot(workspace, reason="avant import")
    assert snap.parent == snapshot_dir(workspace.path)
    assert snap.stat().st_mode & 0o777 == 0o600
    create_row(workspace, "risks", {"title": "Dérive", "likelihood": 3, "impact": 3})
    path = workspace.path
    with pytest.raises(WorkspaceLockedError):
        restore(path, snap)  # never replace a file that is open
    workspace.close()

    safety = restore(path, snap)
    with Workspace.open(path) as restored:
        assert count_rows(restored, "risks") == 1
    with Workspace.open(safety) as kept:
        assert count_rows(kept, "risks") == 2
    reasons = [s.reason for s in list_snapshots(path)]
    assert reasons[:2] == ["before-restore", "avant-import"]


def test_rotation_keeps_the_newest(workspace) -> None:
    for n in range(5):
        take_snapshot(workspace, reason=f"n{n}", keep=3)
    kept = list_snapshots(workspace.path)
    assert [s.reason for s in kept] == ["n4", "n3", "n2"]
    assert rotate(workspace.path, keep=1) and len(list_snapshots(workspace.path)) == 1


def test_damaged_snapshot_is_refused(workspace, tmp_path: Path) -> None:
    snap = take_snapshot(workspace)
    workspace.close()
    snap.write_bytes(b"garbage")
    with pytest.raises(WorkspaceError):
        restore(workspace.path, snap)
    with Workspace.open(workspace.path) as ws:
        assert ws.engagement().client_name == "Assurances du Rhône"


def test_a_backup_that_fails_leaves_neither_the_target_nor_its_temporary_file(tmp_path) -> None:
    import sqlite3

    import pytest

    from caio_desktop.workspace.snapshots import backup_into

    source = sqlite3.connect(tmp_path / "source.db")
    source.close()  # a backup from a closed connection fails half way
    target, tmp = tmp_path / "copie.caio", tmp_path / ".copie.caio.part"
    with pytest.raises(sqlite3.ProgrammingError):
        backup_into(source, target, tmp)
    assert not target.exists() and not tmp.exists()
