"""Tests for the NIST AI RMF 1.0 Core reference data."""

import pytest

from caio_desktop.reference.nist_ai_rmf import load_nist_ai_rmf


def test_counts_match_the_framework() -> None:
    rmf = load_nist_ai_rmf()
    assert [f.id for f in rmf.functions] == ["GOVERN", "MAP", "MEASURE", "MANAGE"]
    assert len(rmf.categories) == 19
    assert len(rmf.subcategories) == 72
    counts = {
        f.id: (len(f.categories), sum(len(c.subcategories) for c in f.categories)) for f in rmf.functions
    }
    assert counts == {"GOVERN": (6, 19), "MAP": (5, 18), "MEASURE": (4, 22), "MANAGE": (4, 13)}


def test_ids_unique_and_sequential() -> None:
    rmf = load_nist_ai_rmf()
    ids = [s.id for s in rmf.subcategories]
    assert len(ids) == len(set(ids))
    for category in rmf.categories:
        numbers = [int(s.id.rsplit(".", 1)[1]) for s in category.subcategories]
        assert numbers == list(range(1, len(numbers) + 1)), category.id


def test_lookup_and_languages() -> None:
    rmf = load_nist_ai_rmf()
    sub = rmf.subcategory("MEASURE 2.11")
    assert sub.function_id == "MEASURE" and sub.category_id == "MEASURE 2"
    assert "Fairness and bias" in sub.description("en")
    assert "équité" in sub.description("fr")
    assert rmf.functions[0].label("fr") == "Gouverner"
    with pytest.raises(KeyError):
        rmf.subcategory("GOVERN 9.9")
