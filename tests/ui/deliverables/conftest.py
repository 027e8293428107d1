"""The Deliverables page on a workspace, with the hooks that would block or reach outside the test
replaced: a modal warning box would hold the test, and a written file is never opened for real."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.deliverables.page import DeliverablesPage
from tests.conftest import DEMO_TODAY


@pytest.fixture
def open_page(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., DeliverablesPage]]:  # noqa: ANN001
    """open_page(workspace, lang) → a page as of DEMO_TODAY; `page.warned` holds the warnings shown."""
    warned: list[str] = []
    monkeypatch.setattr(DeliverablesPage, "show_warning", classmethod(lambda cls, parent, title, msg: warned.append(msg)))
    monkeypatch.setattr(DeliverablesPage, "open_file", classmethod(lambda cls, path: None))
    pages: list[DeliverablesPage] = []

    def make(workspace: Any, lang: str = "fr") -> DeliverablesPage:
        context = AppContext(lang=lang)
        context.set_workspace(workspace)
        widget = DeliverablesPage(context)
        widget.warned = warned  # type: ignore[attr-defined] - what the tests read
        qtbot.addWidget(widget)
        widget.as_of.setDate(DEMO_TODAY)
        pages.append(widget)
        return widget

    yield make
    for widget in pages:
        for job in (widget.preview_job, widget.export_job):
            if job is not None:
                with contextlib.suppress(RuntimeError):  # already deleted by Qt once finished
                    job.wait(20000)
        widget.context.set_workspace(None)
