"""Folding of client wording and the text of cells."""

from __future__ import annotations

import datetime as dt

from caio_desktop.interchange.importing.text import cell_text, clean_header, fold


def test_fold_ignores_accents_case_punctuation_and_spacing() -> None:
    assert fold("  Élevé. ") == fold("ELEVE") == "eleve"
    assert fold("Probabilité (1-5)") == "probabilite 1 5"
    assert fold("Cœur de métier") == "coeur de metier"


def test_headers_lose_line_breaks_and_cells_keep_what_was_typed() -> None:
    assert clean_header("Use Case ID\n\n[Agency Abbrev.]  – [#]") == "Use Case ID [Agency Abbrev.] – [#]"
    assert cell_text(3.0) == "3" and cell_text(2.5) == "2.5" and cell_text(None) == ""
    assert cell_text(dt.datetime(2026, 11, 25)) == "2026-11-25"
