"""Workspace settings written as an operation."""

from __future__ import annotations

from caio_desktop.operations import undo
from caio_desktop.operations.settings import set_setting
from caio_desktop.workspace.queries import setting


def test_setting_is_stored_replaced_audited_and_undoable(workspace) -> None:
    first = set_setting(workspace, "import_mapping:risks", {"columns": {"Risque": "title"}})
    second = set_setting(workspace, "import_mapping:risks", {"columns": {"Titre": "title"}})
    assert setting(workspace, "import_mapping:risks") == {"columns": {"Titre": "title"}}
    assert second.text("en") == "Edit setting import_mapping:risks"
    assert workspace.audit_trail(1)[0].entity == "settings"
    undo(workspace, second)
    assert setting(workspace, "import_mapping:risks") == {"columns": {"Risque": "title"}}
    undo(workspace, first)
    assert setting(workspace, "import_mapping:risks") is None
