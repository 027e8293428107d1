"""`EmptyState`: what an empty register offers, over its table: a sentence and the ways to fill it
(Add, Import a spreadsheet…, and a page's own, such as the risk library).

An empty table with headers says nothing about where its rows come from; a consultant starting an
engagement usually has them in a client's spreadsheet or in our libraries, so those are offered first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Centred over `host` (a table's viewport) while shown; buttons are added by the register."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.message = QLabel()
        self.message.setObjectName("pageSubtitle")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        host.installEventFilter(self)
        self.hide()

    def add_button(self, button: QPushButton) -> QPushButton:
        """One more way to fill the register, after those already offered."""
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        self._place()
        return button

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        if shown:
            self._place()
            self.raise_()

    def _place(self) -> None:
        self.adjustSize()
        width = min(max(self.sizeHint().width(), 360), max(self.host.width() - 20, 200))
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setGeometry((self.host.width() - width) // 2, max(20, (self.host.height() - height) // 3),
                         width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
