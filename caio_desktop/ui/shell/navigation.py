"""The pages of the workbench in sidebar order; each is imported only when first shown, so the window
appears before any page's code is loaded."""

from __future__ import annotations

import importlib
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from caio_desktop.ui.optional import module_exists


class PageSpec(NamedTuple):  # not a dataclass: dataclasses imports inspect, costly at start-up
    key: str
    title: str  # English source text, translated in the "Navigation" context
    module: str
    class_name: str

    def label(self) -> str:
        return QCoreApplication.translate("Navigation", self.title)

    def load(self) -> type | None:
        """The page class, or None when that feature is not part of this build."""
        try:
            return getattr(importlib.import_module(self.module), self.class_name)
        except ModuleNotFoundError as error:
            if error.name and self.module.startswith(error.name):
                return None
            raise


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "Overview", "caio_desktop.ui.pages.overview", "OverviewPage"),
    PageSpec("engagement", "Engagement", "caio_desktop.ui.pages.engagement", "EngagementPage"),
    PageSpec("diagnosis", "Diagnosis", "caio_desktop.ui.pages.diagnosis", "DiagnosisPage"),
    PageSpec("systems", "AI systems", "caio_desktop.ui.pages.systems", "SystemsPage"),
    PageSpec("strategy", "Strategy & use cases", "caio_desktop.ui.pages.strategy", "StrategyPage"),
    PageSpec("roadmap", "Roadmap & KPIs", "caio_desktop.ui.pages.roadmap", "RoadmapPage"),
    PageSpec("change", "Change", "caio_desktop.ui.pages.change", "ChangePage"),
    PageSpec("risks", "Risks & compliance", "caio_desktop.ui.pages.risks", "RisksPage"),
    PageSpec("governance", "Governance", "caio_desktop.ui.pages.governance", "GovernancePage"),
    PageSpec("deliverables", "Deliverables", "caio_desktop.ui.deliverables.page", "DeliverablesPage"),
)


def _texts_for_lupdate() -> list[str]:  # pragma: no cover - lupdate reads these literal calls
    return [
        QCoreApplication.translate("Navigation", "Overview"),
        QCoreApplication.translate("Navigation", "Engagement"),
        QCoreApplication.translate("Navigation", "Diagnosis"),
        QCoreApplication.translate("Navigation", "AI systems"),
        QCoreApplication.translate("Navigation", "Strategy & use cases"),
        QCoreApplication.translate("Navigation", "Roadmap & KPIs"),
        QCoreApplication.translate("Navigation", "Change"),
        QCoreApplication.translate("Navigation", "Risks & compliance"),
        QCoreApplication.translate("Navigation", "Governance"),
        QCoreApplication.translate("Navigation", "Deliverables"),
    ]


def available(spec: PageSpec) -> bool:
    """Whether a page's module exists in this build (without importing it)."""
    return module_exists(spec.module)
