"""The two kinds of server the publish tests run against, behind one small interface.

- "sqlite": a second `.caio` file stands for the server (publish and checkout through the same
  engine-neutral code as for PostgreSQL: `publish_workspace`, `checkout_engine`);
- "postgresql": the throw-away server of `tests/pg_server.py`, through `caio`'s own entry points
  (`publish(path, url)`, `checkout(url, path)`), a colleague's session being a `TeamWorkspace`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SERVER_KINDS = ["sqlite", "postgresql"]


class FileServer:
    """A `.caio` file in the server's place."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _origin(self) -> Any:
        from caio_desktop.team.checkout import Origin

        return Origin(self.path.name, {"path": str(self.path)}, None)

    def publish(self, file: Path, **options: Any) -> Any:
        from caio_desktop.team.copy import clear_rows
        from caio_desktop.team.publish import Server, publish_workspace
        from caio_desktop.workspace import Workspace

        exists = self.path.exists()
        if not exists:  # an empty engagement to copy into (its creation rows are cleared in the transaction)
            Workspace.create(self.path, client="(serveur)", language="fr").close()
        with Workspace.open(self.path) as server, Workspace.open(file) as workspace:
            return publish_workspace(workspace, Server(server.engine, self._origin(), exists,
                                                       None if exists else clear_rows), **options)

    def checkout(self, file: Path) -> Path:
        from caio_desktop.team.checkout import checkout_engine
        from caio_desktop.workspace import Workspace

        with Workspace.open(self.path) as server:
            return checkout_engine(server.engine, self._origin(), file)

    def session(self) -> Any:
        """A colleague's session on the server engagement."""
        from caio_desktop.workspace import Workspace

        return Workspace.open(self.path)


class PostgresServer:
    """An engagement key on the throw-away PostgreSQL server."""

    def __init__(self, url: str) -> None:
        self.url = url

    def publish(self, file: Path, **options: Any) -> Any:
        from caio_desktop.team.publish import publish

        return publish(file, self.url, **options)

    def checkout(self, file: Path) -> Path:
        from caio_desktop.team.checkout import checkout

        return checkout(self.url, file)

    def session(self) -> Any:
        from caio_desktop.team.workspace import TeamWorkspace

        return TeamWorkspace.open(self.url)


def make_server(request: pytest.FixtureRequest, tmp_path: Path) -> FileServer | PostgresServer:
    if request.param == "sqlite":
        return FileServer(tmp_path / "server.caio")
    try:
        pg_server = request.getfixturevalue("pg_server")
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL test server (tests/pg_server.py)")
    return PostgresServer(pg_server.url(pg_server.new_key("pub")))
