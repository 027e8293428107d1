"""The preview step: the rows as they will be imported (planned off the GUI thread), warnings in amber,
rejected rows in red with their reason, and the import options."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing.plan import build_plan
from caio_desktop.interchange.importing.scales import RULE_EN, RULE_FR
from caio_desktop.interchange.importing.text import cell_text, fold
from caio_desktop.ui.importer.models import PreviewModel
from caio_desktop.ui.importer.pages_source import error_label
from caio_desktop.ui.importer.session import ImportSession
from caio_desktop.ui.importer.worker import ImportTask

MAX_COLUMN_WIDTH = 260


ADD_CHOICES = {
    "fr": "Ajouter les valeurs du client qui ne correspondent à aucun choix (catégories de risque, "
          "traitements) comme nouveaux choix de la mission",
    "en": "Add the client's values that fit no choice (risk categories, treatments) as new choices of "
          "the engagement",
}


# The headers of the table of levels, chosen in Python like ADD_CHOICES.
LEVEL_HEADERS = {"fr": ("Colonne", "Valeur du client", "Niveau 1–5"),
                 "en": ("Column", "Client's value", "Level 1–5")}


CHOICE_HEADERS = {"fr": ("Colonne", "Valeur du client", "Devient"), "en": ("Column", "Client's value", "Becomes")}
CHOICE_ACTIONS = {"fr": ("Gardée comme attribut", "Ajoutée comme nouveau choix"),
                  "en": ("Kept as an attribute", "Added as a new choice")}


def client_values(plan) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(column, client's value, enumeration) of each value of an extensible choice column that fits no
    shipped choice: those kept as attributes (warned of) and those planned as new choices."""
    from caio_desktop.domain.enums import EXTENSIBLE
    from caio_desktop.domain.modules import module

    mod = module(plan.module)
    found: dict[tuple[str, str], str] = {}
    for header, key in plan.mapping.columns.items():
        f = mod.field(key) if key else None
        if f is None or f.choices not in EXTENSIBLE:
            continue
        for row in plan.rows:
            for problem in row.warnings:
                if problem.column == header:
                    found.setdefault((header, cell_text(problem.value)), f.choices)
        for label in plan.new_choices.get(f.choices, {}).values():
            found.setdefault((header, label), f.choices)
    return sorted((h, v, e) for (h, v), e in found.items())  # a stable order while decisions re-plan


def scales_text(plan, lang: str) -> str:  # noqa: ANN001
    """The plan's notes (a code column kept as an attribute, footers skipped), the levels read from
    each level column, and the spreading rule when a 3- or 4-step scale was found (the texts come from
    the importer, which writes them in both languages)."""
    lines = [*plan.notes, *(r.describe(lang) for r in plan.scales.values() if r.levels)]
    for key, added in plan.new_choices.items():
        names = ", ".join(repr(label) for label in added.values())
        lines.append(f"nouveaux choix ({key}) : {names}" if lang == "fr" else f"new choices ({key}): {names}")
    if any(r.scale and r.steps < 5 for r in plan.scales.values()):
        lines.append(RULE_FR if lang == "fr" else RULE_EN)
    return "\n".join(lines)


