"""Preferences: the interface language switches at once and is remembered for the next start."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.ui import settings
from caio_desktop.ui.shell.preferences import PreferencesDialog
from caio_desktop.ui.shell.window import MainWindow


def test_language_switches_at_once_and_is_remembered(qtbot, window, demo_file: Path, monkeypatch) -> None:
    window.files.open_path(demo_file)
    risks = window.page("risks")

    def english(cls, lang, parent):  # noqa: ANN001, ANN202 - the person picks English and OK
        dialog = PreferencesDialog(lang, parent)
        qtbot.addWidget(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.consultant.setText("Camille Durand")
        dialog.exec = lambda: 1
        return dialog

    monkeypatch.setattr(MainWindow, "preferences_dialog", classmethod(english))
    window.preferences_action.trigger()
    assert window.context.lang == "en"
    assert window.sidebar.item(0).text() == "Overview"
    assert risks.registers["risks"].add_button.text() == "Add"
    assert settings.interface_language() == "en"
    assert settings.consultant_name() == "Camille Durand"
