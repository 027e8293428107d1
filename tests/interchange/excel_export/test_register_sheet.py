"""Formatting of a register sheet: headers in the export's language and the engagement's colour, frozen
header, autofilter, column widths, drop-downs and risk-level colours."""

from __future__ import annotations

from openpyxl.utils import range_boundaries

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.modules import MODULES
from caio_desktop.reference.risk_matrix import load_risk_matrix
from tests.interchange.excel_export.conftest import column_letter, headers


def test_headers_are_the_field_labels_in_the_language(exported_fr, exported_en):
    for key in ("risks", "use_cases", "stakeholders"):
        mod = MODULES[key]
        assert headers(exported_fr[mod.fr])[: len(mod.fields)] == [f.fr for f in mod.fields]
        assert headers(exported_en[mod.en])[: len(mod.fields)] == [f.en for f in mod.fields]


def test_header_is_bold_white_on_the_engagement_colour(exported_fr):
    cell = exported_fr["Risques"]["B1"]
    assert cell.value == "Risque"
    assert cell.font.bold
    assert cell.fill.fgColor.rgb.endswith("7A1F5C")
    assert cell.font.color.rgb.endswith("FFFFFF")


def test_computed_and_custom_columns_are_marked(exported_fr):
    sheet = exported_fr["Risques"]
    level = sheet[f"{column_letter(sheet, 'Niveau')}1"]
    assert not level.fill.fgColor.rgb.endswith("7A1F5C")
    assert "calculée" in level.comment.text
    custom = sheet[f"{column_letter(sheet, 'Zone')}1"]
    assert "personnalisé" in custom.comment.text
    assert sheet["B1"].comment is None


def test_header_frozen_autofilter_over_the_data_and_field_widths(exported_fr):
    sheet = exported_fr["Risques"]
    assert sheet.freeze_panes == "A2"
    min_col, min_row, max_col, max_row = range_boundaries(sheet.auto_filter.ref)
    assert (min_col, min_row, max_row) == (1, 1, 4)  # header + 3 risks
    assert max_col == len(headers(sheet))
    title = MODULES["risks"].field("title")
    assert sheet.column_dimensions["B"].width == title.width
    empty = exported_fr["Veille"]
    assert range_boundaries(empty.auto_filter.ref)[3] == 1  # an empty register: the header alone


def _validation(sheet, header):
    letter = column_letter(sheet, header)
    found = [dv for dv in sheet.data_validations.dataValidation
             if any(str(r).startswith(f"{letter}2:") for r in dv.sqref.ranges)]
    assert len(found) == 1, header
    return found[0]


def _list_values(wb, formula: str) -> list[str]:
    sheet_name, cells = formula.rsplit("!", 1)
    sheet = wb[sheet_name.strip("'")]
    return [c.value for row in sheet[cells.replace("$", "")] for c in row]


def test_choice_columns_have_a_drop_down_of_labels(exported_fr, exported_en):
    sheet = exported_fr["Risques"]
    dv = _validation(sheet, "Statut")
    assert dv.type == "list"
    assert _list_values(exported_fr, dv.formula1) == ["Ouvert", "En traitement", "Clos"]
    dv = _validation(exported_en["Risks"], "Category")
    expected = [c.en for c in ENUMERATIONS["risk_category"].choices]
    assert _list_values(exported_en, dv.formula1) == expected
    assert exported_fr["Listes"].sheet_state == "hidden"


def test_scores_and_booleans_have_drop_downs_computed_columns_none(exported_fr):
    risks = exported_fr["Risques"]
    assert _validation(risks, "Probabilité").formula1 == '"1,2,3,4,5"'
    assert _validation(exported_fr["Systèmes d'IA"], "IA fantôme").formula1 == '"Oui,Non"'
    level = column_letter(risks, "Niveau")
    assert not any(str(r).startswith(f"{level}2:") for dv in risks.data_validations.dataValidation
                   for r in dv.sqref.ranges)


def test_level_columns_are_coloured_with_the_risk_matrix(exported_fr):
    sheet = exported_fr["Risques"]
    matrix = load_risk_matrix()
    expected = {f'"{level.label("fr")}"': level.color.lstrip("#").upper() for level in matrix.levels}
    for header in ("Niveau", "Niveau résiduel"):
        letter = column_letter(sheet, header)
        rules = [rule for cf in sheet.conditional_formatting for rule in cf.rules
                 if str(cf.sqref).startswith(f"{letter}2:")]
        found = {rule.formula[0]: rule.dxf.fill.fgColor.rgb[-6:] for rule in rules}
        assert found == expected, header
    probability = column_letter(sheet, "Probabilité")
    assert not any(str(cf.sqref).startswith(f"{probability}2:") for cf in sheet.conditional_formatting)


def test_rows_with_long_texts_are_tall_enough_to_read(exported_fr):
    sheet = exported_fr["Risques"]
    rows = {sheet.cell(row=r, column=2).value: r for r in range(2, sheet.max_row + 1)}
    two_lines = rows["Biais du modèle de tarification"]  # a description of two short lines
    assert sheet.row_dimensions[two_lines].height == 30
    assert sheet.row_dimensions[rows["Fuite de données via le chatbot"]].height is None  # one line
