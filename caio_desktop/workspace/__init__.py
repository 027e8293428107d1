"""The `.caio` workspace file: open/create/close, lock, schema and upgrades, snapshots, integrity.

`Workspace` and `WorkspaceError` are imported lazily so that light tools (`caio info`, the header
check) do not pay for SQLAlchemy's import. `open_workspace(target)` opens a file or, for a
`postgresql://…?engagement=KEY` address, an engagement on a server (caio_desktop.team).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (≈ 2 ms of `caio info`'s start)
if TYPE_CHECKING:
    from typing import Any

    from caio_desktop.workspace.errors import WorkspaceError
    from caio_desktop.workspace.workspace import Workspace

__all__ = ["Workspace", "WorkspaceError", "is_team_address", "open_workspace"]


def is_team_address(target: object) -> bool:
    """True when `target` is an engagement address on a server rather than a file path."""
    from caio_desktop.team.address import is_team_address as is_address

    return is_address(target)


def open_workspace(target: Any, **options: Any) -> Workspace:
    """Open `target`: a `.caio` file (a path) with `Workspace.open`, or a PostgreSQL address (text) with
    `TeamWorkspace.open`; the options are theirs (`read_only`, `author`, and for a file `passphrase`,
    `daily_snapshot`, `verify`; for a server `password`)."""
    if isinstance(target, str) and is_team_address(target):
        from caio_desktop.team.workspace import TeamWorkspace

        return TeamWorkspace.open(target, **options)
    from pathlib import Path

    from caio_desktop.workspace.workspace import Workspace

    options.pop("password", None)
    return Workspace.open(Path(target), **options)


def __getattr__(name: str) -> Any:
    if name == "Workspace":
        from caio_desktop.workspace.workspace import Workspace

        return Workspace
    if name == "WorkspaceError":
        from caio_desktop.workspace.errors import WorkspaceError

        return WorkspaceError
    raise AttributeError(name)
