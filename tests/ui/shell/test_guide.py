"""Help › Quick guide: the way through an engagement and the keys, in the interface language."""

from __future__ import annotations

import pytest

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language
from caio_desktop.ui.shell.window import MainWindow


def _guide(qtbot, monkeypatch, lang: str) -> tuple[MainWindow, tuple[str, str]]:
    window = MainWindow(AppContext(lang=lang))
    qtbot.addWidget(window)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "show_text", classmethod(lambda cls, parent, t, x: shown.append((t, x))))
    window.guide_action.trigger()
    return window, shown[0]


def test_the_quick_guide_is_in_the_help_menu_in_french(qtbot, monkeypatch) -> None:
    install_language("fr")
    try:
        window, (title, text) = _guide(qtbot, monkeypatch, "fr")
        assert window.guide_action in window.help_menu.actions()
        assert window.guide_action.text() == "&Guide rapide"
        assert title == "Guide rapide"
        assert "Un fichier, une mission." in text and "Ctrl+0" in text
    finally:
        install_language("en")


@pytest.mark.parametrize(("lang", "search", "paste"), [
    ("fr", "Ctrl+Maj+F (Édition › Rechercher dans la mission)", "Ctrl+V coller des lignes d'Excel"),
    ("en", "Ctrl+Shift+F (Edit › Search the engagement)", "Ctrl+V paste rows from Excel"),
])
def test_the_guide_says_how_to_search_the_engagement_and_paste_rows(qtbot, monkeypatch, lang, search,
                                                                   paste) -> None:
    install_language(lang)
    try:
        _window, (_title, text) = _guide(qtbot, monkeypatch, lang)
        assert search in text
        assert paste in text
    finally:
        install_language("en")
