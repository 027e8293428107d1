"""A main window (French interface) for the shell tests; recent files start empty."""

from __future__ import annotations

import pytest

from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.i18n import install_language


@pytest.fixture
def window(qtbot):
    from caio_desktop.ui.shell.window import MainWindow

    settings.clear_recent_files()
    install_language("fr")
    window = MainWindow(AppContext(lang="fr"))
    qtbot.addWidget(window)
    yield window
    window.files.close()
    install_language("en")
