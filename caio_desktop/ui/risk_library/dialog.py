"""`RiskLibraryDialog`: pick risks from the AI risk library into the register.

A searchable, filterable table of the library on the left, the selected risk's details on the right
(causes, consequences, suggested treatment and actions, framework mappings), an optional AI system to
link the new risks to, and "Add" which applies ``add_risks_from_library`` as one undo step.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations.risk_library import LIBRARY_KEY, LibraryPickChange, add_risks_from_library
from caio_desktop.reference.risk_library import CATEGORIES, LibraryRisk, load_risk_library
from caio_desktop.ui.ai_act.questions import tr
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.risk_library.model import (
    CATEGORY,
    IN_REGISTER,
    KEY_ROLE,
    LEVEL,
    SCORE,
    TITLE,
    TREATMENT,
    LibraryRiskFilter,
    LibraryRiskModel,
)
from caio_desktop.workspace import queries

# Short columns stay narrow so the risk title gets the room.
COLUMN_WIDTHS = {CATEGORY: 130, SCORE: 60, LEVEL: 75, TREATMENT: 85, IN_REGISTER: 85}


def picked_keys(workspace, ai_system_id: int | None) -> set[str]:  # noqa: ANN001
    """Library keys already in the register for `ai_system_id` (None: risks linked to no system)."""
    # `where` compares with ==, which SQLAlchemy turns into IS NULL for None.
    risks = queries.fetch_rows(workspace, "risks", where={"ai_system_id": ai_system_id})
    return {(r.get("custom") or {}).get(LIBRARY_KEY) for r in risks} - {None}


def pick_summary(change: LibraryPickChange, lang: str) -> str:
    """What the consultant reads after adding: how many were added, which were already there."""
    text = tr(lang, f"{len(change.added)} risque(s) ajouté(s) au registre.",
              f"{len(change.added)} risk(s) added to the register.")
    if change.skipped:
        library = load_risk_library()
        names = ", ".join(library.risk(key).title(lang) for key in change.skipped)
        text += "\n" + tr(lang, f"Déjà au registre, ignoré(s) : {names}.", f"Already in the register, skipped: {names}.")
    return text


class RiskLibraryDialog(QDialog):
    """Browse the AI risk library and add the selected risks (with their actions) to the register."""

    #: Replaced in tests so no modal box opens (pytest-qt's advice on dialogs).
    message_box = QMessageBox

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.change: LibraryPickChange | None = None
        lang = context.lang
        self.library = load_risk_library()
        self.setWindowTitle(tr(lang, "Bibliothèque de risques IA", "AI risk library"))
        self.resize(1220, 660)

        self.model = LibraryRiskModel(self.library, lang, self)
        self.proxy = LibraryRiskFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr(lang, "Rechercher (titre, description, causes…)",
                                          "Search (title, description, causes…)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.category = QComboBox()
        self.category.addItem(tr(lang, "Toutes les catégories", "All categories"), None)
        for category in CATEGORIES:
            if self.library.by_category(category):
                self.category.addItem(self.library.category_label(category, lang), category)
        self.category.currentIndexChanged.connect(lambda: self.proxy.set_category(self.category.currentData()))

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # library order until the user sorts
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line a risk; the full title is in the tooltip and details
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.details = QTextBrowser()
        self.details.setOpenLinks(False)

        self.system = QComboBox()
        self.system.addItem(tr(lang, "Aucun système d'IA", "No AI system"), None)
        for system_id, label in queries.labels(context.workspace, "ai_systems").items():
            self.system.addItem(label, system_id)
        self.system.currentIndexChanged.connect(self._refresh_present)
        self.count_label = QLabel()

        self.add_button = QPushButton(tr(lang, "Ajouter", "Add"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr(lang, "Fermer", "Close"))
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.category, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 380])
        footer = QHBoxLayout()
        footer.addWidget(QLabel(tr(lang, "Lier au système d'IA :", "Link to AI system:")))
        footer.addWidget(self.system)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)

        self._refresh_present()
        self._on_selection()

    # --- selection -----------------------------------------------------------------------------------
    def selected_keys(self) -> list[str]:
        """Library keys of the selected rows, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.index(row, 0).data(KEY_ROLE) for row in rows]

    def select_keys(self, keys: list[str]) -> None:
        """Select the rows of `keys` (those visible under the current search and filter)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for key in keys:
            source_row = self.model.row_of(key)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                selection.select(index, flags)

    def _on_selection(self, *_: object) -> None:
        keys = self.selected_keys()
        lang = self.context.lang
        self.add_button.setEnabled(bool(keys))
        self.count_label.setText(tr(lang, f"{len(keys)} sélectionné(s)", f"{len(keys)} selected") if keys else "")
        current = self.table.currentIndex()
        key = current.data(KEY_ROLE) if current.isValid() and current.row() in {
            i.row() for i in self.table.selectionModel().selectedRows()} else (keys[0] if keys else None)
        self.details.setHtml(self.details_html(self.library.risk(key)) if key else "")

    def _refresh_present(self, *_: object) -> None:
        self.model.set_present(picked_keys(self.context.workspace, self.system.currentData()))

    # --- details -------------------------------------------------------------------------------------
    def details_html(self, risk: LibraryRisk) -> str:
        """The details pane for `risk`, in the interface language."""
        lang = self.context.lang
        library = self.library

        def items(texts: list[str]) -> str:
            return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"

        def section(fr: str, en: str, body: str) -> str:
            return f"<p><b>{escape(tr(lang, fr, en))}</b></p>{body}"

        level = self.model.level_label(risk)
        mappings = [
            ("AI Act", risk.ai_act_articles),
            ("ISO/IEC 42001", risk.iso42001_controls),
            ("NIST AI RMF", risk.nist_subcategories),
        ]
        mapping_html = "".join(f"<li>{escape(name)} : {escape(', '.join(ids))}</li>" if lang == "fr"
                               else f"<li>{escape(name)}: {escape(', '.join(ids))}</li>"
                               for name, ids in mappings if ids)
        if risk.mit_domain:
            domain = library.mit_domain_labels[risk.mit_domain].get(lang)
            mapping_html += f"<li>MIT AI Risk Repository : {escape(domain)}</li>" if lang == "fr" \
                else f"<li>MIT AI Risk Repository: {escape(domain)}</li>"
        facts = tr(
            lang,
            f"{library.category_label(risk.category, lang)} · probabilité {risk.likelihood} × impact "
            f"{risk.impact} ({level}) · traitement suggéré : {library.treatment_label(risk.treatment, lang)}",
            f"{library.category_label(risk.category, lang)} · likelihood {risk.likelihood} × impact "
            f"{risk.impact} ({level}) · suggested treatment: {library.treatment_label(risk.treatment, lang)}",
        )
        present = ""
        if self.model.is_present(risk.key):
            present = "<p><i>" + escape(tr(lang, "Déjà au registre pour ce système.",
                                           "Already in the register for this system.")) + "</i></p>"
        return (
            f"<h3>{escape(risk.title(lang))}</h3><p>{escape(facts)}</p>{present}"
            f"<p>{escape(risk.description(lang))}</p>"
            + section("Causes typiques", "Typical causes", items([c.get(lang) for c in risk.causes]))
            + section("Conséquences", "Consequences", items([c.get(lang) for c in risk.consequences]))
            + section("Actions suggérées", "Suggested actions", items([a.get(lang) for a in risk.actions]))
            + section("Correspondances", "Mappings", f"<ul>{mapping_html}</ul>")
        )

    # --- apply ---------------------------------------------------------------------------------------
    def add_selected(self) -> LibraryPickChange | None:
        """Add the selected risks to the register (one undo step) and report what was skipped."""
        keys = self.selected_keys()
        if not keys:
            return None
        lang = self.context.lang
        title = tr(lang, "Bibliothèque de risques IA", "AI risk library")
        try:
            self.change = self.context.perform(add_risks_from_library, keys,
                                               ai_system_id=self.system.currentData())
        except (ValidationError, LookupError) as error:
            self.message_box.warning(self, title, str(error))
            return None
        self.message_box.information(self, title, pick_summary(self.change, lang))
        self._refresh_present()
        self.accept()
        return self.change

