"""The `.caio` workspace file: open/create/close, lock, schema and upgrades, snapshots, integrity.

`Workspace` and `WorkspaceError` are imported lazily so that light tools (`caio info`, the header
check) do not pay for SQLAlchemy's import.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (≈ 2 ms of `caio info`'s start)
if TYPE_CHECKING:
    from typing import Any

    from caio_desktop.workspace.errors import WorkspaceError
    from caio_desktop.workspace.workspace import Workspace

__all__ = ["Workspace", "WorkspaceError"]


def __getattr__(name: str) -> Any:
    if name == "Workspace":
        from caio_desktop.workspace.workspace import Workspace

        return Workspace
    if name == "WorkspaceError":
        from caio_desktop.workspace.errors import WorkspaceError

        return WorkspaceError
    raise AttributeError(name)
