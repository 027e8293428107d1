"""The states of an engagement one can compare, and what a person's word for one means.

    resolve_state(path, "COPIL 3")   # a baseline, by name
    resolve_state(path, "latest")    # the newest snapshot
    resolve_state(path, "now")       # the workspace itself
    resolve_state(path, None)        # the default "from": the latest baseline, else the newest snapshot

Used by `caio diff` and the Changes view, so both understand the same words.
"""

from __future__ import annotations

from pathlib import Path

from caio_desktop.workspace.baselines import Baseline, find_baseline, latest_baseline, list_baselines
from caio_desktop.workspace.comparison import StateRef
from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.snapshots import SnapshotInfo, list_snapshots, snapshot_dir

NOW = "now"
LATEST = "latest"


def now_state(path: Path) -> StateRef:
    return StateRef(NOW, Path(path), NOW)


def baseline_state(baseline: Baseline) -> StateRef:
    return StateRef(baseline.title, baseline.snapshot, "baseline")


def snapshot_state(snapshot: SnapshotInfo) -> StateRef:
    return StateRef(f"{snapshot.taken_at:%Y-%m-%d %H:%M:%S} {snapshot.reason}", snapshot.path, "snapshot")


def available_states(path: Path | None) -> list[StateRef]:
    """Every state of the workspace at `path` one can compare: now, the baselines (latest first), then
    the other snapshots (newest first). None for an engagement on a server (team mode): its states are
    not files beside it (none to compare; `caio checkout` makes a file of it)."""
    if path is None:
        return []
    baselines = [b for b in list_baselines(path) if b.exists]
    marked = {b.snapshot.name for b in baselines}
    return [now_state(path), *map(baseline_state, baselines),
            *(snapshot_state(s) for s in list_snapshots(path) if s.path.name not in marked)]


def resolve_state(path: Path, spec: str | None) -> StateRef:
    """The state `spec` names: "now", "latest", a baseline's name, or a snapshot (its path or its file
    name in the snapshots folder); None is the latest baseline, else the newest snapshot."""
    path = Path(path)
    if spec is None:
        baseline = latest_baseline(path)
        if baseline is not None:
            return baseline_state(baseline)
        spec = LATEST
    if spec == NOW:
        return now_state(path)
    if spec == LATEST:
        snapshots = list_snapshots(path)
        if not snapshots:
            raise WorkspaceError(path, f"{path}: no baseline or snapshot to compare with; mark one with "
                                       f"caio baseline {path} --name NAME")
        marked = next((b for b in list_baselines(path) if b.snapshot.name == snapshots[0].path.name), None)
        return baseline_state(marked) if marked else snapshot_state(snapshots[0])
    baseline = find_baseline(path, spec)
    if baseline is not None:
        if not baseline.exists:
            raise WorkspaceError(baseline.snapshot, f"{baseline.snapshot}: the snapshot of baseline "
                                                    f"{baseline.title} is missing")
        return baseline_state(baseline)
    for candidate in (Path(spec), snapshot_dir(path) / spec):
        if candidate.is_file():
            found = next((s for s in list_snapshots(path) if s.path.resolve() == candidate.resolve()), None)
            return snapshot_state(found) if found else StateRef(candidate.name, candidate, "snapshot")
    names = ", ".join(b.name for b in list_baselines(path)) or "none"
    raise WorkspaceError(path, f"{spec}: no such baseline or snapshot (baselines: {names}; "
                               f"snapshots: caio snapshots {path})")
