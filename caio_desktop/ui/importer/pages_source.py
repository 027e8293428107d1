"""The wizard's first steps: which file and module, then which sheet and header row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.importing import SpreadsheetError
from caio_desktop.interchange.importing.mapping import importable_modules
from caio_desktop.interchange.importing.plan import guess_module, read_layout
from caio_desktop.interchange.importing.reader import open_source
from caio_desktop.ui.importer.models import RawSheetModel
from caio_desktop.ui.importer.session import ImportSession

FILE_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)"
PREVIEW_ROWS = 30


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorText")  # its colour is the theme's `error_text`, light or dark (ui/theme.py)
    label.setWordWrap(True)
    return label


class FilePage(QWizardPage):
    """Choose the spreadsheet and the register it goes into."""

    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Spreadsheet to import"))
        self.setSubTitle(self.tr("Excel (xlsx, xlsm, xls), OpenDocument (ods) or CSV. Nothing is written "
                                 "before the last step."))
        self.path_edit = QLineEdit(str(session.path or ""))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.module_combo = QComboBox()
        self.module_combo.addItem(self.tr("(guess from the column headers)"), None)
        for key in importable_modules():
            self.module_combo.addItem(MODULES[key].label(session.lang), key)
        if session.module_key:
            self.module_combo.setCurrentIndex(self.module_combo.findData(session.module_key))
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Import into"), self.module_combo)
        form.addRow(self.error)

    @classmethod
    def ask_path(cls, parent: QWidget) -> str:
        """The file dialog (a classmethod so that tests can replace it)."""
        title = QCoreApplication.translate("FilePage", "Spreadsheet to import")
        return QFileDialog.getOpenFileName(parent, title, "", FILE_FILTER)[0]

    def _browse(self) -> None:
        chosen = self.ask_path(self)
        if chosen:
            self.path_edit.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        path = Path(self.path_edit.text().strip())
        self.session.close_source()
        try:
            self.session.source = open_source(path)
        except (SpreadsheetError, OSError) as exc:
            self.error.setText(str(exc))
            return False
        module_key = self.module_combo.currentData()
        if module_key is None:
            module_key = guess_module(self.session.source, importable_modules())
            if module_key is None:
                self.error.setText(self.tr("The column headers do not tell which register this sheet "
                                           "belongs to: choose it in the list."))
                return False
            self.module_combo.setCurrentIndex(self.module_combo.findData(module_key))
        self.error.clear()
        self.session.path = path
        self.session.module_key = module_key
        self.session.mapping = None
        return True


class SheetPage(QWizardPage):
    """Choose the sheet and check the header row found (highlighted in the first rows)."""

    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Sheet and header row"))
        self.setSubTitle(self.tr("The header row was looked for below titles and blank rows; change it if "
                                 "it is not the highlighted row."))
        self.sheet_combo = QComboBox()
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.raw_model = RawSheetModel(parent=self)
        self.view = QTableView()
        self.view.setModel(self.raw_model)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        form.addRow(self.tr("Header row"), self.header_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self.sheet_combo.currentTextChanged.connect(lambda _name: self._read(None))
        self.header_spin.valueChanged.connect(self._header_changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        into = MODULES[self.session.module_key].label(self.session.lang)
        self.setTitle(self.tr("Sheet and header row — import into %1").replace("%1", into))
        source = self.session.source
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(source.sheet_names if source else [])
        self.sheet_combo.blockSignals(False)
        self._read(None, sheet=None)

    def _header_changed(self, value: int) -> None:
        layout = self.session.layout
        if layout is not None and value != layout.header_row:
            self._read(value)

    def _read(self, header_row: int | None, *, sheet: str | None = "") -> None:
        name = self.sheet_combo.currentText() if sheet == "" else sheet
        try:
            layout = read_layout(self.session.source, self.session.module_key or "", sheet=name or None,
                                 header_row=header_row, lang=self.session.lang)
        except SpreadsheetError as exc:
            self.session.layout = None
            self.error.setText(str(exc))
            self.raw_model.set_rows([], 0)
            self.completeChanged.emit()
            return
        self.error.clear()
        self.session.layout = layout
        self.session.mapping = None
        if self.sheet_combo.currentText() != layout.table.sheet:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.setCurrentText(layout.table.sheet)
            self.sheet_combo.blockSignals(False)
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, len(layout.table.rows)))
        self.header_spin.setValue(layout.header_row)
        self.header_spin.blockSignals(False)
        shown = max(PREVIEW_ROWS, layout.header_index + 10)
        self.raw_model.set_rows(layout.table.rows[:shown], layout.header_index)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.session.layout is not None
