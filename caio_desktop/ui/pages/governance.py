"""Governance: actions across modules (quick filters: mine, overdue), decisions, technology watch, the
record of deliverables handed over, and the Changes between two states of the engagement.

The deliverables themselves are made on the Deliverables page; the tab here is only the record of what
was handed over (to whom, which version, which file), so it is named "Issued deliverables" rather than
repeating the page's name, and offers a link to that page instead of a second way to export
(issue 22: "Gouvernance › Livrables" read as a copy of the Livrables page)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QPushButton

from caio_desktop.ui.pages.base import Page
from caio_desktop.workspace import queries


def is_overdue(row: dict[str, Any], today: dt.date | None = None) -> bool:
    due = row.get("due_date")
    return bool(due) and due < (today or dt.date.today()) and row.get("status") not in ("done", "cancelled")


class GovernancePage(Page):
    key = "governance"
    navigate = Signal(str, str, object)  # page key, module key, row id: a change opened from Changes
    change_markers = Signal(object, str)  # rows changed since a state, for the registers (Changes)

    def title(self) -> str:
        return self.tr("Governance")

    def subtitle(self) -> str:
        return self.tr("Decisions of the governance bodies and the actions that follow them.")

    def build(self) -> None:
        actions = self.add_register_tab("actions")
        self.mine = QCheckBox()
        self.overdue = QCheckBox()
        actions.add_filter_widget(self.overdue)
        actions.add_filter_widget(self.mine)  # inserted first in the bar: "Mine" then "Overdue"
        self.mine.toggled.connect(self._filter_mine)
        self.overdue.toggled.connect(self._filter_overdue)
        self.add_register_tab("decisions")
        self.add_register_tab("watch")
        issued = self.add_register_tab("deliverables", label=lambda: self.tr("Issued deliverables"))
        self.make_deliverable = QPushButton(objectName="linkButton")
        self.make_deliverable.clicked.connect(lambda: self.navigate.emit("deliverables", "", None))
        issued.add_action_widget(self.make_deliverable)
        from caio_desktop.ui.changes.view import ChangesView

        self.changes = ChangesView(self.context)
        self.changes.navigate.connect(self.navigate)
        self.changes.change_markers.connect(self.change_markers)
        self.add_tab(self.changes, lambda: self.tr("Changes"))

    def show_row(self, module_key: str, row_id: int | None = None) -> bool:
        """As every page, plus "changes": the Changes tab (the Overview's "since the last committee")."""
        if module_key == "changes":
            self.tabs.setCurrentWidget(self.changes)
            return True
        return super().show_row(module_key, row_id)

    def retranslate(self, *args: object) -> None:
        super().retranslate(*args)
        if hasattr(self, "mine"):
            self.mine.setText(self.tr("Mine"))
            self.mine.setToolTip(self.tr("Actions whose owner is the consultant of the engagement"))
            self.overdue.setText(self.tr("Overdue"))
            self.make_deliverable.setText(self.tr("Prepare a deliverable →"))
            self.make_deliverable.setToolTip(self.tr(
                "Previews and exports are made on the Deliverables page; each export is recorded here."))

    def consultant(self) -> str:
        from caio_desktop.ui import settings

        name = ""
        if self.context.workspace is not None:
            name = queries.fetch_rows(self.context.workspace, "engagement", limit=1)[0].get("consultant_name") or ""
        return name or settings.consultant_name()

    def _filter_mine(self, on: bool) -> None:
        name = self.consultant().casefold().strip()
        predicate = (lambda row: (row.get("owner") or "").casefold().strip() == name) if on else None
        self.registers["actions"].set_predicate("mine", predicate, label=self.tr("Mine"))

    def _filter_overdue(self, on: bool) -> None:
        self.registers["actions"].set_predicate("overdue", is_overdue if on else None,
                                                label=self.tr("Overdue"))
