"""The conventions an exported workbook and the importer share."""

from __future__ import annotations

import datetime as dt

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.workbook_layout import bool_text, computed_headers, ref_label, sheet_title


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert sheet_title("Risques", taken) == "Risques"
    assert sheet_title("risques", taken) == "risques (2)"  # Excel compares names without case
    long = sheet_title("Options outils et fournisseurs : [liste]/complète?", taken)
    assert len(long) <= 31 and not set("[]:*?/\\") & set(long)
    assert sheet_title("Options outils et fournisseurs : [liste]/complète?", taken).endswith("(2)")
    assert sheet_title("'", set()) == "Sheet"


def test_computed_headers_in_both_languages():
    assert computed_headers(MODULES["risks"]) == {"Niveau", "Level", "Niveau résiduel", "Residual level"}
    assert computed_headers(MODULES["team"]) == frozenset()


def test_ref_labels_and_yes_no():
    risks, kpi_measurements = MODULES["risks"], MODULES["kpi_measurements"]
    assert ref_label(risks, {"id": 3, "code": "R-003", "title": "Biais"}) == "R-003"
    assert ref_label(risks, {"id": 3, "code": "", "title": "Biais  du\nmodèle"}) == "Biais du modèle"
    assert ref_label(kpi_measurements, {"id": 1, "measured_on": dt.date(2026, 3, 1)}) == "2026-03-01"
    assert ref_label(risks, {"id": 9}) == "#9"
    assert (bool_text(True, "fr"), bool_text(False, "en"), bool_text(None, "fr")) == ("Oui", "No", None)
