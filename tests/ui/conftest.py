"""UI fixtures: an AppContext with the French interface, on an empty engagement or on the demo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language


def french_context(workspace) -> Iterator[AppContext]:  # noqa: ANN001
    """An AppContext on `workspace` in French; English is put back afterwards."""
    install_language("fr")
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    yield context
    context.set_workspace(None)
    install_language("en")


@pytest.fixture
def context(qtbot, workspace) -> Iterator[AppContext]:
    """An empty engagement (used by the register tests)."""
    yield from french_context(workspace)


@pytest.fixture
def context_empty(qtbot, workspace) -> Iterator[AppContext]:
    """An empty engagement (used by the page tests)."""
    yield from french_context(workspace)


@pytest.fixture
def demo_context(qtbot, demo_workspace) -> Iterator[AppContext]:
    """A copy of the French demo engagement."""
    yield from french_context(demo_workspace)
