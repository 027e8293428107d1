"""Mappings saved in the workspace and reused by the next import."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.interchange.importing import (
    ColumnMapping,
    load_saved_mapping,
    plan_import,
    save_mapping_in_workspace,
)
from caio_desktop.operations import undo
from tests.interchange.importing.conftest import write_xlsx


def test_a_saved_mapping_is_reused_and_its_saving_can_be_undone(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "uc.xlsx", [["Titel", "Beskrivning", "Avdelning"], ["Chattbot", "Svarar", "HR"]])
    mapping = ColumnMapping("use_cases", {"Titel": "title", "Beskrivning": "description", "Avdelning": None})
    change = save_mapping_in_workspace(workspace, mapping)
    assert load_saved_mapping(workspace, "use_cases").fields == {"title": "Titel", "description": "Beskrivning"}
    plan = plan_import(workspace, path, "use_cases")
    assert plan.rows[0].values["title"] == "Chattbot"
    assert plan.rows[0].values["custom"] == {"Avdelning": "HR"}
    assert plan_import(workspace, path, "use_cases", mapping={"module": "use_cases", "columns": {
        "Titel": "title", "Avdelning": "department"}}).rows[0].values["department"] == "HR"
    undo(workspace, change)
    assert load_saved_mapping(workspace, "use_cases") is None


def test_a_saved_mapping_helps_find_a_foreign_header_below_titles(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "uc.xlsx", [["Förteckning över AI-fall"], ["Exporterad 2026-03-01"], [],
                                             ["Titel", "Beskrivning", "Avdelning"], ["Chattbot", "Svarar", "HR"]])
    save_mapping_in_workspace(workspace, ColumnMapping("use_cases", {"Titel": "title", "Avdelning": "department"}))
    plan = plan_import(workspace, path, "use_cases")
    assert plan.header_row == 4
    assert plan.rows[0].values["title"] == "Chattbot" and plan.rows[0].values["department"] == "HR"
