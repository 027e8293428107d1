"""Planning an import: rows as they will be imported, warnings, errors — and nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caio_desktop.interchange.importing import ImportCancelled, MappingError, plan_import
from caio_desktop.operations import create_row
from caio_desktop.workspace.queries import count_rows, fetch_rows
from tests.interchange.importing.conftest import patch_sheet_xml, replace_cell, write_xlsx

HEADER = ["Risque", "Probabilité", "Impact", "Catégorie", "Responsable", "Date de revue", "Système",
          "Remarque interne"]


def _risks(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "risques.xlsx", [
        ["Registre des risques IA"], [],
        HEADER,
        ["Fuite de données", "Élevé", "Critique", "Cybersécurité", "DSI", "25/11/2026", "Chatbot RH", "vu en COPIL"],
        [],
        ["Biais du scoring", 3, "moyen", "Magie noire", "DPO", "2026-12-01", "Inconnu", None],
        ["", "faible", 2, "RGPD", "DPO", None, None, None],
        ["Hallucinations", "souvent", 4, "Opérationnel", None, "bientôt", None, None],
    ], merged=["A1:H1"])


def test_plan_maps_converts_and_keeps_unmapped_columns_as_custom(workspace, tmp_path: Path) -> None:
    create_row(workspace, "ai_systems", {"name": "Chatbot RH"})
    plan = plan_import(workspace, _risks(tmp_path), "risks")
    assert plan.header_row == 3 and plan.sheet == "Feuil1"
    assert plan.mapping.fields == {"title": "Risque", "likelihood": "Probabilité", "impact": "Impact",
                                   "category": "Catégorie", "owner": "Responsable",
                                   "review_date": "Date de revue", "ai_system_id": "Système"}
    assert [r.line for r in plan.rows] == [4, 6, 7, 8]  # the blank row 5 is skipped
    first = plan.rows[0]
    assert first.error is None and not first.warnings
    assert first.values == {"title": "Fuite de données", "likelihood": 4, "impact": 5,
                            "category": "cybersecurity", "owner": "DSI", "review_date": dt.date(2026, 11, 25),
                            "ai_system_id": 1, "custom": {"Remarque interne": "vu en COPIL"}}
    assert first.derived["level"] == "critical"
    assert count_rows(workspace, "risks") == 0  # planning writes nothing


def test_values_fitting_no_field_are_kept_as_custom_with_a_warning(workspace, tmp_path: Path) -> None:
    plan = plan_import(workspace, _risks(tmp_path), "risks")
    second = plan.rows[1]
    assert second.error is None
    assert second.values["category"] is None and second.values["ai_system_id"] is None
    assert second.values["custom"] == {"Catégorie": "Magie noire", "Système": "Inconnu"}
    texts = [w.text() for w in second.warnings]
    assert texts[0].startswith("row 6, column 'Catégorie': 'Magie noire' is not one of AI ethics")
    assert texts[0].endswith("kept as a custom attribute")
    assert "names no ai_systems row" in texts[1]


def test_rows_failing_validation_are_errors_with_row_column_value_and_reason(workspace, tmp_path: Path) -> None:
    plan = plan_import(workspace, _risks(tmp_path), "risks")
    assert [r.line for r in plan.rejected] == [7, 8]
    assert plan.errors[0].text() == "row 7, column 'Risque': is required"
    assert plan.errors[1].text().startswith("row 8, column 'Probabilité': 'souvent' is not a level")
    assert len(plan.valid) == 2 and len(plan.preview(1)) == 1


def test_error_cells_leave_the_field_empty_with_a_warning(workspace, tmp_path: Path) -> None:
    base = write_xlsx(tmp_path / "b.xlsx", [["Risque", "Probabilité", "Impact", "Responsable"],
                                             ["Fuite", 4, 5, "DSI"], ["Biais", 3, 3, "DPO"]])

    def edit(xml: bytes) -> bytes:
        xml = replace_cell(xml, "D2", b'<c r="D2" t="e"><f>#REF!</f><v>#REF!</v></c>')
        return replace_cell(xml, "C3", b'<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')

    plan = plan_import(workspace, patch_sheet_xml(base, tmp_path / "e.xlsx", edit), "risks")
    assert plan.rows[0].error is None and plan.rows[0].values["owner"] is None
    assert plan.rows[0].warnings[0].text() == ("row 2, column 'Responsable': '#REF!' is a spreadsheet error; "
                                               "the cell is left empty")
    assert plan.rows[1].error.text().startswith("row 3, column 'Impact': '#DIV/0!' is a spreadsheet error")


def test_no_column_for_a_required_field_is_a_clear_error(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["Couleur", "Taille"], ["a", "b"]])
    with pytest.raises(MappingError, match=r"required field\(s\) of risks: title .*likelihood"):
        plan_import(workspace, path, "risks")
    with pytest.raises(MappingError, match="exactly one row"):
        plan_import(workspace, path, "engagement")


def test_a_given_header_row_and_sheet_are_used(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["Nom"]], sheet="Notes", extra_sheets={
        "Parties": [["Liste"], ["Nom", "Pouvoir", "Intérêt", "Posture"], ["Claire Martin", "fort", 5, "Favorable"]]})
    plan = plan_import(workspace, path, "stakeholders", sheet="Parties", header_row=2)
    assert plan.rows[0].values == {"name": "Claire Martin", "influence": 4, "interest": 5,
                                   "attitude": "supporter", "custom": {}}


def test_planning_can_be_cancelled(workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportCancelled):
        plan_import(workspace, _risks(tmp_path), "risks", progress=lambda done, total: False)


def test_re_import_plan_marks_rows_that_will_update(workspace, tmp_path: Path) -> None:
    create_row(workspace, "risks", {"title": "FUITE  de données", "likelihood": 1, "impact": 1})
    plan = plan_import(workspace, _risks(tmp_path), "risks")
    assert plan.rows[0].match_id == 1 and plan.updates == 1
    assert plan_import(workspace, _risks(tmp_path), "risks", update_existing=False).updates == 0


def test_real_federal_use_case_inventory(workspace, shared_sheets: Path) -> None:
    plan = plan_import(workspace, shared_sheets / "us_federal_ai_use_cases_2025.xlsx", "use_cases",
                       mapping="auto")
    assert plan.header_row == 2
    assert plan.mapping.fields["title"] == "Use Case Name"
    assert plan.mapping.fields["department"] == "Agency Name"
    assert "Use Case ID [Agency Abbrev.] – [#]" in plan.headers  # multi-line header on one line
    assert len(plan.rows) == 3611 and len(plan.valid) == 3610
    assert plan.errors[0].text() == "row 2730, column 'Use Case Name': is required"
    sec5 = next(r for r in plan.rows if r.values.get("title") == "8-K Filing Solution")
    assert sec5.values["department"] == "Securities and Exchange Commission"
    assert sec5.values["status"] == "production"  # "c) Deployed – The use case is being actively …"
    assert sec5.values["custom"]["Agency Abbreviation"] == "SEC"
    assert sec5.values["custom"]["Use Case ID [Agency Abbrev.] – [#]"] == "SEC-5"


def test_the_register_of_a_sheet_is_guessed_from_its_headers(tmp_path: Path, shared_sheets: Path) -> None:
    from caio_desktop.interchange.importing.mapping import importable_modules
    from caio_desktop.interchange.importing.plan import guess_module
    from caio_desktop.interchange.importing.reader import open_source

    with open_source(_risks(tmp_path)) as source:
        assert guess_module(source, importable_modules()) == "risks"
    people = write_xlsx(tmp_path / "pp.xlsx", [["Nom", "Fonction", "Pouvoir", "Intérêt", "Posture"],
                                               ["Claire Martin", "DAF", "fort", 5, "Favorable"]])
    with open_source(people) as source:
        assert guess_module(source, ["risks", "stakeholders", "use_cases"]) == "stakeholders"
    with open_source(shared_sheets / "us_federal_cots_ai_2025.csv") as source:
        assert guess_module(source, importable_modules()) == "ai_systems"


def test_a_clients_own_level_column_is_kept_but_our_exports_computed_columns_are_skipped(
        workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from caio_desktop.interchange.excel_export import export_workbook
    from caio_desktop.interchange.workbook_layout import EXPORT_KEYWORD

    client = write_xlsx(tmp_path / "client.xlsx", [["Risque", "Probabilité", "Impact", "Niveau"],
                                                   ["Fuite de données", 4, 5, "Très élevé (selon notre grille)"]])
    [row] = plan_import(workspace, client, "risks").rows
    assert row.values["custom"] == {"Niveau": "Très élevé (selon notre grille)"}  # the client's view, kept

    create_row(workspace, "risks", {"title": "Fuite de données", "likelihood": 4, "impact": 5})
    exported = export_workbook(workspace, tmp_path / "export.xlsx", lang="fr")
    assert load_workbook(exported, read_only=True).properties.keywords == EXPORT_KEYWORD
    [again] = plan_import(workspace, exported, "risks", sheet="Risques").rows
    assert again.values["custom"] == {}  # "Niveau", "Niveau résiduel": recomputed, not kept
    assert again.derived["level"] == "critical"


def test_a_legacy_xls_register_imports_like_an_xlsx(workspace) -> None:
    """Excel 97–2003 (.xls, written by LibreOffice: tests/fixtures/make_xls.py): title rows above the
    header, a line break in a header, dates, a formula's cached value, words for levels."""
    from caio_desktop.interchange.importing import apply_import

    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "registre-risques.xls"
    plan = plan_import(workspace, fixture, "risks")
    assert plan.header_row == 3 and plan.sheet == "Registre"
    assert plan.mapping.columns["Probabilité (1-5)"] == "likelihood"
    assert [(r.line, r.error.value if r.error else None) for r in plan.rows] == [
        (4, None), (5, None), (6, None), (7, "souvent")]
    result = apply_import(workspace, plan)
    assert (result.imported, len(result.rejected)) == (3, 1)
    rows = {r["title"]: r for r in fetch_rows(workspace, "risks")}
    first = rows["Biais dans le tri des dossiers"]
    assert (first["likelihood"], first["impact"], first["level"]) == (3, 4, "high")  # "Élevé" is 4
    assert first["review_date"] == dt.date(2026, 3, 16)
    assert first["custom"] == {"Coût estimé (k€)": "12.5", "Remarque": "vu en COPIL"}
    assert rows["Fuite de données personnelles"]["likelihood"] == 1  # "rare"
    assert rows["Dérive du modèle après 6 mois"]["custom"]["Coût estimé (k€)"] == "25"  # =E4*2, cached
