"""The last steps: the import itself (off the GUI thread, with progress and Cancel; a snapshot first),
then its report — counts, rejected rows and a workbook of them to fix and import again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from caio_desktop.interchange.importing import apply_import, write_report
from caio_desktop.interchange.importing.report import problems_text
from caio_desktop.ui.importer.pages_source import error_label
from caio_desktop.ui.importer.session import ImportSession
from caio_desktop.ui.importer.worker import ImportTask

REPORT_LINES = 200


class RunPage(QWizardPage):
    """Runs the import; Cancel rolls it back and leaves the workspace as it was."""

    def __init__(self, session: ImportSession, *, strict: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._strict = strict
        self.task: ImportTask | None = None
        self.done = False
        self.setTitle(self.tr("Importing"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        session = self.session
        self.done = False
        self.status.setText(self.tr("Importing %1 rows…").replace("%1", str(len(session.plan.valid))))
        self.progress.setRange(0, max(1, len(session.plan.valid)))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        workspace, plan, strict = session.context.workspace, session.plan, self._strict()

        def work(progress):  # noqa: ANN001, ANN202 - runs in the worker thread: no widgets here
            from caio_desktop.workspace.snapshots import take_snapshot

            take_snapshot(workspace, reason="before-import")
            return apply_import(workspace, plan, strict=strict, progress=progress)

        self.task = ImportTask(work, self)
        self.task.progressed.connect(lambda done, total: self.progress.setValue(done))
        self.task.succeeded.connect(self._imported)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None and self.task.isRunning():
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def _imported(self, result) -> None:  # noqa: ANN001
        self.session.result = result
        if result.change is not None:
            self.session.context.push(result.change)  # the whole import is one undo step
        if self.session.remember_mapping and not result.refused_strict and self.session.mapping is not None:
            from caio_desktop.interchange.importing import save_mapping_in_workspace

            # Only a mapping that imported something is worth proposing next time.
            save_mapping_in_workspace(self.session.context.workspace, self.session.mapping)
        self.done = True
        self.cancel_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("Done."))
        self.completeChanged.emit()
        if self.wizard() is not None:
            self.wizard().next()

    def _cancelled(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setValue(0)  # rolled back: nothing of it stays
        self.status.setText(self.tr("Import cancelled: the workspace is unchanged."))

    def _failed(self, exc: BaseException) -> None:
        self.cancel_button.setEnabled(False)
        self.status.clear()
        self.error.setText(self.tr("The import failed and nothing was written: %1").replace("%1", str(exc)))

    def stop(self) -> None:
        if self.task is not None and self.task.isRunning():
            self.task.cancel()
            self.task.wait()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.done


class ReportPage(QWizardPage):
    """What the import did, and the rows it refused (with a workbook of them to fix)."""

    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Import report"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.save_button = QPushButton(self.tr("Save rejected rows to a workbook…"))
        self.save_button.clicked.connect(self._save)
        self.saved = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.saved)

    @classmethod
    def ask_report_path(cls, parent: QWidget) -> str:
        title = QCoreApplication.translate("ReportPage", "Save rejected rows")
        return QFileDialog.getSaveFileName(parent, title, "rejected-rows.xlsx", "Excel (*.xlsx)")[0]

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        result = self.session.result
        if result.refused_strict:
            text = self.tr("Nothing was imported: %1 rows were rejected and you asked to import nothing "
                           "in that case.").replace("%1", str(len(result.rejected)))
        else:
            text = self.tr("%1 imported, %2 updated, %3 unchanged, %4 rejected, %5 warnings. Undo "
                           "(Ctrl+Z) removes the whole import.")
            for number, value in enumerate((result.imported, result.updated, result.unchanged,
                                            len(result.rejected), len(result.warnings)), start=1):
                text = text.replace(f"%{number}", str(value))
        self.summary.setText(text)
        self.problems.clear()
        lang = self.session.engagement_lang
        self.problems.addItems(problems_text(result.rejected, limit=REPORT_LINES, lang=lang))
        self.problems.addItems([w.text(lang) for w in result.warnings[:REPORT_LINES]])
        self.save_button.setEnabled(bool(result.rejected))

    def _save(self) -> None:
        chosen = self.ask_report_path(self)
        if chosen:
            plan = self.session.plan
            path = write_report(Path(chosen), plan.headers, self.session.result.rejected, sheet=plan.sheet,
                                lang=self.session.engagement_lang)
            self.saved.setText(self.tr("Saved to %1").replace("%1", str(path)))
