"""Proposing and reading column mappings: French, English, misspelt and Swedish headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caio_desktop.interchange.importing import mapping as mappings
from caio_desktop.interchange.importing.errors import MappingError


def test_french_headers_are_mapped_through_labels_and_synonyms() -> None:
    proposal = mappings.propose("risks", ["N°", "Intitulé du risque", "Probabilité", "Gravité", "Catégorie",
                                          "Pilote", "Date de revue", "Remarques internes"])
    assert proposal.fields == {"code": "N°", "title": "Intitulé du risque", "likelihood": "Probabilité",
                               "impact": "Gravité", "category": "Catégorie", "owner": "Pilote",
                               "review_date": "Date de revue"}
    assert proposal.columns["Remarques internes"] is None  # the client's N° is the risk's code (issue 15)
    assert proposal.missing_required() == []


def test_english_headers_accents_case_and_misspellings() -> None:
    proposal = mappings.propose("risks", ["RISK TITLE", "Likelyhood", "impact", "Treatment", "Next review",
                                          "Status"])
    assert proposal.fields == {"title": "RISK TITLE", "likelihood": "Likelyhood", "impact": "impact",
                               "treatment": "Treatment", "review_date": "Next review", "status": "Status"}


def test_each_field_is_mapped_once_best_score_first_and_computed_fields_never() -> None:
    proposal = mappings.propose("risks", ["Agency", "Risk", "Level", "Owner name", "Owner"])
    assert proposal.fields["title"] == "Risk"
    assert proposal.fields["owner"] == "Owner"  # the exact name wins over the longer one
    assert "level" not in proposal.fields and proposal.columns["Level"] is None
    proposal = mappings.propose("use_cases", ["Use Case Name", "Agency Abbreviation", "Agency Name"])
    assert proposal.fields == {"title": "Use Case Name", "department": "Agency Name"}


def test_swedish_headers_need_a_mapping_file(tmp_path: Path) -> None:
    headers = ["Titel", "Beskrivning", "Avdelning", "Ägare", "Kommentar"]
    assert mappings.propose("use_cases", headers).missing_required() == ["title"]
    path = tmp_path / "karta.json"
    path.write_text(json.dumps({"module": "use_cases", "sheet": "Blad1", "columns": {
        "Titel": "title", "Beskrivning": "description", "avdelning": "department", "Ägare": "owner"}}),
        encoding="utf-8")
    loaded = mappings.load(path, module_key="use_cases")
    laid = mappings.apply_to_headers(loaded, headers)
    assert laid.fields == {"title": "Titel", "description": "Beskrivning", "department": "Avdelning",
                           "owner": "Ägare"}
    assert laid.columns["Kommentar"] is None and laid.sheet == "Blad1"


def test_mapping_files_are_checked_and_round_trip(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="has no field 'titre'"):
        mappings.from_json({"module": "risks", "columns": {"Titre": "titre"}})
    with pytest.raises(MappingError, match="computed and cannot be imported"):
        mappings.from_json({"module": "risks", "columns": {"Niveau": "level"}})
    with pytest.raises(MappingError, match="for 'risks', not 'use_cases'"):
        mappings.from_json({"module": "risks", "columns": {}}, module_key="use_cases")
    with pytest.raises(MappingError, match="header_row must be a row number"):
        mappings.from_json({"module": "risks", "header_row": 0, "columns": {}})
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(MappingError, match="not valid JSON"):
        mappings.load(bad)
    original = mappings.ColumnMapping("risks", {"Risque": "title", "Note": None}, sheet="R", header_row=3)
    saved = mappings.save(original, tmp_path / "m.json")
    assert json.loads(saved.read_text(encoding="utf-8")) == {
        "module": "risks", "sheet": "R", "header_row": 3, "columns": {"Risque": "title"}}
    assert mappings.load(saved).fields == {"title": "Risque"}
