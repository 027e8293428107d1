"""Existing tests of the workspace, operations, imports and exports, run again on the server: here the
`workspace` fixture is an engagement on the throw-away PostgreSQL server (tests/pg_server.py), and each
test module of this folder imports the tests it runs from their own modules, unchanged. Their file run
is the one of their own modules: running them on a file here again would only double the time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def workspace(team_workspace: Any) -> Iterator[Any]:
    """An open, empty engagement (French, 12 months from 2026-01-05) on the server."""
    yield team_workspace
