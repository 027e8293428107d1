"""Risks & compliance: a heat-map cell filters the register; the heat maps follow edits and undo;
compliance items by framework."""

from __future__ import annotations

from PySide6.QtCore import Qt

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


def test_compliance_register_marks_unverified_citations_and_reference_updates(qtbot, context) -> None:
    from caio_desktop.operations import create_row
    from caio_desktop.ui.registers.model import RegisterModel

    ws = context.workspace
    create_row(ws, "compliance", {"framework": "dora", "reference": "Art. 28(3)", "requirement": "Registre",
                                  "custom": {"reference_verification": "unverified",
                                             "reference_change": "changed",
                                             "reference_change_version": "sector_rules 1.1.0",
                                             "reference_previous": "Ancien texte"}})
    create_row(ws, "compliance", {"framework": "iso42001", "reference": "A.6.2.4", "requirement": "Saisi à la main"})
    model = RegisterModel(context, "compliance")
    reference, requirement = model.column("reference"), model.column("requirement")
    assert model.data(model.index(0, reference)) == "Art. 28(3) †"
    # The French interface of the fixture: the tooltip comes from the .qm translations.
    assert "Journal officiel" in model.data(model.index(0, reference), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, requirement)).endswith("◆")
    tooltip = model.data(model.index(0, requirement), Qt.ItemDataRole.ToolTipRole)
    assert "sector_rules 1.1.0" in tooltip and "Ancien texte" in tooltip
    assert model.data(model.index(1, reference)) == "A.6.2.4"  # nothing to say about a row entered by hand
    assert model.data(model.index(1, reference), Qt.ItemDataRole.ToolTipRole) is None
