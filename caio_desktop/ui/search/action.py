"""The window's way into search and to any row: Edit › Search the engagement (Ctrl+Shift+F), and
`AppContext.row_requested` (a search hit, a link on a form) answered by showing the row on its page.

Imported by the window at start-up, so it imports no page, no SQLAlchemy and no search code: the
dialog, the controller and the domain registry are imported when first used.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

SHORTCUT = "Ctrl+Shift+F"


def _text() -> str:
    return QCoreApplication.translate("Search", "Search the &engagement…")


def install_search(window: Any) -> QAction:
    """Add the search action to the window's Edit menu (after Find) and let any part of the window
    ask for a row (`row_requested`). Returns the action (`window.search_action`)."""
    action = QAction(window)
    action.setObjectName("searchAction")
    action.setShortcuts([QKeySequence(SHORTCUT)])
    action.setText(_text())
    action.triggered.connect(lambda: open_search(window))
    actions = window.edit_menu.actions()
    after = actions.index(window.find_action) + 1 if window.find_action in actions else len(actions)
    window.edit_menu.insertAction(actions[after] if after < len(actions) else None, action)
    window.workspace_actions.append(action)  # enabled with an open engagement, as Find
    window.search_action = action
    window.search_dialog = None
    window.context.language_changed.connect(lambda _lang: action.setText(_text()))
    window.context.row_requested.connect(lambda module, row_id: show_row(window, module, row_id))
    return action


def open_search(window: Any) -> Any:
    """Show the window's search box (created on first use); returns it."""
    if window.context.workspace is None:
        return None
    if window.search_dialog is None:
        from caio_desktop.ui.search.controller import SearchController
        from caio_desktop.ui.search.dialog import SearchDialog

        controller = SearchController(window.context, window)
        window.search_dialog = SearchDialog(window.context, controller, window)
    window.search_dialog.show_search()
    return window.search_dialog


def show_row(window: Any, module_key: str, row_id: int) -> None:
    """The row on the page of its module, selected in its register, its form showing it."""
    from caio_desktop.domain.modules import MODULES

    module = MODULES.get(module_key)
    if module is not None:
        window.navigate(module.area, module_key, row_id)
