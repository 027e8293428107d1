"""Risks page: treatment actions name their risk by code and title; the subtitle fits the tab shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.ui.pages.risks import RisksPage
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.workspace.queries import fetch_rows


def test_an_action_names_its_risk_by_code_and_title(demo_context) -> None:
    risks = {r["id"]: r for r in fetch_rows(demo_context.workspace, "risks")}
    model = RegisterModel(demo_context, "risk_actions")
    column = [f.key for f in model.fields].index("risk_id")
    action = fetch_rows(demo_context.workspace, "risk_actions")[0]
    risk = risks[action["risk_id"]]
    assert model.data(model.index(0, column)) == f"{risk['code']} — {risk['title']}"
    assert model.data(model.index(0, column), Qt.ItemDataRole.EditRole) == risk["id"]


def test_the_subtitle_speaks_of_heat_maps_only_under_them(qtbot, demo_context) -> None:
    page = RisksPage(demo_context)
    qtbot.addWidget(page)
    if not page.heat_maps:
        return
    assert "carte des risques" in page.subtitle_label.text()
    page.tabs.setCurrentIndex(1)  # the risk actions: no heat map there
    assert page.subtitle_label.text() == ("Les risques IA du client, les actions qui les traitent et la "
                                          "conformité par référentiel.")
    page.tabs.setCurrentIndex(0)
    assert "carte des risques" in page.subtitle_label.text()
