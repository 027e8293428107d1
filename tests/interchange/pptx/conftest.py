"""Rendering decks for the tests: the hand-built document of `sample.py` and the renderer's progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.interchange.docx.conftest import CountingSteps as Steps  # the Word tests' progress stand-in


@pytest.fixture
def render_deck(tmp_path: Path) -> Callable:
    """render(document, name, template=None) → (path, warnings, steps)."""
    from caio_desktop.interchange.pptx import render

    def run(document, name: str = "deck.pptx", *, template: Path | None = None):  # noqa: ANN001, ANN202
        path = tmp_path / name
        warnings: list[str] = []
        steps = Steps()
        render(document, path, template=template, steps=steps, warnings=warnings)
        return path, warnings, steps

    return run
