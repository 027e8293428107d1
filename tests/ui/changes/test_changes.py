"""The Changes view and its models: summary per register, filterable list, opening a row, baselines,
register markers; the models pass qtmodeltester."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.ui.changes.models import ENTRY_ROLE, ChangeFilter, ChangeListModel, SummaryModel, field_text
from caio_desktop.ui.changes.view import ChangesView
from caio_desktop.workspace.baselines import list_baselines, mark_baseline
from caio_desktop.workspace.compare import compare_states
from caio_desktop.workspace.comparison import FieldChange
from caio_desktop.workspace.queries import fetch_rows


@pytest.fixture
def moved(context):  # noqa: ANN001, ANN201 - an AppContext whose engagement moved since "COPIL 3"
    ws = context.workspace
    risk = create_row(ws, "risks", {"title": "Biais du tri", "likelihood": 2, "impact": 2}).row_ids[0]
    action = create_row(ws, "actions", {"title": "Relire le contrat"}).row_ids[0]
    mark_baseline(ws, name="COPIL 3", date=dt.date(2026, 3, 12))
    update_row(ws, "risks", risk, {"likelihood": 5, "impact": 5, "review_date": dt.date(2026, 4, 1)})
    create_row(ws, "risks", {"title": "Dérive du modèle", "likelihood": 3, "impact": 3})
    delete_rows(ws, "actions", [action])
    return context


def diffs(context):  # noqa: ANN001, ANN201
    baseline = list_baselines(context.workspace.path)[0]
    return list(compare_states(after=context.workspace.path, before=baseline.snapshot))


def test_models_pass_qtmodeltester(moved, qtmodeltester) -> None:  # noqa: ANN001
    found = diffs(moved)
    summary, changes = SummaryModel(), ChangeListModel("fr")
    summary.set_diffs(found)
    changes.set_diffs(found)
    proxy = ChangeFilter()
    proxy.setSourceModel(changes)
    for model in (summary, changes, proxy):
        qtmodeltester.check(model, force_py=True)
    assert [summary.index(r, 0).data() for r in range(summary.rowCount())] == ["Risques", "Actions"]
    assert [summary.index(0, c).data() for c in range(1, 4)] == ["1", "0", "1"]
    assert changes.rowCount() == 3
    proxy.set_filter(kind="removed")
    assert proxy.rowCount() == 1 and proxy.index(0, 2).data() == "Relire le contrat"
    proxy.set_filter(kind="", text="critique")
    assert proxy.rowCount() == 1 and "Niveau : Faible → Critique" in proxy.index(0, 3).data()
    assert "Date de revue : ∅ → 01/04/2026" in proxy.index(0, 3).data()  # dates as the interface writes them


def test_field_text_keeps_custom_columns_as_named() -> None:
    change = FieldChange("custom:Entité", "Entité", "Nord", "Sud", "Nord", "Sud")
    assert field_text("risks", change, "fr") == "Entité : Nord → Sud"
    assert field_text("risks", change, "en") == "Entité: Nord → Sud"


def test_view_compares_off_the_gui_thread_and_opens_a_row(moved, qtbot) -> None:  # noqa: ANN001
    view = ChangesView(moved)
    qtbot.addWidget(view)
    assert [view.from_box.itemText(i) for i in range(view.from_box.count())][:2] == [
        "Maintenant", "Référence COPIL 3 (2026-03-12)"]
    assert view.from_box.currentIndex() == 1 and view.to_box.currentIndex() == 0
    with qtbot.waitSignal(view.change_markers, timeout=10_000) as marked:
        view.compare().wait(10_000)
    markers, since = marked.args
    risk_ids = [r["id"] for r in fetch_rows(moved.workspace, "risks")]
    assert markers["risks"] == {risk_ids[0]: "changed", risk_ids[1]: "added"} and "COPIL 3" in since
    assert "3 changements" in view.result_label.text()
    view.summary_view.selectRow(1)  # Actions
    assert view.filter.rowCount() == 1
    with qtbot.assertNotEmitted(view.navigate):
        view.open_change(view.filter.index(0, 0))  # a removed row has nowhere to go
    view.summary_view.selectRow(0)
    with qtbot.waitSignal(view.navigate) as opened:
        view.open_change(view.filter.index(0, 0))
    assert opened.args == ["risks", "risks", view.filter.index(0, 0).data(ENTRY_ROLE).row.id]


def test_no_change_and_marking_a_baseline(context, qtbot, monkeypatch) -> None:  # noqa: ANN001
    view = ChangesView(context)
    qtbot.addWidget(view)
    assert not view.compare_button.isEnabled()  # only "now": nothing to compare with
    monkeypatch.setattr(ChangesView, "ask_baseline", classmethod(lambda cls, parent: ("COPIL 1", dt.date(2026, 2, 1))))
    view.mark_baseline()
    assert view.compare_button.isEnabled() and view.from_box.currentText() == "Référence COPIL 1 (2026-02-01)"
    view.compare().wait(10_000)
    qtbot.waitUntil(lambda: view.compared is not None)
    assert "aucun changement" in view.result_label.text() and view.changes.rowCount() == 0
    errors = []
    monkeypatch.setattr(ChangesView, "show_error", classmethod(lambda cls, parent, text: errors.append(text)))
    view.mark_baseline()  # the same name again
    assert errors and "COPIL 1" in errors[0]


def test_register_marks_rows_changed_since(moved, qtbot, qtmodeltester) -> None:  # noqa: ANN001
    from caio_desktop.ui.registers.view import RegisterWidget

    register = RegisterWidget(moved, "risks")
    qtbot.addWidget(register)
    first, second = (r["id"] for r in fetch_rows(moved.workspace, "risks"))
    register.show_changes({first: "changed"}, "COPIL 3")
    header = register.proxy.headerData
    assert header(0, Qt.Orientation.Vertical) == "●" and header(1, Qt.Orientation.Vertical) == ""
    assert header(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "Modifié depuis COPIL 3"
    assert register.table.verticalHeader().isVisibleTo(register)
    qtmodeltester.check(register.model, force_py=True)
    register.changed_only.setChecked(True)
    assert register.proxy.rowCount() == 1
    register.show_changes({}, "")
    assert register.proxy.rowCount() == 2 and not register.table.verticalHeader().isVisibleTo(register)


def test_reachable_from_the_overview_and_marks_in_the_window(moved, qtbot) -> None:  # noqa: ANN001
    from caio_desktop.ui.shell.window import MainWindow

    workspace = moved.workspace
    moved.set_workspace(None)  # as the app: the window first, then the file
    window = MainWindow(moved)
    qtbot.addWidget(window)
    moved.set_workspace(workspace)
    window.page("overview").changes_link.click()
    governance = window.pages["governance"]
    assert window.current_page() is governance and governance.tabs.currentWidget() is governance.changes
    governance.changes.compare().wait(10_000)
    qtbot.waitUntil(lambda: governance.changes.compared is not None)
    risks = window.page("risks").registers["risks"]  # created after the comparison: marked all the same
    assert risks.model.marker(fetch_rows(moved.workspace, "risks")[1]["id"]) == "added"
    governance.changes.summary_view.selectRow(0)
    governance.changes.list_view.doubleClicked.emit(governance.changes.filter.index(0, 0))
    assert window.current_page() is window.pages["risks"]
