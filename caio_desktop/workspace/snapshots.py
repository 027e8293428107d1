"""Snapshots of a workspace with SQLite's online backup API, kept in rotation beside the file.

`NAME.caio` keeps its snapshots in `NAME.snapshots/`, so they travel with the engagement folder and
can be found by hand when the application cannot open the file. A snapshot is itself a complete,
openable workspace (the backup API copies a consistent state even while the file is in use).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.fileinfo import hot_journal, inspect_workspace
from caio_desktop.workspace.lock import WorkspaceLock

DEFAULT_KEEP = 10
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})(?:-(?P<reason>[\w.-]+))?\.caio$")


@dataclass(frozen=True)
class SnapshotInfo:
    """One snapshot file: when it was taken and why."""

    path: Path
    taken_at: dt.datetime
    reason: str


def snapshot_dir(path: Path) -> Path:
    return path.with_name(f"{path.stem}.snapshots")


def _owner_only_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)


def backup_connection(source: sqlite3.Connection, path: Path, *, reason: str = "manual",
                      keep: int = DEFAULT_KEEP) -> Path:
    """Copy the database behind `source` into a new snapshot of `path`; rotate old ones."""
    folder = snapshot_dir(path)
    _owner_only_dir(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = re.sub(r"[^\w.-]+", "-", reason).strip("-") or "manual"
    target = folder / f"{stamp}-{safe_reason}.caio"
    tmp = folder / f".{target.name}.part"
    destination = sqlite3.connect(tmp)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        destination.close()
        tmp.unlink(missing_ok=True)
        raise
    destination.close()
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    rotate(path, keep=keep)
    return target


def take_snapshot(workspace, *, reason: str = "manual", keep: int = DEFAULT_KEEP) -> Path:  # noqa: ANN001
    """Snapshot an open Workspace (consistent even while it is in use)."""
    raw = workspace.engine.raw_connection()
    try:
        return backup_connection(raw.driver_connection, workspace.path, reason=reason, keep=keep)
    finally:
        raw.close()


def list_snapshots(path: Path) -> list[SnapshotInfo]:
    """Snapshots of `path`, newest first."""
    folder = snapshot_dir(path)
    if not folder.is_dir():
        return []
    found = []
    for item in folder.iterdir():
        match = _NAME.match(item.name)
        if match:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
            found.append(SnapshotInfo(item, taken, match["reason"] or "manual"))
    return sorted(found, key=lambda s: s.taken_at, reverse=True)


def rotate(path: Path, *, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the `keep` newest snapshots; returns what was removed."""
    removed = []
    for old in list_snapshots(path)[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def restore(path: Path, snapshot: Path) -> Path | None:
    """Replace the workspace at `path` with `snapshot`.

    The snapshot is checked first; the current file, when there is one, is itself snapshotted
    ("before-restore") so that a restore can be undone. Refused while the workspace is open elsewhere.
    Returns the safety snapshot of the replaced file, if one could be taken.
    """
    path, snapshot = Path(path), Path(snapshot)
    inspect_workspace(snapshot)
    check = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    finally:
        check.close()
    if result != "ok":
        raise WorkspaceError(snapshot, f"{snapshot}: the snapshot is damaged ({result}); choose another")
    lock = WorkspaceLock(path).acquire()
    try:
        safety = None
        if path.exists() and path.stat().st_size:
            folder = snapshot_dir(path)
            _owner_only_dir(folder)
            safety = folder / f"{dt.datetime.now():%Y%m%d-%H%M%S-%f}-before-restore.caio"
            shutil.copyfile(path, safety)
            os.chmod(safety, 0o600)
        tmp = path.with_name(f".{path.name}.restoring")
        shutil.copyfile(snapshot, tmp)
        os.chmod(tmp, 0o600)
        # A rollback journal left by a crash belongs to the old file: SQLite would replay it onto the
        # restored one and damage it.
        if hot_journal(path):
            path.with_name(path.name + "-journal").unlink()
        os.replace(tmp, path)
        return safety
    finally:
        lock.release()
