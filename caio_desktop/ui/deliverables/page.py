"""The Deliverables page: the five deliverables with their language, date and format (PDF, Word, and
PowerPoint for the decks), a preview of their pages, the consultant's words in each (`narrative.py`),
and the exports (deliverables, Excel workbook) and the spreadsheet import.

Every export runs off the GUI thread behind a progress dialog with Cancel, and is recorded in the
`deliverables` register (kind, version, date, file name) as an undoable step. Word and PowerPoint use
the templates chosen in Preferences; what a template lacks is shown once the file is written. File
dialogs, message boxes and opening the written file are class-level hooks (`ask_save_path`,
`show_warning`, `open_file`) so that tests can replace them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.interchange.deliverables import (
    DECK_KINDS,
    DELIVERABLE_KINDS,
    DeliverableCancelled,
    next_version,
)
from caio_desktop.operations import create_row
from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.deliverables.narrative import NarrativeEditor
from caio_desktop.ui.deliverables.preview import PagePreview, PreviewJob
from caio_desktop.ui.deliverables.templates import usable_template
from caio_desktop.ui.pages.base import optional_class
from caio_desktop.ui.registers.file_editor import stored_name
from caio_desktop.ui.worker import Cancelled, run_in_background

LANG_NAMES = {"fr": "Français", "en": "English"}
# format → (its name, the file filter of the save dialog, suffix); product names, the same in French
FORMAT_FILES = {"pdf": ("PDF", "PDF (*.pdf)", ".pdf"), "docx": ("Word", "Word (*.docx)", ".docx"),
                "pptx": ("PowerPoint", "PowerPoint (*.pptx)", ".pptx")}
_RUNNING: set[PreviewJob] = set()


_QUIT_WATCHED: list[QCoreApplication] = []


def _watch_quit() -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _QUIT_WATCHED:
        app.aboutToQuit.connect(_finish_previews)
        _QUIT_WATCHED.append(app)


def _finish_previews() -> None:
    """At quit, let previews being built finish (a QThread destroyed while running aborts the process)."""
    for job in list(_RUNNING):
        job.wait(10000)


def _adapter(progress: Any, message: str) -> Any:
    """export_deliverable's progress(done, total) → bool over the worker's progress(percent, message)."""

    def report(done: int, total: int) -> bool:
        try:
            progress(done * 100 // max(total, 1), message)
        except Cancelled:
            return False
        return True

    return report


def _folder_of(workspace: Any) -> Path | None:
    """The engagement file's folder (None for an engagement on a server)."""
    path = getattr(workspace, "path", None)
    return Path(path).parent if path else None


