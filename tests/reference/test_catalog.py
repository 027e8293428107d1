"""Tests for the reference catalogue and for properties every reference file must have."""

import datetime as dt
from typing import Any

import yaml

from caio_desktop.reference.catalog import list_reference_files
from caio_desktop.reference.loader import RESOURCE_PACKAGE, list_data_files

EXPECTED_IDS = {
    "eu_ai_act",
    "gdpr",
    "iso_iec_42001",
    "maturity_model",
    "nist_ai_rmf",
    "risk_library",
    "risk_matrix",
}


def test_catalogue_lists_every_file_with_metadata() -> None:
    infos = list_reference_files()
    assert {i.id for i in infos} == EXPECTED_IDS
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
    from caio_desktop.reference.gdpr import load_gdpr
    from caio_desktop.reference.iso42001 import load_iso42001
    from caio_desktop.reference.maturity import load_maturity_model
    from caio_desktop.reference.nist_ai_rmf import load_nist_ai_rmf
    from caio_desktop.reference.risk_library import load_risk_library
    from caio_desktop.reference.risk_matrix import load_risk_matrix

    loaded = [
        load_ai_act(),
        load_gdpr(),
        load_iso42001(),
        load_maturity_model(),
        load_nist_ai_rmf(),
        load_risk_library(),
        load_risk_matrix(),
    ]
    assert {item.meta.id for item in loaded} == EXPECTED_IDS
