"""The client's own identifier column (N°, Réf., ID, Risk ID) kept as the rows' code, updated by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.interchange.importing import apply_import, plan_import
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.importing.conftest import write_xlsx


@pytest.mark.parametrize("header", ["N°", "Réf.", "ID", "Risk ID", "N° risque", "#"])
def test_the_client_code_is_the_row_code_and_re_import_updates_by_it(workspace, tmp_path: Path,
                                                                      header: str) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [[header, "Intitulé du risque", "Probabilité", "Impact"],
                                            ["RQ-06", "Fuite", 4, 4], ["RQ-07", "Biais", 2, 3], [12, "Panne", 1, 1]])
    plan = plan_import(workspace, path, "risks")
    assert plan.mapping.columns[header] == "code" and not plan.notes
    apply_import(workspace, plan)
    assert [(r["code"], r["title"], r["custom"]) for r in fetch_rows(workspace, "risks")] == [
        ("RQ-06", "Fuite", {}), ("RQ-07", "Biais", {}), ("12", "Panne", {})]
    # The client renames a risk and re-rates it: the row with its code is updated, not added.
    write_xlsx(path, [[header, "Intitulé du risque", "Probabilité", "Impact"], ["RQ-06", "Fuite de données", 5, 5]])
    result = apply_import(workspace, plan_import(workspace, path, "risks"))
    assert (result.imported, result.updated) == (0, 1)
    first = fetch_rows(workspace, "risks")[0]
    assert (first["code"], first["title"], first["likelihood"]) == ("RQ-06", "Fuite de données", 5)


def test_a_repeated_client_number_is_kept_as_an_attribute_with_a_note(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["N°", "Risque", "Probabilité", "Impact"],
                                            [1, "Fuite", 4, 4], [1, "Biais", 2, 3]])
    plan = plan_import(workspace, path, "risks", lang="fr")
    assert plan.notes == ["la colonne 'N°' répète '1' : gardée comme attribut, les lignes sont numérotées"]
    apply_import(workspace, plan)
    assert [(r["code"], r["custom"]) for r in fetch_rows(workspace, "risks")] == [
        ("R-001", {"N°": "1"}), ("R-002", {"N°": "1"})]
