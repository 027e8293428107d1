"""The cover sheet: engagement facts, a real export date, and a contents table linking every sheet."""

from __future__ import annotations

import datetime as dt

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.excel_export.cover import CONTENTS_FIRST_ROW
from caio_desktop.operations.rows import update_engagement
from tests.interchange.excel_export.conftest import EXPORT_DAY, export


def _facts(ws) -> dict:
    return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(4, 10)}


def test_cover_shows_client_sector_consultant_and_dates(exported_fr):
    ws = exported_fr["Couverture"]
    assert ws["A1"].value == "Registre de la mission IA"
    assert ws["A1"].font.color.rgb.endswith("7A1F5C")  # the engagement's colour as accent
    facts = _facts(ws)
    assert facts["Client"].value == "Assurances du Rhône"
    assert facts["Secteur"].value == "Assurance"
    assert facts["Consultant"].value == "Camille Durand"
    assert facts["Date d'export"].value.date() == EXPORT_DAY
    assert facts["Date d'export"].number_format == "dd/mm/yyyy"
    assert facts["Début de mission"].value.date() == dt.date(2026, 1, 5)
    assert facts["Fin de mission"].value.date() == dt.date(2027, 1, 5)


def test_cover_in_english(exported_en):
    facts = _facts(exported_en["Cover"])
    assert facts["Export date"].number_format == "yyyy-mm-dd"
    assert facts["Client"].value == "Assurances du Rhône"


def test_contents_link_to_every_other_sheet_with_row_counts(exported_fr):
    ws = exported_fr["Couverture"]
    assert ws.cell(row=CONTENTS_FIRST_ROW - 1, column=1).value == "Sommaire"
    links = {}
    for row in ws.iter_rows(min_row=CONTENTS_FIRST_ROW):
        cell, count = row[0], row[1].value
        assert cell.hyperlink is not None, cell.value
        target, _, anchor = cell.hyperlink.location.rpartition("!")
        assert anchor == "A1" and target.startswith("'") and target.endswith("'")
        assert target[1:-1].replace("''", "'") == cell.value
        links[cell.value] = count
    visible = [n for n in exported_fr.sheetnames if exported_fr[n].sheet_state == "visible"]
    assert list(links) == visible[1:]
    assert all(name in exported_fr.sheetnames for name in links)
    assert links["Risques"] == 3 and links["Veille"] == 0
    assert links["Carte des risques"] is None
    assert links["Systèmes d'IA"] == 1
    assert len(links) == len(MODULES) + 2


def test_a_client_name_that_looks_like_a_formula_stays_text(register_workspace, tmp_path):
    update_engagement(register_workspace, {"client_name": "=cmd|' /C calc'!A0"})
    wb = export(register_workspace, tmp_path / "x.xlsx")
    cell = _facts(wb["Couverture"])["Client"]
    assert cell.data_type == "s" and cell.value == "=cmd|' /C calc'!A0"
    assert cell.quotePrefix
