"""The wizard's preview says how each level column's scale was read, and the spreading rule."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.interchange.importing import plan_import
from caio_desktop.ui.importer.page_preview import scales_text
from tests.interchange.importing.conftest import write_xlsx


def test_the_preview_shows_the_scale_and_the_rule(workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["Risque", "Probabilité", "Impact"], ["A", "Faible", 1],
                                            ["B", "Moyen", 2], ["C", "Élevé", 3]])
    text = scales_text(plan_import(workspace, path, "risks"), "fr")
    assert "Probabilité: échelle Faible / Moyen / Élevé (3 niveaux): Faible → 1, Moyen → 3, Élevé → 5" in text
    assert "3 niveaux → 1, 3, 5" in text
    assert "Impact: échelle à 5 niveaux: 1 → 1, 2 → 2, 3 → 3" in text


def test_the_preview_names_the_new_choices(workspace, tmp_path: Path) -> None:
    from caio_desktop.domain.enums import install_engagement_choices
    from caio_desktop.ui.importer.page_preview import ADD_CHOICES

    path = write_xlsx(tmp_path / "r.xlsx", [["Risque", "Catégorie", "Probabilité", "Impact"], ["A", "Conformité", 1, 1]])
    text = scales_text(plan_import(workspace, path, "risks", add_choices=True), "fr")
    assert "nouveaux choix (risk_category) : 'Conformité'" in text
    assert set(ADD_CHOICES) == {"fr", "en"}
    install_engagement_choices({})
