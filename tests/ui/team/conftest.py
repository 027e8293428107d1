"""Two consultants on one engagement on the throw-away server: Anne writes through the operations,
Bruno works in the app (a French AppContext or main window on his own session)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language


def answer_conflicts(monkeypatch: pytest.MonkeyPatch, choice: str | None) -> list[Any]:
    """The conflict dialog answered `choice` (RELOAD, OVERWRITE; None: closed); the EditConflictErrors it
    was shown, in order."""
    from caio_desktop.ui.team.conflict import ConflictResolver

    asked: list[Any] = []

    def ask(cls, parent, error, lang, labels):  # noqa: ANN001, ANN202
        asked.append(error)
        return choice

    monkeypatch.setattr(ConflictResolver, "ask", classmethod(ask))
    return asked


@pytest.fixture
def engagement_url(pg_server, team_url) -> str:
    from caio_desktop.team.workspace import TeamWorkspace

    TeamWorkspace.create(team_url, client="Assurances du Rhône", language="fr").close()
    return team_url


@pytest.fixture
def anne(engagement_url) -> Iterator[Any]:
    from caio_desktop.team.workspace import TeamWorkspace

    ws = TeamWorkspace.open(engagement_url, author="Anne Martin")
    yield ws
    ws.close()


@pytest.fixture
def bruno_context(qtbot, engagement_url) -> Iterator[AppContext]:
    from caio_desktop.team.workspace import TeamWorkspace

    install_language("fr")
    ws = TeamWorkspace.open(engagement_url, author="Bruno Petit")
    context = AppContext(lang="fr")
    context.set_workspace(ws)
    yield context
    context.set_workspace(None)
    ws.close()
    install_language("en")


from tests.ui.shell.conftest import window  # noqa: E402, F401 - the shell tests' main window (French)
