"""The attachments list of a row's detail form (tests/ui/evidence/test_panel.py: Add by button and drop,
Open from a checked temporary copy, Remove and undo, the Qt model under qtmodeltester) on an engagement
shared on a PostgreSQL server. The tests are imported unchanged; only the workspace is the server's."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import context  # noqa: F401  (the app context over `workspace`)
from tests.ui.evidence.test_panel import *  # noqa: F403
from tests.ui.evidence.test_panel import hooks  # noqa: F401


@pytest.fixture
def workspace(team_workspace: Any) -> Any:
    """The engagement on the server, where the UI tests take a file's."""
    return team_workspace
