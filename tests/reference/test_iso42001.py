"""Tests for the ISO/IEC 42001 reference headings."""

import pytest

from caio_desktop.reference.iso42001 import load_iso42001


def test_counts() -> None:
    iso = load_iso42001()
    assert [c.id for c in iso.clauses] == [str(n) for n in range(4, 11)]
    assert [o.id for o in iso.objectives] == [f"A.{n}" for n in range(2, 11)]
    assert len(iso.controls) == 38
    assert [len(o.controls) for o in iso.objectives] == [3, 2, 5, 4, 9, 5, 4, 3, 3]


def test_control_ids_belong_to_their_objective() -> None:
    iso = load_iso42001()
    ids = [c.id for c in iso.controls]
    assert len(ids) == len(set(ids))
    for objective in iso.objectives:
        for control in objective.controls:
            assert control.id.startswith(objective.id + ".")


def test_lookup() -> None:
    iso = load_iso42001()
    assert iso.control("A.7.4").label("en") == "Quality of data for AI systems"
    assert iso.control("A.7.4").label("fr")
    with pytest.raises(KeyError):
        iso.control("A.11.1")
