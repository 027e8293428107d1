"""Preferences: the interface language and the theme (System, Light, Dark; both applied at once and kept
for the next start), the consultant's name (the "Mine" filter
when the engagement does not name its consultant), the firm's logo that signs every deliverable, and
the Word and PowerPoint templates (the firm's or the client's) the editable deliverables are built on.

A template is checked when chosen (`check_template` of its renderer): what it lacks is shown in a
warning, and the choice is kept all the same, since the deliverables then fall back to our own styles or
layouts for just what is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.ui import settings
from caio_desktop.ui.deliverables.templates import TEMPLATE_SUFFIXES, template_filter, template_problems
from caio_desktop.ui.logos import logo_file_filter, logo_pixmap, logo_refusal
from caio_desktop.ui.theme import apply_theme, set_theme_choice, theme_choice

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
    def ask_template_path(cls, parent: QWidget, fmt: str) -> Path | None:
        """Choose a Word ("docx") or PowerPoint ("pptx") template (replaced in tests)."""
        from PySide6.QtWidgets import QFileDialog

        title = _template_title(fmt)
        path, _ = QFileDialog.getOpenFileName(parent, title, "", template_filter(fmt, title))
        return Path(path) if path else None

    @classmethod
    def show_error(cls, parent: QWidget, title: str, message: str) -> None:
        """Tell why a file was refused (replaced in tests)."""
        QMessageBox.warning(parent, title, message)

    @classmethod
    def show_warning(cls, parent: QWidget, title: str, message: str) -> None:
        """Tell what a chosen template lacks (replaced in tests)."""
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
        self.theme = QComboBox()
        for choice, label in (("system", self.tr("System (follows the computer)")), ("light", self.tr("Light")),
                              ("dark", self.tr("Dark"))):
            self.theme.addItem(label, choice)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme_choice())))
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Your name (consultant)"), self.consultant)
        from caio_desktop.ui.team.identity import history_name  # who the audit trail names (issue 19)

        self.history_name = QLineEdit(history_name() or "")
        self.history_name.setObjectName("historyName")
        self.history_name.setPlaceholderText(self.tr("else the database role or your login name"))
        form.addRow(self.tr("Your name (shown in the history)"), self.history_name)
        from caio_desktop.ui.shell.reference_update import ReferenceUpdateRow  # data packs (issue 16)

        self.reference_row = ReferenceUpdateRow(self)
        form.addRow(ReferenceUpdateRow.title(), self.reference_row)
        form.addRow(self.tr("Firm logo"), self._firm_logo_row())
        self.templates: dict[str, Path | None] = {fmt: settings.deliverable_template(fmt) for fmt in TEMPLATE_SUFFIXES}
        self.template_labels: dict[str, QLabel] = {}
        self.clear_template_buttons: dict[str, QPushButton] = {}
        for fmt in TEMPLATE_SUFFIXES:
            form.addRow(_template_title(fmt), self._template_row(fmt))
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

    def _template_row(self, fmt: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setWordWrap(True)
        # a long file name wraps rather than widening the dialog beyond the screen
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        choose = QPushButton(self.tr("Choose…"))
        clear = QPushButton(self.tr("Clear"))
        choose.clicked.connect(lambda: self.choose_template(fmt))
        clear.clicked.connect(lambda: self.clear_template(fmt))
        layout.addWidget(label, 1)
        layout.addWidget(choose)
        layout.addWidget(clear)
        self.template_labels[fmt] = label
        self.clear_template_buttons[fmt] = clear
        self._show_template(fmt)
        return row

    def _show_template(self, fmt: str) -> None:
        path = self.templates[fmt]
        label = self.template_labels[fmt]
        if path is None:
            label.setText(self.tr("Default template"))
            label.setToolTip("")
        else:
            label.setText(path.name)
            label.setToolTip(str(path))
        self.clear_template_buttons[fmt].setEnabled(path is not None)

    def choose_template(self, fmt: str) -> None:
        """Pick a template; what it lacks is shown, and the choice is kept (ours fills the gaps)."""
        path = self.ask_template_path(self, fmt)
        if path is None:
            return
        title = _template_title(fmt)
        if path.suffix.lower() not in TEMPLATE_SUFFIXES[fmt]:
            self.show_error(self, title, self.tr("%1: a template must be a %2 file.").replace("%1", path.name)
                            .replace("%2", " / ".join(TEMPLATE_SUFFIXES[fmt])))
            return
        if not path.is_file():
            self.show_error(self, title, self.tr("%1: no such file.").replace("%1", path.name))
            return
        problems = template_problems(fmt, path)
        if problems:
            self.show_warning(self, title, self.tr(
                "%1 lacks what the deliverables need; they will use the default template for it:")
                .replace("%1", path.name) + "\n\n" + "\n".join(f"• {problem}" for problem in problems))
        self.templates[fmt] = path
        self._show_template(fmt)

    def clear_template(self, fmt: str) -> None:
        self.templates[fmt] = None
        self._show_template(fmt)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_theme(self) -> str:
        return self.theme.currentData()

    def save(self) -> None:
        settings.set_interface_language(self.chosen_language())
        if self.chosen_theme() != theme_choice():
            set_theme_choice(self.chosen_theme())
            apply_theme(QApplication.instance())  # at once, on every window
        settings.app_settings().setValue("ui/consultant", self.consultant.text().strip())
        from caio_desktop.ui.team.identity import set_history_name

        set_history_name(self.history_name.text())
        settings.set_firm_logo(self.firm_logo)
        for fmt, path in self.templates.items():
            settings.set_deliverable_template(fmt, path)


def _template_title(fmt: str) -> str:
    if fmt == "docx":
        return QCoreApplication.translate("PreferencesDialog", "Word template")
    return QCoreApplication.translate("PreferencesDialog", "PowerPoint template")
