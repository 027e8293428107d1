"""Seeing others' changes in the app: what Anne commits appears in Bruno's register after the watch
fires, in place (his selection stays), and the window says who updated it. Each look runs on a worker
thread: a server that does not answer leaves the window turning, and closing the engagement stops a
look under way with nothing told afterwards."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import create_engine

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.ui.team.refresh import TeamRefresh


def _look(qtbot, refresh: TeamRefresh) -> bool:
    """One look, its outcome applied (True: others' changes were shown)."""
    with qtbot.waitSignal(refresh.looked, timeout=20_000) as blocker:
        assert refresh.look()
    return bool(blocker.args[0])


def _watch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "caio-team-watch" and t.is_alive()]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port where the connection is taken but nothing ever answers (a server hung, a network gone
    quiet): a client waits there for its connect timeout."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        yield listener.getsockname()[1]


@contextmanager
def _served_from(workspace: Any, port: int, *, timeout_s: int = 2) -> Iterator[None]:
    """The workspace's connections go to `port` for a while (then to its server again)."""
    reachable = workspace.engine
    workspace.engine = create_engine(reachable.url.set(
        port=port, query={**reachable.url.query, "connect_timeout": str(timeout_s)}))
    try:
        yield
    finally:
        workspace.engine.dispose()
        workspace.engine = reachable


def test_a_change_by_anne_appears_in_brunos_register(qtbot, anne, bruno_context) -> None:
    refresh = TeamRefresh(bruno_context, interval_ms=50)
    model = RegisterModel(bruno_context, "risks")
    assert model.rowCount() == 0
    authors = []
    refresh.updated.connect(authors.append)
    risk = create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4}).row_ids[0]
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.index(0, model.column("title")).data() == "Biais du scoring"
    update_row(anne, "risks", risk, {"impact": 5})
    qtbot.waitUntil(lambda: model.index(0, model.column("impact")).data() == "5", timeout=5000)
    assert authors[-1] == ["Anne Martin"]
    delete_rows(anne, "risks", [risk])
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)


def test_the_selection_stays_while_a_row_is_refreshed(qtbot, anne, bruno_context) -> None:
    from caio_desktop.ui.registers.view import RegisterWidget

    first = create_row(anne, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2}).row_ids[0]
    second = create_row(anne, "risks", {"title": "Biais", "likelihood": 3, "impact": 3}).row_ids[0]
    view = RegisterWidget(bruno_context, "risks")
    qtbot.addWidget(view)
    view.show()
    refresh = TeamRefresh(bruno_context, interval_ms=50)
    assert view.select_row(second)
    update_row(anne, "risks", second, {"title": "Biais du scoring"})
    qtbot.waitUntil(lambda: view.model.index(view.model.row_of(second), view.model.column("title")).data()
                    == "Biais du scoring", timeout=5000)
    assert view.current_id() == second and view.selected_ids() == [second]
    assert first in view.model._ids
    refresh.timer.stop()


def test_own_changes_are_not_announced(qtbot, anne, bruno_context) -> None:
    refresh = TeamRefresh(bruno_context, interval_ms=60_000)
    bruno_context.perform(create_row, "risks", {"title": "Le mien", "likelihood": 1, "impact": 1})
    assert not _look(qtbot, refresh)
    create_row(anne, "risks", {"title": "Le sien", "likelihood": 1, "impact": 1})
    assert _look(qtbot, refresh)


def test_a_file_is_not_watched(qtbot, context) -> None:
    refresh = TeamRefresh(context, interval_ms=50)
    assert refresh.watch is None and not refresh.timer.isActive()


def test_the_window_says_who_updated(qtbot, window, anne, engagement_url) -> None:
    assert window.files.open_team(engagement_url)
    window.team_refresh.interval_ms = 50
    window.team_refresh.timer.setInterval(50)
    window.show()
    window.show_page("risks")
    create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4})
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Mis à jour par Anne Martin", timeout=5000)
    register = window.pages["risks"].registers["risks"]
    assert register.model.rowCount() == 1


