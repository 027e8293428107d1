"""The mapping step: one combo box per column of the sheet, proposed from the headers (or the mapping
saved for this register), each field used at most once, required fields checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.importing import ColumnMapping, MappingError
from caio_desktop.interchange.importing import mapping as mappings
from caio_desktop.interchange.importing.plan import resolve_mapping
from caio_desktop.interchange.importing.reader import filled
from caio_desktop.interchange.importing.text import cell_text
from caio_desktop.ui.importer.pages_source import error_label
from caio_desktop.ui.importer.session import ImportSession

SAMPLES = 3
MAX_HEADER_WIDTH = 300
JSON_FILTER = "Mapping (*.json)"


class MappingPage(QWizardPage):
    """Which field each column goes into; unmapped columns are kept as custom attributes."""

    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Columns and fields"))
        self.setSubTitle(self.tr("Columns left as custom attributes are kept with each row, so nothing in "
                                 "the sheet is lost."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the sheet"), self.tr("Examples"),
                                              self.tr("Field")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.combos: list[QComboBox] = []
        self.remember = QCheckBox(self.tr("Remember this mapping for the next import into this register"))
        self.remember.setChecked(True)
        load = QPushButton(self.tr("Load mapping file…"))
        load.clicked.connect(self._load)
        save = QPushButton(self.tr("Save mapping file…"))
        save.clicked.connect(self._save)
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.remember, 1)
        buttons.addWidget(load)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    @classmethod
    def ask_open(cls, parent: QWidget) -> str:
        title = QCoreApplication.translate("MappingPage", "Load mapping file")
        return QFileDialog.getOpenFileName(parent, title, "", JSON_FILTER)[0]

    @classmethod
    def ask_save(cls, parent: QWidget) -> str:
        title = QCoreApplication.translate("MappingPage", "Save mapping file")
        return QFileDialog.getSaveFileName(parent, title, "mapping.json", JSON_FILTER)[0]

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        session = self.session
        layout = session.layout
        proposed = session.mapping or resolve_mapping(session.context.workspace, layout, session.module_key, None)
        self._fill(proposed)

    def _fill(self, proposal: ColumnMapping) -> None:
        session, layout = self.session, self.session.layout
        fields = session.importable_fields()
        data = layout.table.rows[layout.header_index + 1:]
        self.table.setRowCount(len(layout.headers))
        self.combos = []
        for row, header in enumerate(layout.headers):
            samples = [cell_text(r[row]) for r in data[:200] if row < len(r) and filled(r[row])][:SAMPLES]
            name = QTableWidgetItem(header)
            name.setToolTip(header)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(" · ".join(" ".join(s.split())[:40] for s in samples)))
            combo = QComboBox()
            combo.addItem(self.tr("(keep as a custom attribute)"), None)
            for f in fields:
                combo.addItem(f.label(session.lang) + (" *" if f.required else ""), f.key)
            combo.setCurrentIndex(max(0, combo.findData(proposal.columns.get(header))))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        # Client headers can be whole questions: keep the field combos in sight.
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), MAX_HEADER_WIDTH))
        self._check()

    def current(self) -> ColumnMapping:
        headers = self.session.layout.headers
        return ColumnMapping(self.session.module_key, {h: c.currentData() for h, c in zip(headers, self.combos,
                                                                                        strict=True)})

    def _changed(self, row: int) -> None:
        key = self.combos[row].currentData()
        if key:
            for other, combo in enumerate(self.combos):  # each field takes one column
                if other != row and combo.currentData() == key:
                    combo.setCurrentIndex(0)
        self._check()

    def _check(self) -> None:
        missing = self.current().missing_required()
        mod = MODULES[self.session.module_key]
        if missing:
            names = ", ".join(mod.field(k).label(self.session.lang) for k in missing)
            self.error.setText(self.tr("Choose a column for each required field (*): %1").replace("%1", names))
        else:
            self.error.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.combos) and not self.current().missing_required()

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.session.mapping = self.current()
        self.session.remember_mapping = self.remember.isChecked()  # saved once the import succeeds
        return True

    def _load(self) -> None:
        chosen = self.ask_open(self)
        if not chosen:
            return
        try:
            loaded = mappings.load(chosen, module_key=self.session.module_key)
        except (MappingError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self._fill(mappings.apply_to_headers(loaded, self.session.layout.headers))

    def _save(self) -> None:
        chosen = self.ask_save(self)
        if chosen:
            mapping = self.current()
            mapping.sheet, mapping.header_row = self.session.layout.table.sheet, self.session.layout.header_row
            mappings.save(mapping, Path(chosen))
