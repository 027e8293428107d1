"""An AppContext on a copy of the French demo engagement, with the French interface."""

from __future__ import annotations

import pytest

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language


@pytest.fixture
def demo_context(qtbot, demo_workspace) -> AppContext:
    install_language("fr")
    context = AppContext(lang="fr")
    context.set_workspace(demo_workspace)
    yield context
    context.set_workspace(None)
    install_language("en")


@pytest.fixture
def context_empty(qtbot, workspace) -> AppContext:
    install_language("fr")
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    yield context
    context.set_workspace(None)
    install_language("en")
