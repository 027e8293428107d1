"""The comparison of states in the app says who changed each row ("Modifié par")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, update_row
from caio_desktop.ui.changes.models import ChangeFilter, ChangeListModel
from caio_desktop.ui.i18n import install_language
from caio_desktop.workspace.compare import compare_states
from caio_desktop.workspace.snapshots import take_snapshot
from caio_desktop.workspace.workspace import Workspace


def test_the_change_list_names_who_changed_each_row(qtbot, qtmodeltester, workspace_file: Path) -> None:
    with Workspace.open(workspace_file, author="Anne Martin") as ws:
        risk = create_row(ws, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2}).row_ids[0]
        snapshot = take_snapshot(ws, reason="copil")
        ws.author = "Bruno Petit"
        update_row(ws, "risks", risk, {"impact": 4})
    install_language("fr")
    try:
        model = ChangeListModel("fr")
        model.set_diffs(list(compare_states(after=workspace_file, before=snapshot)))
        qtmodeltester.check(model)
        by = model.COLUMNS.index("by")
        assert model.headerData(by, Qt.Orientation.Horizontal) == "Modifié par"
        assert [model.index(r, by).data() for r in range(model.rowCount())] == ["Bruno Petit"]
        found = ChangeFilter()
        found.setSourceModel(model)
        found.set_filter(text="bruno")
        assert found.rowCount() == 1
    finally:
        install_language("en")
