"""Help › Quick guide: the way through an engagement and the keys, in the interface language."""

from __future__ import annotations

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language
from caio_desktop.ui.shell.window import MainWindow


def test_the_quick_guide_is_in_the_help_menu_in_french(qtbot, monkeypatch) -> None:
    install_language("fr")
    try:
        window = MainWindow(AppContext(lang="fr"))
        qtbot.addWidget(window)
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(MainWindow, "show_text", classmethod(lambda cls, parent, t, x: shown.append((t, x))))
        assert window.guide_action in window.help_menu.actions()
        assert window.guide_action.text() == "&Guide rapide"
        window.guide_action.trigger()
        assert shown[0][0] == "Guide rapide"
        assert "Un fichier, une mission." in shown[0][1] and "Ctrl+0" in shown[0][1]
    finally:
        install_language("en")
