"""Preferences: the interface language (applied at once) and the consultant's name (the "Mine" filter
when the engagement does not name its consultant)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from caio_desktop.ui import settings


class PreferencesDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "fr" else 1)
        self.consultant = QLineEdit(settings.consultant_name())
        note = QLabel(self.tr("The language changes at once, without restarting."))
        note.setObjectName("pageSubtitle")
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Your name (consultant)"), self.consultant)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def save(self) -> None:
        settings.set_interface_language(self.chosen_language())
        settings.app_settings().setValue("ui/consultant", self.consultant.text().strip())
