"""The maturity summary: current, target and gap per dimension and pillar of the latest assessment."""

from __future__ import annotations

import datetime as dt

from caio_desktop.interchange.excel_export.maturity_summary import HEADER_ROW
from caio_desktop.operations import create_row
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.reference.maturity import load_maturity_model
from tests.interchange.excel_export.conftest import export


def _rows(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=HEADER_ROW + 1)]


def test_gaps_per_dimension_and_pillar_means(exported_fr):
    ws = exported_fr["Synthèse maturité"]
    model = load_maturity_model()
    pillar = model.pillars[0]
    first, second = pillar.dimensions[:2]
    assert ws["A1"].value == "Synthèse de maturité — Diagnostic initial (01/02/2026)"
    assert [c.value for c in ws[HEADER_ROW]] == ["Pilier", "Dimension", "Niveau actuel", "Niveau cible", "Écart"]
    rows = _rows(ws)
    assert rows[0] == (pillar.label("fr"), "Ensemble", 2.5, 4, 1.5)
    assert rows[1] == (pillar.label("fr"), first.label("fr"), 2, 4, 2)
    assert rows[2] == (pillar.label("fr"), second.label("fr"), 3, 4, 1)
    unrated = pillar.dimensions[2] if len(pillar.dimensions) > 2 else model.pillars[1].dimensions[0]
    assert next(r for r in rows if r[1] == unrated.label("fr"))[2:] == (None, None, None)
    assert len(rows) == len(model.dimensions) + len(model.pillars) + 1
    assert rows[-1] == ("Ensemble", "Ensemble", 2.5, 4, 1.5)


def test_the_latest_assessment_is_summarised(register_workspace, tmp_path):
    later = create_row(register_workspace, "maturity", {"title": "Revue à 6 mois",
                                                        "assessed_on": dt.date(2026, 7, 1)}).row_ids[0]
    dimension = load_maturity_model().pillars[0].dimensions[0]
    rate_dimension(register_workspace, later, dimension.key, current_level=4, target_level=5)
    ws = export(register_workspace, tmp_path / "x.xlsx", lang="en")["Maturity summary"]
    assert ws["A1"].value == "Maturity summary — Revue à 6 mois (2026-07-01)"
    assert _rows(ws)[1][1:] == (dimension.label("en"), 4, 5, 1)


def test_no_assessment_says_so(workspace, tmp_path):
    ws = export(workspace, tmp_path / "x.xlsx")["Synthèse maturité"]
    assert ws["A1"].value == "Aucune évaluation de maturité."
    assert _rows(ws) == []
