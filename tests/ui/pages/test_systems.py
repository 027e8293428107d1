"""AI systems: the inventory's tier badges, the classification questionnaire opened on the selected
system, the compliance checklist generated as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.ui.pages.systems import SystemsPage
from caio_desktop.workspace.queries import count_rows


def test_tier_badge_and_classification_of_the_selected_system(qtbot, context_empty, monkeypatch) -> None:
    context = context_empty
    system = context.perform(create_row, "ai_systems", {"name": "Tri des CV", "ai_act_tier": "high"}).row_ids[0]
    page = SystemsPage(context)
    qtbot.addWidget(page)
    register = page.registers["ai_systems"]
    tier = register.model.index(0, register.model.column("ai_act_tier"))
    assert tier.data() == "Haut risque"
    assert tier.data(Qt.ItemDataRole.BackgroundRole).name().upper() == "#C62828"
    assert register.table.horizontalHeader().visualIndex(register.model.column("ai_act_tier")) == 1
    assert not page.classify_button.isEnabled()
    opened: list[int] = []

    class FakeDialog:
        def __init__(self, system_id: int) -> None:
            opened.append(system_id)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(page, "classification_dialog", FakeDialog)
    register.select_row(system)
    assert page.classify_button.isEnabled()
    page.classify_button.click()
    assert opened == [system]


def test_checklist_of_the_inventory_is_one_undo_step(qtbot, demo_context, monkeypatch) -> None:
    from caio_desktop.ui.ai_act.checklist import ChecklistAction

    shown: list[str] = []

    class Box:
        @staticmethod
        def information(parent, title, text) -> None:  # noqa: ANN001
            shown.append(text)

        warning = information

    monkeypatch.setattr(ChecklistAction, "message_box", Box)
    page = SystemsPage(demo_context)
    qtbot.addWidget(page)
    before = count_rows(demo_context.workspace, "compliance")
    page.checklist_button.click()
    after = count_rows(demo_context.workspace, "compliance")
    assert shown and after >= before
    if after > before:
        demo_context.undo_stack.undo()
        assert count_rows(demo_context.workspace, "compliance") == before
