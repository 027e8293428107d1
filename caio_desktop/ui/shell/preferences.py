"""Preferences: the interface language (applied at once), the consultant's name (the "Mine" filter
when the engagement does not name its consultant) and the firm's logo that signs every deliverable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.ui import settings
from caio_desktop.ui.logos import logo_file_filter, logo_pixmap, logo_refusal

LOGO_PREVIEW = QSize(160, 56)


class PreferencesDialog(QDialog):
    """Language, the consultant's name and the firm's logo; saved when the person presses OK."""

    @classmethod
    def ask_firm_logo_path(cls, parent: QWidget) -> Path | None:
        """Choose the firm's logo image (replaced in tests)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("PreferencesDialog", "Firm logo"),
                                              "", logo_file_filter())
        return Path(path) if path else None

    @classmethod
    def show_error(cls, parent: QWidget, title: str, message: str) -> None:
        """Tell why a file was refused (replaced in tests)."""
        QMessageBox.warning(parent, title, message)

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
        from caio_desktop.ui.shell.reference_update import ReferenceUpdateRow  # data packs (issue 16)

        self.reference_row = ReferenceUpdateRow(self)
        form.addRow(ReferenceUpdateRow.title(), self.reference_row)
        form.addRow(self.tr("Firm logo"), self._firm_logo_row())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _firm_logo_row(self) -> QWidget:
        self.firm_logo: bytes | None = settings.firm_logo()
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.firm_logo_preview = QLabel()
        self.firm_logo_preview.setFixedSize(LOGO_PREVIEW)
        self.firm_logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.firm_logo_preview.setObjectName("logoPreview")
        buttons = QVBoxLayout()
        self.choose_firm_logo_button = QPushButton(self.tr("Choose…"))
        self.remove_firm_logo_button = QPushButton(self.tr("Remove"))
        self.choose_firm_logo_button.clicked.connect(self.choose_firm_logo)
        self.remove_firm_logo_button.clicked.connect(self.remove_firm_logo)
        buttons.addWidget(self.choose_firm_logo_button)
        buttons.addWidget(self.remove_firm_logo_button)
        buttons.addStretch(1)
        note = QLabel(self.tr("PNG, JPEG or SVG. Signs the cover of your deliverables."))
        note.setObjectName("pageSubtitle")
        note.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(self.firm_logo_preview)
        column.addWidget(note)
        layout.addLayout(column, 1)
        layout.addLayout(buttons)
        self._show_firm_logo()
        return row

    def _show_firm_logo(self) -> None:
        pixmap = logo_pixmap(self.firm_logo, LOGO_PREVIEW)
        if pixmap is not None:
            self.firm_logo_preview.setPixmap(pixmap)
        else:
            self.firm_logo_preview.clear()
            self.firm_logo_preview.setText(self.tr("No logo: the cover names the consultant."))
            self.firm_logo_preview.setWordWrap(True)
        self.remove_firm_logo_button.setEnabled(self.firm_logo is not None)

    def choose_firm_logo(self) -> None:
        """Pick an image; one that is not a safe PNG, JPEG or SVG is refused with its reason."""
        from caio_desktop.domain.errors import ValidationError
        from caio_desktop.domain.logos import logo_kind

        path = self.ask_firm_logo_path(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
            logo_kind(data, module="preferences", field="firm_logo")
        except OSError as exc:
            self.show_error(self, self.tr("Firm logo"), f"{path.name}: {exc.strerror or exc}")
            return
        except ValidationError as exc:
            self.show_error(self, self.tr("Firm logo"), f"{path.name}: {logo_refusal(exc.reason)}")
            return
        self.firm_logo = data
        self._show_firm_logo()

    def remove_firm_logo(self) -> None:
        self.firm_logo = None
        self._show_firm_logo()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def save(self) -> None:
        settings.set_interface_language(self.chosen_language())
        settings.app_settings().setValue("ui/consultant", self.consultant.text().strip())
        settings.set_firm_logo(self.firm_logo)
