"""`RegisterWidget`: one module as a table (search, filters, sorting, column choice) beside the detail
form of the selected row, with Add / Duplicate / Delete. Every module of the engagement is edited
through this one widget, driven by the field registry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row, delete_rows, duplicate_row
from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.optional import module_exists
from caio_desktop.ui.registers.columns import ColumnFitter, apply_columns, hidden_columns
from caio_desktop.ui.registers.defaults import new_row_values
from caio_desktop.ui.registers.delegate import RegisterDelegate
from caio_desktop.ui.registers.empty import EmptyState
from caio_desktop.ui.registers.form import DetailForm, reason_text
from caio_desktop.ui.registers.format import format_value
from caio_desktop.ui.registers.model import RegisterModel, link_of
from caio_desktop.ui.registers.proxy import RegisterProxy, RowPredicate

IMPORTER = "caio_desktop.ui.importer"  # the import wizard, found without importing it


class RegisterWidget(QWidget):
    """Table + detail form of one module (optionally restricted by `where`)."""

    selection_changed = Signal(object)  # the selected row id, or None

    @classmethod
    def confirm_delete(cls, parent: QWidget, text: str) -> bool:
        """Ask before deleting (replaced in tests)."""
        answer = QMessageBox.question(parent, QCoreApplication.translate("RegisterWidget", "Delete"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def show_refusal(cls, parent: QWidget, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("RegisterWidget", "Not possible"), text)

    def __init__(self, context: AppContext, module_key: str, *, where: dict[str, Any] | None = None,
                 show_form: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.module = MODULES[module_key]
        self.model = RegisterModel(context, module_key, where=where, parent=self)
        self.proxy = RegisterProxy(self.model, self)
        self._build(show_form)
        self.model.validation_failed.connect(self._on_refused)
        self.model.modelReset.connect(self._after_reset)
        self.model.total_changed.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        context.language_changed.connect(self.retranslate)
        self.retranslate()
        self._after_reset()

    # --- building ------------------------------------------------------------------------------------
    def _build(self, show_form: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self._search_timer = QTimer(self)  # filter once typing pauses, not on every keystroke
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(lambda: self.proxy.set_search(self.search.text()))
        self.search.textChanged.connect(self._search_timer.start)
        self.filter_button = QToolButton()
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = QMenu(self)
        self.filter_button.setMenu(self.filter_menu)
        self.filter_menu.aboutToShow.connect(self._fill_filter_menu)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filterChip")
        self.clear_filter = QToolButton()
        self.clear_filter.setText("×")
        self.clear_filter.setAutoRaise(True)
        self.clear_filter.clicked.connect(self.clear_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.add_button = QPushButton()
        self.add_button.setObjectName("primaryButton")
        self.duplicate_button = QPushButton()
        self.delete_button = QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        has_choices = any(f.kind == FieldKind.CHOICE for f in self.module.fields)
        self.filter_button.setVisible(has_choices)
        for widget in (self.search, self.filter_button, self.filter_label, self.clear_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.count_label, self.add_button, self.duplicate_button, self.delete_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.bar = bar

        self.table = QTableView()
        self.table.setMinimumHeight(140)
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(RegisterDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._sorted)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setHighlightSections(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self._edit_in_form)
        self.table.clicked.connect(self._follow_link)
        self.column_fitter = ColumnFitter(self.table, self.module)
        self.empty_state = EmptyState(self.table.viewport())
        self.empty_add = self.empty_state.add_button(QPushButton())
        self.empty_add.setObjectName("primaryButton")
        self.empty_add.clicked.connect(self.add_row)
        self.empty_import = self.empty_state.add_button(QPushButton())
        self.empty_import.clicked.connect(self.import_spreadsheet)
        self.empty_import.setVisible(module_exists(IMPORTER))
        self.proxy.rowsInserted.connect(self.column_fitter.schedule)
        self.proxy.modelReset.connect(self.column_fitter.schedule)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selected)
        # Ctrl+V is the window's Edit › Paste rows (registers/paste_action.py), which calls paste_rows on
        # the register whose table has the focus: a shortcut of the table's own would make the key ambiguous

        self.form: DetailForm | None = None
        if show_form:
            self.splitter = QSplitter(Qt.Orientation.Horizontal)
            self.splitter.addWidget(self.table)
            self.form = DetailForm(self.context, self.module.key)
            self.form.setMinimumWidth(300)
            self.splitter.addWidget(self.form)
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 0)
            self.splitter.setSizes(settings.splitter_sizes(f"register/{self.module.key}") or [900, 380])
            self.splitter.setChildrenCollapsible(False)
            # the table/form divide as a person left it, for this register, after a restart too
            self.splitter.splitterMoved.connect(lambda *_: settings.set_splitter_sizes(
                f"register/{self.module.key}", self.splitter.sizes()))
            layout.addWidget(self.splitter, 1)
        else:
            layout.addWidget(self.table, 1)

    def show_changes(self, markers: dict[int, str], since: str) -> None:
        """Mark the rows added or changed since the state `since` (a baseline) in the row header, and
        offer to show only those; empty `markers` take the marks away."""
        self.model.set_markers(markers, since)
        self.table.verticalHeader().setVisible(bool(markers))
        if not hasattr(self, "changed_only"):
            from PySide6.QtWidgets import QCheckBox

            self.changed_only = QCheckBox()
            self.changed_only.toggled.connect(self._filter_changed)
            self.add_filter_widget(self.changed_only)
        self.changed_only.setText(QCoreApplication.translate("RegisterWidget", "Changed since %1")
                                  .replace("%1", since))
        self.changed_only.setVisible(bool(markers))
        if not markers:
            self.changed_only.setChecked(False)
        self._filter_changed(self.changed_only.isChecked())

    def _filter_changed(self, on: bool) -> None:
        marked = self.model.marker
        self.set_predicate("changed", (lambda row: marked(row["id"]) is not None) if on else None,
                           label=self.changed_only.text())

    def add_filter_widget(self, widget: QWidget) -> None:
        """A page's own quick filter, after the search and filter controls."""
        self.bar.insertWidget(self.bar.indexOf(self.clear_filter) + 1, widget)

    def add_empty_action(self, button: QPushButton) -> QPushButton:
        """A page's own way to fill the register while it is empty (the risk library), beside Add."""
        return self.empty_state.add_button(button)

    def import_spreadsheet(self) -> None:
        """Open the import wizard of the main window (the register is filled from a client's file)."""
        opener = getattr(self.window(), "open_import_wizard", None)
        if opener is not None:
            opener(None)

    def add_action_widget(self, widget: QWidget) -> None:
        """A page's own action button, before Add / Duplicate / Delete."""
        self.bar.insertWidget(self.bar.indexOf(self.add_button), widget)

    def retranslate(self, *_: object) -> None:
        entity = self.module.entity(self.context.lang)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        # the placeholder whole, even in a narrow master register beside its details (KPIs: "R…")
        self.search.setMinimumWidth(min(280, self.search.fontMetrics().horizontalAdvance(
            self.search.placeholderText()) + 44))
        self.column_fitter.schedule()  # headers changed language
        self.filter_button.setText(self.tr("Filter"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a row: %1").replace("%1", entity))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete"))
        self.empty_state.message.setText(
            self.tr("Nothing in “%1” yet: add the rows one by one, or bring them from the client's spreadsheet.")
            .replace("%1", self.module.label(self.context.lang)))
        self.empty_add.setText(self.tr("Add"))
        self.empty_import.setText(self.tr("Import a spreadsheet…"))
        singleton = self.module.singleton
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            button.setVisible(not singleton)
        self._update_filter_label()
        self._update_count()

    def _after_reset(self) -> None:
        apply_columns(self.table, self.module)
        for key in self.model.where:  # the same value on every row: the master shows it already
            self.table.setColumnHidden(self.model.column(key), True)
        read_only = getattr(self.context.workspace, "read_only", True)
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            button.setEnabled(not read_only)
        if any(value is None for value in self.model.where.values()):
            self.add_button.setEnabled(False)  # a detail register whose master row is not chosen yet
        self._update_count()
        self._on_selection()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.total
        if shown == total:
            text = self.tr("%n row(s)", "", total)
        else:
            text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        master_chosen = all(value is not None for value in self.model.where.values())
        self.empty_state.set_shown(total == 0 and not self.module.singleton and master_chosen)
        writable = not self.read_only()
        self.empty_add.setEnabled(writable)
        self.empty_import.setEnabled(writable)

    def _edit_in_form(self, index: object) -> None:
        """A double-click on a paragraph or a list of links edits it where it fits: in the form."""
        field = self.model.field_at(self.proxy.mapToSource(index).column())
        if self.form is not None and field.key in self.form.editors and field.kind in (
                FieldKind.LONG_TEXT, FieldKind.REFS):
            self.form.field_editor(field.key).setFocus()

    @classmethod
    def open_url(cls, url: str) -> None:
        """Open a web address in the browser (replaced in tests)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))

    def _follow_link(self, index: object) -> None:
        """A click on a web address (a watch item's source) opens it, as a link would."""
        url = link_of(index.data(Qt.ItemDataRole.EditRole))
        if url is not None:
            self.open_url(url)

    def _sorted(self, column: int, _order: Qt.SortOrder) -> None:
        # Sorting orders the whole register, not the pages loaded so far: load the rest (the proxy
        # keeps what arrives in order).
        if column >= 0:
            self.model.fetch_all()
        self.column_fitter.schedule()  # the sorted column's header makes room for its arrow

    # --- selection -----------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.row_id(r) for r in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            ids = self.selected_ids()
            return ids[0] if ids else None
        return self.proxy.row_id(index.row())

    def select_row(self, row_id: int) -> bool:
        """Select (loading pages as needed) and show the row `row_id`."""
        while self.model.row_of(row_id) < 0 and self.model.canFetchMore(self.table.rootIndex()):
            self.model.fetchMore(self.table.rootIndex())
        row = self.proxy.proxy_row_of(row_id)
        if row < 0:
            return False
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _on_selection(self, *_: object) -> None:
        ids = self.selected_ids()
        self.duplicate_button.setEnabled(len(ids) == 1 and not self.context.workspace.read_only
                                         if self.context.workspace else False)
        self.delete_button.setEnabled(bool(ids) and self.context.workspace is not None
                                      and not self.context.workspace.read_only)
        current = ids[0] if len(ids) == 1 else (self.current_id() if ids else None)
        if self.form is not None and (self.form.row_id != current or current is None):
            self.form.set_row(current)
        self.selection_changed.emit(current)

    # --- actions -------------------------------------------------------------------------------------
    def read_only(self) -> bool:
        return getattr(self.context.workspace, "read_only", True)

    def add_row(self) -> int | None:
        """Add a row with valid starting values, select it and put the cursor on its title."""
        if self.read_only() or not self.add_button.isEnabled():
            return None
        try:
            values = new_row_values(self.context.workspace, self.module.key, self.context.lang,
                                    fixed=self.model.where)
            change = self.context.perform(create_row, self.module.key, values)
        except ValidationError as error:
            self._refuse(error)
            return None
        row_id = change.row_ids[0]
        self.clear_filters()
        self.select_row(row_id)
        if self.form is not None and self.module.title_field in self.form.editors:
            editor = self.form.field_editor(self.module.title_field)
            editor.setFocus()
            if hasattr(editor, "selectAll"):
                editor.selectAll()
        return row_id

    def duplicate_selected(self) -> int | None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.read_only():
            return None
        change = self.context.perform(duplicate_row, self.module.key, ids[0])
        self.select_row(change.row_ids[0])
        return change.row_ids[0]

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids or self.module.singleton or self.read_only():
            return False
        lang = self.context.lang
        if len(ids) == 1:
            from caio_desktop.workspace.queries import get_row, row_label

            label = row_label(self.module, get_row(self.context.workspace, self.module.key, ids[0]) or {})
            text = self.tr("Delete %1 “%2”? You can undo it with Ctrl+Z.").replace(
                "%1", self.module.entity(lang)).replace("%2", label)
        else:
            text = self.tr("Delete %n row(s)? You can undo it with Ctrl+Z.", "", len(ids))
        if not self.confirm_delete(self, text):
            return False
        from caio_desktop.ui.team.refresh import is_team

        if is_team(self.context.workspace):  # a colleague's change since it was shown is not deleted unasked
            from caio_desktop.ui.team.conflict import ConflictResolver

            shown = {i: self.model.row_dict(self.model.row_of(i)) for i in ids if self.model.row_of(i) >= 0}
            return ConflictResolver.delete_rows(self.context, self, self.module.key, ids, shown)
        self.context.perform(delete_rows, self.module.key, ids)
        return True

    # --- filters -------------------------------------------------------------------------------------
    def selected_as_text(self) -> str:
        """The selected rows as tab-separated text, headers first, the shown columns in their order and
        cells as displayed: what Excel pastes into cells (tabs and line breaks inside a cell become
        spaces, or they would split it)."""
        header = self.table.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        columns = [c for c in columns if not self.table.isColumnHidden(c)]
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})

        def cell(row: int, column: int) -> str:
            index = self.proxy.index(row, column)
            field = self.model.field_at(self.proxy.mapToSource(index).column())
            if field.kind == FieldKind.BOOL:
                return format_value(field, index.data(Qt.ItemDataRole.EditRole), self.context.lang)
            return " ".join(str(index.data() or "").split())

        lines = ["\t".join(str(self.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
        lines += ["\t".join(cell(r, c) for c in columns) for r in rows]
        return "\n".join(lines) + "\n" if rows else ""

    def copy_selected(self) -> None:
        """Copy the selected rows to the clipboard, to paste into a spreadsheet or an e-mail."""
        from PySide6.QtWidgets import QApplication

        text = self.selected_as_text()
        if text:
            QApplication.clipboard().setText(text)

    def shown_columns(self) -> list[tuple[Any, str]]:
        """(field, title) of the columns shown, in the order the table shows them."""
        header = self.table.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        return [(self.model.field_at(c), str(self.proxy.headerData(c, Qt.Orientation.Horizontal)))
                for c in columns if not self.table.isColumnHidden(c)]

    def accepts_paste(self) -> bool:
        """Whether pasted rows would be added here: a writable engagement, a register of rows (not a
        single record), and for a detail register its master row chosen (what Add needs too)."""
        return not self.read_only() and not self.module.singleton and self.add_button.isEnabled()

    def paste_rows(self, text: str | None = None) -> list[int]:
        """Add the rows of tab-separated text (the clipboard's: cells copied in Excel or a register) as
        one undo step; a refused cell refuses the paste, with its line, column and value."""
        from PySide6.QtWidgets import QApplication

        from caio_desktop.interchange.importing.matching import targets
        from caio_desktop.ui.registers.paste import PasteRefused, read_pasted
        from caio_desktop.ui.registers.paste import paste_rows as paste_operation

        if not self.accepts_paste():
            return []
        text = QApplication.clipboard().text() if text is None else text
        lang, workspace = self.context.lang, self.context.workspace
        plan = read_pasted(text, self.module, self.shown_columns(), lang=lang,
                           targets=lambda key: targets(workspace, key), fixed=self.model.where)
        if plan.refusals:
            self._refuse_paste([r.text(lang) for r in plan.refusals])
            return []
        if not plan.rows:
            return []
        try:
            change = self.context.perform(paste_operation, self.module.key, plan.rows, plan.lines)
        except PasteRefused as exc:
            self._refuse_paste([exc.refusal.text(lang)])
            return []
        self.clear_filters()
        ids = list(change.row_ids)
        self.select_rows(ids)
        if plan.ignored_columns:
            self.show_refusal(self, self.tr("%n row(s) pasted. Columns left out (no such field): %1", "",
                                            len(ids)).replace("%1", ", ".join(plan.ignored_columns)))
        return ids

    def _refuse_paste(self, lines: list[str]) -> None:
        shown = lines[:12]
        if len(lines) > len(shown):
            shown.append(self.tr("… and %n more", "", len(lines) - len(shown)))
        self.show_refusal(self, self.tr("Nothing was pasted:") + "\n\n" + "\n".join(shown))

    def select_rows(self, row_ids: list[int]) -> None:
        """Select these rows (the pasted ones), the first made current."""
        if not row_ids:
            return
        self.select_row(row_ids[0])
        selection = self.table.selectionModel()
        for row_id in row_ids[1:]:
            row = self.proxy.proxy_row_of(row_id)
            if row >= 0:
                selection.select(self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_value_filter(self, field_key: str, values: set[Any] | None) -> None:
        self.proxy.set_value_filter(field_key, values)
        self._update_filter_label()
        self._update_count()

    def set_predicate(self, name: str, predicate: RowPredicate | None, *, label: str = "") -> None:
        self.proxy.set_predicate(name, predicate)
        self._predicate_labels = {**getattr(self, "_predicate_labels", {}), name: label}
        if predicate is None:
            self._predicate_labels.pop(name, None)
        self._update_filter_label()
        self._update_count()

    def apply_search(self) -> None:
        """Filter on the search box's text now (without waiting for typing to pause)."""
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())

    def clear_filters(self) -> None:
        self.search.clear()
        self._search_timer.stop()
        self.proxy.clear_filters()
        self._predicate_labels = {}
        self._update_filter_label()
        self._update_count()

    def _fill_filter_menu(self) -> None:
        self.filter_menu.clear()
        lang = self.context.lang
        active = self.proxy.active_filters
        for field in self.module.fields:
            if field.kind != FieldKind.CHOICE:
                continue
            submenu = self.filter_menu.addMenu(field.label(lang))
            for choice in ENUMERATIONS[field.choices or ""].choices:
                action = QAction(choice.label(lang), submenu)
                action.setCheckable(True)
                action.setChecked(choice.code in active.get(field.key, set()))
                action.toggled.connect(
                    lambda on, key=field.key, code=choice.code: self._toggle_value(key, code, on))
                submenu.addAction(action)
        self.filter_menu.addSeparator()
        self.filter_menu.addAction(self.tr("Clear filters"), self.clear_filters)

    def _toggle_value(self, key: str, code: str, on: bool) -> None:
        values = self.proxy.active_filters.get(key, set())
        values = values | {code} if on else values - {code}
        self.set_value_filter(key, values)

    def _update_filter_label(self) -> None:
        lang = self.context.lang
        parts = []
        for key, values in self.proxy.active_filters.items():
            field = self.module.field(key)
            shown = ", ".join(sorted(format_value(field, v, lang) for v in values))
            parts.append(f"{field.label(lang)} : {shown}" if lang == "fr" else f"{field.label(lang)}: {shown}")
        parts += [label for label in getattr(self, "_predicate_labels", {}).values() if label]
        self.filter_label.setText(" · ".join(parts))
        self.filter_label.setVisible(bool(parts))
        self.clear_filter.setVisible(bool(parts))

    # --- columns -------------------------------------------------------------------------------------
    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        hidden = set(hidden_columns(self.module))
        for field in self.module.fields:
            action = menu.addAction(field.label(self.context.lang))
            action.setCheckable(True)
            action.setChecked(field.key not in hidden)
            action.toggled.connect(lambda on, key=field.key: self.show_column(key, on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def show_column(self, field_key: str, shown: bool) -> None:
        """Show or hide a column; the choice is remembered for this module."""
        hidden = [k for k in hidden_columns(self.module) if k != field_key]
        if not shown:
            hidden.append(field_key)
        settings.set_hidden_columns(self.module.key, hidden)
        self.table.setColumnHidden(self.model.column(field_key), not shown)
        self.column_fitter.schedule()

    # --- refusals ------------------------------------------------------------------------------------
    def _on_refused(self, error: ValidationError) -> None:
        if self.form is not None and error.field in self.form.errors:
            self.form.show_error(error)
        else:
            self._refuse(error)

    def _refuse(self, error: ValidationError) -> None:
        field = (self.module.field(error.field).label(self.context.lang)
                 if self.module.has_field(error.field) else error.field)
        self.show_refusal(self, f"{field} : {reason_text(error, self.context.lang)}")
