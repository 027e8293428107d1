"""Import templates: the editable fields' labels as headers, drop-downs, date formats and instructions."""

from __future__ import annotations

import stat

import openpyxl
import pytest

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.excel_export import write_template
from caio_desktop.interchange.excel_export.template import INSTRUCTIONS_HEADER_ROW
from caio_desktop.reference.maturity import load_maturity_model


@pytest.fixture
def risks_template(tmp_path):
    path = write_template("risks", tmp_path / "modele.xlsx", lang="fr")
    return path, openpyxl.load_workbook(path)


def test_headers_are_the_editable_fields_in_the_language(risks_template, tmp_path):
    path, wb = risks_template
    mod = MODULES["risks"]
    assert wb.sheetnames == ["Risques", "Instructions", "Listes"]
    ws = wb["Risques"]
    assert [c.value for c in ws[1]] == [f.fr for f in mod.editable_fields]
    assert "Niveau" not in [c.value for c in ws[1]]  # computed: not typed in
    assert ws.max_row == 1 and ws.freeze_panes == "A2"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    en = openpyxl.load_workbook(write_template("use_cases", tmp_path / "uc.xlsx", lang="en"))
    assert [c.value for c in en["Use cases"][1]] == [f.en for f in MODULES["use_cases"].editable_fields]


def _validations(ws) -> dict[str, object]:
    names = {c.column_letter: c.value for c in ws[1]}
    return {names[str(r).split(":")[0][:-1]]: dv for dv in ws.data_validations.dataValidation
            for r in dv.sqref.ranges}


def test_choice_and_score_columns_have_drop_downs(risks_template):
    _path, wb = risks_template
    found = _validations(wb["Risques"])
    assert set(found) == {"Catégorie", "Probabilité", "Impact", "Probabilité résiduelle", "Impact résiduel",
                          "Traitement", "Statut"}
    assert found["Impact"].formula1 == '"1,2,3,4,5"'
    sheet, cells = found["Traitement"].formula1.rsplit("!", 1)
    labels = [c.value for row in wb[sheet.strip("'")][cells.replace("$", "")] for c in row]
    assert labels == [c.fr for c in ENUMERATIONS["treatment"].choices]


def test_date_columns_are_formatted_as_dates(risks_template):
    _path, wb = risks_template
    ws = wb["Risques"]
    letter = next(c.column_letter for c in ws[1] if c.value == "Date de revue")
    assert ws.column_dimensions[letter].number_format == "dd/mm/yyyy"


def test_instructions_explain_each_column(risks_template):
    _path, wb = risks_template
    ws = wb["Instructions"]
    assert "caio import" in ws["A1"].value and "« Risques »" in ws["A1"].value
    assert [c.value for c in ws[INSTRUCTIONS_HEADER_ROW]] == [
        "Colonne", "Clé", "Type", "Obligatoire", "Valeurs admises"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=INSTRUCTIONS_HEADER_ROW + 1, values_only=True)}
    assert list(rows) == [f.fr for f in MODULES["risks"].editable_fields]
    assert rows["Risque"][:3] == ("title", "Texte", "Oui")
    assert rows["Statut"] == ("status", "Liste", "Non", "Ouvert; En traitement; Clos")
    assert rows["Probabilité"][3] == "Nombre entier de 1 à 5"
    assert rows["Système d'IA"][3] == "Code ou libellé d'un élément existant de « Systèmes d'IA »"


def test_maturity_dimension_lists_the_model_keys(tmp_path):
    wb = openpyxl.load_workbook(write_template("maturity_ratings", tmp_path / "m.xlsx", lang="en"))
    rows = {r[1]: r[4] for r in wb["Instructions"].iter_rows(min_row=INSTRUCTIONS_HEADER_ROW + 1,
                                                             values_only=True)}
    for dimension in load_maturity_model().dimensions:
        assert f"{dimension.key} ({dimension.label('en')})" in rows["dimension"]


def test_unknown_module_or_language_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown module"):
        write_template("nope", tmp_path / "x.xlsx")
    with pytest.raises(ValueError, match="fr or en"):
        write_template("risks", tmp_path / "x.xlsx", lang="de")
    assert list(tmp_path.iterdir()) == []
