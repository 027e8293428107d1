"""AI systems: the inventory (AI Act tiers as coloured badges) and, when that feature is present, the
guided AI Act classification of the selected system."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from caio_desktop.ui.optional import module_exists
from caio_desktop.ui.pages.base import Page, optional_class

CHECKLIST = "caio_desktop.ui.ai_act.checklist"


class SystemsPage(Page):
    key = "systems"

    def title(self) -> str:
        return self.tr("AI systems")

    def subtitle(self) -> str:
        return self.tr("Inventory of the AI systems in use or planned, with their AI Act classification.")

    def build(self) -> None:
        register = self.add_register_tab("ai_systems")
        header = register.table.horizontalHeader()  # the tier badge next to the name, where eyes go
        header.moveSection(header.visualIndex(register.model.column("ai_act_tier")), 1)
        self.classify_button = QPushButton()
        self.dialog_class = optional_class("caio_desktop.ui.ai_act", "ClassificationDialog") or optional_class(
            "caio_desktop.ui.ai_act.classification_dialog", "ClassificationDialog")
        self.classify_button.setVisible(self.dialog_class is not None)
        self.classify_button.setEnabled(False)
        self.classify_button.clicked.connect(self.classify_selected)
        register.add_action_widget(self.classify_button)
        register.selection_changed.connect(lambda row_id: self.classify_button.setEnabled(
            row_id is not None and not self.context.workspace.read_only))
        self.checklist_button = self.writes(QPushButton())  # it adds compliance items
        self.checklist_button.setVisible(module_exists(CHECKLIST))
        self.checklist_button.clicked.connect(self.generate_checklist)
        register.add_action_widget(self.checklist_button)

    def retranslate(self, *args: object) -> None:
        super().retranslate(*args)
        if hasattr(self, "classify_button"):
            self.classify_button.setText(self.tr("Classify (AI Act)…"))
            self.checklist_button.setText(self.tr("Compliance checklist"))
            self.checklist_button.setToolTip(self.tr(
                "Add the AI Act obligations of the selected systems (or of all) to the compliance register"))

    def generate_checklist(self) -> None:
        """The checklist of the selected systems, or of the whole inventory when none is selected."""
        if not self.writable():
            return
        action = optional_class(CHECKLIST, "generate_checklist_action")
        selected = self.registers["ai_systems"].selected_ids()
        action(self.context, selected or None, parent=self)

    def classification_dialog(self, system_id: int):  # noqa: ANN201 - a QDialog (replaceable in tests)
        return self.dialog_class(self.context, system_id, parent=self)

    def classify_selected(self) -> None:
        system_id = self.registers["ai_systems"].current_id()
        if system_id is None or self.dialog_class is None:
            return
        self.classification_dialog(system_id).exec()
