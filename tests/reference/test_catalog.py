"""Tests for the reference catalogue and for properties every reference file must have."""

import datetime as dt
from typing import Any

import yaml

from caio_desktop.reference.catalog import list_reference_files
from caio_desktop.reference.loader import RESOURCE_PACKAGE, list_data_files

EXPECTED_IDS = {
    "ai_usage_survey",
    "eu_ai_act",
    "gdpr",
    "iso_iec_42001",
    "maturity_model",
    "nist_ai_rmf",
    "risk_library",
    "risk_matrix",
    "sector_rules",
}


def test_catalogue_lists_every_file_with_metadata() -> None:
    infos = list_reference_files()
    assert {i.id for i in infos} >= EXPECTED_IDS
    for info in infos:
        assert info.version and info.source_title and info.licence and info.file_name.endswith(".yaml")
        assert info.source_url or info.source_reference
        assert dt.date(2023, 1, 1) <= info.as_of <= dt.date.today() + dt.timedelta(days=1)
        assert info.to_dict()["as_of"] == info.as_of.isoformat()


def _bilingual_nodes(node: Any, path: str = ""):
    """Yield (path, mapping) for every mapping that carries an 'fr' or 'en' key, anywhere in the file."""
    if isinstance(node, dict):
        if "fr" in node or "en" in node:
            yield path, node
        for key, value in node.items():
            yield from _bilingual_nodes(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _bilingual_nodes(value, f"{path}[{i}]")


def test_every_label_exists_in_both_languages() -> None:
    # Walks the raw YAML generically, so a label added later without a translation fails here.
    from importlib import resources

    checked = 0
    for name in list_data_files():
        data = yaml.safe_load(resources.files(RESOURCE_PACKAGE).joinpath(name).read_text(encoding="utf-8"))
        for path, node in _bilingual_nodes(data):
            for lang in ("fr", "en"):
                value = node.get(lang)
                assert isinstance(value, str) and value.strip(), f"{name}{path}: missing {lang}"
            checked += 1
    assert checked > 1000


def test_loaders_accept_every_file() -> None:
    from caio_desktop.reference.ai_act import load_ai_act
    from caio_desktop.reference.ai_usage_survey import load_usage_survey
    from caio_desktop.reference.gdpr import load_gdpr
    from caio_desktop.reference.iso42001 import load_iso42001
    from caio_desktop.reference.maturity import load_maturity_model
    from caio_desktop.reference.nist_ai_rmf import load_nist_ai_rmf
    from caio_desktop.reference.risk_library import load_risk_library
    from caio_desktop.reference.risk_matrix import load_risk_matrix
    from caio_desktop.reference.sector_rules import load_sector_rules

    loaded = [
        load_usage_survey(),
        load_ai_act(),
        load_gdpr(),
        load_iso42001(),
        load_maturity_model(),
        load_nist_ai_rmf(),
        load_risk_library(),
        load_risk_matrix(),
        load_sector_rules(),
    ]
    assert {item.meta.id for item in loaded} == EXPECTED_IDS


def test_no_reference_file_lacks_a_verification_status() -> None:
    from caio_desktop.reference.loader import read_reference_file
    from caio_desktop.reference.verification import STATUSES, verification_entries

    legal = {"eu_ai_act", "gdpr", "iso_iec_42001", "nist_ai_rmf", "sector_rules"}
    for name in list_data_files():
        meta = read_reference_file(name).meta
        assert meta.verification.status in STATUSES, name
        if meta.id in legal:
            # Legal and standards content is verified or not; "original" is for our own models only.
            assert meta.verification.status in {"verified", "unverified"}, name
        for path, citation, status in verification_entries(name):
            assert status.status in STATUSES, f"{name}:{path}"
            assert citation, f"{name}:{path}"
            if status.status == "verified":
                assert status.primary and status.checked_on, f"{name}:{path}: verified without where and when"
            if status.status == "unverified":
                assert status.sources, f"{name}:{path}: unverified without its sources"


def test_the_amending_act_is_not_shown_as_fact() -> None:
    # Its OJ number rests on secondary sources: flagged, said to be confirmed, no URL built from it.
    from caio_desktop.reference.ai_act import load_ai_act

    act = load_ai_act()
    omnibus = act.amendment("digital_omnibus_ai")
    assert omnibus.verification.unverified and omnibus.url is None
    assert "to be confirmed" in omnibus.reference and "to be confirmed" in omnibus.label.en
    assert "à confirmer" in omnibus.label.fr
    for item in act.application_dates:
        if item.amended_by == "digital_omnibus_ai" and item.status == "in_force":
            assert item.verification.unverified and "2026/1744" not in item.legal_basis, item.key
    assert act.date("sandboxes").date == dt.date(2027, 8, 2)
    assert act.date("sandboxes_original").status == "superseded"
