"""The window on a team engagement: File › Open team engagement… (the password asked for when the server
wants one, never kept in the recent list), the title naming the server engagement, the read-only banner
naming a role that may only read, and everyone's changes with their authors in Edit › History."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from caio_desktop.operations import create_row
from caio_desktop.team.address import TeamAddress
from caio_desktop.ui.shell.files import FileController
from caio_desktop.ui.team.identity import clear_recent_team_addresses, recent_team_addresses

_roles = itertools.count(1)


def _role(pg_server, engagement_url: str, *, can_write: bool, password: str | None = None) -> str:
    name = f"consultant_{os.getpid()}_{next(_roles)}"
    pg_server.create_role(name, password=password, can_write=can_write)
    key = TeamAddress.parse(engagement_url).key
    pg_server.grant(name, key, can_write)
    return pg_server.url(key, user=name)


def test_open_team_engagement_asks_the_password_and_keeps_none(window, pg_server, engagement_url,
                                                                  monkeypatch) -> None:
    clear_recent_team_addresses()
    url = _role(pg_server, engagement_url, can_write=True, password="s3cret-Rhône")
    asked = []
    monkeypatch.setattr(FileController, "ask_team_address", classmethod(lambda cls, parent: url))

    def password(cls, parent, display, *, retry=False):
        asked.append((display, retry))
        return "wrong" if not retry else "s3cret-Rhône"

    monkeypatch.setattr(FileController, "ask_team_password", classmethod(password))
    assert window.files.open_team_dialog()
    assert [retry for _, retry in asked] == [False, True]  # asked, refused, asked again
    assert "s3cret" not in asked[0][0]
    workspace = window.context.workspace
    assert workspace.is_team and not workspace.read_only
    key = workspace.address.key
    assert window.windowTitle().startswith(f"Assurances du Rhône — {key} @ 127.0.0.1")
    assert recent_team_addresses() == [workspace.location] and "s3cret" not in workspace.location
    assert not window.read_only_banner.isVisible() and window.read_only_banner.text() == ""
    window._fill_recent_menu()
    assert workspace.location in [a.text() for a in window.recent_menu.actions()]


def test_a_read_only_role_gets_the_banner_and_cannot_write(qtbot, window, pg_server, engagement_url) -> None:
    from caio_desktop.team.errors import TeamReadOnlyError

    url = _role(pg_server, engagement_url, can_write=False)
    role = TeamAddress.parse(url).user
    window.resize(1200, 760)
    window.show()
    assert window.files.open_team(url)
    workspace = window.context.workspace
    assert workspace.read_only
    assert window.read_only_banner.isVisible()
    text = window.read_only_banner.text()
    assert f"« {role} »" in text or role in text
    assert text.startswith("Lecture seule")
    assert "(lecture seule)" in window.windowTitle()
    with pytest.raises(TeamReadOnlyError, match=role):
        create_row(workspace, "risks", {"title": "Interdit", "likelihood": 1, "impact": 1})
    folder = os.environ.get("CAIO_SCREENSHOTS")
    if folder:
        window.show_page("risks")
        qtbot.wait(50)
        window.grab().save(str(Path(folder) / "team-read-only-banner.png"))
    window.files.close()
    assert not window.read_only_banner.isVisible()


def test_everyones_changes_list_their_authors(qtbot, window, pg_server, engagement_url, anne, qtmodeltester) -> None:
    create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4})
    assert window.files.open_team(engagement_url)
    window.context.workspace.author = "Bruno Petit"
    window.context.perform(create_row, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2})
    window.show()
    window.show_history(True)
    window.history_tabs.setCurrentIndex(1)
    model = window.activity_view.activity
    qtmodeltester.check(model)
    rows = [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]
    assert rows[:2] == [("Bruno Petit", "Ajouter risque R-002"), ("Anne Martin", "Ajouter risque R-001")]
    assert rows[-1][1] == "Création de la mission"
    assert model.headerData(1, Qt_horizontal()) == "Qui"
    assert window.history_tabs.tabText(1) == "Les modifications de tous"


def Qt_horizontal():  # noqa: N802 - (a short name for the orientation in the assertion above)
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_address_is_checked_as_it_is_typed(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from caio_desktop.ui.team.open_team import OpenTeamDialog

    dialog = OpenTeamDialog(window)  # (the window: French installed)
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not open_button.isEnabled() and dialog.problem.text() == ""
    dialog.address.setText("C:/missions/acme.caio")
    assert not open_button.isEnabled() and "postgresql://" in dialog.problem.text()
    dialog.address.setText("postgresql://anne:secret@db.cabinet.fr/caio?engagement=acme-2026")
    assert not open_button.isEnabled() and "mot de passe" in dialog.problem.text()
    dialog.address.setText("postgresql://anne@db.cabinet.fr/caio?engagement=acme-2026")
    assert open_button.isEnabled() and dialog.problem.text() == ""
    assert dialog.chosen() == "postgresql://anne@db.cabinet.fr/caio?engagement=acme-2026"


def test_an_engagement_that_is_not_there_is_said(window, pg_server, monkeypatch) -> None:
    clear_recent_team_addresses()
    shown = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: shown.append((title, text))))
    assert not window.files.open_team(pg_server.url("nobody-here"))
    assert shown[0][0] == "Impossible d'ouvrir la mission" and "no such engagement" in shown[0][1]
    assert window.context.workspace is None and recent_team_addresses() == []
