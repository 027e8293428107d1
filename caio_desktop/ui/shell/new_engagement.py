"""The New engagement wizard: the client, the mission's frame (language, start, duration) and where the
file goes. `values()` gives the arguments of `Workspace.create` plus `path`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

SECTORS = ("Assurance", "Banque", "Industrie", "Santé", "Secteur public", "Distribution", "Énergie",
           "Transport", "Télécoms", "Services")
SECTORS_EN = ("Insurance", "Banking", "Manufacturing", "Healthcare", "Public sector", "Retail", "Energy",
              "Transport", "Telecoms", "Services")


def default_file_name(client: str) -> str:
    slug = re.sub(r"[^\w-]+", "-", client.strip(), flags=re.UNICODE).strip("-")
    return f"{slug or 'engagement'}.caio"


class _FilePage(QWizardPage):
    """Proposes a file name from the client's name when the page is reached."""

    def __init__(self, wizard: NewEngagementWizard) -> None:
        super().__init__()
        self.wizard_ = wizard

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard_
        if not wizard.path.text():
            wizard.path.setText(str(wizard.folder / default_file_name(wizard.client.text())))


class NewEngagementWizard(QWizard):
    """Three short pages; Finish creates nothing by itself (the caller does, with `values()`)."""

    def __init__(self, lang: str, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.folder = folder or Path.home()
        self.setWindowTitle(self.tr("New engagement"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumSize(560, 380)
        self.addPage(self._client_page())
        self.addPage(self._frame_page())
        self.addPage(self._file_page())

    def _client_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("The client"))
        page.setSubTitle(self.tr("Who the engagement is for. Everything else can be changed later."))
        form = QFormLayout(page)
        self.client = QLineEdit()
        self.client.setObjectName("client")
        self.sector = QComboBox()
        self.sector.setEditable(True)
        self.sector.addItems(SECTORS if self.lang == "fr" else SECTORS_EN)
        self.sector.setCurrentText("")
        self.consultant = QLineEdit()
        form.addRow(self.tr("Client *"), self.client)
        form.addRow(self.tr("Sector"), self.sector)
        form.addRow(self.tr("Consultant"), self.consultant)
        page.registerField("client*", self.client)
        return page

    def _frame_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("The mission"))
        page.setSubTitle(self.tr("The language of the deliverables, the start and the length of the mission."))
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if self.lang == "fr" else 1)
        self.start = QDateEdit(QDate.currentDate())
        self.start.setCalendarPopup(True)
        self.months = QSpinBox()
        self.months.setRange(1, 60)
        self.months.setValue(12)
        self.months.setSuffix(self.tr(" months"))
        form.addRow(self.tr("Language of deliverables"), self.language)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Duration"), self.months)
        return page

    def _file_page(self) -> QWizardPage:
        page = _FilePage(self)
        page.setTitle(self.tr("The file"))
        page.setSubTitle(self.tr("One engagement, one .caio file. Keep it in the client's folder."))
        form = QFormLayout(page)
        row = QHBoxLayout()
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        page.registerField("path*", self.path)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New engagement"), self.path.text(),
                                              self.tr("CAIO engagements (*.caio)"))
        if path:
            self.path.setText(path if path.endswith(".caio") else path + ".caio")

    def values(self) -> dict[str, Any]:
        start = self.start.date()
        return {
            "path": Path(self.path.text().strip() or self.folder / default_file_name(self.client.text())),
            "client": self.client.text().strip(),
            "sector": self.sector.currentText().strip() or None,
            "consultant": self.consultant.text().strip() or None,
            "language": self.language.currentData(),
            "start": dt.date(start.year(), start.month(), start.day()),
            "months": self.months.value(),
        }
