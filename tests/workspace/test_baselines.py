"""Baselines: marked snapshots, kept by rotation, found by name; the words for states (`resolve_state`)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.baselines import find_baseline, latest_baseline, list_baselines, mark_baseline
from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.snapshots import list_snapshots, snapshot_dir, take_snapshot
from caio_desktop.workspace.states import available_states, resolve_state


def test_mark_list_and_find(workspace: Workspace) -> None:
    assert latest_baseline(workspace.path) is None
    first = mark_baseline(workspace, name="  COPIL   2 ", date=dt.date(2026, 2, 10))
    second = mark_baseline(workspace, name="COPIL 3", date=dt.date(2026, 3, 12))
    assert first.name == "COPIL 2" and first.exists and first.snapshot.parent == snapshot_dir(workspace.path)
    assert [b.title for b in list_baselines(workspace.path)] == ["COPIL 3 (2026-03-12)", "COPIL 2 (2026-02-10)"]
    assert latest_baseline(workspace.path) == second
    assert find_baseline(workspace.path, "copil 2") == first
    record = snapshot_dir(workspace.path) / "baselines.json"
    if os.name == "posix":
        assert stat.S_IMODE(record.stat().st_mode) == 0o600


def test_names_are_required_and_unique(workspace: Workspace) -> None:
    mark_baseline(workspace, name="COPIL 1")
    with pytest.raises(ValidationError, match="already the name"):
        mark_baseline(workspace, name="copil 1")
    with pytest.raises(ValidationError, match="required"):
        mark_baseline(workspace, name="  ")


def test_mark_an_existing_snapshot_only_of_this_workspace(workspace: Workspace, tmp_path: Path) -> None:
    snapshot = take_snapshot(workspace)
    baseline = mark_baseline(workspace, name="Lancement", date=dt.date(2026, 1, 5), snapshot=snapshot)
    assert baseline.snapshot == snapshot
    stranger = tmp_path / "elsewhere.caio"
    stranger.write_bytes(snapshot.read_bytes())
    with pytest.raises(ValidationError, match="is not a snapshot of"):
        mark_baseline(workspace, name="Autre", snapshot=stranger)


def test_rotation_keeps_baselines(workspace: Workspace) -> None:
    baseline = mark_baseline(workspace, name="COPIL 1")
    for _ in range(4):
        take_snapshot(workspace, keep=2)
    names = [s.path.name for s in list_snapshots(workspace.path)]
    assert baseline.snapshot.name in names and len(names) == 3  # two newest plus the baseline


def test_resolve_states(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="no baseline or snapshot"):
        resolve_state(workspace.path, None)
    plain = take_snapshot(workspace)
    assert resolve_state(workspace.path, None).path == plain  # no baseline: the newest snapshot
    baseline = mark_baseline(workspace, name="COPIL 3", date=dt.date(2026, 3, 12))
    newest = take_snapshot(workspace)
    assert resolve_state(workspace.path, None).name == "COPIL 3 (2026-03-12)"
    assert resolve_state(workspace.path, "latest").path == newest
    assert resolve_state(workspace.path, "now").path == workspace.path
    assert resolve_state(workspace.path, "copil 3").path == baseline.snapshot
    assert resolve_state(workspace.path, plain.name).path == plain
    assert resolve_state(workspace.path, str(plain)).kind == "snapshot"
    with pytest.raises(WorkspaceError, match="no such baseline or snapshot \\(baselines: COPIL 3"):
        resolve_state(workspace.path, "COPIL 9")
    assert [s.kind for s in available_states(workspace.path)] == ["now", "baseline", "snapshot", "snapshot"]
    baseline.snapshot.unlink()
    with pytest.raises(WorkspaceError, match="is missing"):
        resolve_state(workspace.path, "COPIL 3")
