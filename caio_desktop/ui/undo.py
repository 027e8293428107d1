"""One undo mechanism for the whole app: a QUndoCommand per ChangeSet.

Operations run first (so a refused change never reaches the stack), then the ChangeSet is pushed; the
command's first redo() is therefore a no-op. Consecutive edits of the same cell share a merge key and
collapse into one step ("Undo Edit risk R-012").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from caio_desktop import operations
from caio_desktop.operations.changes import ChangeSet

if TYPE_CHECKING:
    from caio_desktop.ui.context import AppContext

_MERGE_ID = 0x43A1  # QUndoStack only tries mergeWith between commands returning the same id()


class ChangeCommand(QUndoCommand):
    """Undo / redo of one applied ChangeSet."""

    def __init__(self, context: AppContext, change: ChangeSet) -> None:
        super().__init__(change.text(context.lang))
        self.context = context
        self.change = change
        self._applied = True  # the operation already ran when the command is pushed

    def id(self) -> int:
        return _MERGE_ID if self.change.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, ChangeCommand) or other.change.merge_key != self.change.merge_key:
            return False
        self.change = self.change.merged_with(other.change)
        return True

    def undo(self) -> None:
        operations.undo(self.context.workspace, self.change)
        self._applied = False
        self.context.notify(self.change)

    def redo(self) -> None:
        if self._applied:
            return
        operations.redo(self.context.workspace, self.change)
        self._applied = True
        self.context.notify(self.change)
