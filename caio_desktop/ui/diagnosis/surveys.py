"""The Surveys tab of the Diagnosis page: write a campaign's respondent form, import filled forms (button,
or many files dropped on the tab) off the GUI thread, and read the results.

`SurveyResultsModel` shows a maturity campaign per pillar and dimension (n, mean, median, min–max,
standard deviation, the consultant's own rating) or a usage campaign per AI tool (users, without
approval, with personal / client / confidential data). A campaign of fewer than five respondents shows
its counts only, as the deliverables do. The import is one undo step (`AppContext.push`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.ui.context import AppContext

SORT_ROLE = Qt.ItemDataRole.UserRole
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
FORM_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls", ".csv")
Index = QModelIndex | QPersistentModelIndex


def _number(value: float | None, lang: str, decimals: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "fr" else text


class SurveyResultsModel(QAbstractTableModel):
    """The results of one campaign, a row per pillar and dimension (maturity) or per AI tool (usage)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[tuple[str, Any]]] = []  # per row, per column: (text, raw value for sorting)
        self._objects: list[Any] = []
        self._headers: list[str] = []
        self._bold: list[bool] = []

    # --- filling -------------------------------------------------------------------------------------
    def set_results(self, results: Any, lang: str) -> None:
        """Show `results` (interchange.surveys.results.CampaignResults, or None for nothing)."""
        self.beginResetModel()  # (another campaign: every row and column changes)
        self._rows, self._objects, self._bold = [], [], []
        if results is None:
            self._headers = []
        elif results.kind == "maturity":
            self._fill_maturity(results, lang)
        else:
            self._fill_usage(results, lang)
        self.endResetModel()

    def _fill_maturity(self, results: Any, lang: str) -> None:
        from caio_desktop.reference.maturity import load_maturity_model

        model = load_maturity_model()
        self._headers = [self.tr("Pillar / dimension"), self.tr("n"), self.tr("Mean"), self.tr("Median"),
                         self.tr("Min–max"), self.tr("Std. dev."), self.tr("Consultant")]
        for row in results.rows:
            name = model.pillar(row.pillar).label(lang) if row.is_pillar else model.dimension(row.key).label(lang)
            s = row.stats if results.shown else None
            n = row.stats.n if row.stats else 0
            cells = [(name if row.is_pillar else "    " + name, name), (str(n), n)]
            if s is None:
                cells += [("", None)] * 4
            else:
                spread = f"{_number(s.minimum, lang, 0 if float(s.minimum).is_integer() else 1)}–" \
                         f"{_number(s.maximum, lang, 0 if float(s.maximum).is_integer() else 1)}"
                cells += [(_number(s.mean, lang, 2), s.mean), (_number(s.median, lang), s.median),
                          (spread, s.maximum - s.minimum), (_number(s.sd, lang, 2), s.sd)]
            cells.append((_number(row.consultant, lang), row.consultant))
            self._rows.append(cells)
            self._objects.append(row)
            self._bold.append(row.is_pillar)

    def _fill_usage(self, results: Any, lang: str) -> None:
        self._headers = [self.tr("AI tool"), self.tr("Users"), self.tr("Without approval"), self.tr("Personal data"),
                         self.tr("Client data"), self.tr("Confidential data")]
        for finding in results.findings:
            small = not results.shown or finding.count < 5  # (a tool of few users would point at them)
            counts = [len(finding.not_approved), len(finding.personal_data), len(finding.client_data),
                      len(finding.confidential_data)]
            cells = [(finding.tool.name, finding.tool.name), (str(finding.count), finding.count)]
            cells += [("" if small else str(c), None if small else c) for c in counts]
            self._rows.append(cells)
            self._objects.append(finding)
            self._bold.append(finding.shadow)

    # --- Qt ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or index.column() >= len(self._headers):
            return None
        text, raw = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return raw
        if role == OBJECT_ROLE:
            return self._objects[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._bold[index.row()]:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class NewFormDialog(QDialog):
    """Kind, campaign, language, invited population and anonymity of a form to write."""

    def __init__(self, parent: QWidget | None, *, lang: str, campaigns: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New survey form"))
        layout = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Maturity questionnaire"), "maturity")
        self.kind.addItem(self.tr("AI-usage questionnaire"), "usage")
        self.campaign = QComboBox()
        self.campaign.setEditable(True)
        self.campaign.addItems(campaigns)
        self.campaign.setCurrentText(campaigns[-1] if campaigns else self.tr("Wave 1"))
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "fr" else 1)
        self.invited = QSpinBox()
        self.invited.setRange(0, 100_000)
        self.invited.setSpecialValueText(self.tr("not known"))
        self.anonymous = QCheckBox(self.tr("Anonymous: ask no name, keep none"))
        layout.addRow(self.tr("Questionnaire"), self.kind)
        layout.addRow(self.tr("Campaign"), self.campaign)
        layout.addRow(self.tr("Language"), self.language)
        layout.addRow(self.tr("People invited"), self.invited)
        layout.addRow("", self.anonymous)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "campaign": self.campaign.currentText().strip(),
                "lang": self.language.currentData(), "invited": self.invited.value() or None,
                "anonymous": self.anonymous.isChecked() or None}


