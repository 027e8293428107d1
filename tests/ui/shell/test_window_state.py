"""The window comes back as it was left: its size and place, the page shown, a register's table/form
divide (column widths: tests/ui/registers/test_column_fit.py)."""

from __future__ import annotations

from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.view import RegisterWidget
from caio_desktop.ui.shell.window import MainWindow


def _window(qtbot, workspace) -> MainWindow:  # noqa: ANN001
    window = MainWindow(AppContext(lang="fr"))
    qtbot.addWidget(window)
    window.context.set_workspace(workspace)
    return window


def test_geometry_and_last_page_are_restored_after_a_restart(qtbot, workspace, monkeypatch) -> None:
    restored: list[bytes] = []
    original = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry",
                        lambda self, data: restored.append(bytes(data)) or original(self, data))
    settings.app_settings().remove("window")  # other tests' windows closed before this one
    try:
        first = _window(qtbot, workspace)
        first.show()
        first.resize(first.width(), 580)  # the offscreen screen is 800 × 600: a restore keeps to it
        first.show_page("risks")
        first.save_window()  # what closing the window does
        left = bytes(first.saveGeometry())
        first.context.set_workspace(None)
        second = _window(qtbot, workspace)
        assert restored == [left]
        assert second.height() == 580 != 900
        assert second.specs[second.sidebar.currentRow()].key == "risks"
        second.context.set_workspace(None)
    finally:
        settings.app_settings().remove("window")


def test_the_first_start_opens_at_the_first_page_in_1440_by_900(qtbot, workspace) -> None:
    settings.app_settings().remove("window")
    window = _window(qtbot, workspace)
    assert (window.width(), window.height()) == (1440, 900)
    assert window.sidebar.currentRow() == 0
    window.context.set_workspace(None)


def test_a_registers_splitter_is_restored(qtbot, context) -> None:
    try:
        first = RegisterWidget(context, "risks")
        qtbot.addWidget(first)
        first.resize(1300, 700)
        first.show()
        first.splitter.moveSplitter(700, 1)
        sizes = first.splitter.sizes()
        assert settings.splitter_sizes("register/risks") == sizes
        second = RegisterWidget(context, "risks")
        qtbot.addWidget(second)
        second.resize(1300, 700)
        second.show()
        assert abs(second.splitter.sizes()[0] - sizes[0]) <= 2
    finally:
        settings.app_settings().remove("splitters")