class DeliverablesPage(QWidget):
    """Lists the deliverables, previews the selected one and exports it."""

    key = "deliverables"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self.preview_job: PreviewJob | None = None
        self.export_job: Any = None
        self.last_export: Path | None = None
        self._build()
        self._previewed_firm_logo: bytes | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self.refresh_preview)
        context.workspace_changed.connect(self._workspace_changed)
        context.data_changed.connect(self._data_changed)
        context.language_changed.connect(self.retranslate)
        self._workspace_changed(context.workspace)

    # --- hooks tests replace -------------------------------------------------------------------------
    @classmethod
    def ask_save_path(cls, parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
        """The file the person chooses to write, or None when they cancel."""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return Path(path) if path else None

    @classmethod
    def show_error(cls, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)

    @classmethod
    def show_warning(cls, parent: QWidget, title: str, message: str) -> None:
        """What a template lacked, once the deliverable is written all the same."""
        QMessageBox.warning(parent, title, message)

    @classmethod
    def open_file(cls, path: Path) -> None:
        """Open a written deliverable in the application the system uses for it ("Open when done")."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 12)
        outer.setSpacing(8)
        self.title_label = QLabel(objectName="pageTitle")
        self.subtitle_label = QLabel(objectName="pageSubtitle", wordWrap=True)
        outer.addWidget(self.title_label)
        outer.addWidget(self.subtitle_label)
        row = QHBoxLayout()
        outer.addLayout(row, 1)

        side = QFrame(objectName="card")
        side.setFixedWidth(340)
        side_layout = QVBoxLayout(side)
        self.kinds = QListWidget()
        self.kinds.setObjectName("deliverableKinds")
        for kind in DELIVERABLE_KINDS:
            item = QListWidgetItem()
            item.setData(256, kind)  # Qt.UserRole
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(0)
        self.kinds.setSpacing(3)
        self.kinds.setFixedHeight(len(DELIVERABLE_KINDS) * (self.kinds.sizeHintForRow(0) + 6) + 8)
        self.kinds.currentRowChanged.connect(self._options_changed)
        self.options_title = QLabel(objectName="sectionTitle")
        side_layout.addWidget(self.options_title)
        side_layout.addWidget(self.kinds)
        form = QFormLayout()
        self.language = QComboBox()
        for code, name in LANG_NAMES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._options_changed)
        self.as_of = QDateEdit(QDate.currentDate(), calendarPopup=True)
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        self.as_of.dateChanged.connect(self._options_changed)
        self.version_label = QLabel()
        self.language_caption, self.date_caption, self.version_caption = QLabel(), QLabel(), QLabel()
        form.addRow(self.language_caption, self.language)
        form.addRow(self.date_caption, self.as_of)
        form.addRow(self.version_caption, self.version_label)
        formats = QHBoxLayout()
        formats.setSpacing(10)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for fmt, (name, _, _) in FORMAT_FILES.items():
            button = QRadioButton(name, objectName=f"format_{fmt}")
            self.format_group.addButton(button)
            self.format_buttons[fmt] = button
            formats.addWidget(button)
        formats.addStretch(1)
        self.format_buttons["pdf"].setChecked(True)
        self.format_caption = QLabel()
        form.addRow(self.format_caption, formats)
        side_layout.addLayout(form)
        # Said before Export is clicked: which sections would print "Nothing recorded yet" (issue 22).
        self.empty_warning = QLabel(wordWrap=True, objectName="emptyWarning")
        self.empty_warning.setStyleSheet("color: #9A5B00;")
        self.empty_warning.hide()
        side_layout.addWidget(self.empty_warning)
        self.export_button = QPushButton(objectName="primaryButton")
        self.export_button.clicked.connect(self.export_deliverable)
        side_layout.addWidget(self.export_button)
        self.open_when_done = QCheckBox(checked=settings.open_when_done())
        self.open_when_done.toggled.connect(settings.set_open_when_done)
        side_layout.addWidget(self.open_when_done)
        self.status = QLabel(wordWrap=True, objectName="pageSubtitle")
        side_layout.addWidget(self.status)
        side_layout.addSpacing(10)
        self.issued_title = QLabel(objectName="sectionTitle")
        side_layout.addWidget(self.issued_title)
        self.issued = QListWidget(objectName="issuedDeliverables")
        self.issued.setFixedHeight(110)
        side_layout.addWidget(self.issued)
        side_layout.addSpacing(6)
        self.other_title = QLabel(objectName="sectionTitle")
        side_layout.addWidget(self.other_title)
        self.excel_button = QPushButton()
        self.excel_button.clicked.connect(self.export_excel)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_importer)
        side_layout.addWidget(self.excel_button)
        side_layout.addWidget(self.import_button)
        self.audit_pack_button = QPushButton(objectName="auditPackButton")  # issue 18: evidence as one zip
        self.audit_pack_button.clicked.connect(self.export_audit_pack)
        side_layout.addWidget(self.audit_pack_button)
        side_layout.addStretch(1)
        row.addWidget(side)

        # The preview and the consultant's words share the room beside the options: side by side, each
        # would be too narrow to read on a laptop screen.
        self.tabs = QTabWidget(objectName="deliverableTabs")
        preview_tab = QWidget()
        preview_layout = QVBoxLayout(preview_tab)
        self.preview_title = QLabel(objectName="sectionTitle")
        preview_layout.addWidget(self.preview_title)
        self.preview = PagePreview()
        preview_layout.addWidget(self.preview, 1)
        self.narrative = NarrativeEditor(self.context)
        self.tabs.addTab(preview_tab, "")
        self.tabs.addTab(self.narrative, "")
        self.tabs.currentChanged.connect(lambda _index: self.narrative.commit_all())
        row.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        lang = self.context.lang
        self.title_label.setText(self.tr("Deliverables"))
        self.subtitle_label.setText(self.tr(
            "The documents of the engagement, in the client's language, from the data of this file."))
        self.options_title.setText(self.tr("Deliverable"))
        for row in range(self.kinds.count()):
            item = self.kinds.item(row)
            fr, en = DELIVERABLE_KINDS[item.data(256)]
            item.setText(fr if lang == "fr" else en)
        self.language_caption.setText(self.tr("Language"))
        self.date_caption.setText(self.tr("As of"))
        self.version_caption.setText(self.tr("Version"))
        self.format_caption.setText(self.tr("Format"))
        self.export_button.setText(self.tr("Export…"))
        self.open_when_done.setText(self.tr("Open when done"))
        self.tabs.setTabText(0, self.tr("Preview"))
        self.tabs.setTabText(1, self.tr("Your text"))
        self._update_formats()
        self.other_title.setText(self.tr("Workbook and import"))
        self.issued_title.setText(self.tr("Issued"))
        self._update_issued()
        self.excel_button.setText(self.tr("Export Excel workbook…"))
        self.import_button.setText(self.tr("Import a spreadsheet…"))
        self.audit_pack_button.setText(self.tr("Audit pack…"))
        self.audit_pack_button.setToolTip(self.tr(
            "A zip of every compliance requirement with its evidence files and an index (Excel and PDF)."))
        self._update_preview_title()
        self._update_availability()

    # --- state ---------------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(256) if item else next(iter(DELIVERABLE_KINDS))

    @property
    def lang(self) -> str:
        return self.language.currentData() or "fr"

    @property
    def fmt(self) -> str:
        """The chosen format: pdf, docx or pptx."""
        return next((f for f, button in self.format_buttons.items() if button.isChecked()), "pdf")

    @property
    def date(self) -> dt.date:
        value = self.as_of.date()
        return dt.date(value.year(), value.month(), value.day())

    def _workspace_changed(self, workspace: Any) -> None:
        if workspace is not None:
            from caio_desktop.workspace.queries import fetch_rows

            rows = fetch_rows(workspace, "engagement", limit=1)
            lang = rows[0].get("language") if rows else None
            index = self.language.findData(lang or "fr")
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(index, 0))
            self.language.blockSignals(False)
        self._update_availability()
        self._update_issued()
        self._options_changed()

    def _data_changed(self, tables: object) -> None:
        if self.context.workspace is not None:
            self._update_version()
            self._update_issued()
            if tables != frozenset({"deliverables"}):  # recording an export changes nothing printed
                self._refresh_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # The firm logo is chosen in Preferences, which says nothing to the pages: look again on return.
        if self.preview_job is not None and settings.firm_logo() != self._previewed_firm_logo:
            self._refresh_timer.start()

    def _options_changed(self, *_: object) -> None:
        self._update_version()
        self._update_preview_title()
        self._update_formats()
        self.narrative.set_target(self.kind, self.lang)
        self._refresh_timer.start()

    def _update_formats(self) -> None:
        """PowerPoint only for the deliverables that are presented (the decks)."""
        deck = self.kind in DECK_KINDS
        button = self.format_buttons["pptx"]
        button.setEnabled(deck)
        button.setToolTip("" if deck else self.tr(
            "Only the steering committee report and the diagnosis are made as a PowerPoint deck."))
        if not deck and button.isChecked():
            self.format_buttons["pdf"].setChecked(True)

    def _update_issued(self) -> None:
        """The deliverables register, latest first: what was sent, which version, when."""
        from caio_desktop.domain.enums import ENUMERATIONS
        from caio_desktop.workspace.queries import fetch_rows

        self.issued.clear()
        workspace = self.context.workspace
        if workspace is None:
            return
        kinds = ENUMERATIONS["deliverable_kind"]
        rows = fetch_rows(workspace, "deliverables", order_by="issued_on", descending=True, limit=20)
        for row in rows:
            when = row["issued_on"].strftime("%d/%m/%Y" if self.context.lang == "fr" else "%d %b %Y")
            item = QListWidgetItem(f"{when} · {kinds.label(row['kind'], self.context.lang)} "
                                   f"{row.get('version') or ''}".rstrip())
            item.setToolTip(row.get("file_name") or "")
            self.issued.addItem(item)
        if not rows:
            self.issued.addItem(self.tr("Nothing issued yet."))

    def _update_version(self) -> None:
        workspace = self.context.workspace
        self.version_label.setText(next_version(workspace, self.kind) if workspace is not None else "")

    def _update_preview_title(self) -> None:
        fr, en = DELIVERABLE_KINDS[self.kind]
        self.preview_title.setText(self.tr("Preview — %1").replace("%1", fr if self.lang == "fr" else en))

    def _update_availability(self) -> None:
        has_file = self.context.workspace is not None
        self.export_button.setEnabled(has_file)
        self.audit_pack_button.setEnabled(has_file)
        excel = optional_class("caio_desktop.interchange.excel_export", "export_workbook")
        self.excel_button.setEnabled(has_file and excel is not None)
        self.excel_button.setToolTip("" if excel is not None else self.tr("The Excel export is not part of this build."))
        wizard = optional_class("caio_desktop.ui.importer", "ImportWizard")
        writable = has_file and not getattr(self.context.workspace, "read_only", True)
        self.import_button.setEnabled(writable and wizard is not None)  # an import writes; exports only read
        self.import_button.setToolTip("" if wizard is not None else self.tr("The importer is not part of this build."))

    # --- preview -------------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Build the selected deliverable in the background and show its pages (latest request wins)."""
        workspace = self.context.workspace
        self._generation += 1
        if workspace is None:
            self.preview.show_message(self.tr("Open an engagement to see its deliverables."))
            return
        self.preview.show_message(self.tr("Preparing the preview…"))
        # No Qt parent: a page closed while its preview is being built must not destroy a running thread;
        # the job keeps itself alive (_RUNNING) until it has finished.
        self._previewed_firm_logo = settings.firm_logo()
        job = PreviewJob(self._generation, workspace, self.kind, lang=self.lang, as_of=self.date,
                         firm_logo=self._previewed_firm_logo)
        job.rendered.connect(self._preview_ready)
        job.failed.connect(self._preview_failed)
        _watch_quit()
        _RUNNING.add(job)
        job.finished.connect(lambda: _RUNNING.discard(job))
        self.preview_job = job
        job.start()

    def _preview_ready(self, generation: int, images: list) -> None:
        if generation == self._generation:
            self.show_empty_sections(getattr(self.sender(), "empty_sections", []))
            self.preview.show_pages(images)
            self._update_preview_title()
            count = self.tr("1 page") if len(images) == 1 else self.tr("%1 pages").replace("%1", str(len(images)))
            self.preview_title.setText(f"{self.preview_title.text()} · {count}")

    def show_empty_sections(self, titles: list[str]) -> None:
        """Warn, beside Export, of the sections that have nothing of the engagement to show yet."""
        self.empty_warning.setVisible(bool(titles))
        if titles:
            self.empty_warning.setText(
                self.tr("Nothing to show yet in: %1. These sections will read “Nothing recorded yet”.")
                .replace("%1", ", ".join(titles)))

    def _preview_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.preview.show_message(message)

    # --- exports -------------------------------------------------------------------------------------
    def export_deliverable(self) -> None:
        """Ask where, then write the selected deliverable in the chosen format off the GUI thread."""
        workspace = self.context.workspace
        if workspace is None:
            return
        self.narrative.commit_all()  # what is being typed goes into this export
        kind, lang, as_of, fmt = self.kind, self.lang, self.date, self.fmt
        fr, en = DELIVERABLE_KINDS[kind]
        title = fr if lang == "fr" else en
        _, file_filter, suffix = FORMAT_FILES[fmt]
        path = self._ask_target(self.tr("Export the deliverable"),
                                 f"{title} - {self._client_name()} - {as_of.isoformat()}", file_filter, suffix)
        if path is None:
            return
        version = next_version(workspace, kind)
        # Preferences are read here: QSettings belongs to the thread that shows the page.
        firm_logo = settings.firm_logo()
        warnings: list[str] = []
        template = usable_template(fmt, warnings) if fmt != "pdf" else None
        open_when_done = self.open_when_done.isChecked()

        def work(progress: Any) -> Path:
            from caio_desktop.interchange.deliverables import export_deliverable

            try:
                return export_deliverable(workspace, kind, path, fmt=fmt, lang=lang, as_of=as_of, version=version,
                                          progress=_adapter(progress, title), firm_logo=firm_logo,
                                          template=template, warnings=warnings)
            except DeliverableCancelled:
                raise Cancelled() from None

        def done(written: Path) -> None:
            self._record(kind, version, as_of, written)
            if warnings:  # the file is written all the same, on the default template for what was missing
                self.show_warning(self, self.tr("Template incomplete"), self.tr(
                    "%1 was written with the default template for what the chosen one lacks:")
                    .replace("%1", written.name) + "\n\n" + "\n".join(f"• {w}" for w in warnings))
            if open_when_done:
                self.open_file(written)

        self.export_job = run_in_background(self, self.tr("Exporting %1").replace("%1", title), work, done,
                                            on_error=self._export_failed)

    def export_excel(self) -> None:
        workspace = self.context.workspace
        export_workbook = optional_class("caio_desktop.interchange.excel_export", "export_workbook")
        if workspace is None or export_workbook is None:
            return
        lang, as_of = self.lang, self.date
        path = self._ask_target(self.tr("Export the Excel workbook"), f"{self._client_name()} - {as_of.isoformat()}",
                                 "Excel (*.xlsx)", ".xlsx")
        if path is None:
            return
        version = next_version(workspace, "workbook")

        def work(progress: Any) -> Path:
            try:
                return Path(export_workbook(workspace, path, lang=lang, as_of=as_of,
                                            progress=_adapter(progress, path.name)))
            except Exception as exc:
                if type(exc).__name__ == "ExportCancelled":  # the Excel export's own "cancelled"
                    raise Cancelled() from None
                raise

        def done(written: Path) -> None:
            self._record("workbook", version, as_of, written)

        self.export_job = run_in_background(self, self.tr("Exporting the workbook"), work, done,
                                            on_error=self._export_failed)

    def export_audit_pack(self) -> None:
        """The audit pack (every requirement, its evidence, the index), written off the GUI thread."""
        from caio_desktop.interchange.evidence_pack import write_evidence_pack

        workspace = self.context.workspace
        if workspace is None:
            return
        lang = self.lang
        path = self._ask_target(self.tr("Write the audit pack"), f"{self._client_name()} - audit pack",
                                "Zip (*.zip)", ".zip")
        if path is None:
            return

        def work(progress: Any) -> Path:
            write_evidence_pack(workspace, path, lang=lang,
                                progress=lambda done, total: progress(done * 100 // max(total, 1), path.name))
            return path

        def done(written: Path) -> None:
            self.status.setText(self.tr("Written: %1").replace("%1", written.name))
            if self.open_when_done.isChecked():
                self.open_file(written)

        self.export_job = run_in_background(self, self.tr("Writing the audit pack"), work, done,
                                            on_error=self._export_failed)

    def _ask_target(self, title: str, stem: str, file_filter: str, suffix: str) -> Path | None:
        """The file to write, with its suffix added when the person left it out."""
        path = self.ask_save_path(self, title, stem.replace("/", "-") + suffix, file_filter)
        if path is not None and path.suffix.lower() != suffix:
            path = path.with_suffix(path.suffix + suffix)
        return path

    def open_importer(self) -> None:
        wizard_class = optional_class("caio_desktop.ui.importer", "ImportWizard")
        if wizard_class is None or self.context.workspace is None:
            return
        wizard = wizard_class(self.context)
        wizard.setParent(self, wizard.windowFlags())
        wizard.open()

    def _record(self, kind: str, version: str, issued_on: dt.date, written: Path) -> None:
        self.last_export = written
        if getattr(self.context.workspace, "read_only", True):  # the file is written; the register can't be
            self.status.setText(self.tr("Written: %1 (not added to the issued deliverables: the engagement is "
                                        "read-only)").replace("%1", str(written)))
            return
        change = create_row(self.context.workspace, "deliverables", {
            "kind": kind, "version": version, "issued_on": issued_on,
            "file_name": stored_name(written, _folder_of(self.context.workspace))})  # Open finds it
        self.context.push(change)
        self.status.setText(self.tr("Written: %1").replace("%1", str(written)))

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeliverableCancelled):
            return
        self.status.setText("")
        self.show_error(self, self.tr("Export failed"), str(exc))

    def _client_name(self) -> str:
        from caio_desktop.workspace.queries import fetch_rows

        rows = fetch_rows(self.context.workspace, "engagement", limit=1)
        return str(rows[0].get("client_name") or "") if rows else ""
