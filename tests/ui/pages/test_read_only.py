"""A read-only engagement (a file opened read-only; a team reader has the same `read_only`): every button
that writes is off on every page and tab, and so are the window's Import, Delete and Paste rows; what
only reads (links, exports, filters) stays on. Reopened writable, the same pages write again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton, QTabWidget

from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.deliverables.page import DeliverablesPage
from caio_desktop.ui.i18n import install_language
from caio_desktop.workspace.queries import fetch_rows


@pytest.fixture
def window(qtbot) -> Iterator:
    from caio_desktop.ui.shell.window import MainWindow

    settings.clear_recent_files()
    install_language("fr")
    window = MainWindow(AppContext(lang="fr"))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.files.close()
    install_language("en")


def _enabled_buttons(window) -> set[QPushButton]:  # noqa: ANN001
    """The push buttons one could press on any page and tab, with the first row of each register selected
    (what a form offers for a row), links to other pages and rows left out."""
    found: set[QPushButton] = set()
    for spec in window.specs:
        page = window.show_page(spec.key)
        tabs = [page.tabs, *page.findChildren(QTabWidget)] if hasattr(page, "tabs") else [None]
        for tab_widget in tabs:
            for index in range(tab_widget.count() if tab_widget is not None else 1):
                if tab_widget is not None:
                    tab_widget.setCurrentIndex(index)
                for register in getattr(page, "registers", {}).values():
                    if register.isVisible() and register.proxy.rowCount():
                        register.select_row(register.proxy.row_id(0))
                found |= {b for b in page.findChildren(QPushButton) if b.isVisible() and b.isEnabled()
                          and b.objectName() not in ("linkButton", "rowLink")}
    return found


def test_the_risk_library_is_off_on_a_read_only_engagement(window, demo_file: Path, monkeypatch) -> None:
    window.files.open_path(demo_file, read_only=True)
    page = window.show_page("risks")
    opened: list[object] = []
    monkeypatch.setattr(page, "library_dialog", lambda: opened.append(1))
    assert page.library_button.isVisible()
    assert not page.library_button.isEnabled() and not page.empty_library_button.isEnabled()
    page.add_from_library()
    assert opened == []
    window.files.close()
    window.files.open_path(demo_file)  # the same page, on the file opened to write: the library is back
    assert window.show_page("risks") is page
    assert page.library_button.isEnabled() and page.empty_library_button.isEnabled()


def test_no_button_that_writes_is_on_in_read_only(window, demo_file: Path) -> None:
    window.files.open_path(demo_file, read_only=True)
    deliverables: DeliverablesPage = window.page("deliverables")
    reading = {deliverables.export_button, deliverables.excel_button, deliverables.audit_pack_button}
    assert {b.text() for b in _enabled_buttons(window) - reading} == set()
    assert not window.import_action.isEnabled() and not window.delete_action.isEnabled()
    assert not window.paste_action.isEnabled()
    assert window.find_action.isEnabled() and window.search_action.isEnabled()  # reading is fine


def test_the_buttons_that_write_are_on_when_the_file_is_writable(window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    texts = {b.text() for b in _enabled_buttons(window)}
    assert {"Depuis la bibliothèque de risques…", "Liste de conformité", "Nouveau questionnaire…",
            "Marquer une référence…", "Importer un tableur…", "Ajouter"} <= texts
    assert window.import_action.isEnabled() and window.delete_action.isEnabled()


def test_a_spreadsheet_dropped_on_a_read_only_engagement_is_not_imported(window, demo_file: Path,
                                                                          tmp_path: Path, monkeypatch) -> None:
    window.files.open_path(demo_file, read_only=True)
    sheet = tmp_path / "risques.csv"
    sheet.write_text("Titre;Probabilité;Impact\nDérive;3;3\n", encoding="utf-8")
    opened: list[object] = []

    class Wizard:  # what the window would show
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(kwargs.get("path"))

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(type(window), "_import_wizard_class", staticmethod(lambda: Wizard))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    window.open_import_wizard(sheet)
    assert opened == []


def test_an_export_of_a_read_only_engagement_is_written_and_not_recorded(qtbot, window, demo_file: Path,
                                                                         tmp_path: Path, monkeypatch) -> None:
    copy = tmp_path / "lecture.caio"
    shutil.copyfile(demo_file, copy)
    window.files.open_path(copy, read_only=True)
    page: DeliverablesPage = window.show_page("deliverables")
    target = tmp_path / "classeur.xlsx"
    monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: target))
    before = len(fetch_rows(window.context.workspace, "deliverables"))
    page.excel_button.click()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=30000)
    assert target.stat().st_size > 0
    assert len(fetch_rows(window.context.workspace, "deliverables")) == before
    assert "lecture seule" in page.status.text()
    assert window.context.undo_stack.count() == 0
