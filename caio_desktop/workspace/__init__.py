"""The `.caio` workspace file: open/create/close, lock, schema and upgrades, snapshots, integrity."""

from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.workspace import Workspace

__all__ = ["Workspace", "WorkspaceError"]
