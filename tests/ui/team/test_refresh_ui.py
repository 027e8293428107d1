"""Seeing others' changes in the app: what Anne commits appears in Bruno's register after the watch
fires, in place (his selection stays), and the window says who updated it."""

from __future__ import annotations

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.ui.team.refresh import TeamRefresh


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
    refresh = TeamRefresh(bruno_context, interval_ms=10_000)
    bruno_context.perform(create_row, "risks", {"title": "Le mien", "likelihood": 1, "impact": 1})
    assert not refresh.poll()
    create_row(anne, "risks", {"title": "Le sien", "likelihood": 1, "impact": 1})
    assert refresh.poll()


def test_a_file_is_not_watched(qtbot, context) -> None:
    refresh = TeamRefresh(context, interval_ms=50)
    assert refresh.watch is None and not refresh.timer.isActive()


def test_the_window_says_who_updated(qtbot, window, anne, engagement_url) -> None:
    assert window.files.open_team(engagement_url)
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
    from sqlalchemy import create_engine

    workspace = bruno_context.workspace
    reachable = workspace.engine
    workspace.engine = create_engine(reachable.url.set(port=1))  # the server gone: nobody listens there
    try:
        assert not refresh.poll() and said and refresh.timer.interval() == 2000
        assert not refresh.poll() and refresh.timer.interval() == 4000
    finally:
        workspace.engine.dispose()
        workspace.engine = reachable
    create_row(anne, "risks", {"title": "Le retour", "likelihood": 1, "impact": 1})
    assert refresh.poll() and refresh.timer.interval() == 1000  # back: looked at as often as before


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
