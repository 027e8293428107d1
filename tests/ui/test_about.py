"""The About dialog and `caio about` agree on the version and list components and reference content."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from caio_desktop import __version__
from caio_desktop.cli import main
from caio_desktop.reference.catalog import list_reference_files
from caio_desktop.ui.about import AboutDialog


def test_about_dialog_shows_version_licences_and_reference_versions(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "SQLAlchemy" in text and "MIT" in text and "LGPL-3.0" in text
    for ref in list_reference_files():
        assert ref.id in text and ref.version in text
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Version {__version__}" in labels


def test_cli_about(capsys) -> None:
    assert main(["about"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"CAIO Desktop {__version__}")
    assert "reportlab" in out and "ai_act" in out
