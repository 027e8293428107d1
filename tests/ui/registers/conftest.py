"""An AppContext on an empty engagement with the French interface, for the register tests."""

from __future__ import annotations

import pytest

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language


@pytest.fixture
def context(qtbot, workspace) -> AppContext:
    install_language("fr")
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    yield context
    context.set_workspace(None)
    install_language("en")
