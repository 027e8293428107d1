"""Baselines: snapshots marked with a name and a date ("COPIL 3", 2026-11-12) to compare against later.

    mark_baseline(workspace, name="COPIL 3", date=dt.date(2026, 11, 12))  # a snapshot now, marked
    latest_baseline(workspace.path)                                        # what the steering report uses

The list lives in `NAME.snapshots/baselines.json`, beside the snapshot files it names (see
docs/architecture.md, "Comparisons and baselines", for why not in the workspace's settings): it survives
a restore, which replaces the workspace file and its settings with an older state, and rotation reads it
to keep every baseline's snapshot without opening the database. It holds names and dates only, as the
snapshot file names themselves do; the client's data stays in the (possibly encrypted) snapshots.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from caio_desktop.domain.errors import ValidationError
from caio_desktop.workspace.files import create_owner_only
from caio_desktop.workspace.snapshots import list_snapshots, snapshot_dir, take_snapshot

RECORD_NAME = "baselines.json"
MAX_NAME = 80


@dataclass(frozen=True)
class Baseline:
    """A snapshot marked as the state of the engagement at a steering committee."""

    name: str
    date: dt.date
    snapshot: Path

    @property
    def title(self) -> str:
        """How people name it: "COPIL 3 (2026-11-12)"."""
        return f"{self.name} ({self.date.isoformat()})"

    @property
    def exists(self) -> bool:
        return self.snapshot.is_file()


def _record(path: Path) -> Path:
    return snapshot_dir(Path(path)) / RECORD_NAME


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(_record(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        return []  # an unreadable list marks nothing; the snapshots themselves are untouched
    entries = data.get("baselines") if isinstance(data, dict) else None
    return [e for e in entries or [] if isinstance(e, dict)]


def _write(path: Path, entries: list[dict]) -> None:
    """Write the list as a new file renamed over the old one: a crash leaves either list, never half."""
    record = _record(path)
    record.parent.mkdir(parents=True, exist_ok=True)
    tmp = record.with_name(f".{record.name}.part")
    create_owner_only(tmp)
    with open(tmp, "w", encoding="utf-8") as handle:  # noqa: PTH123
        json.dump({"baselines": entries}, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, record)


def list_baselines(path: Path) -> list[Baseline]:
    """The baselines of the workspace at `path`, latest first (by date, then by when the snapshot was
    taken); a baseline whose snapshot was deleted by hand is listed with `exists` False."""
    folder = snapshot_dir(Path(path))
    found = []
    for entry in _read(path):
        try:
            found.append(Baseline(str(entry["name"]), dt.date.fromisoformat(entry["date"]),
                                  folder / Path(str(entry["snapshot"])).name))
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(found, key=lambda b: (b.date, b.snapshot.name), reverse=True)


def latest_baseline(path: Path) -> Baseline | None:
    """The latest baseline whose snapshot still exists, or None."""
    return next((b for b in list_baselines(path) if b.exists), None)


def find_baseline(path: Path, name: str) -> Baseline | None:
    """The baseline called `name` (any case), or None."""
    wanted = name.strip().casefold()
    return next((b for b in list_baselines(path) if b.name.casefold() == wanted), None)


def protected_snapshots(path: Path) -> set[str]:
    """File names of the snapshots that are baselines: rotation keeps them, whatever their age."""
    return {b.snapshot.name for b in list_baselines(path)}


def mark_baseline(workspace, *, name: str, date: dt.date | None = None,  # noqa: ANN001 - a Workspace
                  snapshot: Path | None = None) -> Baseline:
    """Mark `snapshot` (by default a snapshot taken now) as the baseline `name` of `date` (today)."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("baselines", "name", name, "is required")
    if len(name) > MAX_NAME:
        raise ValidationError("baselines", "name", name, f"must be at most {MAX_NAME} characters")
    if find_baseline(workspace.path, name) is not None:
        raise ValidationError("baselines", "name", name, "is already the name of a baseline; choose another")
    if snapshot is None:
        snapshot = take_snapshot(workspace, reason="baseline")
    else:
        snapshot = Path(snapshot)
        if snapshot.resolve() not in {s.path.resolve() for s in list_snapshots(workspace.path)}:
            raise ValidationError("baselines", "snapshot", str(snapshot),
                                  f"is not a snapshot of {workspace.path.name}")
    baseline = Baseline(name, date or dt.date.today(), snapshot_dir(workspace.path) / snapshot.name)
    entries = _read(workspace.path)
    entries.append({"name": baseline.name, "date": baseline.date.isoformat(), "snapshot": snapshot.name,
                    "marked_at": dt.datetime.now().isoformat(timespec="seconds")})
    _write(workspace.path, entries)
    return baseline
