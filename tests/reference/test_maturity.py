"""Tests for the AI maturity model reference data."""

import re

import pytest

from caio_desktop.reference.maturity import load_maturity_model


def test_shape() -> None:
    model = load_maturity_model()
    assert [p.key for p in model.pillars] == [
        "strategy_value",
        "data",
        "technology",
        "people_skills",
        "governance_ethics",
        "organisation_delivery",
    ]
    for pillar in model.pillars:
        assert 3 <= len(pillar.dimensions) <= 4, pillar.key
    assert len(model.dimensions) >= 20
    keys = [d.key for d in model.dimensions]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", key) for key in keys)


def test_every_dimension_is_complete_in_both_languages() -> None:
    model = load_maturity_model()
    for dim in model.dimensions:
        assert model.pillar(dim.pillar_key).dimensions.count(dim) == 1
        for lang in ("fr", "en"):
            assert dim.label(lang) and dim.description(lang)
            for level in range(1, 6):
                assert dim.level_descriptor(level, lang)
            assert 2 <= len(dim.questions(lang)) <= 4
            assert all(q for q in dim.questions(lang))
        # French and English must differ somewhere, i.e. the French was actually written.
        assert dim.level_descriptor(1, "fr") != dim.level_descriptor(1, "en")


def test_lookup_and_level_names() -> None:
    model = load_maturity_model()
    dim = model.dimension("data_quality")
    assert dim.pillar_key == "data"
    assert dim.label("en") == "Data quality" and dim.label("fr") == "Qualité des données"
    assert model.level_name(1, "en") == "Initial"
    assert model.level_name(5, "en") == "Optimised"
    assert model.level_name(5, "fr") == "Optimisé"
    with pytest.raises(KeyError):
        model.dimension("nope")
    with pytest.raises(ValueError):
        dim.level_descriptor(6, "en")
    with pytest.raises(ValueError):
        model.level_name(0, "fr")


def test_is_cached() -> None:
    assert load_maturity_model() is load_maturity_model()
