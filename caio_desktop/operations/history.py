"""Undo and redo: replay a ChangeSet backwards or forwards in one transaction, with an audit entry."""

from __future__ import annotations

from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.recorder import Recorder


def undo(workspace, change: ChangeSet) -> None:  # noqa: ANN001
    """Put every row `change` touched back as it was before it."""
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Undo {change.name}")
        rec.replay(c.inverted() for c in reversed(change.changes))


def redo(workspace, change: ChangeSet) -> None:  # noqa: ANN001
    """Apply `change` again after an undo."""
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Redo {change.name}")
        rec.replay(change.changes)


def run_recorded(workspace, change: ChangeSet, operation) -> ChangeSet:  # noqa: ANN001
    """Run `operation(recorder)` in one transaction and fill `change` with what it recorded.

    Domain operations that touch several rows (an import, a generated checklist) use this so that
    they become a single undo step.
    """
    with workspace.writing() as conn:
        rec = Recorder(conn, change.name)
        result = operation(rec)
        change.changes = rec.changes
        if isinstance(result, list):
            change.row_ids = result
    return change
