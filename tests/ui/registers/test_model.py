"""The register table model: what a table shows, cell edits as undo steps, precise signals, lazy pages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.model import ID_ROLE, ROW_ROLE, RegisterModel
from caio_desktop.workspace.queries import get_row


def _risk(context: AppContext, title: str, likelihood: int = 3, impact: int = 3, **values) -> int:
    return context.perform(create_row, "risks", {"title": title, "likelihood": likelihood, "impact": impact,
                                                 **values}).row_ids[0]


def test_cells_show_labels_and_edit_role_gives_raw_values(context) -> None:
    system = context.perform(create_row, "ai_systems", {"name": "Chatbot RH"}).row_ids[0]
    _risk(context, "Biais", 5, 5, ai_system_id=system, review_date=dt.date(2026, 3, 16))
    model = RegisterModel(context, "risks")
    assert model.rowCount() == 1
    level = model.index(0, model.column("level"))
    assert level.data() == "Critique"
    assert level.data(Qt.ItemDataRole.EditRole) == "critical"
    assert level.data(Qt.ItemDataRole.BackgroundRole).name().upper() == "#C62828"
    assert model.index(0, model.column("ai_system_id")).data() == "Chatbot RH"
    review = model.index(0, model.column("review_date"))
    assert review.data() == "16/03/2026"
    assert review.data(Qt.ItemDataRole.EditRole) == QDate(2026, 3, 16)
    assert model.index(0, 0).data(ROW_ROLE)["title"] == "Biais"
    assert model.headerData(model.column("likelihood"), Qt.Orientation.Horizontal) == "Probabilité"
    context.set_language("en")
    assert level.data() == "Critical"
    assert review.data() == "16 Mar 2026"
    assert model.headerData(model.column("likelihood"), Qt.Orientation.Horizontal) == "Likelihood"


def test_set_data_is_an_undo_step_with_precise_signals(qtbot, context) -> None:
    _risk(context, "Dérive", 2, 2)
    model = RegisterModel(context, "risks")
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    impact = model.index(0, model.column("impact"))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.setData(impact, 5)
    assert blocker.args[0].row() == 0
    assert impact.data() == "5"
    assert model.index(0, model.column("level")).data() == "Élevé"
    assert context.undo_stack.undoText() == "Modifier risque R-001"
    context.undo_stack.undo()
    assert impact.data() == "2"
    assert model.index(0, model.column("level")).data() == "Faible"
    context.undo_stack.redo()
    assert impact.data() == "5"
    assert not resets


def test_refused_edit_reports_the_field_and_writes_nothing(qtbot, context) -> None:
    risk = _risk(context, "Dérive")
    model = RegisterModel(context, "risks")
    with qtbot.waitSignal(model.validation_failed) as blocker:
        assert not model.setData(model.index(0, model.column("title")), "  ")
    assert blocker.args[0].field == "title"
    assert get_row(context.workspace, "risks", risk)["title"] == "Dérive"


def test_bool_cells_toggle_through_check_state(context) -> None:
    context.perform(create_row, "ai_systems", {"name": "Copilot"})
    model = RegisterModel(context, "ai_systems")
    cell = model.index(0, model.column("shadow_ai"))
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert get_row(context.workspace, "ai_systems", cell.data(ID_ROLE))["shadow_ai"] is True


def test_inserts_and_deletes_from_operations_undo_and_redo(qtbot, context) -> None:
    first = _risk(context, "Un")
    model = RegisterModel(context, "risks")
    with qtbot.waitSignal(model.rowsInserted):
        second = _risk(context, "Deux")
    assert [model.index(r, model.column("title")).data() for r in range(2)] == ["Un", "Deux"]
    with qtbot.waitSignal(model.rowsRemoved):
        context.perform(delete_rows, "risks", [first, second])
    assert model.rowCount() == 0
    context.undo_stack.undo()  # one step brings both back, in id order
    assert [model.index(r, model.column("title")).data() for r in range(2)] == ["Un", "Deux"]


def test_refs_column_follows_link_edits(context) -> None:
    objective = context.perform(create_row, "objectives", {"title": "Réduire les délais"}).row_ids[0]
    use_case = context.perform(create_row, "use_cases", {"title": "Tri des sinistres"}).row_ids[0]
    model = RegisterModel(context, "use_cases")
    cell = model.index(0, model.column("objective_ids"))
    assert cell.data() == ""
    assert model.update(use_case, {"objective_ids": [objective]})
    assert cell.data() == "Réduire les délais"
    context.undo_stack.undo()
    assert cell.data() == ""


def test_model_tester_on_empty_and_filled_registers(qtmodeltester, context) -> None:
    qtmodeltester.check(RegisterModel(context, "risks"))
    for i in range(3):
        _risk(context, f"Risque {i}", 1 + i, 5 - i)
    context.perform(create_row, "use_cases", {"title": "Tri", "business_value": 4})
    for key in ("risks", "use_cases", "engagement", "phases"):
        qtmodeltester.check(RegisterModel(context, key))


def _bulk_risks(workspace, n: int) -> None:
    rows = [{"code": f"R-{i + 1:05d}", "title": f"Risque {i + 1}", "likelihood": 1 + i % 5,
             "impact": 1 + (i // 5) % 5, "level": "low"} for i in range(n)]
    run_recorded(workspace, ChangeSet("import", "risks", "bulk"), lambda rec: rec.insert_many("risks", rows))


def test_lazy_loading_shows_a_first_page_and_fetches_more(context) -> None:
    _bulk_risks(context.workspace, 5000)
    model = RegisterModel(context, "risks")
    assert model.total == 5000
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert model.index(399, model.column("title")).data() == "Risque 400"
    new = _risk(context, "Nouveau")  # beyond the loaded pages: counted, shown when reached
    assert model.rowCount() == 400 and model.total == 5001
    context.perform(delete_rows, "risks", [model.index(0, 0).data(ID_ROLE)])
    assert model.rowCount() == 399 and model.index(0, model.column("title")).data() == "Risque 2"
    model.fetch_all()
    assert model.rowCount() == 5000
    assert model.index(4999, 0).data(ID_ROLE) == new


def test_where_restricts_rows_and_follows_moves(context) -> None:
    kpi_a = context.perform(create_row, "kpis", {"name": "Taux d'adoption"}).row_ids[0]
    kpi_b = context.perform(create_row, "kpis", {"name": "Délai"}).row_ids[0]
    m = context.perform(create_row, "kpi_measurements",
                        {"kpi_id": kpi_a, "measured_on": dt.date(2026, 2, 1), "value": 12.5}).row_ids[0]
    model = RegisterModel(context, "kpi_measurements", where={"kpi_id": kpi_a})
    assert model.rowCount() == 1
    assert model.index(0, model.column("value")).data() == "12,5"
    model.update(m, {"kpi_id": kpi_b})
    assert model.rowCount() == 0
    model.set_where({"kpi_id": kpi_b})
    assert model.rowCount() == 1


def test_actions_name_the_register_and_row_they_come_from(context) -> None:
    risk = _risk(context, "Fuite de données")
    context.perform(create_row, "actions", {"title": "Chiffrer les exports", "source_module": "risks",
                                            "source_id": risk})
    model = RegisterModel(context, "actions")
    assert model.index(0, model.column("source_module")).data() == "Risques"
    assert model.index(0, model.column("source_id")).data() == "R-001 — Fuite de données"  # code and title
    assert model.index(0, model.column("source_id")).data(Qt.ItemDataRole.EditRole) == risk
    context.perform(update_row, "risks", risk, {"code": "R-FUITE"})  # the source's label follows
    assert model.index(0, model.column("source_id")).data() == "R-FUITE — Fuite de données"


def test_model_tester_on_every_module_of_the_demo(qtbot, qtmodeltester, demo_workspace) -> None:
    from caio_desktop.domain.modules import MODULES

    demo = AppContext(lang="en")
    demo.set_workspace(demo_workspace)
    for key in MODULES:
        model = RegisterModel(demo, key)
        qtmodeltester.check(model)
        assert model.rowCount() == min(model.total, 200)
    demo.set_workspace(None)


def test_paragraphs_and_link_lists_are_edited_in_the_form_only(context) -> None:
    _risk(context, "Dérive", description="Première ligne\nSeconde ligne")
    model = RegisterModel(context, "risks")
    description = model.index(0, model.column("description"))
    assert not model.flags(description) & Qt.ItemFlag.ItemIsEditable
    assert description.data() == "Première ligne Seconde ligne"
    assert description.data(Qt.ItemDataRole.ToolTipRole) == "Première ligne\nSeconde ligne"
    assert model.flags(model.index(0, model.column("title"))) & Qt.ItemFlag.ItemIsEditable


def test_search_text_holds_what_people_read(context) -> None:
    system = context.perform(create_row, "ai_systems", {"name": "Chatbot RH"}).row_ids[0]
    _risk(context, "Biais", 5, 5, ai_system_id=system, category="ai_ethics", review_date=dt.date(2026, 3, 16))
    model = RegisterModel(context, "risks")
    text = model.search_text(0)
    for words in ("biais", "critique", "chatbot rh", "éthique de l'ia", "16/03/2026", "r-001"):
        assert words in text


def test_fetch_all_loads_the_rest_in_one_insert(qtbot, context) -> None:
    _bulk_risks(context.workspace, 700)
    model = RegisterModel(context, "risks")
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.fetch_all()
    assert (blocker.args[1], blocker.args[2]) == (200, 699)
    assert model.rowCount() == 700 and not model.canFetchMore(QModelIndex())


def test_a_register_reads_only_the_labels_its_rows_show(qtbot, context) -> None:
    """Twenty actions on a 3,000-risk register: their risks' labels only, kept in step with renames."""
    rows = [{"code": f"R-{n:04d}", "title": f"Risque {n}", "likelihood": 2, "impact": 2} for n in range(1, 3001)]
    run_recorded(context.workspace, ChangeSet("import", "risks", "3000"), lambda rec: rec.insert_many("risks", rows))
    for n in (7, 7, 2999):
        context.perform(create_row, "risk_actions", {"title": f"Traiter {n}", "risk_id": n})
    model = RegisterModel(context, "risk_actions")
    column = model.column("risk_id")
    assert [model.index(r, column).data() for r in range(3)] == ["R-0007 — Risque 7", "R-0007 — Risque 7",
                                                                 "R-2999 — Risque 2999"]
    assert set(model.ref_labels("risks")) == {7, 2999}
    context.perform(update_row, "risks", 7, {"code": "R-CYBER"})
    assert model.index(0, column).data() == "R-CYBER — Risque 7"
    context.perform(create_row, "risk_actions", {"title": "Traiter 42", "risk_id": 42})
    assert model.index(3, column).data() == "R-0042 — Risque 42" and set(model.ref_labels("risks")) == {7, 42, 2999}