def test_an_unreachable_server_is_looked_at_less_often(qtbot, anne, bruno_context) -> None:
    refresh = TeamRefresh(bruno_context, interval_ms=1000)
    said = []
    refresh.unreachable.connect(said.append)
    with _served_from(bruno_context.workspace, 1):  # the server gone: nobody listens there
        assert not _look(qtbot, refresh) and said and refresh.timer.interval() == 2000
        assert not _look(qtbot, refresh) and refresh.timer.interval() == 4000
    create_row(anne, "risks", {"title": "Le retour", "likelihood": 1, "impact": 1})
    assert _look(qtbot, refresh) and refresh.timer.interval() == 1000  # back: looked at as often as before


def test_a_server_that_does_not_answer_leaves_the_window_turning(qtbot, anne, bruno_context,
                                                                 silent_port) -> None:
    refresh = TeamRefresh(bruno_context, interval_ms=60_000)
    model = RegisterModel(bruno_context, "risks")
    ticks_while_waiting: list[bool] = []
    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(lambda: refresh.busy and ticks_while_waiting.append(True))
    ticker.start()
    said = []
    refresh.unreachable.connect(said.append)
    with _served_from(bruno_context.workspace, silent_port), qtbot.waitSignal(refresh.unreachable, timeout=20_000):
        assert refresh.look()
        assert not refresh.look()  # one look at a time
    ticker.stop()
    assert len(ticks_while_waiting) >= 3  # the event loop kept turning while the look waited
    assert "timeout" in said[0].lower()
    create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4})
    assert _look(qtbot, refresh)  # the server back: others' changes reach the register again
    assert model.rowCount() == 1 and model.index(0, model.column("title")).data() == "Biais du scoring"


def test_closing_the_engagement_stops_a_look_under_way(qtbot, anne, bruno_context, silent_port) -> None:
    refresh = TeamRefresh(bruno_context, interval_ms=60_000)
    heard: list[Any] = []
    for signal in (refresh.looked, refresh.unreachable, refresh.updated, bruno_context.rows_changed):
        signal.connect(heard.append)
    with _served_from(bruno_context.workspace, silent_port):
        assert refresh.look() and _watch_threads()
        bruno_context.set_workspace(None)  # File › Close while the look waits for the server
        assert not _watch_threads() and not refresh.busy and not refresh.timer.isActive()
        qtbot.wait(300)
    assert heard == []  # nothing told about an engagement that is closed
    assert not refresh.look()


def test_an_outcome_on_its_way_when_the_engagement_closes_is_dropped(qtbot, anne, bruno_context) -> None:
    refresh = TeamRefresh(bruno_context, interval_ms=60_000)
    heard: list[Any] = []
    for signal in (refresh.looked, refresh.updated, bruno_context.rows_changed):
        signal.connect(heard.append)
    create_row(anne, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2})
    assert refresh.look()
    for thread in _watch_threads():
        thread.join(10)  # its outcome is queued for the GUI thread, not applied yet
    bruno_context.set_workspace(None)
    qtbot.wait(300)
    assert heard == []


def test_the_field_being_typed_in_the_form_stays(qtbot, anne, bruno_context) -> None:
    from caio_desktop.ui.registers.form import DetailForm

    risk = create_row(anne, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2}).row_ids[0]
    form = DetailForm(bruno_context, "risks")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.set_row(risk)
    owner = form.field_editor("owner")
    owner.setFocus()
    qtbot.waitUntil(owner.hasFocus, timeout=2000)
    owner.setText("Direction des ris")  # Bruno is typing, not yet committed
    refresh = TeamRefresh(bruno_context, interval_ms=50)
    update_row(anne, "risks", risk, {"title": "Fuite de données clients"})
    qtbot.waitUntil(lambda: form.field_editor("title").value() == "Fuite de données clients", timeout=5000)
    assert owner.text() == "Direction des ris"
    refresh.timer.stop()
