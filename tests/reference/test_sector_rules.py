"""Tests for the sector rules (DORA, NIS2, MDR and Machinery routes, GDPR Art. 22, CNIL, GPAI code)."""

import pytest

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.reference.sector_rules import applies, load_sector_rules


def test_every_checklist_files_under_a_known_framework_with_items() -> None:
    rules = load_sector_rules()
    assert {c.key for c in rules.checklists} == {"dora", "nis2", "mdr", "machinery", "gdpr_art22", "cnil_ai",
                                                 "gpai_code_of_practice"}
    for checklist in rules.checklists:
        assert checklist.framework in ENUMERATIONS["framework"].codes, checklist.key
        assert checklist.items and checklist.verification.unverified  # nothing read against the OJ
        keys = [i.key for i in checklist.items]
        assert len(keys) == len(set(keys))
        for item in checklist.items:
            assert item.article.fr and item.article.en and item.text.fr and item.text.en
            assert item.verification.sources


@pytest.mark.parametrize(("sector", "groups"), [
    ("Banque de détail", {"financial"}), ("Insurance", {"financial"}), ("Finance", {"financial"}),
    ("Assurance (IARD, santé, prévoyance)", {"financial"}),  # an insurer, not a hospital
    ("Centre hospitalier", {"health", "nis2"}), ("Hôpital", {"health", "nis2"}), ("Eau potable", {"nis2"}),
    ("Bureau d'études", set()), ("Industrie automobile", {"industrial"}), (None, set()), ("", set()),
])
def test_sector_groups_from_free_text(sector, groups) -> None:
    assert load_sector_rules().sector_groups(sector) == groups


def test_applies_needs_every_condition() -> None:
    when = {"sector": "industrial", "annex_i_product": True}
    assert applies(when, {"industrial"}, {"annex_i_product": True})
    assert not applies(when, {"industrial"}, {"annex_i_product": False})
    assert not applies(when, set(), {"annex_i_product": True})
    assert applies({}, set(), {})
