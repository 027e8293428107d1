"""Risks & compliance: a heat-map cell filters the register; the heat maps follow edits and undo;
compliance items by framework."""

from __future__ import annotations

from caio_desktop.ui.pages.risks import RisksPage
from caio_desktop.workspace.queries import fetch_rows


def test_heat_map_cell_filters_the_register(qtbot, demo_context) -> None:
    page = RisksPage(demo_context)
    qtbot.addWidget(page)
    current = page.heat_maps[0]
    register = page.registers["risks"]
    risks = fetch_rows(demo_context.workspace, "risks")
    likelihood, impact = risks[0]["likelihood"], risks[0]["impact"]
    expected = sorted(r["code"] for r in risks if (r["likelihood"], r["impact"]) == (likelihood, impact))
    current.cell_clicked.emit(likelihood, impact)
    shown = sorted(register.proxy.index(r, register.model.column("code")).data()
                   for r in range(register.proxy.rowCount()))
    assert shown == expected
    current.cell_cleared.emit()
    assert register.proxy.rowCount() == len(risks)


def test_heat_map_follows_an_edit_and_its_undo(qtbot, demo_context) -> None:
    page = RisksPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    current = page.heat_maps[0]
    register = page.registers["risks"]
    row = register.model.row_dict(0)
    cell = (row["likelihood"], row["impact"])
    before = current.counts().get(cell, 0)
    moved = (1, 1) if cell != (1, 1) else (5, 5)
    register.model.update(row["id"], {"likelihood": moved[0], "impact": moved[1]})
    assert current.counts().get(cell, 0) == before - 1
    demo_context.undo_stack.undo()
    assert current.counts().get(cell, 0) == before


def test_compliance_filtered_by_framework(qtbot, demo_context) -> None:
    page = RisksPage(demo_context)
    qtbot.addWidget(page)
    items = fetch_rows(demo_context.workspace, "compliance")
    page.framework.setCurrentIndex(page.framework.findData("ai_act"))
    register = page.registers["compliance"]
    assert register.proxy.rowCount() == sum(1 for i in items if i["framework"] == "ai_act") > 0
    page.framework.setCurrentIndex(0)
    assert register.proxy.rowCount() == len(items)


def test_risk_library_button_opens_the_library(qtbot, demo_context, monkeypatch) -> None:
    page = RisksPage(demo_context)
    qtbot.addWidget(page)
    opened: list[bool] = []

    class FakeDialog:
        def exec(self) -> int:
            opened.append(True)
            return 0

    monkeypatch.setattr(page, "library_dialog", FakeDialog)
    assert not page.library_button.isHidden()
    page.library_button.click()
    assert opened == [True]
