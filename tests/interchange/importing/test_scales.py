"""A level column read as a whole: the client's 3-, 4- or 5-step scale laid onto levels 1–5."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caio_desktop.interchange.importing import apply_import, plan_import
from caio_desktop.interchange.importing.scales import SCALES, header_steps, read_scale, spread
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.importing.conftest import write_xlsx


def test_the_spreading_rule() -> None:
    assert [spread(n, 3) for n in (1, 2, 3)] == [1, 3, 5]
    assert [spread(n, 4) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]
    assert [spread(n, 5) for n in range(1, 6)] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("cells", "expected"), [
    (["Faible", "Moyen", "Élevé"], [1, 3, 5]),
    (["Low", "Medium", "High"], [1, 3, 5]),
    (["Faible", "Moyen", "Élevé", "Critique"], [1, 2, 4, 5]),
    (["Low", "Medium", "High", "Very high"], [1, 2, 4, 5]),
    (["Très improbable", "Improbable", "Possible", "Probable", "Très probable"], [1, 2, 3, 4, 5]),
    (["Rare", "Peu probable", "Possible", "Probable", "Quasi certain"], [1, 2, 3, 4, 5]),
    (["Négligeable", "Mineur", "Modéré", "Majeur", "Catastrophique"], [1, 2, 3, 4, 5]),
    (["Faible", "Moyen", "Élevé", "Très élevé", "Critique"], [1, 2, 3, 4, 5]),
    (["Very low", "Low", "Medium", "High", "Very high"], [1, 2, 3, 4, 5]),
    (["1 - Faible", "2 - Moyen", "3 - Élevé"], [1, 3, 5]),
    (["P1", "P3", "P5"], [1, 3, 5]),
    (["5 %", "45 %", "95%"], [1, 3, 5]),
    ([0.05, 0.45, 0.95], [1, 3, 5]),
    ([10, 50, 90], [1, 3, 5]),
])
def test_known_scales_are_spread_over_one_to_five(cells: list, expected: list[int]) -> None:
    reading = read_scale("Probabilité", cells)
    assert [reading.levels[c] for c in cells] == expected


def test_numeric_scales_named_by_the_header_or_the_mapping() -> None:
    assert header_steps("Probabilité (1-3)") == 3
    assert header_steps("Impact /4") == 4
    assert header_steps("Gravité sur 4") == 4
    assert header_steps("Probabilité") is None
    assert [read_scale("Probabilité (1-3)", [1, 2, 3]).levels[n] for n in (1, 2, 3)] == [1, 3, 5]
    assert [read_scale("Impact", [1, 2, 3, 4], steps=4).levels[n] for n in (1, 2, 3, 4)] == [1, 2, 4, 5]
    # Without a word about it, numbers are levels 1–5.
    assert [read_scale("Impact", [1, 2, 3]).levels[n] for n in (1, 2, 3)] == [1, 2, 3]


def test_one_word_or_a_mix_with_numbers_is_read_word_by_word_on_five_steps() -> None:
    assert read_scale("P", ["Fort"]).scale is None
    mixed = read_scale("P", ["Élevé", "faible", 3])
    assert mixed.scale is None and 3 in mixed.levels and "Élevé" not in mixed.levels


def test_the_mapping_file_overrides_a_value() -> None:
    reading = read_scale("P", ["Faible", "Moyen", "Élevé"], overrides={"eleve": 4})
    assert reading.levels["Élevé"] == 4 and reading.levels["Faible"] == 1


def _variant(draw: st.DrawFn, word: str) -> str:
    """`word` as people type it: any case per letter, accents dropped or kept, spaces around and doubled."""
    plain = draw(st.booleans())
    text = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)) \
        if plain else word
    text = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)
    text = text.replace(" ", " " * draw(st.integers(1, 3)))
    return " " * draw(st.integers(0, 2)) + text + " " * draw(st.integers(0, 2))


@st.composite
def scale_and_variants(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    scale = draw(st.sampled_from(SCALES))
    words = [draw(st.sampled_from(step)) for step in scale.steps]
    return words, [_variant(draw, w) for w in words]


@settings(max_examples=300, deadline=None)
@given(scale_and_variants())
def test_any_spelling_of_a_scale_word_means_the_same_level(case: tuple[list[str], list[str]]) -> None:
    words, variants = case
    canonical = read_scale("Niveau", words)
    typed = read_scale("Niveau", variants)
    assert [typed.levels[v] for v in variants] == [canonical.levels[w] for w in words]
    # and the whole scale is its steps spread over 1–5
    assert [canonical.levels[w] for w in words] == [spread(n, len(words)) for n in range(1, len(words) + 1)]


def test_a_french_register_in_words_imports_and_the_mapping_file_changes_a_value(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [
        ["Risque", "Probabilité", "Impact"],
        ["Fuite", "Très probable", "Catastrophique"],
        ["Biais", "Possible", "Mineur"],
        ["Panne", "Très improbable", "Négligeable"],
        ["Dérive", "Probable", "Majeur"],
    ])
    plan = plan_import(workspace, path, "risks")
    assert not plan.errors and not plan.warnings
    assert [(r.values["likelihood"], r.values["impact"]) for r in plan.rows] == [(5, 5), (3, 2), (1, 1), (4, 4)]
    assert "Très probable → 5" in plan.scales["Probabilité"].describe("fr")
    mapping = {"module": "risks", "columns": {"Risque": "title", "Probabilité": "likelihood", "Impact": "impact"},
               "values": {"Probabilité": {"tres probable": 4}}}
    (tmp_path / "m.json").write_text(json.dumps(mapping), encoding="utf-8")
    plan = plan_import(workspace, path, "risks", mapping=tmp_path / "m.json")
    assert plan.rows[0].values["likelihood"] == 4
    apply_import(workspace, plan)
    assert [r["likelihood"] for r in fetch_rows(workspace, "risks")] == [4, 3, 1, 4]
