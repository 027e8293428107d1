"""`AppContext`: what every page shares — the open workspace, the undo stack, the interface language —
and the signals that keep pages, models and charts in step after an edit, an undo or a file switch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from caio_desktop.operations.changes import ChangeSet


class AppContext(QObject):
    """Shared state of one main window.

    Signals:
      workspace_changed(object): a workspace was opened (the Workspace) or closed (None);
      data_changed(object): a frozenset of table names whose rows changed (after an operation, undo
        or redo) — models refresh only what they show;
      language_changed(str): the interface language switched ("fr" or "en");
      busy_changed(bool): a write is in progress (window title shows the modified marker).
    """

    workspace_changed = Signal(object)
    data_changed = Signal(object)
    language_changed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace: Any = None
        self.lang = lang
        self.undo_stack = QUndoStack(self)

    # --- workspace -----------------------------------------------------------------------------------
    def set_workspace(self, workspace: Any) -> None:
        """Switch to `workspace` (None closes); the undo history belongs to the file and is cleared."""
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
        self.data_changed.emit(frozenset(change.tables()))
