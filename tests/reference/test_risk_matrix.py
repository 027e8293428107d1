"""Tests for the 5×5 risk matrix reference data."""

import pytest

from caio_desktop.reference.risk_matrix import load_risk_matrix


def test_levels_ranked_with_colours_and_labels() -> None:
    matrix = load_risk_matrix()
    assert [level.key for level in matrix.levels] == ["low", "medium", "high", "critical"]
    assert [level.rank for level in matrix.levels] == [1, 2, 3, 4]
    for level in matrix.levels:
        assert level.color.startswith("#") and len(level.color) == 7
        assert level.label("fr") and level.label("en")
    assert matrix.level("critical").label("fr") == "Critique"


@pytest.mark.parametrize(
    ("likelihood", "impact", "expected"),
    [
        (1, 1, "low"),
        (1, 5, "medium"),
        (3, 3, "medium"),
        (3, 4, "high"),
        (4, 5, "critical"),
        (5, 5, "critical"),
    ],
)
def test_level_for(likelihood: int, impact: int, expected: str) -> None:
    assert load_risk_matrix().level_for(likelihood, impact) == expected


def test_grid_is_monotonic() -> None:
    # A higher likelihood or impact must never give a lower level.
    matrix = load_risk_matrix()
    rank = {level.key: level.rank for level in matrix.levels}
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            here = rank[matrix.level_for(likelihood, impact)]
            if likelihood < 5:
                assert rank[matrix.level_for(likelihood + 1, impact)] >= here
            if impact < 5:
                assert rank[matrix.level_for(likelihood, impact + 1)] >= here


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 1), (1, 6), (6, 3), (-1, 2), (True, 2)])
def test_out_of_range_raises(likelihood: int, impact: int) -> None:
    with pytest.raises(ValueError):
        load_risk_matrix().level_for(likelihood, impact)


def test_scale_labels() -> None:
    matrix = load_risk_matrix()
    assert matrix.likelihood_label(5, "en") == "Almost certain"
    assert matrix.impact_label(1, "fr") == "Négligeable"
    with pytest.raises(ValueError):
        matrix.impact_label(0, "en")


def test_unknown_level_key() -> None:
    with pytest.raises(KeyError):
        load_risk_matrix().level("extreme")


def test_metadata() -> None:
    meta = load_risk_matrix().meta
    assert meta.id == "risk_matrix" and meta.file_name == "risk_matrix.yaml"
