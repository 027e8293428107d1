"""Named, undoable changes to a workspace. Nothing else writes to a workspace file.

Every operation runs in one transaction, records what it changed as a `ChangeSet` (rows before and
after) and writes the audit trail. Undo and redo replay a ChangeSet backwards or forwards: one
mechanism for every module, used by the app's undo stack and by tests alike.
"""

from caio_desktop.operations.changes import ChangeSet, RowChange
from caio_desktop.operations.history import redo, undo
from caio_desktop.operations.rows import create_row, delete_rows, duplicate_row, update_row

__all__ = [
    "ChangeSet", "RowChange", "create_row", "delete_rows", "duplicate_row", "redo", "undo", "update_row",
]
