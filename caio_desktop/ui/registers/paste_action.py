"""Edit › Paste rows (Ctrl+V): the window's one binding of Ctrl+V for registers, enabled only while a
register that accepts a paste has the keyboard focus in its table and the engagement is writable.

Ctrl+V has a single owner on purpose. A register table's own shortcut and a menu action on the same keys
would be an ambiguous shortcut: Qt then runs neither. A text field (a search box, a form's editor, a
cell being edited) keeps its own paste, since Qt lets a focused text widget take Ctrl+V first
(ShortcutOverride) before any window shortcut is looked at.

Imported by the window at start-up, so it imports no register code: the register is found by what it
does (`accepts_paste`, `paste_rows`), from the focused widget up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def _text() -> str:
    return QCoreApplication.translate("PasteRows", "P&aste rows")


def focused_register(focus: QWidget | None = None) -> Any:
    """The register whose table has the keyboard focus (`focus`, else the application's), or None."""
    focus = QApplication.focusWidget() if focus is None else focus
    widget = focus.parentWidget() if focus is not None else None
    while widget is not None:
        if hasattr(widget, "accepts_paste") and getattr(widget, "table", None) is focus:
            return widget
        widget = widget.parentWidget()
    return None


def pasting_register() -> Any:
    """The focused register if it would take a paste now (writable, rows can be added), else None."""
    register = focused_register()
    return register if register is not None and register.accepts_paste() else None


class PasteRowsAction(QAction):
    """Edit › Paste rows: what Ctrl+V in a register's table does, enabled only when it would do it."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("pasteRowsAction")
        self.setShortcuts([QKeySequence(QKeySequence.StandardKey.Paste)])
        self.setText(_text())
        self.setEnabled(False)
        self.triggered.connect(self.paste)
        # a bound slot of this QObject: Qt drops the connections when the window (and the action) goes
        QApplication.instance().focusChanged.connect(self._focus_moved)
        window.context.workspace_changed.connect(self.update_enabled)
        window.context.undo_stack.indexChanged.connect(self.update_enabled)
        window.context.language_changed.connect(self.retranslate)

    def paste(self) -> list[int]:
        """Paste the clipboard's rows into the focused register (the ids added)."""
        register = pasting_register()
        return register.paste_rows() if register is not None else []

    def update_enabled(self, *_: object) -> None:
        self.setEnabled(self._window.context.workspace is not None and pasting_register() is not None)

    @Slot()
    def _focus_moved(self) -> None:
        # Takes none of focusChanged's (old, new) widgets: when the old one is being destroyed (the focused
        # button of a window that closes), PySide6 looking up its type for Python cost ≈ 60 M instructions
        # (≈ 12 ms of every exit, docs/performance.md); the focus is read from the application anyway.
        self.update_enabled()

    def retranslate(self, *_: object) -> None:
        self.setText(_text())


def install_paste(window: Any) -> PasteRowsAction:
    """Add Edit › Paste rows before Find, its Ctrl+V live in the whole window. Returns the action
    (`window.paste_action`)."""
    action = PasteRowsAction(window)
    actions = window.edit_menu.actions()
    window.edit_menu.insertAction(window.find_action if window.find_action in actions else None, action)
    window.edit_menu.aboutToShow.connect(action.update_enabled)  # the state as the menu opens
    window.paste_action = action
    return action
