"""Applying an import: one undo step, derived values, strict mode, updates on re-import, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.interchange.importing import ImportCancelled, apply_import, plan_import
from caio_desktop.operations import create_row, redo, undo
from caio_desktop.workspace.queries import count_rows, fetch_rows
from tests.interchange.importing.conftest import write_xlsx

HEADER = ["Code", "Risque", "Probabilité", "Impact", "Traitement", "Source"]


def _sheet(tmp_path: Path, rows: list[list], name: str = "r.xlsx") -> Path:
    return write_xlsx(tmp_path / name, [HEADER, *rows])


ROWS = [
    [None, "Fuite de données", "Élevé", "Critique", "Réduire", "audit 2025"],
    [None, "Biais du scoring", "faible", "moyen", "Accepter", None],
    ["R-050", "Dépendance fournisseur", 3, 3, "Transférer", "atelier"],
]


def _snapshot(workspace) -> list[dict]:  # noqa: ANN001
    return [{k: v for k, v in r.items() if k not in ("created_at", "updated_at")}
            for r in fetch_rows(workspace, "risks")]


def test_valid_rows_are_imported_with_derived_codes_and_levels_as_one_undo_step(workspace, tmp_path) -> None:
    create_row(workspace, "risks", {"title": "Existant", "likelihood": 1, "impact": 1})
    plan = plan_import(workspace, _sheet(tmp_path, ROWS), "risks")
    result = apply_import(workspace, plan)
    assert (result.imported, result.updated, len(result.rejected)) == (3, 0, 0)
    rows = fetch_rows(workspace, "risks")
    assert [(r["code"], r["title"], r["likelihood"], r["impact"], r["level"], r["treatment"])
            for r in rows] == [
        ("R-001", "Existant", 1, 1, "low", None),
        ("R-002", "Fuite de données", 4, 5, "critical", "mitigate"),
        ("R-003", "Biais du scoring", 2, 3, "medium", "accept"),
        ("R-050", "Dépendance fournisseur", 3, 3, "medium", "transfer"),
    ]
    assert [r["code"] for r in rows] == ["R-001", "R-002", "R-003", "R-050"]
    assert [r["level"] for r in rows[1:]] == ["critical", "medium", "medium"]
    assert rows[1]["custom"] == {"Source": "audit 2025"}
    assert result.change.text("fr") == "Importer Risques r.xlsx" and len(result.change.row_ids) == 3
    undo(workspace, result.change)
    assert [r["title"] for r in fetch_rows(workspace, "risks")] == ["Existant"]
    redo(workspace, result.change)
    assert count_rows(workspace, "risks") == 4


def test_rejected_rows_are_reported_and_the_others_imported(workspace, tmp_path) -> None:
    rows = [*ROWS, [None, "", 2, 2, None, None]]
    result = apply_import(workspace, plan_import(workspace, _sheet(tmp_path, rows), "risks"))
    assert result.imported == 3
    assert [(r.line, r.error.reason) for r in result.rejected] == [(5, "is required")]


def test_a_code_column_that_repeats_a_code_is_kept_as_an_attribute(workspace, tmp_path) -> None:
    rows = [*ROWS, ["R-050", "Doublon de code", 2, 2, None, None]]
    plan = plan_import(workspace, _sheet(tmp_path, rows), "risks", lang="en")
    assert plan.notes == ["column 'Code' repeats 'R-050': kept as a custom attribute, the rows are numbered"]
    result = apply_import(workspace, plan)
    assert result.imported == 4 and not result.rejected
    assert [r["custom"].get("Code") for r in fetch_rows(workspace, "risks")] == [None, None, "R-050", "R-050"]


def test_strict_mode_imports_nothing_when_a_row_fails(workspace, tmp_path) -> None:
    create_row(workspace, "risks", {"title": "Existant", "likelihood": 1, "impact": 1})
    before = _snapshot(workspace)
    rows = [*ROWS, [None, "Sans probabilité", None, 3, None, None]]
    result = apply_import(workspace, plan_import(workspace, _sheet(tmp_path, rows), "risks"), strict=True)
    assert result.refused_strict and result.change is None and result.imported == 0
    assert _snapshot(workspace) == before
    clash = [*ROWS, ["R-001", "Code déjà pris", 2, 2, None, None]]  # refused only when applying
    result = apply_import(workspace, plan_import(workspace, _sheet(tmp_path, clash, "c.xlsx"), "risks",
                                                 update_existing=False), strict=True)
    assert result.refused_strict and _snapshot(workspace) == before


def test_re_importing_updates_matching_rows_instead_of_duplicating(workspace, tmp_path) -> None:
    first = apply_import(workspace, plan_import(workspace, _sheet(tmp_path, ROWS), "risks"))
    assert first.imported == 3
    changed = [list(r) for r in ROWS]
    changed[0][3] = "faible"  # the first risk's impact was re-assessed
    changed[1][1] = "  BIAIS du   scoring "  # same title, other case and spacing
    changed[2][5] = None
    path = _sheet(tmp_path, changed, "again.xlsx")
    second = apply_import(workspace, plan_import(workspace, path, "risks"))
    assert (second.imported, second.updated, second.unchanged) == (0, 2, 1)
    rows = fetch_rows(workspace, "risks")
    assert len(rows) == 3
    assert (rows[0]["impact"], rows[0]["level"]) == (2, "medium")
    assert rows[2]["custom"] == {"Source": "atelier"}  # custom attributes are merged, never dropped
    undo(workspace, second.change)
    assert fetch_rows(workspace, "risks")[0]["impact"] == 5
    third = apply_import(workspace, plan_import(workspace, path, "risks", update_existing=False))
    assert third.imported == 2 and count_rows(workspace, "risks") == 5
    assert [(r.line, r.error.reason) for r in third.rejected] == [(4, "is already used by another risk")]


def test_cancelling_rolls_everything_back(workspace, tmp_path) -> None:
    create_row(workspace, "risks", {"title": "Existant", "likelihood": 1, "impact": 1})
    before = _snapshot(workspace)
    rows = [[None, f"Risque {i}", 2, 3, None, None] for i in range(2500)]
    plan = plan_import(workspace, _sheet(tmp_path, rows), "risks")
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 2000

    with pytest.raises(ImportCancelled):
        apply_import(workspace, plan, progress=progress)
    assert seen[-1] >= 2000 and _snapshot(workspace) == before


def test_references_and_link_lists_are_imported(workspace, tmp_path) -> None:
    create_row(workspace, "objectives", {"title": "Réduire les coûts"})
    create_row(workspace, "objectives", {"title": "Améliorer le service"})
    create_row(workspace, "ai_systems", {"name": "Chatbot RH"})
    path = write_xlsx(tmp_path / "uc.xlsx", [
        ["Cas d'usage", "Valeur", "Faisabilité données", "Objectifs liés", "Système d'IA"],
        ["Tri des courriels", "Élevé", 3, "Réduire les coûts; Améliorer le service", "chatbot rh"]])
    result = apply_import(workspace, plan_import(workspace, path, "use_cases"))
    [row] = fetch_rows(workspace, "use_cases")
    assert result.imported == 1
    assert row["objective_ids"] == [1, 2] and row["ai_system_id"] == 1 and row["business_value"] == 4
    assert row["value_score"] is not None  # derived by the rules like any other write
    undo(workspace, result.change)
    assert count_rows(workspace, "use_cases") == 0


def test_vendor_scores_go_row_by_row_so_weighted_scores_follow(workspace, tmp_path) -> None:
    create_row(workspace, "vendor_criteria", {"name": "Coût", "weight": 1})
    create_row(workspace, "vendor_options", {"name": "Mistral"})
    path = write_xlsx(tmp_path / "s.xlsx", [["Option", "Critère", "Note"], ["Mistral", "Coût", 4]])
    apply_import(workspace, plan_import(workspace, path, "vendor_scores"))
    assert fetch_rows(workspace, "vendor_options")[0]["weighted_score"] == 4


def test_the_real_cots_csv_goes_into_ai_systems(workspace, shared_sheets: Path) -> None:
    plan = plan_import(workspace, shared_sheets / "us_federal_cots_ai_2025.csv", "ai_systems", mapping="auto")
    result = apply_import(workspace, plan)
    assert result.imported == 900 and not result.rejected
    first = fetch_rows(workspace, "ai_systems", limit=1)[0]
    assert first["department"] == "Committee for Purchase From People Who Are Blind or Significantly Disabled"
    assert first["name"].startswith("Scheduling internal-to-government meetings")
    assert first["custom"]["Agency Use (Y/N)?"] == "N"


def test_the_real_federal_inventory_imports_its_rows(workspace, shared_sheets: Path) -> None:
    path = shared_sheets / "us_federal_ai_use_cases_2025.xlsx"
    result = apply_import(workspace, plan_import(workspace, path, "use_cases", mapping="auto"))
    assert result.imported == 3610 and count_rows(workspace, "use_cases") == 3610
    again = apply_import(workspace, plan_import(workspace, path, "use_cases", mapping="auto"))
    assert again.imported == 0 and again.unchanged == 3610 and count_rows(workspace, "use_cases") == 3610


def test_links_to_rows_of_the_same_sheet_are_resolved_once_every_row_is_in(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "feuille-de-route.xlsx", [
        ["Initiative", "Dépend de", "Phase"],
        ["Gouvernance IA", None, "Stratégie"],
        ["Pilote assistant sinistres", "Gouvernance IA; Plateforme IA", "Déploiement"],
        ["Plateforme IA", "Gouvernance IA", "Déploiement"],
        ["Formation des managers", "Initiative inconnue", "Déploiement"],
    ])
    plan = plan_import(workspace, path, "initiatives")
    assert plan.mapping.fields["depends_on_ids"] == "Dépend de"
    result = apply_import(workspace, plan)
    rows = {r["title"]: r for r in fetch_rows(workspace, "initiatives")}
    ids = {title: row["id"] for title, row in rows.items()}
    assert rows["Pilote assistant sinistres"]["depends_on_ids"] == sorted([ids["Gouvernance IA"], ids["Plateforme IA"]])
    assert rows["Plateforme IA"]["depends_on_ids"] == [ids["Gouvernance IA"]]
    assert rows["Plateforme IA"]["custom"] == {}
    # A name that matches no row stays what the client wrote, with its warning.
    assert rows["Formation des managers"]["custom"] == {"Dépend de": "Initiative inconnue"}
    assert [w.value for w in result.warnings] == ["Initiative inconnue"]
    undo(workspace, result.change)
    assert count_rows(workspace, "initiatives") == 0
