"""`ImportWizard`: file → sheet → mapping → preview → import (progress, Cancel) → report.

    ImportWizard(context, module_key="risks", path=Path("risques.xlsx"), parent=window).exec()

The import runs off the GUI thread and becomes one undo step (`context.push(changeset)`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from caio_desktop.ui.importer.page_mapping import MappingPage
from caio_desktop.ui.importer.page_preview import PreviewPage
from caio_desktop.ui.importer.page_run import ReportPage, RunPage
from caio_desktop.ui.importer.pages_source import FilePage, SheetPage
from caio_desktop.ui.importer.session import ImportSession


class ImportWizard(QWizard):
    """Import a client spreadsheet into one register of the open workspace."""

    FILE, SHEET, MAPPING, PREVIEW, RUN, REPORT = range(6)

    def __init__(self, context: Any, *, module_key: str | None = None, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = ImportSession(context, module_key=module_key, path=Path(path) if path else None)
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self.session)
        self.sheet_page = SheetPage(self.session)
        self.mapping_page = MappingPage(self.session)
        self.preview_page = PreviewPage(self.session)
        self.run_page = RunPage(self.session, strict=self.preview_page.strict.isChecked)
        self.report_page = ReportPage(self.session)
        for number, page in enumerate((self.file_page, self.sheet_page, self.mapping_page, self.preview_page,
                                       self.run_page, self.report_page)):
            self.setPage(number, page)
        self.resize(900, 620)
        self.finished.connect(lambda _result: self._cleanup())

    def reject(self) -> None:
        """Cancel: a running import is cancelled (and rolled back) before the wizard closes."""
        self.run_page.cancel()
        self._cleanup()
        super().reject()

    def _cleanup(self) -> None:
        self.preview_page.stop()
        self.run_page.stop()
        self.session.close_source()
