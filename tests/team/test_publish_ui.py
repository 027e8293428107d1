"""File › Take offline… and File › Publish to server… in the main window, against the throw-away server
(the dialogs' questions answered by the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.operations.rows import create_row, update_row
from caio_desktop.ui.team.offline import OfflineActions
from caio_desktop.workspace import Workspace
from tests.team.test_publish import risks


@pytest.fixture
def window(qtbot):
    from caio_desktop.ui import settings
    from caio_desktop.ui.context import AppContext
    from caio_desktop.ui.shell.window import MainWindow

    settings.clear_recent_files()
    window = MainWindow(AppContext(lang="en"))
    qtbot.addWidget(window)
    yield window
    window.files.close()


@pytest.fixture
def published(pg_server, workspace_file: Path) -> tuple[str, int]:
    """The engagement on the server (one risk), its URL and the risk's id."""
    from caio_desktop.team.publish import publish

    with Workspace.open(workspace_file) as ws:
        risk_id = create_row(ws, "risks", {"code": "R-001", "title": "Biais du scoring", "likelihood": 3,
                                           "impact": 4}).row_ids[0]
    url = pg_server.url()
    publish(workspace_file, url)
    return url, risk_id


class Answers:
    """What the user answers, and what the app told them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, address: str, target: Path | None = None,
                 choice: str | None = None) -> None:
        self.asked: list[str] = []
        self.conflicts: list = []
        self.told: list[tuple[str, bool]] = []

        def ask_address(parent, title, address_shown=""):  # noqa: ANN001, ANN202
            self.asked.append(address_shown)
            return address

        def choose(parent, conflicts):  # noqa: ANN001, ANN202
            self.conflicts = conflicts
            return choice

        def tell(parent, title, text, *, error=False):  # noqa: ANN001, ANN202
            self.told.append((text, error))

        monkeypatch.setattr(OfflineActions, "ask_address", classmethod(lambda cls, *a, **k: ask_address(*a, **k)))
        monkeypatch.setattr(OfflineActions, "ask_target", classmethod(lambda cls, parent, suggested: target))
        monkeypatch.setattr(OfflineActions, "choose", classmethod(lambda cls, *a: choose(*a)))
        monkeypatch.setattr(OfflineActions, "tell", classmethod(lambda cls, *a, **k: tell(*a, **k)))


def test_take_offline_writes_a_new_file_and_opens_it(window, published, tmp_path: Path, monkeypatch):
    url, _ = published
    target = tmp_path / "train.caio"
    Answers(monkeypatch, address=url, target=target)
    assert OfflineActions(window.context, window, window.files).take_offline_dialog()
    assert window.context.workspace.path == target
    assert risks(window.context.workspace)["R-001"]["title"] == "Biais du scoring"


@pytest.fixture
def conflicting(window, published, tmp_path: Path) -> tuple[str, int]:
    """The engagement checked out and open in the window, R-001's impact set to 5 there and to 1 on the
    server."""
    from caio_desktop.team.checkout import checkout
    from caio_desktop.team.workspace import TeamWorkspace

    url, risk_id = published
    offline = checkout(url, tmp_path / "train.caio")
    assert window.files.open_path(offline)
    window.context.perform(update_row, "risks", risk_id, {"impact": 5})
    with TeamWorkspace.open(url) as colleague:
        update_row(colleague, "risks", risk_id, {"impact": 1})
    return url, risk_id


def test_publish_proposes_the_checkout_s_address_and_asks_which_values_to_keep(window, conflicting, monkeypatch):
    from caio_desktop.team.address import TeamAddress

    url, risk_id = conflicting

    answers = Answers(monkeypatch, address=url, choice="theirs")
    actions = OfflineActions(window.context, window, window.files)
    assert actions.publish_dialog()
    assert answers.asked == [TeamAddress.parse(url).display]  # where the file came from
    assert [(c.field, c.mine, c.theirs) for c in answers.conflicts] == [("impact", 5, 1)]
    assert risks(window.context.workspace)["R-001"]["impact"] == 1  # the page reads the server's state
    assert window.context.undo_stack.count() == 0
    [(summary, error)] = answers.told
    assert not error and "1 conflict resolved" in summary


def test_cancelling_the_conflicts_writes_nothing(window, conflicting, monkeypatch):
    from caio_desktop.team.workspace import TeamWorkspace

    url, _ = conflicting
    answers = Answers(monkeypatch, address=url, choice=None)
    assert not OfflineActions(window.context, window, window.files).publish_dialog()
    assert answers.conflicts and answers.told == []
    assert risks(window.context.workspace)["R-001"]["impact"] == 5
    with TeamWorkspace.open(url) as colleague:
        assert risks(colleague)["R-001"]["impact"] == 1


def test_a_refused_publish_says_why(window, published, workspace_file: Path, empty_workspace_template: Path,
                                    tmp_path: Path, monkeypatch):
    url, _ = published
    other = tmp_path / "autre.caio"
    other.write_bytes(empty_workspace_template.read_bytes())
    assert window.files.open_path(other)
    answers = Answers(monkeypatch, address=url)
    assert not OfflineActions(window.context, window, window.files).publish_dialog()
    [(text, error)] = answers.told
    assert error and "not a checkout of it" in text


def test_the_file_menu_has_both_and_publish_waits_for_an_open_file(window, published, tmp_path: Path,
                                                                   monkeypatch):
    texts = [action.text() for action in window.file_menu.actions()]
    assert "&Publish to server…" in texts and "Take o&ffline…" in texts
    assert not window.publish_action.isEnabled() and window.take_offline_action.isEnabled()
    url, _ = published
    Answers(monkeypatch, address=url, target=tmp_path / "menu.caio")
    window.take_offline_action.trigger()
    assert window.context.workspace.path == tmp_path / "menu.caio" and window.publish_action.isEnabled()