class PreviewPage(QWizardPage):
    """What the import will do, before it does it."""

    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: ImportTask | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Hover a highlighted cell or row to see why. Rejected rows are listed in a "
                                 "report you can fix and import again."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # How each level column's scale was read (3- and 4-step scales spread over 1–5), so the
        # consultant sees "Élevé → 5" before importing and can change it in a mapping file.
        self.scales = QLabel()
        self.scales.setWordWrap(True)
        self.scales.setObjectName("import_scales")
        # Each distinct value of each level column with the level it will take: the consultant
        # confirms or changes it (the change goes into the mapping's "values", saved with it).
        self.levels = QTableWidget(0, 3)
        self.levels.setObjectName("import_levels")
        self.levels.verticalHeader().hide()
        self.levels.setMaximumHeight(160)
        self.levels.hide()
        # Each client value of a category or treatment column that fits no choice: kept as an
        # attribute, added as a new choice, or mapped onto an existing one (the mapping's "values").
        self.choices = QTableWidget(0, 3)
        self.choices.setObjectName("import_choices")
        self.choices.verticalHeader().hide()
        self.choices.setMaximumHeight(160)
        self.choices.hide()
        self.progress = QProgressBar()
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(False)
        self.update_existing = QCheckBox(self.tr("Update rows with the same code or title instead of adding "
                                                 "them again"))
        self.update_existing.setChecked(True)
        self.update_existing.toggled.connect(lambda _on: self.initializePage())
        # The client's categories as new choices of the engagement (issue 15). Its text is chosen in
        # Python from the two languages, like the importer's other bilingual texts (ADD_CHOICES).
        self.add_choices = QCheckBox()
        self.add_choices.setObjectName("import_add_choices")
        self.add_choices.toggled.connect(lambda _on: self.initializePage())
        self.strict = QCheckBox(self.tr("Import nothing if any row is rejected"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.scales)
        layout.addWidget(self.levels)
        layout.addWidget(self.choices)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.update_existing)
        layout.addWidget(self.add_choices)
        layout.addWidget(self.strict)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.stop()
        session = self.session
        session.plan = None
        self.model.set_plan([], [], session.lang)
        self.summary.setText(self.tr("Reading the rows…"))
        self.scales.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.error.clear()
        update = self.update_existing.isChecked()
        add = self.add_choices.isChecked()
        self.add_choices.setText(ADD_CHOICES.get(session.lang, ADD_CHOICES["en"]))
        workspace, source, layout, mapping = session.context.workspace, session.source, session.layout, \
            session.mapping

        def work(progress):  # noqa: ANN001, ANN202 - runs in the worker thread: no widgets here
            return build_plan(workspace, source, layout, mapping, update_existing=update, progress=progress,
                              add_choices=add)

        self.task = ImportTask(work, self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._planned)
        self.task.failed.connect(self._failed)
        self.task.start()
        self.completeChanged.emit()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _planned(self, plan) -> None:  # noqa: ANN001
        session = self.session
        session.plan = plan
        mod = MODULES[plan.module]
        order = {f.key: n for n, f in enumerate(mod.fields)}
        fields = sorted(((mod.field(key), header) for header, key in plan.mapping.columns.items() if key),
                        key=lambda pair: order[pair[0].key])
        self.model.set_plan(plan.preview(limits.PREVIEW_ROWS), fields, session.lang, session.engagement_lang)
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), MAX_COLUMN_WIDTH))
        self.progress.hide()
        new = len(plan.valid) - plan.updates
        text = self.tr("%1 rows read: %2 new, %3 updates, %4 rejected, %5 warnings.")
        for number, value in enumerate((len(plan.rows), new, plan.updates, len(plan.rejected),
                                        len(plan.warnings)), start=1):
            text = text.replace(f"%{number}", str(value))
        if len(plan.rows) > limits.PREVIEW_ROWS:
            text += " " + self.tr("The first %1 are shown.").replace("%1", str(limits.PREVIEW_ROWS))
        self.summary.setText(text)
        self.scales.setText(scales_text(plan, session.lang))
        self._fill_levels(plan)
        self._fill_choices(plan)
        self.completeChanged.emit()

    def _fill_levels(self, plan) -> None:  # noqa: ANN001
        """One row per distinct value of each level column: column, value, level (a spin box)."""
        pairs = [(header, value, level) for header, reading in plan.scales.items()
                 for value, level in sorted(reading.levels.items(), key=lambda p: (p[1], cell_text(p[0])))]
        self.levels.setRowCount(0)
        self.levels.setHorizontalHeaderLabels(LEVEL_HEADERS.get(self.session.lang, LEVEL_HEADERS["en"]))
        self.levels.setVisible(bool(pairs))
        for row, (header, value, level) in enumerate(pairs):
            self.levels.insertRow(row)
            for column, text in enumerate((header, cell_text(value))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.levels.setItem(row, column, item)
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(level)
            spin.valueChanged.connect(lambda new, h=header, v=value: self.set_level(h, v, new))
            self.levels.setCellWidget(row, 2, spin)
        self.levels.resizeColumnsToContents()

    def _fill_choices(self, plan) -> None:  # noqa: ANN001
        """One row per client value that fits no choice, with what it becomes (a combo box)."""
        from caio_desktop.domain.enums import ENUMERATIONS

        lang = self.session.lang
        rows = client_values(plan)
        self.choices.setRowCount(0)
        self.choices.setHorizontalHeaderLabels(CHOICE_HEADERS.get(lang, CHOICE_HEADERS["en"]))
        self.choices.setVisible(bool(rows))
        keep, add = CHOICE_ACTIONS.get(lang, CHOICE_ACTIONS["en"])
        for number, (header, value, key) in enumerate(rows):
            self.choices.insertRow(number)
            for column, text in enumerate((header, value)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.choices.setItem(number, column, item)
            combo = QComboBox()
            combo.addItem(keep, "keep")
            combo.addItem(add, "new")
            for choice in ENUMERATIONS[key].choices:
                combo.addItem(f"→ {choice.label(lang)}", choice.code)
            given = self.session.mapping.value_overrides(header).get(fold(value)) if self.session.mapping else None
            planned = value in plan.new_choices.get(key, {}).values()
            combo.setCurrentIndex(max(0, combo.findData(given if given is not None else ("new" if planned else "keep"))))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, v=value, c=combo: self.set_choice(h, v, c.currentData()))
            self.choices.setCellWidget(number, 2, combo)
        self.choices.resizeColumnsToContents()

    def set_choice(self, header: str, value: str, target: str | None) -> None:
        """The consultant's decision for one client value: into the mapping, then planned again."""
        mapping = self.session.mapping
        if mapping is None:
            return
        meanings = mapping.values.setdefault(header, {})
        for known in [k for k in meanings if fold(k) == fold(value)]:
            del meanings[known]
        meanings[value] = target or "keep"
        self.initializePage()

    def set_level(self, header: str, value: object, level: int) -> None:
        """The consultant's level for one value of a level column: into the mapping, then planned again."""
        mapping = self.session.mapping
        if mapping is None:
            return
        mapping.values.setdefault(header, {})[cell_text(value)] = level
        self.initializePage()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.summary.clear()
        self.error.setText(str(exc))
        self.completeChanged.emit()

    def stop(self) -> None:
        if self.task is not None and self.task.isRunning():
            self.task.cancel()
            self.task.wait()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        plan = self.session.plan
        return plan is not None and bool(plan.valid)
