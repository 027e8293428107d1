"""The library risk model and its search/category proxy: labels in the language, level colours, sort
values, the "in register" mark, and qtmodeltester on both."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.reference.risk_library import load_risk_library
from caio_desktop.ui.risk_library.model import (
    CATEGORY,
    IN_REGISTER,
    LEVEL,
    SCORE,
    SORT_ROLE,
    TITLE,
    LibraryRiskFilter,
    LibraryRiskModel,
    fold,
)


def test_models_pass_the_model_tester(qtmodeltester) -> None:
    model = LibraryRiskModel(load_risk_library(), "fr")
    model.set_present({"hallucination"})
    qtmodeltester.check(model)
    proxy = LibraryRiskFilter()
    proxy.setSourceModel(model)
    proxy.set_category("cybersecurity")
    proxy.set_search("injection")
    qtmodeltester.check(proxy)


def test_model_shows_the_library_in_the_language() -> None:
    library = load_risk_library()
    model = LibraryRiskModel(library, "fr")
    assert model.rowCount() == len(library.risks) >= 40
    row = model.row_of("hallucination")
    risk = library.risk("hallucination")
    assert model.index(row, TITLE).data() == risk.title("fr")
    assert model.index(row, CATEGORY).data() == library.category_label(risk.category, "fr")
    assert model.index(row, SCORE).data() == f"{risk.likelihood} × {risk.impact}"
    assert model.index(row, SCORE).data(SORT_ROLE) == risk.likelihood * risk.impact
    assert model.index(row, LEVEL).data() in {"Faible", "Moyen", "Élevé", "Critique"}
    assert model.index(row, LEVEL).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.headerData(SCORE, Qt.Orientation.Horizontal) == "P × I"
    assert model.index(row, IN_REGISTER).data() == ""
    model.set_present({"hallucination"})
    assert model.index(row, IN_REGISTER).data() == "✓"


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Sécurité ÉLEVÉE") == "securite elevee"


def test_proxy_filters_by_category_and_every_search_word() -> None:
    model = LibraryRiskModel(load_risk_library(), "en")
    proxy = LibraryRiskFilter()
    proxy.setSourceModel(model)
    proxy.set_category("cybersecurity")
    keys = {proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())}
    assert "prompt_injection" in keys and "hallucination" not in keys
    proxy.set_search("prompt injection")
    assert [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())] == ["prompt_injection"]
    proxy.set_category(None)
    proxy.set_search("")
    assert proxy.rowCount() == model.rowCount()
