"""Snapshots of a workspace with SQLite's online backup API, kept in rotation beside the file.

`NAME.caio` keeps its snapshots in `NAME.snapshots/`, so they travel with the engagement folder and
can be found by hand when the application cannot open the file. A snapshot is itself a complete,
openable workspace (the backup API copies a consistent state even while the file is in use).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from caio_desktop.workspace.engine import DATABASE_ERRORS, raw_connect
from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.fileinfo import hot_journal, inspect_workspace
from caio_desktop.workspace.files import copy_owner_only, create_owner_only, lock_part, part_in_use
from caio_desktop.workspace.lock import WorkspaceLock

DEFAULT_KEEP = 10
STALE_PART_SECONDS = 3600
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


def snapshot_keep(connection) -> int:  # noqa: ANN001 - a DB-API connection
    """How many snapshots to keep: the workspace's `snapshot_keep` setting, else DEFAULT_KEEP."""
    try:
        row = connection.execute("SELECT value FROM settings WHERE key = 'snapshot_keep'").fetchone()
        value = row[0] if row else None
        # JSON text, which SQLite's NUMERIC affinity of the column turns into a plain integer.
        keep = DEFAULT_KEEP if value is None else int(json.loads(value) if isinstance(value, str) else value)
    except (*DATABASE_ERRORS, ValueError, TypeError):
        return DEFAULT_KEEP
    return max(keep, 1)


def backup_into(source, target: Path, tmp: Path, *, passphrase: str | None = None) -> None:  # noqa: ANN001
    """Copy the database behind the sqlite3 connection `source` to `target` with SQLite's backup API:
    written as `tmp` (owner-only) and renamed over `target` once whole, so `target` is never half a file."""
    create_owner_only(tmp)
    held = os.open(tmp, os.O_RDONLY)
    lock_part(held)  # so that a rotation in another process never takes it for a killed one's
    try:
        destination = raw_connect(tmp, passphrase=passphrase)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(held)


