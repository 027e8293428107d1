"""The app context: operations become undo steps; undo/redo restore the workspace; edits merge."""

from __future__ import annotations

from caio_desktop.operations import create_row, update_row
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.ui.context import AppContext
from caio_desktop.workspace.queries import count_rows, get_row


def test_push_undo_redo_round_trip(qtbot, workspace) -> None:
    context = AppContext(lang="fr")
    context.set_workspace(workspace)
    seen: list[frozenset] = []
    context.data_changed.connect(seen.append)
    change = context.perform(create_row, "risks", {"title": "Fuite de données via les prompts",
                                                     "likelihood": 4, "impact": 4})
    assert count_rows(workspace, "risks") == 1
    assert context.undo_stack.undoText() == "Ajouter risque R-001"
    context.undo_stack.undo()
    assert count_rows(workspace, "risks") == 0
    context.undo_stack.redo()
    assert get_row(workspace, "risks", change.row_ids[0])["title"] == "Fuite de données via les prompts"
    assert all("risks" in tables for tables in seen)


def test_consecutive_edits_of_one_cell_merge(qtbot, workspace) -> None:
    context = AppContext(lang="en")
    context.set_workspace(workspace)
    risk_id = context.perform(create_row, "risks", {"title": "Drift", "likelihood": 2, "impact": 2}).row_ids[0]
    for impact in (3, 4, 5):
        context.perform(update_row, "risks", risk_id, {"impact": impact})
    assert context.undo_stack.count() == 2  # the add, then one merged edit
    assert context.undo_stack.undoText() == "Edit risk R-001"
    context.undo_stack.undo()
    assert get_row(workspace, "risks", risk_id)["impact"] == 2
    context.undo_stack.redo()
    row = get_row(workspace, "risks", risk_id)
    assert row["impact"] == 5
    assert row["level"] == load_risk_matrix().level_for(2, 5)


def test_an_undo_the_file_refuses_is_dropped_and_reported(qtbot, workspace, monkeypatch) -> None:
    from caio_desktop.ui import undo as undo_module

    context = AppContext(lang="en")
    context.set_workspace(workspace)
    context.perform(create_row, "risks", {"title": "Drift", "likelihood": 2, "impact": 2})

    def refuse(ws, change) -> None:  # noqa: ANN001
        raise RuntimeError("the row was changed by another program")

    monkeypatch.setattr(undo_module.operations, "undo", refuse)
    with qtbot.waitSignal(context.step_failed) as blocker:
        context.undo_stack.undo()
    assert "Add risk R-001" in blocker.args[0] and "another program" in blocker.args[0]
    assert count_rows(workspace, "risks") == 1  # nothing half-undone
    assert context.undo_stack.count() == 0  # the step left the history
