"""What the import wizard's pages share: the file, the module, the sheet as read, the mapping, the plan
and the outcome — plain data, so each page stays small and tests can look inside."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caio_desktop.domain.fields import Field
from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.importing import ColumnMapping, ImportPlan, ImportResult
from caio_desktop.interchange.importing.plan import Layout
from caio_desktop.interchange.importing.reader import Source


@dataclass
class ImportSession:
    """State of one run of the import wizard."""

    context: Any  # AppContext: .workspace, .lang, .push()
    module_key: str | None = None
    path: Path | None = None
    source: Source | None = None
    layout: Layout | None = None
    mapping: ColumnMapping | None = None
    plan: ImportPlan | None = None
    result: ImportResult | None = None
    remember_mapping: bool = False  # saved for the register's next import once this one has succeeded

    @property
    def lang(self) -> str:
        return getattr(self.context, "lang", "en")

    @property
    def engagement_lang(self) -> str:
        """The engagement's language: the one the row messages and the rejected-rows report speak."""
        workspace = getattr(self.context, "workspace", None)
        try:
            return workspace.engagement().language if workspace is not None else self.lang
        except Exception:  # noqa: BLE001 - a stand-in context in tests: the UI's language will do
            return self.lang

    def importable_fields(self) -> list[Field]:
        return [f for f in MODULES[self.module_key or ""].fields if not f.computed]

    def close_source(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None
