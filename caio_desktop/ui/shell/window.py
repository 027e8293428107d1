"""`MainWindow`: sidebar navigation over the pages of the open engagement, menus, toolbar, status bar,
the one undo stack's actions and history, drag and drop of files, the start page when nothing is open.

Pages are created the first time they are shown, so the window appears before any page's code runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from caio_desktop import APP_NAME
from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.optional import module_exists, optional_class
from caio_desktop.ui.registers.paste_action import install_paste
from caio_desktop.ui.search.action import install_search
from caio_desktop.ui.shell.files import FileController
from caio_desktop.ui.shell.navigation import PAGES, PageSpec, available
from caio_desktop.ui.shell.start_page import StartPage

IMPORTER = "caio_desktop.ui.importer"
IMPORT_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".ods"}


def _icon() -> QIcon:
    icons = Path(__file__).resolve().parents[2] / "resources" / "icons"
    icon = QIcon()
    for size in (16, 32, 48, 256):
        icon.addFile(str(icons / f"caio-desktop-{size}.png"))
    return icon


class MainWindow(QMainWindow):
    """One window, one open engagement (or the start page)."""

    def __init__(self, context: AppContext | None = None) -> None:
        super().__init__()
        self.context = context or AppContext()
        self.files = FileController(self.context, self)
        self.specs: list[PageSpec] = [spec for spec in PAGES if available(spec)]
        self.pages: dict[str, QWidget] = {}
        self._change_markers: tuple[dict[str, dict[int, str]], str] = ({}, "")  # the Changes view's, for pages
        self.setWindowIcon(_icon())
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_history()
        install_search(self)  # Edit › Search the engagement (Ctrl+Shift+F), and rows asked for by links
        install_paste(self)  # Edit › Paste rows (Ctrl+V) into the register whose table has the focus
        self.statusBar().addPermanentWidget(self._status_file())
        self._build_team_refresh()
        self.context.workspace_changed.connect(self._on_workspace_changed)
        self.context.busy_changed.connect(self.setWindowModified)
        self.context.step_failed.connect(self.show_step_failure)
        self.context.undo_stack.indexChanged.connect(self._after_undo_step)
        self.context.language_changed.connect(self._retranslate)
        self._retranslate()
        self._restore_window()
        self._on_workspace_changed(self.context.workspace)

    # --- building ------------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.central = QStackedWidget()
        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.files.new_engagement)
        self.start_page.open_requested.connect(self.files.open_dialog)
        self.start_page.demo_requested.connect(self.files.open_demo)
        self.start_page.recent_chosen.connect(self.files.open_path)
        self.central.addWidget(self.start_page)
        from caio_desktop.ui.team.banner import ReadOnlyBanner

        self.read_only_banner = ReadOnlyBanner()  # over the pages of an engagement this role may only read
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.setSpacing(0)
        holder_layout.addWidget(self.read_only_banner)
        holder_layout.addWidget(self.central, 1)
        self.setCentralWidget(holder)
        self._workbench: QWidget | None = None  # sidebar and page stack, built when first needed

    # The workbench (sidebar, page stack) is built on first use: the start page is all a cold start
    # shows, and the sidebar's Qt enums would make PySide6 materialise the whole `Qt` namespace.
    @property
    def workbench(self) -> QWidget:
        if self._workbench is None:
            self._build_workbench()
        return self._workbench

    @property
    def sidebar(self) -> QListWidget:
        self.workbench  # noqa: B018 - builds it
        return self._sidebar

    @property
    def stack(self) -> QStackedWidget:
        self.workbench  # noqa: B018 - builds it
        return self._stack

    def _build_workbench(self) -> None:
        from PySide6.QtCore import Qt

        workbench = QWidget()
        workbench.setObjectName("workbench")
        layout = QHBoxLayout(workbench)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QWidget()
        side.setFixedWidth(228)
        side.setStyleSheet("background: #1E2A38;")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        self.client_label = QLabel()
        self.client_label.setObjectName("sidebarTitle")
        self.client_label.setWordWrap(True)
        self.file_label = QLabel()
        self.file_label.setObjectName("sidebarSubtitle")
        self.file_label.setWordWrap(True)
        sidebar = QListWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for spec in self.specs:
            item = QListWidgetItem(spec.label())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(200, 38))
            sidebar.addItem(item)
        side_layout.addWidget(self.client_label)
        side_layout.addWidget(self.file_label)
        side_layout.addWidget(sidebar, 1)
        stack = QStackedWidget()
        for _spec in self.specs:
            stack.addWidget(QWidget())  # replaced by the page when first shown
        layout.addWidget(side)
        layout.addWidget(stack, 1)
        self._sidebar, self._stack, self._workbench = sidebar, stack, workbench
        self.central.addWidget(workbench)
        sidebar.currentRowChanged.connect(self._show_index)

    def _action(self, slot: Any, shortcut: Any = None, icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            # setShortcuts([…]), not setShortcut(…): resolving the latter's overloads (Qt.Key,
            # QKeyCombination) makes PySide6 materialise the whole `Qt` namespace of enums (≈ 14 ms)
            action.setShortcuts([QKeySequence(shortcut)])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(self.files.new_engagement, QKeySequence.StandardKey.New, sp.SP_FileIcon)
        self.open_action = self._action(self.files.open_dialog, QKeySequence.StandardKey.Open,
                                        sp.SP_DialogOpenButton)
        self.open_team_action = self._action(self.files.open_team_dialog)
        from caio_desktop.ui.team.offline import OfflineActions

        self.offline = OfflineActions(self.context, self, self.files)  # publish / take offline (team mode)
        self.publish_action = self._action(self.offline.publish_dialog)
        self.take_offline_action = self._action(self.offline.take_offline_dialog)
        self.save_copy_action = self._action(self.files.save_copy_as, QKeySequence.StandardKey.SaveAs,
                                             sp.SP_DialogSaveButton)
        self.close_action = self._action(self.files.close, QKeySequence.StandardKey.Close)
        self.demo_action = self._action(self.files.open_demo)
        self.import_action = self._action(lambda: self.open_import_wizard(None))
        self.import_action.setVisible(module_exists(IMPORTER))
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.context.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.redo_action = self.context.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        self.undo_action.triggered.connect(self._say_undone)  # after the stack's own slot has run
        self.redo_action.triggered.connect(self._say_redone)
        self.context.undo_stack.undoTextChanged.connect(self._undo_texts)
        self.context.undo_stack.redoTextChanged.connect(self._undo_texts)
        self.find_action = self._action(self.focus_search, QKeySequence.StandardKey.Find)
        # Ctrl+Del: the table's own Delete key stays the table's; this one works with the focus in the form
        self.delete_action = self._action(self.delete_selected, "Ctrl+Del")
        self.preferences_action = self._action(self.show_preferences, QKeySequence.StandardKey.Preferences)
        self.guide_action = self._action(self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(self.show_about)
        self.page_actions: list[QAction] = []
        for i, _spec in enumerate(self.specs):
            # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page, as the digits sit on the keyboard
            shortcut = f"Ctrl+{i + 1}" if i < 9 else "Ctrl+0" if i == 9 else None
            action = self._action(lambda _=False, row=i: self.sidebar.setCurrentRow(row), shortcut)
            self.page_actions.append(action)
        self.workspace_actions = [self.save_copy_action, self.publish_action, self.close_action, self.find_action,
                                  self.delete_action, self.import_action, *self.page_actions]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for item in (self.new_action, self.open_action, self.open_team_action, self.recent_menu, None,
                     self.save_copy_action, self.publish_action, self.take_offline_action,
                     self.import_action, self.demo_action, None, self.close_action, self.quit_action):
            if item is None:
                self.file_menu.addSeparator()
            elif isinstance(item, QMenu):
                self.file_menu.addMenu(item)
            else:
                self.file_menu.addAction(item)
        self.edit_menu = bar.addMenu("")
        for item in (self.undo_action, self.redo_action, None, self.find_action, self.delete_action, None,
                     self.preferences_action):
            self.edit_menu.addSeparator() if item is None else self.edit_menu.addAction(item)
        self.view_menu = bar.addMenu("")
        for action in self.page_actions:
            self.view_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        # Qt.ToolButtonStyle.ToolButtonTextBesideIcon (2) through the property system: naming the enum would
        # materialise the whole `Qt` namespace of enums before the first window (≈ 14 ms of a cold start)
        self.toolbar.setProperty("toolButtonStyle", 2)
        for action in (self.new_action, self.open_action, None, self.undo_action, self.redo_action):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)

    def _build_history(self) -> None:
        """Edit › History: the undo stack as a list (the dock is built the first time it is shown)."""
        self.history_dock: Any = None  # QDockWidget holding a QUndoView, built on first show
        self.history_view: Any = None
        self.history_action = QAction(self)
        self.history_action.setCheckable(True)
        self.history_action.toggled.connect(self.show_history)
        self.edit_menu.insertAction(self.edit_menu.actions()[2], self.history_action)

    def show_history(self, shown: bool = True) -> None:
        if self.history_dock is None:
            from PySide6.QtWidgets import QDockWidget, QUndoView

            self.history_dock = QDockWidget(self)
            self.history_dock.setObjectName("historyDock")
            from PySide6.QtWidgets import QTabWidget

            from caio_desktop.ui.team.activity import ActivityView

            self.history_view = QUndoView(self.context.undo_stack)
            self.history_view.setEmptyLabel(self.tr("<opened>"))
            # this session's undo steps, and everyone's changes with who made them (issue 19)
            self.activity_view = ActivityView(self.context)
            self.history_tabs = QTabWidget()
            self.history_tabs.setObjectName("historyTabs")
            self.history_tabs.addTab(self.history_view, "")
            self.history_tabs.addTab(self.activity_view, "")
            self._history_tab_texts()
            self.history_dock.setWidget(self.history_tabs)
            self.history_dock.setWindowTitle(self.tr("History"))
            from PySide6.QtCore import Qt

            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
            self.history_dock.visibilityChanged.connect(self.history_action.setChecked)
        self.history_dock.setVisible(shown)

    def _history_tab_texts(self) -> None:
        self.history_tabs.setTabText(0, self.tr("Your steps"))
        self.history_tabs.setTabText(1, self.tr("Everyone's changes"))

    def _build_team_refresh(self) -> None:
        """Others' changes to a team engagement shown as they land (ui/team/refresh.py)."""
        from caio_desktop.ui.team.refresh import TeamRefresh

        self.team_refresh = TeamRefresh(self.context, self)
        self.team_refresh.updated.connect(self._say_updated_by)
        self.team_refresh.unreachable.connect(self._say_unreachable)

    def _say_updated_by(self, authors: list[str]) -> None:
        """"Updated by Anne Martin" in the status bar after others' changes were shown."""
        names = ", ".join(authors) if authors else self.tr("another consultant")
        self.statusBar().showMessage(self.tr("Updated by %1").replace("%1", names), 8000)

    def _say_unreachable(self, detail: str) -> None:
        self.statusBar().showMessage(self.tr("The server does not answer; trying again (%1)").replace("%1", detail),
                                     8000)

    def _status_file(self) -> QLabel:
        self.status_file = QLabel()
        return self.status_file

    def _retranslate(self, *_: object) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        texts = {
            self.new_action: self.tr("&New engagement…"), self.open_action: self.tr("&Open…"),
            self.open_team_action: self.tr("Open &team engagement…"),
            self.publish_action: self.tr("&Publish to server…"), self.take_offline_action: self.tr("Take o&ffline…"),
            self.save_copy_action: self.tr("Save a &copy as…"), self.close_action: self.tr("&Close"),
            self.demo_action: self.tr("Open the &demo"), self.import_action: self.tr("&Import a spreadsheet…"),
            self.quit_action: self.tr("&Quit"), self.find_action: self.tr("&Find"),
            self.delete_action: self.tr("&Delete selected rows"), self.preferences_action: self.tr("&Preferences…"),
            self.about_action: self.tr("&About CAIO Desktop"), self.guide_action: self.tr("Quick &guide"),
        }
        for action, text in texts.items():
            action.setText(text)
        self._undo_texts()
        self.history_action.setText(self.tr("&History"))
        if self.history_dock is not None:
            self.history_dock.setWindowTitle(self.tr("History"))
            self.history_view.setEmptyLabel(self.tr("<opened>"))
            self._history_tab_texts()
        for i, spec in enumerate(self.specs):
            if self._workbench is not None:
                self.sidebar.item(i).setText(spec.label())
            self.page_actions[i].setText(spec.label())
        self.start_page.retranslate()
        self._update_title()

    def _undo_texts(self, *_: object) -> None:
        """"Undo Edit risk R-012" in the interface language (runs after QUndoStack's own update)."""
        stack = self.context.undo_stack
        for action, verb, text in ((self.undo_action, self.tr("&Undo"), stack.undoText()),
                                   (self.redo_action, self.tr("&Redo"), stack.redoText())):
            action.setText(f"{verb} {text}".strip())
            action.setToolTip(f"{verb.replace('&', '')} {text}".strip())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- workspace -----------------------------------------------------------------------------------
    def _on_workspace_changed(self, workspace: Any) -> None:
        opened = workspace is not None
        if self._change_markers[0]:  # marks of another file's comparison mean nothing here
            self.show_change_markers({}, "")
        self.central.setCurrentWidget(self.workbench if opened else self.start_page)
        for action in self.workspace_actions:
            action.setEnabled(opened)
        for action in (self.import_action, self.delete_action):  # they write: off on a read-only engagement
            action.setEnabled(opened and not workspace.read_only)
        if opened:
            if self.sidebar.currentRow() < 0:
                self.sidebar.setCurrentRow(self._last_page_row())
            else:
                self._show_index(self.sidebar.currentRow())
        else:
            self.start_page.refresh()
        self._update_title()

    def _update_title(self) -> None:
        workspace = self.context.workspace
        if workspace is None:
            self.setWindowTitle(APP_NAME)
            self.status_file.setText("")
            self.read_only_banner.show_for(None)
            return
        from caio_desktop.workspace import queries

        client = queries.fetch_rows(workspace, "engagement", limit=1)[0]["client_name"]
        read_only_text = self.tr("read-only")
        read_only = f" ({read_only_text})" if workspace.read_only else ""
        self.read_only_banner.show_for(workspace)
        if getattr(workspace, "is_team", False):  # the engagement on its server: key and server, no password
            address = workspace.address
            self.setWindowTitle(f"{client} — {address.key} @ {address.host or 'localhost'}{read_only}[*]")
            self.client_label.setText(client)
            self.file_label.setText(f"{address.key} · {address.host or 'localhost'}{read_only}")
            self.status_file.setText(workspace.location)
            return
        path = Path(workspace.path)
        self.setWindowTitle(f"{client} — {path.name}{read_only}[*]")
        self.client_label.setText(client)
        self.file_label.setText(path.name + read_only)
        self.status_file.setText(str(path))

    def _after_undo_step(self, _index: int) -> None:
        if self.context.workspace is not None:
            self._update_title()

    def _say_undone(self) -> None:
        """What an undo or redo just did, in the status bar ("Undone: Edit risk R-012")."""
        stack = self.context.undo_stack
        self.statusBar().showMessage(self.tr("Undone: %1").replace("%1", stack.text(stack.index())), 5000)

    def _say_redone(self) -> None:
        stack = self.context.undo_stack
        self.statusBar().showMessage(self.tr("Redone: %1").replace("%1", stack.text(stack.index() - 1)), 5000)

    # --- pages ---------------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget | None:
        """The page `key`, created on first use (None when that feature is absent)."""
        if key in self.pages:
            return self.pages[key]
        for i, spec in enumerate(self.specs):
            if spec.key != key:
                continue
            page_class = spec.load()
            if page_class is None:
                return None
            page = page_class(self.context)
            if hasattr(page, "navigate"):
                page.navigate.connect(self.navigate)
            if hasattr(page, "risk_cell_chosen"):
                page.risk_cell_chosen.connect(self.show_risk_cell)
            if hasattr(page, "change_markers"):
                page.change_markers.connect(self.show_change_markers)
            placeholder = self.stack.widget(i)
            self.stack.insertWidget(i, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = page
            self._mark_changes(page)
            return page
        return None

    def show_change_markers(self, markers: dict[str, dict[int, str]], since: str) -> None:
        """Mark in every register (of pages created now or later) the rows the Changes view found added
        or changed since the state `since`."""
        self._change_markers = (markers, since)
        for page in self.pages.values():
            self._mark_changes(page, clear=True)

    def _mark_changes(self, page: QWidget, *, clear: bool = False) -> None:
        markers, since = self._change_markers
        if markers or clear:
            for key, register in getattr(page, "registers", {}).items():
                register.show_changes(markers.get(key, {}), since)

    def show_page(self, key: str) -> QWidget | None:
        for i, spec in enumerate(self.specs):
            if spec.key == key:
                self.sidebar.setCurrentRow(i)
                return self.pages.get(key)
        return None

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.specs) or self.context.workspace is None:
            return
        page = self.page(self.specs[index].key)
        if page is not None:
            self.stack.setCurrentWidget(page)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def navigate(self, page_key: str, module_key: str = "", row_id: object = None) -> None:
        """Show a page, and there the register of `module_key` with `row_id` selected."""
        page = self.show_page(page_key)
        if page is not None and module_key and hasattr(page, "show_row"):
            page.show_row(module_key, row_id)

    def show_risk_cell(self, likelihood: int, impact: int) -> None:
        """The risk register showing the risks of one heat-map cell (current likelihood × impact)."""
        page = self.show_page("risks")
        if page is not None:
            page.show_row("risks")
            page.select_cell(likelihood, impact)

    def focus_search(self) -> None:
        page = self.current_page()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def delete_selected(self) -> None:
        page = self.current_page()
        register = page.current_register() if hasattr(page, "current_register") else None
        if register is not None:
            register.delete_selected()

    # --- files ---------------------------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        from caio_desktop.ui.team.identity import clear_recent_team_addresses, recent_team_addresses

        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        team = recent_team_addresses()  # engagements on a server: their address, never a password
        if team and self.recent_menu.actions():
            self.recent_menu.addSeparator()
        for address in team:
            action = self.recent_menu.addAction(address)
            action.setToolTip(address)
            action.triggered.connect(lambda _=False, a=address: self.files.open_team(a))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("No recent engagement")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()

            def clear() -> None:
                settings.clear_recent_files()
                clear_recent_team_addresses()

            self.recent_menu.addAction(self.tr("Clear the list"), clear)

    @staticmethod
    def _import_wizard_class() -> type | None:
        return optional_class(IMPORTER, "ImportWizard") if module_exists(IMPORTER) else None

    def open_import_wizard(self, path: Path | None) -> None:
        wizard_class = self._import_wizard_class()
        if wizard_class is None or self.context.workspace is None or self.context.workspace.read_only:
            return
        wizard = wizard_class(self.context, path=path, parent=self)
        wizard.exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        path = self._dropped_path(event)
        if path is None:
            return
        event.acceptProposedAction()
        if path.suffix.lower() == ".caio":
            self.files.open_path(path)
        else:
            self.open_import_wizard(path)

    def _dropped_path(self, event: QDropEvent | QDragEnterEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        if path.suffix.lower() == ".caio":
            return path
        if path.suffix.lower() in IMPORT_SUFFIXES and self.context.workspace is not None \
                and not self.context.workspace.read_only and module_exists(IMPORTER):
            return path
        return None

    @classmethod
    def warn(cls, parent: QWidget, title: str, text: str) -> None:
        """A warning box (replaced in tests)."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def show_step_failure(self, text: str) -> None:
        self.warn(self, self.tr("Undo not possible"), text)

    # --- dialogs -------------------------------------------------------------------------------------
    @classmethod
    def preferences_dialog(cls, lang: str, parent: QWidget) -> Any:
        """The Preferences dialog (replaced in tests)."""
        from caio_desktop.ui.shell.preferences import PreferencesDialog

        return PreferencesDialog(lang, parent)

    def show_preferences(self) -> None:
        """Preferences; a new interface language applies at once (and at the next start)."""
        from caio_desktop.ui.i18n import install_language

        dialog = self.preferences_dialog(self.context.lang, self)
        if dialog.exec():
            dialog.save()
            self._apply_history_name()
            lang = dialog.chosen_language()
            install_language(lang)
            self.context.set_language(lang)

    def _apply_history_name(self) -> None:
        """The open engagement records the next changes under the name just set (or, cleared, under
        the database role of a team engagement, else the login name)."""
        from caio_desktop.ui.team.identity import history_name

        workspace = self.context.workspace
        if workspace is not None:
            workspace.author = history_name() or getattr(workspace, "role", None)

    def guide_text(self) -> str:
        """The short guide of Help › Quick guide: the way through an engagement and the keys."""
        return self.tr(
            "<h3>CAIO Desktop in five minutes</h3>"
            "<p><b>One file, one engagement.</b> Every edit is saved as you make it; Ctrl+Z undoes it.</p>"
            "<p><b>The pages follow the mission:</b> Engagement, Diagnosis (rate each dimension), AI systems, "
            "Strategy, Roadmap &amp; KPIs, Change, Risks &amp; compliance, Governance, then Deliverables, "
            "built from what you entered.</p>"
            "<p><b>Registers</b>: Add a row, paste rows copied from Excel (Ctrl+V in the table, or Edit › "
            "Paste rows: a first line of column titles matches the columns, else the cells follow the columns "
            "shown), or bring the client's rows with File › Import a spreadsheet; edit in the table or in the "
            "form beside it.</p>"
            "<p><b>Search</b>: Ctrl+Shift+F (Edit › Search the engagement) looks in every register at once, "
            "accents or not; Enter opens the row on its page. Ctrl+F filters the register shown.</p>"
            "<p><b>Keys</b>: Ctrl+1…9 and Ctrl+0 the pages · Ctrl+F search the register · Ctrl+Shift+F search "
            "the engagement · Ctrl+C copy the selected rows for Excel · Ctrl+V paste rows from Excel · "
            "Delete (table) or Ctrl+Del delete rows · Ctrl+Z / Ctrl+Y undo, redo.</p>")

    @classmethod
    def show_text(cls, parent: QWidget, title: str, text: str) -> None:
        """A read-only text in a message box (replaced in tests)."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def show_guide(self) -> None:
        self.show_text(self, self.tr("Quick guide"), self.guide_text())

    def show_about(self) -> None:
        about = optional_class("caio_desktop.ui.about", "AboutDialog")
        if about is not None:
            about(self).exec()

    def _restore_window(self) -> None:
        """The size, place and docks the window was closed with (1440 × 900 the first time)."""
        geometry, state = settings.window_state()
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)

    def _last_page_row(self) -> int:
        """The sidebar row of the page shown at the last close: a consultant goes back to their work."""
        key = settings.last_page()
        return next((i for i, spec in enumerate(self.specs) if spec.key == key), 0)

    def save_window(self) -> None:
        settings.set_window_state(self.saveGeometry(), self.saveState())
        if self._workbench is None:  # no page was shown: the last one shown before stays the one to go back to
            return  # (and `self.sidebar` would build the workbench, whose Qt enums cost ≈ 25 ms of every exit)
        row = self._sidebar.currentRow()
        if 0 <= row < len(self.specs):
            settings.set_last_page(self.specs[row].key)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Every change is already committed: closing never asks to save.
        self.save_window()
        self.files.close()
        super().closeEvent(event)
