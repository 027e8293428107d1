"""Automatic snapshots: once a day of use, before every import (and before every upgrade, see
tests/workspace/test_upgrades.py), kept in a rotation whose length the workspace's settings choose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from caio_desktop.cli import main
from caio_desktop.operations import create_row
from caio_desktop.operations.settings import set_setting
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.digest import content_hash
from caio_desktop.workspace.queries import count_rows
from caio_desktop.workspace.snapshots import DEFAULT_KEEP, list_snapshots, take_snapshot


def age(snapshot: Path, days: int) -> Path:
    """Rename a snapshot as if it had been taken `days` ago (its name is its timestamp)."""
    stamp, rest = snapshot.name[:22], snapshot.name[22:]
    older = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f") - dt.timedelta(days=days)
    target = snapshot.with_name(older.strftime("%Y%m%d-%H%M%S-%f") + rest)
    snapshot.rename(target)
    return target


def test_first_open_of_the_day_takes_one_snapshot(workspace_file: Path) -> None:
    with Workspace.open(workspace_file, daily_snapshot=True) as ws:
        create_row(ws, "watch", {"title": "AI Act: lignes directrices GPAI"})
    with Workspace.open(workspace_file, daily_snapshot=True):
        pass
    assert [s.reason for s in list_snapshots(workspace_file)] == ["daily"]
    with Workspace.open(workspace_file) as ws:  # the plain open (tests, tools) takes none
        assert count_rows(ws, "watch") == 1
    assert len(list_snapshots(workspace_file)) == 1


def test_a_new_day_takes_a_new_snapshot_holding_the_previous_work(workspace_file: Path) -> None:
    with Workspace.open(workspace_file, daily_snapshot=True) as ws:
        create_row(ws, "watch", {"title": "veille lundi"})
    age(list_snapshots(workspace_file)[0].path, days=1)
    with Workspace.open(workspace_file, daily_snapshot=True) as ws:
        create_row(ws, "watch", {"title": "veille mardi"})
    snapshots = list_snapshots(workspace_file)
    assert [s.reason for s in snapshots] == ["daily", "daily"]
    with Workspace.open(snapshots[0].path, read_only=True) as today:
        assert count_rows(today, "watch") == 1  # the state in which Tuesday began


def test_read_only_open_takes_no_snapshot(workspace_file: Path) -> None:
    with Workspace.open(workspace_file, read_only=True, daily_snapshot=True):
        pass
    assert list_snapshots(workspace_file) == []


def test_rotation_length_comes_from_the_workspace_setting(workspace) -> None:
    for n in range(DEFAULT_KEEP + 2):
        take_snapshot(workspace, reason=f"n{n}")
    assert len(list_snapshots(workspace.path)) == DEFAULT_KEEP
    set_setting(workspace, "snapshot_keep", 3)
    take_snapshot(workspace, reason="after-setting")
    assert [s.reason for s in list_snapshots(workspace.path)] == ["after-setting", f"n{DEFAULT_KEEP + 1}",
                                                                  f"n{DEFAULT_KEEP}"]


def test_cli_snapshot_follows_the_setting_and_writing_commands_take_the_daily(workspace_file: Path,
                                                                              capsys) -> None:
    with Workspace.open(workspace_file) as ws:
        set_setting(ws, "snapshot_keep", 2)
    for reason in ("a", "b", "c"):
        assert main(["snapshot", str(workspace_file), "--reason", reason]) == 0
    assert [s.reason for s in list_snapshots(workspace_file)] == ["c", "b"]
    assert main(["info", str(workspace_file)]) == 0  # reading takes none
    assert [s.reason for s in list_snapshots(workspace_file)] == ["c", "b"]
    for snap in list_snapshots(workspace_file):
        age(snap.path, days=2)
    assert main(["new", str(workspace_file.with_name("other.caio")), "--client", "Autre"]) == 0
    assert list_snapshots(workspace_file)[0].reason == "c"  # another file's commands take none here
    assert main(["checklist", str(workspace_file)]) == 0  # a command that writes
    assert list_snapshots(workspace_file)[0].reason == "daily"
    capsys.readouterr()


def test_cli_import_snapshots_the_state_before_it(workspace_file: Path, tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "risques.csv"
    sheet.write_text("Titre;Probabilité;Impact\nBiais du modèle de scoring;3;4\nFuite de données;2;5\n",
                     encoding="utf-8")
    before = content_hash(workspace_file)
    assert main(["import", str(workspace_file), str(sheet), "--into", "risks", "--auto"]) == 0
    snapshot = next(s for s in list_snapshots(workspace_file) if s.reason == "before-import")
    assert content_hash(snapshot.path) == before
    with Workspace.open(workspace_file) as ws:
        assert count_rows(ws, "risks") == 2
    capsys.readouterr()


def test_a_half_written_snapshot_left_by_a_crash_is_cleared_later(workspace) -> None:
    import os
    import time

    from caio_desktop.workspace.files import lock_part
    from caio_desktop.workspace.snapshots import STALE_PART_SECONDS, snapshot_dir

    take_snapshot(workspace)
    stale = snapshot_dir(workspace.path) / ".20260101-000000-000000-manual.caio.part"
    killed = snapshot_dir(workspace.path) / ".20260101-000002-000000-manual.caio.part"
    fresh = snapshot_dir(workspace.path) / ".20260101-000001-000000-manual.caio.part"
    stale.write_bytes(b"half a snapshot")
    killed.write_bytes(b"half a snapshot, just now, by a process that was killed (nobody holds it)")
    fresh.write_bytes(b"another process is writing this one")
    old = time.time() - STALE_PART_SECONDS - 60
    os.utime(stale, (old, old))
    writer = os.open(fresh, os.O_RDONLY)
    lock_part(writer)  # as the process writing a snapshot holds its part
    try:
        take_snapshot(workspace)
        assert not stale.exists() and not killed.exists() and fresh.exists()
    finally:
        os.close(writer)
    assert len(list_snapshots(workspace.path)) == 2