def test_the_table_edits_a_reference_to_a_long_register_by_searching(qtbot, context, monkeypatch) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

    from caio_desktop.ui.registers import ref_picker
    from caio_desktop.ui.registers.delegate import RegisterDelegate

    monkeypatch.setattr(ref_picker, "LIST_LIMIT", 3)
    for n in range(5):
        _risk(context, f"Risque {n}")
    context.perform(create_row, "risk_actions", {"title": "Traiter", "risk_id": 2})
    model = RegisterModel(context, "risk_actions")
    parent = QWidget()
    qtbot.addWidget(parent)
    delegate = RegisterDelegate()
    cell = model.index(0, model.column("risk_id"))
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), cell)
    delegate.setEditorData(editor, cell)
    assert editor.searching and editor.count() == 1 and editor.currentText() == "R-002"
    editor.set_value(4)
    delegate.setModelData(editor, model, cell)
    assert get_row(context.workspace, "risk_actions", 1)["risk_id"] == 4 and cell.data() == "R-004 — Risque 3"


def test_an_import_larger_than_a_page_reloads_the_register_lazily(qtbot, context, monkeypatch) -> None:
    """Thousands of rows changed at once (an import, its undo): one reload from the first page, not a
    query per row (20,000 rows took 4 s that way)."""
    from caio_desktop.workspace import queries

    model = RegisterModel(context, "risks", page_size=50)
    rows = [{"code": f"R-{n:04d}", "title": f"Risque {n}", "likelihood": 2, "impact": 3} for n in range(1, 1001)]
    change = run_recorded(context.workspace, ChangeSet("import", "risks", "1000"),
                          lambda rec: rec.insert_many("risks", rows))
    asked: list[int] = []
    real_get_row = queries.get_row
    monkeypatch.setattr(queries, "get_row", lambda *args: asked.append(args[-1]) or real_get_row(*args))
    with qtbot.waitSignal(model.modelReset):
        context.notify(change)
    assert asked == [] and model.rowCount() == 50 and model.total == 1000
    assert model.index(0, model.column("code")).data() == "R-0001"
    context.perform(update_row, "risks", 3, {"title": "Risque renommé"})  # one row: updated in place
    assert model.index(2, model.column("title")).data() == "Risque renommé" and asked == [3]
