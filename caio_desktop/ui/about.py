"""The About dialog: version, licences of bundled components, reference-content versions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caio_desktop import APP_NAME, __version__
from caio_desktop.about import COMPONENTS


def _icon_path() -> str:
    from importlib.resources import files

    return str(files("caio_desktop") / "resources" / "icons" / "caio-desktop-128.png")


class AboutDialog(QDialog):
    """Help ▸ About: who made what the consultant relies on, and how fresh the reference content is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.resize(620, 520)
        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(QPixmap(_icon_path()).scaled(
            96, 96, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        title = QLabel(f"<h2>{escape(APP_NAME)}</h2><p>{escape(self.tr('Version'))} {escape(__version__)}</p>"
                       f"<p>{escape(self.tr('The workbench of the interim Chief AI Officer.'))}</p>")
        title.setTextFormat(Qt.TextFormat.RichText)
        header.addWidget(logo)
        header.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        self.details.setHtml(self.details_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def details_html(self) -> str:
        from caio_desktop.reference.catalog import list_reference_files

        rows = "".join(
            f"<tr><td><a href='{escape(c.url)}'>{escape(c.name)}</a></td><td>{escape(c.version)}</td>"
            f"<td>{escape(c.licence)}</td></tr>" for c in COMPONENTS)
        refs = "".join(
            f"<tr><td>{escape(r.id)}</td><td>{escape(r.version)}</td><td>{r.as_of.isoformat()}</td>"
            f"<td>{escape(r.source_title)}</td></tr>" for r in list_reference_files())
        return (
            f"<h3>{escape(self.tr('Components'))}</h3><table cellpadding='3'>{rows}</table>"
            f"<h3>{escape(self.tr('Reference content'))}</h3><table cellpadding='3'>{refs}</table>"
        )
