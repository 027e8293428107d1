"""The rejected-rows workbook: original columns plus the reason, ready to fix and import again."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from caio_desktop.interchange.importing import apply_import, plan_import, write_report
from caio_desktop.interchange.importing.report import ERROR_HEADER, problems_text
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.importing.conftest import write_xlsx

HEADER = ["Risque", "Probabilité", "Impact", "Note"]


def test_report_holds_the_rejected_rows_as_they_were_with_the_reason(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["Registre"], HEADER, ["Fuite", "Élevé", 5, "ok"],
                                             ["Biais", "souvent", 3, "+33 6 12 34 56 78"],
                                             ["Dérive", "jamais", 1, "=SOMME(A1:A3)"],
                                             ["", 2, 2, None]])
    plan = plan_import(workspace, path, "risks")
    result = apply_import(workspace, plan)
    out = write_report(tmp_path / "rejets.xlsx", plan.headers, result.rejected, sheet=plan.sheet)
    assert not list(tmp_path.glob(".*.part"))
    sheet = load_workbook(out).active
    # A formula in the client file, never calculated: its text is kept (issue 15), as text.
    assert [c.value for c in sheet[3]][:4] == ["Dérive", "jamais", 1, "=SOMME(A1:A3)"]

    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == [*HEADER, ERROR_HEADER, "Ligne / Row"]
    assert rows[1][:4] == ["Biais", "souvent", 3, "+33 6 12 34 56 78"]
    assert rows[1][4].startswith("row 4, column 'Probabilité': 'souvent' is not a level")
    assert rows[1][5] == 4
    assert rows[3][4] == "row 6, column 'Risque': is required" and len(rows) == 4
    assert sheet["D2"].data_type == "s" and sheet["D2"].quotePrefix  # text, never evaluated
    assert problems_text(result.rejected, limit=1) == [rows[1][4], "… and 2 more"]


def test_the_fixed_report_imports_like_the_original(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEADER, ["Biais", "souvent", 3, "x"]])
    plan = plan_import(workspace, path, "risks")
    out = write_report(tmp_path / "rejets.xlsx", plan.headers, apply_import(workspace, plan).rejected)
    workbook = load_workbook(out)
    workbook.active["B2"] = "moyen"  # the user fixes the cell and imports the report itself
    workbook.save(out)
    again = apply_import(workspace, plan_import(workspace, out, "risks"))
    assert again.imported == 1
    [row] = fetch_rows(workspace, "risks")
    assert row["likelihood"] == 3 and row["custom"]["Note"] == "x"
    assert set(row["custom"]) == {"Note", "Erreur / Error", "Ligne / Row"}