def backup_connection(source, path: Path, *, reason: str = "manual", keep: int | None = None,  # noqa: ANN001
                      passphrase: str | None = None) -> Path:
    """Copy the database behind `source` into a new snapshot of `path`; rotate old ones.

    The snapshot of an encrypted workspace is encrypted with the same passphrase (the backup runs
    between two keyed SQLCipher connections). `keep` defaults to the workspace's setting.
    """
    folder = snapshot_dir(path)
    _owner_only_dir(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = re.sub(r"[^\w.-]+", "-", reason).strip("-") or "manual"
    target = folder / f"{stamp}-{safe_reason}.caio"
    backup_into(source, target, folder / f".{target.name}.part", passphrase=passphrase)
    # The callers have checked the source (soundness.ensure_sound), so the new snapshot is a good one.
    rotate(path, keep=snapshot_keep(source) if keep is None else keep, good=target, passphrase=passphrase)
    return target


def take_snapshot(workspace, *, reason: str = "manual", keep: int | None = None) -> Path | None:  # noqa: ANN001
    """Snapshot an open Workspace (consistent even while it is in use).

    Refused (CorruptFileError) when the workspace fails the full check: a snapshot of a damaged file
    would take the place of a good one in the rotation. None for an engagement on a server (team mode:
    no file to copy; its backups are the server's).
    """
    if workspace.path is None:
        return None
    workspace.ensure_sound()
    raw = workspace.engine.raw_connection()
    try:
        return backup_connection(raw.driver_connection, workspace.path, reason=reason, keep=keep,
                                 passphrase=getattr(workspace, "passphrase", None))
    finally:
        raw.close()


def take_daily_snapshot(workspace, *, today: dt.date | None = None) -> Path | None:  # noqa: ANN001
    """The snapshot of the first use of the day: taken unless the newest snapshot is from today."""
    today = today or dt.date.today()
    if workspace.path is None:  # (an engagement on a server: see take_snapshot)
        return None
    newest = list_snapshots(workspace.path)
    if newest and newest[0].taken_at.date() >= today:
        return None
    return take_snapshot(workspace, reason="daily")


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


def rotatable_snapshots(path: Path) -> list[SnapshotInfo]:
    """The snapshots rotation may delete, newest first: all but the baselines (`baselines.py`), which a
    steering committee's comparisons need for the rest of the engagement."""
    from caio_desktop.workspace.baselines import protected_snapshots  # (it imports this module)

    protected = protected_snapshots(path)
    return [s for s in list_snapshots(path) if s.path.name not in protected]


def rotate(path: Path, *, keep: int = DEFAULT_KEEP, good: Path | None = None,
           passphrase: str | None = None) -> list[Path]:
    """Delete all but the `keep` newest snapshots (baselines apart), never the last one that passes its
    check; returns what was removed.

    `good` names a snapshot known to pass (the one just taken of a checked file): when it is among those
    kept, nothing needs checking. Otherwise the kept ones are checked newest first and, if none passes,
    the newest good one among the older snapshots is spared.
    """
    snapshots = rotatable_snapshots(path)
    kept, old = snapshots[:max(keep, 1)], snapshots[max(keep, 1):]
    if old and not any(s.path == good for s in kept) and not any(
            snapshot_problem(s.path, passphrase=passphrase) is None for s in kept):
        spared = next((s for s in old if snapshot_problem(s.path, passphrase=passphrase) is None), None)
        old = [s for s in old if s is not spared]
    removed = []
    for snap in old:
        snap.path.unlink(missing_ok=True)
        removed.append(snap.path)
    return removed + remove_stale_parts(path)


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove what killed processes left among the snapshots of `path` and beside it; returns it.

    A snapshot (or the record of the last verified state) being written is `.NAME.part` until renamed,
    locked by the process writing it: one that nobody holds was left by a killed process (one an hour
    old, by a version that did not lock them). A killed restore's copy is only written under the
    workspace lock: see `remove_killed_restore`.
    """
    removed = []
    folder = snapshot_dir(path)
    stale = time.time() - STALE_PART_SECONDS
    for part in folder.glob(".*.part") if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < stale or not part_in_use(part):
                part.unlink()
                removed.append(part)
    # The rollback journal of a snapshot's backup killed mid-page: its part is gone (removed above), or
    # nobody holds it.
    for journal in folder.glob(".*.part-journal") if folder.is_dir() else ():
        part = journal.with_name(journal.name.removesuffix("-journal"))
        with contextlib.suppress(OSError):
            if not part.exists() or not part_in_use(part):
                journal.unlink()
                removed.append(journal)
    return removed


def remove_killed_restore(path: Path) -> None:
    """Remove the copy a killed restore left beside `path`; the caller holds the workspace lock (every
    restore does too, so none is running)."""
    path.with_name(f".{path.name}.restoring").unlink(missing_ok=True)


def snapshot_problem(snapshot: Path, *, passphrase: str | None = None) -> str | None:
    """Why `snapshot` cannot serve as a workspace (None when it passes `PRAGMA integrity_check`)."""
    try:
        inspect_workspace(snapshot, encrypted=passphrase is not None)
        check = raw_connect(snapshot, read_only=True, passphrase=passphrase)
    except WorkspaceError as exc:
        return str(exc)
    except DATABASE_ERRORS as exc:
        return str(exc)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    except (*DATABASE_ERRORS, UnicodeDecodeError) as exc:
        result = str(exc)
    finally:
        check.close()
    return None if result == "ok" else result


def latest_good_snapshot(path: Path, *, passphrase: str | None = None) -> SnapshotInfo | None:
    """The newest snapshot of `path` that passes its integrity check: what the app offers to restore
    when the file itself fails."""
    for snap in list_snapshots(Path(path)):
        if snapshot_problem(snap.path, passphrase=passphrase) is None:
            return snap
    return None


def restore(path: Path, snapshot: Path, *, passphrase: str | None = None) -> Path | None:
    """Replace the workspace at `path` with `snapshot`.

    The snapshot is checked first; the current file, when there is one, is itself snapshotted
    ("before-restore") so that a restore can be undone. Refused while the workspace is open elsewhere.
    Returns the safety snapshot of the replaced file, if one could be taken.
    """
    path, snapshot = Path(path), Path(snapshot)
    problem = snapshot_problem(snapshot, passphrase=passphrase)
    if problem is not None:
        raise WorkspaceError(snapshot, f"{snapshot}: the snapshot is damaged ({problem}); choose another")
    lock = WorkspaceLock(path).acquire()
    try:
        safety = None
        if path.exists() and path.stat().st_size:
            folder = snapshot_dir(path)
            _owner_only_dir(folder)
            safety = folder / f"{dt.datetime.now():%Y%m%d-%H%M%S-%f}-before-restore.caio"
            # Whole or absent, as every snapshot: a half copy would be listed among them.
            part = folder / f".{safety.name}.part"
            copy_owner_only(path, part)
            os.replace(part, safety)
        # (`.NAME.restoring` of a restore that was killed is overwritten here: we hold the lock)
        tmp = path.with_name(f".{path.name}.restoring")
        copy_owner_only(snapshot, tmp)
        # A rollback journal left by a crash belongs to the old file: SQLite would replay it onto the
        # restored one and damage it.
        if hot_journal(path):
            path.with_name(path.name + "-journal").unlink()
        os.replace(tmp, path)
        from caio_desktop.workspace.soundness import remember_sound

        remember_sound(path)  # the snapshot has just passed `integrity_check`
        return safety
    finally:
        lock.release()
