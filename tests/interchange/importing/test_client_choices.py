"""The client's own categories: added to the engagement's choice list, or mapped onto an existing choice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.domain.enums import ENUMERATIONS, install_engagement_choices
from caio_desktop.interchange.importing import apply_import, plan_import
from caio_desktop.operations import undo, update_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.importing.conftest import write_xlsx

ROWS = [["Risque", "Catégorie", "Probabilité", "Impact"], ["Fuite", "Conformité", 4, 5],
        ["Biais", "Gouvernance", 2, 3], ["Turnover", "RH / Organisation", 3, 3], ["Intrusion", "Cyber", 3, 4]]


@pytest.fixture(autouse=True)
def _fresh_enumerations() -> Iterator[None]:
    yield
    install_engagement_choices({})  # the next test's engagement brings its own


def _setting(workspace) -> list[dict]:  # noqa: ANN001
    from sqlalchemy import text

    with workspace.engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM settings WHERE key = 'choices:risk_category'")).scalar()
    return json.loads(value) if value else []


def test_new_categories_are_added_to_the_engagement_and_undone_with_the_import(workspace_file, tmp_path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", ROWS)
    with Workspace.open(workspace_file) as ws:
        plan = plan_import(ws, path, "risks", add_choices=True)
        assert plan.new_choices == {"risk_category": {"conformite": "Conformité", "gouvernance": "Gouvernance",
                                                      "rh_organisation": "RH / Organisation"}}
        assert not plan.warnings
        result = apply_import(ws, plan)
        assert [r["category"] for r in fetch_rows(ws, "risks")] == ["conformite", "gouvernance",
                                                                    "rh_organisation", "cybersecurity"]
        assert [c["fr"] for c in _setting(ws)] == ["Conformité", "Gouvernance", "RH / Organisation"]
    install_engagement_choices({})
    with Workspace.open(workspace_file) as ws:  # the engagement's list comes back with the file
        assert ENUMERATIONS["risk_category"].label("rh_organisation", "en") == "RH / Organisation"
        update_row(ws, "risks", fetch_rows(ws, "risks")[0]["id"], {"category": "gouvernance"})  # a valid choice
        assert fetch_rows(ws, "risks")[0]["category"] == "gouvernance"
        # the next import knows them by their label
        again = plan_import(ws, write_xlsx(tmp_path / "s.xlsx", [ROWS[0], ["Nouveau", "gouvernance", 1, 1]]), "risks")
        assert again.rows[0].values["category"] == "gouvernance" and not again.new_choices
    assert result.imported == 4


def test_undoing_the_import_removes_the_new_choices(workspace, tmp_path: Path) -> None:
    result = apply_import(workspace, plan_import(workspace, write_xlsx(tmp_path / "r.xlsx", ROWS), "risks",
                                                 add_choices=True))
    assert len(_setting(workspace)) == 3
    undo(workspace, result.change)
    assert _setting(workspace) == [] and fetch_rows(workspace, "risks") == []


def test_the_mapping_file_adds_or_maps_each_value(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", ROWS)
    mapping = {"module": "risks", "columns": {"Risque": "title", "Catégorie": "category", "Probabilité": "likelihood",
                                              "Impact": "impact"},
               "values": {"Catégorie": {"Conformité": "new", "RH / Organisation": "Opérationnel"}}}
    plan = plan_import(workspace, path, "risks", mapping=mapping)
    assert plan.new_choices == {"risk_category": {"conformite": "Conformité"}}
    assert [r.values["category"] for r in plan.rows] == ["conformite", None, "operational", "cybersecurity"]
    [warning] = plan.warnings  # Gouvernance: neither mapped nor added, kept as an attribute with a warning
    assert warning.value == "Gouvernance" and plan.rows[1].values["custom"] == {"Catégorie": "Gouvernance"}
    apply_import(workspace, plan)
    assert ENUMERATIONS["risk_category"].label("conformite", "fr") == "Conformité"


def test_the_command_line_adds_choices_with_a_flag(workspace_file, tmp_path: Path, capsys) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", ROWS)
    assert main(["import", str(workspace_file), str(path), "--into", "risks", "--add-choices"]) == 0
    out = capsys.readouterr().out
    assert "new choices of risk_category: 'Conformité' (conformite), 'Gouvernance' (gouvernance)" in out
    assert "warnings 0" in out


def test_the_export_lists_and_re_imports_the_client_categories(workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from caio_desktop.interchange.excel_export import export_workbook

    apply_import(workspace, plan_import(workspace, write_xlsx(tmp_path / "r.xlsx", ROWS), "risks", add_choices=True))
    out = export_workbook(workspace, tmp_path / "export.xlsx", lang="fr")
    book = load_workbook(out)
    hidden = [ws for ws in book.worksheets if ws.sheet_state == "hidden"]
    values = {c.value for ws in hidden for row in ws.iter_rows() for c in row}
    assert {"Conformité", "RH / Organisation"} <= values  # the drop-down offers the client's categories
    before = [(r["title"], r["category"]) for r in fetch_rows(workspace, "risks")]
    result = apply_import(workspace, plan_import(workspace, out, "risks", sheet="Risques", mapping="auto", lang="fr"))
    assert (result.imported, result.updated) == (0, 0) and not result.rejected
    assert [(r["title"], r["category"]) for r in fetch_rows(workspace, "risks")] == before
