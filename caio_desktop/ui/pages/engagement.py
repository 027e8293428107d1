"""Engagement: the engagement itself (client, dates, sponsor, colour, logo), its phases and the client
team."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations.branding import set_client_logo
from caio_desktop.ui.logos import logo_file_filter, logo_pixmap, logo_refusal
from caio_desktop.ui.pages.base import Page, card
from caio_desktop.ui.registers.form import DetailForm
from caio_desktop.workspace import queries


class EngagementPage(Page):
    key = "engagement"

    @classmethod
    def ask_logo_path(cls, parent: QWidget) -> Path | None:
        """Choose the client's logo image (replaced in tests)."""
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("EngagementPage", "Client logo"), "",
                                              logo_file_filter())
        return Path(path) if path else None

    def title(self) -> str:
        return self.tr("Engagement")

    def subtitle(self) -> str:
        return self.tr("The client, the mission's dates and branding, its phases and the client team.")

    def build(self) -> None:
        self._shown_engagement: dict = {}  # the engagement as the logo panel shows it
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 8, 0, 0)
        self.form = DetailForm(self.context, "engagement")
        frame, label = card("", self.form)
        label.hide()  # the form's own heading ("Mission — client") names it: a "Mission" box said it twice
        layout.addWidget(frame, 3)
        layout.addWidget(self._logo_panel(), 1, Qt.AlignmentFlag.AlignTop)
        self.add_tab(holder, lambda: self.module_label("engagement"))
        self.add_register_tab("phases")
        self.add_register_tab("team")
        self.context.workspace_changed.connect(self._load)
        self.context.data_changed.connect(lambda tables: "engagement" in tables and self._show_logo())
        self._load()

    def _logo_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.logo = QLabel()
        self.logo.setFixedSize(220, 120)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setStyleSheet("background: white; border: 1px dashed #B8C4D0; color: #7F8C8D;")
        self.logo_button = QPushButton()
        self.remove_logo_button = QPushButton()
        self.logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        frame, label = card("", self.logo)
        self.translated(label, lambda: self.tr("Client logo"))
        layout.addWidget(frame)
        layout.addWidget(self.logo_button)
        layout.addWidget(self.remove_logo_button)
        return panel

    def retranslate(self, *args: object) -> None:
        super().retranslate(*args)
        if hasattr(self, "logo_button"):
            self.logo_button.setText(self.tr("Choose a logo…"))
            self.remove_logo_button.setText(self.tr("Remove the logo"))
            self._show_logo()

    def _load(self, *_: object) -> None:
        workspace = self.context.workspace
        rows = queries.fetch_rows(workspace, "engagement", limit=1) if workspace is not None else []
        self.form.set_row(rows[0]["id"] if rows else None)
        self._show_logo()

    def _show_logo(self) -> None:
        workspace = self.context.workspace
        row = queries.fetch_rows(workspace, "engagement", limit=1)[0] if workspace is not None else {}
        self._shown_engagement = row  # what a change of the logo says it replaced (team mode)
        data = row.get("client_logo")
        pixmap = logo_pixmap(data, self.logo.size() * 0.9)
        if pixmap is not None:
            self.logo.setPixmap(pixmap)
        else:
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("No logo"))
        writable = workspace is not None and not workspace.read_only
        self.remove_logo_button.setEnabled(bool(data) and writable)
        self.logo_button.setEnabled(writable)

    def choose_logo(self) -> None:
        path = self.ask_logo_path(self)
        if path is not None:
            self._set_logo(path.read_bytes())

    def _set_logo(self, data: bytes | None) -> None:
        from caio_desktop.ui.team.conflict import ConflictResolver

        def write(shown: dict) -> None:  # saying which logo it replaces: a colleague's new one is not lost
            self.context.perform(set_client_logo, data, seen=shown.get("client_logo"),
                                 seen_version=shown.get("row_version"))

        shown = self._shown_engagement
        try:
            ConflictResolver.write(self.context, self, "engagement", shown.get("id", 0), write, shown)
        except ValidationError as error:
            QMessageBox.warning(self, self.tr("Client logo"), logo_refusal(error.reason))