class SurveyPanel(QWidget):
    """Campaigns, their forms, the import of filled ones and the results."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: Any = None
        self.results: Any = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        self.campaign_label = QLabel()
        self.campaign = QComboBox()
        self.campaign.setMinimumWidth(240)
        self.campaign.currentIndexChanged.connect(self._show_campaign)
        self.form_button = QPushButton()
        self.form_button.clicked.connect(self.new_form)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_forms)
        for widget in (self.campaign_label, self.campaign):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.form_button)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = SurveyResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        splitter.addWidget(self.table)
        self.messages = QListWidget()
        splitter.addWidget(self.messages)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("pageSubtitle")
        layout.addWidget(self.drop_hint)
        context.workspace_changed.connect(self.reload)
        context.data_changed.connect(self._on_data_changed)
        context.language_changed.connect(self.retranslate)
        self.retranslate()
        self.reload()

    # --- dialogs (class methods, so tests replace them) ---------------------------------------------
    @classmethod
    def ask_form_settings(cls, parent: QWidget, *, lang: str, campaigns: list[str]) -> dict[str, Any] | None:
        dialog = NewFormDialog(parent, lang=lang, campaigns=campaigns)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("SurveyPanel", "Save the survey form"), suggested, "Excel (*.xlsx)")
        return Path(path) if path else None

    @classmethod
    def ask_form_paths(cls, parent: QWidget) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("SurveyPanel", "Import filled forms"), "",
                                                QCoreApplication.translate("SurveyPanel", "Survey forms (*.xlsx *.xlsm *.ods)"))
        return [Path(p) for p in paths]

    # --- texts ---------------------------------------------------------------------------------------
    def retranslate(self, *_: object) -> None:
        self.campaign_label.setText(self.tr("Campaign"))
        self.form_button.setText(self.tr("New form…"))
        self.import_button.setText(self.tr("Import filled forms…"))
        self.drop_hint.setText(self.tr("Drop filled forms here to import them (one or many files)."))
        self._show_campaign()

    # --- reading -------------------------------------------------------------------------------------
    def reload(self, *_: object) -> None:
        from caio_desktop.workspace import surveys as survey_reads

        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        workspace = self.context.workspace
        rows = survey_reads.campaigns(workspace) if workspace is not None else []
        for row in rows:
            self.campaign.addItem(row["name"], row["id"])
        index = self.campaign.findData(current)
        self.campaign.setCurrentIndex(index if index >= 0 else self.campaign.count() - 1)
        self.campaign.blockSignals(False)
        # both write (a campaign, the answers): off on a file opened read-only and for a team reader
        writable = workspace is not None and not getattr(workspace, "read_only", True)
        self.import_button.setEnabled(bool(rows) and writable)
        self.form_button.setEnabled(writable)
        self._show_campaign()

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"survey_campaigns", "survey_respondents", "survey_answers", "maturity_ratings"}:
            self.reload()

    def _show_campaign(self, *_: object) -> None:
        from caio_desktop.domain.surveys import MIN_GROUP
        from caio_desktop.interchange.surveys.results import campaign_results

        campaign_id = self.campaign.currentData()
        workspace = self.context.workspace
        self.results = (campaign_results(workspace, campaign_id)
                        if workspace is not None and campaign_id is not None else None)
        self.model.set_results(self.results, self.context.lang)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # names take the room, figures their width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 0
                                        else QHeaderView.ResizeMode.ResizeToContents)
        if self.results is None:
            self.summary.setText(self.tr("No survey yet: write a form, send it, then import the filled ones."))
            return
        results = self.results
        text = self.tr("%n respondent(s)", "", results.respondents)
        if results.rate is not None:
            text += " — " + self.tr("%1% of %2 invited").replace("%1", f"{results.rate:.0f}").replace(
                "%2", str(results.campaign["invited"]))
        if results.campaign.get("anonymous"):
            text += " — " + self.tr("anonymous")
        if not results.shown:
            text += ". " + self.tr("Figures are shown from %1 respondents.").replace("%1", str(MIN_GROUP))
        elif results.kind == "usage":
            shadow = sum(1 for f in results.findings if f.shadow)
            text += ". " + self.tr("%1 AI tools named, %2 used without approval.").replace(
                "%1", str(len(results.findings))).replace("%2", str(shadow))
        self.summary.setText(text)

    # --- writing -------------------------------------------------------------------------------------
    def new_form(self) -> None:
        from caio_desktop.interchange.surveys.form import generate_form

        workspace = self.context.workspace
        if workspace is None:
            return
        names = [self.campaign.itemText(i) for i in range(self.campaign.count())]
        settings = self.ask_form_settings(self, lang=self.context.lang, campaigns=names)
        if not settings or not settings["campaign"]:
            return
        path = self.ask_save_path(self, f"{settings['campaign']}.xlsx".replace("/", "-"))
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(path.suffix + ".xlsx")
        try:
            _, change = generate_form(workspace, path, kind=settings["kind"], lang=settings["lang"],
                                      campaign=settings["campaign"], invited=settings["invited"],
                                      anonymous=settings["anonymous"])
        except (ValueError, OSError) as exc:
            self.messages.addItem(str(exc))
            return
        self.context.push(change)
        self.messages.addItem(self.tr("%1: form written").replace("%1", path.name))
        index = self.campaign.findText(settings["campaign"])
        if index >= 0:
            self.campaign.setCurrentIndex(index)

    def choose_forms(self) -> None:
        paths = self.ask_form_paths(self)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> Any:
        """Import `paths` in a worker thread; their outcomes are listed, the import pushed as one undo step."""
        from caio_desktop.interchange.surveys.importing import SurveyImportCancelled, import_forms
        from caio_desktop.ui.worker import Cancelled

        workspace = self.context.workspace
        if workspace is None or not paths:
            return None
        lang = self.context.lang
        reading = self.tr("Reading %1 of %2")  # (texts made here: the work runs in another thread)

        def work(progress: Any) -> Any:
            def step(done: int, total: int) -> bool:
                progress(done * 100 // max(total, 1),
                         reading.replace("%1", str(done + 1)).replace("%2", str(total)) if done < total else "")
                return True

            try:
                return import_forms(workspace, paths, lang=lang, progress=step)
            except SurveyImportCancelled:
                raise Cancelled() from None

        def done(report: Any) -> None:
            self.messages.clear()
            for outcome in report.outcomes:
                self.messages.addItem(str(outcome))
            self.messages.addItem(self.tr("%1 of %2 forms imported").replace("%1", str(len(report.imported)))
                                  .replace("%2", str(len(report.outcomes))))
            if report.change is not None:
                self.context.push(report.change)

        def failed(exc: BaseException) -> None:
            self.messages.addItem(str(exc))

        from caio_desktop.ui.worker import run_in_background

        self.job = run_in_background(self, self.tr("Importing survey forms"), work, done, on_error=failed)
        return self.job

    # --- drag and drop -------------------------------------------------------------------------------
    @staticmethod
    def _dropped(event: Any) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls()
                if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in FORM_SUFFIXES]

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._dropped(event) and self.import_button.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
