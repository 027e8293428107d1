"""The start page shown when no engagement is open: recent engagements, New, Open, the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caio_desktop import APP_NAME
from caio_desktop.ui import settings

# Qt.ItemDataRole.UserRole: the start page names no `Qt` enum, which would make PySide6 materialise the
# whole namespace of enums before the first window (≈ 14 ms of a cold start)
PATH_ROLE = 256


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(1)
        self.title = QLabel(APP_NAME)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.setObjectName("primaryButton")
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        for button, signal in ((self.new_button, self.new_requested), (self.open_button, self.open_requested),
                               (self.demo_button, self.demo_requested)):
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.recent_title = QLabel()
        self.recent_title.setObjectName("sectionTitle")
        column.addWidget(self.recent_title)
        self.recent = QListWidget()
        self.recent.setMinimumSize(560, 260)
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(PATH_ROLE)))
        column.addWidget(self.recent)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.subtitle.setText(self.tr("The interim Chief AI Officer's workbench: one engagement, one file."))
        self.new_button.setText(self.tr("New engagement…"))
        self.open_button.setText(self.tr("Open…"))
        self.demo_button.setText(self.tr("Open the demo"))
        self.recent_title.setText(self.tr("Recent engagements"))
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in settings.recent_files():
            item = QListWidgetItem(f"{path.stem}\n{path}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        # no recent engagement: a greyed line that cannot be chosen (the list disabled, not the item's
        # flags, for the reason given at PATH_ROLE)
        self.recent.setEnabled(self.recent.count() > 0)
        if not self.recent.count():
            self.recent.addItem(QListWidgetItem(self.tr("No recent engagement yet.")))

    def recent_paths(self) -> list[Path]:
        return [Path(self.recent.item(i).data(PATH_ROLE)) for i in range(self.recent.count())
                if self.recent.item(i).data(PATH_ROLE)]
