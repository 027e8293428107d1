"""Existing tests of the workspace, operations, imports and exports, run again on both engines: here the
`workspace` fixture is parametrised over `engine` ∈ {file, postgres} (tests/pg_server.py), and each
test module of this folder imports the tests it runs from their own modules, unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import ENGINES


@pytest.fixture(params=ENGINES)
def workspace(request: pytest.FixtureRequest, workspace_file: Path) -> Iterator[Any]:
    """An open, empty engagement (French, 12 months from 2026-01-05): a file, or on the server."""
    if request.param == "postgres":
        yield request.getfixturevalue("team_workspace")
        return
    from caio_desktop.workspace import Workspace

    ws = Workspace.open(workspace_file)
    yield ws
    ws.close()
