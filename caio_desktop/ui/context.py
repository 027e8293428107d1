"""`AppContext`: what every page shares — the open workspace, the undo stack, the interface language —
and the signals that keep pages, models and charts in step after an edit, an undo or a file switch."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:  # the window must appear before SQLAlchemy and the operations are imported
    from caio_desktop.operations.changes import ChangeSet


@cache
def _link_owners() -> dict[str, tuple[str, str]]:
    """link table name → (owning module's table, column holding the owner's id)."""
    from caio_desktop.workspace.models import LINKS

    return {link.__tablename__: (module_key, own) for (module_key, _), (link, own, _) in LINKS.items()}


class AppContext(QObject):
    """Shared state of one main window.

    Signals:
      workspace_closing(object): the open workspace is about to be closed or replaced (still open and
        current while the signal runs): editors save what is being typed;
      workspace_changed(object): a workspace was opened (the Workspace) or closed (None);
      rows_changed(object): {table name: frozenset of row ids} changed by an operation, undo or redo
        (emitted before data_changed) — item models update exactly those rows;
      data_changed(object): a frozenset of table names whose rows changed (after an operation, undo
        or redo) — pages and charts refresh only what they show;
      language_changed(str): the interface language switched ("fr" or "en");
      busy_changed(bool): a write is in progress (window title shows the modified marker);
      step_failed(str): an undo or redo could not be replayed (the step is dropped from the history);
      row_requested(str, int): show this row (module key, id) on its page, in its form — a search
        result or a link on a form asks it, the window does it.
    """

    workspace_closing = Signal(object)
    workspace_changed = Signal(object)
    rows_changed = Signal(object)
    data_changed = Signal(object)
    language_changed = Signal(str)
    busy_changed = Signal(bool)
    step_failed = Signal(str)
    row_requested = Signal(str, int)

    def __init__(self, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace: Any = None
        self.lang = lang
        self.undo_stack = QUndoStack(self)

    # --- workspace -----------------------------------------------------------------------------------
    def set_workspace(self, workspace: Any) -> None:
        """Switch to `workspace` (None closes); the undo history belongs to the file and is cleared."""
        if self.workspace is not None and workspace is not self.workspace:
            # Before the switch, while the old workspace is still current: a field being typed in (whose
            # pause timer has not fired yet) is saved rather than lost with the window.
            self.workspace_closing.emit(self.workspace)
        self.undo_stack.clear()
        self.workspace = workspace
        self.workspace_changed.emit(workspace)

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)

    # --- changes -------------------------------------------------------------------------------------
    def push(self, change: ChangeSet | None) -> None:
        """Record an applied ChangeSet as one undo step and tell the pages what changed."""
        from caio_desktop.ui.undo import ChangeCommand

        if change is None or change.empty:
            return
        self.undo_stack.push(ChangeCommand(self, change))
        self.notify(change)

    def perform(self, operation: Callable[..., ChangeSet], *args: Any, **kwargs: Any) -> ChangeSet:
        """Run an operation on the open workspace and push its ChangeSet.

        Domain errors (ValidationError) propagate unchanged so the caller can show them beside the field.
        """
        self.busy_changed.emit(True)
        try:
            change = operation(self.workspace, *args, **kwargs)
        finally:
            self.busy_changed.emit(False)
        self.push(change)
        return change

    def notify(self, change: ChangeSet) -> None:
        rows: dict[str, set[int]] = {}
        owners = _link_owners()
        for row_change in change.changes:
            rows.setdefault(row_change.table, set()).update(row_change.row_ids)
            if row_change.table in owners:  # a REFS edit changes the owning row as people see it
                owner_table, own_column = owners[row_change.table]
                rows.setdefault(owner_table, set()).update(row_change.values_of(own_column))
        self.rows_changed.emit({table: frozenset(ids) for table, ids in rows.items()})
        self.data_changed.emit(frozenset(change.tables()))

    def refresh_all(self) -> None:
        """Tell every page that anything may have changed (after an import run outside the stack)."""
        from caio_desktop.workspace.models import Base

        self.data_changed.emit(frozenset(Base.metadata.tables))
