"""Cell values of the register sheets: labels of choices and references, real dates, numbers, yes/no,
custom attributes as extra columns — in French and in English."""

from __future__ import annotations

import datetime as dt

from tests.interchange.excel_export.conftest import headers, records


def _risk(wb, title_header: str, title: str) -> dict:
    sheet = wb["Risques"] if "Risques" in wb.sheetnames else wb["Risks"]
    return next(r for r in records(sheet) if r[title_header].value == title)


def test_risk_row_shows_code_title_and_level_labels_in_french(exported_fr):
    risk = _risk(exported_fr, "Risque", "Biais du modèle de tarification")
    assert risk["Code"].value == "R-001"
    assert risk["Catégorie"].value == "Éthique de l'IA"
    assert risk["Niveau"].value == "Critique"  # 4 × 5 on the matrix
    assert risk["Niveau résiduel"].value == "Faible"
    assert risk["Traitement"].value == "Réduire"
    assert risk["Statut"].value == "Ouvert"
    assert (risk["Probabilité"].value, risk["Impact"].value) == (4, 5)
    assert risk["Probabilité"].data_type == "n"


def test_risk_row_in_english(exported_en):
    risk = _risk(exported_en, "Risk", "Biais du modèle de tarification")
    assert risk["Level"].value == "Critical"
    assert risk["Residual level"].value == "Low"
    assert risk["Category"].value == "AI ethics"
    assert risk["Treatment"].value == "Mitigate"


def test_dates_are_real_dates_with_a_date_format(exported_fr, exported_en):
    cell = _risk(exported_fr, "Risque", "Biais du modèle de tarification")["Date de revue"]
    assert cell.is_date and cell.value.date() == dt.date(2026, 6, 30)
    assert cell.number_format == "dd/mm/yyyy"
    cell = _risk(exported_en, "Risk", "Biais du modèle de tarification")["Review date"]
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"


def test_booleans_read_oui_non_or_yes_no(exported_fr, exported_en):
    system = records(exported_fr["Systèmes d'IA"])[0]
    assert (system["IA fantôme"].value, system["Données personnelles"].value) == ("Oui", "Non")
    system = records(exported_en["AI systems"])[0]
    assert (system["Shadow AI"].value, system["Personal data"].value) == ("Yes", "No")


def test_references_show_the_target_rows_code_or_title(exported_fr):
    risk = _risk(exported_fr, "Risque", "Biais du modèle de tarification")
    assert risk["Système d'IA"].value == "Chatbot RH"
    assert risk["Cas d'usage"].value == "Tri des CV"
    use_case = records(exported_fr["Cas d'usage"])[0]
    assert use_case["Objectifs liés"].value == "Réduire les délais; Fiabiliser la tarification"
    assert use_case["Système d'IA"].value == "Chatbot RH"


def test_computed_scores_are_numbers(exported_fr):
    use_case = records(exported_fr["Cas d'usage"])[0]
    assert use_case["Score de valeur"].value == 4.0
    assert use_case["Score de valeur"].data_type == "n"
    assert use_case["Quadrant"].value == "Gain rapide"


def test_long_text_wraps_and_keeps_line_breaks_and_emoji(exported_fr):
    cell = _risk(exported_fr, "Risque", "Biais du modèle de tarification")["Description"]
    assert cell.value == "Données d'entraînement\nnon représentatives 🚀"
    assert cell.alignment.wrap_text


def test_custom_attributes_become_columns_after_the_fields_in_first_use_order(exported_fr):
    sheet = exported_fr["Risques"]
    names = headers(sheet)
    assert names[-2:] == ["Zone", "Réf. client"]
    assert names.index("Date de revue") < names.index("Zone")
    zones = {r["Risque"].value: r["Zone"].value for r in records(sheet)}
    assert zones == {"Biais du modèle de tarification": "Nord", "Fuite de données via le chatbot": "Sud",
                     "-Prompt injection": None}
    assert "Zone" not in headers(exported_fr["Cas d'usage"])  # only the modules that use them
