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
        if not self._replay(operations.undo):
            return
        self._applied = False
        self.context.notify(self.change)

    def redo(self) -> None:
        if self._applied:
            return
        if not self._replay(operations.redo):
            return
        self._applied = True
        self.context.notify(self.change)

    def _replay(self, replay) -> bool:  # noqa: ANN001 - operations.undo or operations.redo
        """Replay the change; when the file refuses it (changed meanwhile, read-only, closed), the step
        is dropped from the history (obsolete) and the reason reported — the file is left as it was,
        since the replay runs in one transaction."""
        try:
            replay(self.context.workspace, self.change)
        except Exception as error:  # noqa: BLE001 - reported to the person, the history stays coherent
            self.setObsolete(True)
            self.context.step_failed.emit(f"{self.text()}: {error}")
            return False
        return True
