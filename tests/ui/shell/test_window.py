"""The main window: start page, title, every page reachable, shortcuts, history, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence

from caio_desktop.operations import create_row
from caio_desktop.ui.shell.navigation import PAGES


def test_start_page_until_an_engagement_is_open(window, demo_file: Path) -> None:
    assert window.central.currentWidget() is window.start_page
    assert window.windowTitle() == "CAIO Desktop"
    assert not window.close_action.isEnabled()
    assert window.files.open_path(demo_file)
    assert window.central.currentWidget() is window.workbench
    assert window.windowTitle() == "Mutuelle Atlantique Assurances — demo.caio[*]"
    assert window.close_action.isEnabled()
    window.files.close()
    assert window.central.currentWidget() is window.start_page
    assert window.start_page.recent_paths() == [demo_file.resolve()]


def test_every_page_opens_with_its_french_label(window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[:4] == ["Vue d'ensemble", "Mission", "Diagnostic", "Systèmes d'IA"]
    for spec in window.specs:
        page = window.show_page(spec.key) or window.page(spec.key)
        assert window.stack.currentWidget() is page, spec.key
        assert page.title_label.text() if hasattr(page, "title_label") else True
    assert {s.key for s in window.specs} >= {s.key for s in PAGES if s.key != "deliverables"}


def test_standard_shortcuts_and_undo_texts(window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.context.perform(create_row, "risks", {"title": "Dérive", "likelihood": 2, "impact": 2})
    assert window.undo_action.text() == "&Annuler Ajouter risque R-031"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Rétablir Ajouter risque R-031"
    assert window.statusBar().currentMessage() == "Annulé : Ajouter risque R-031"
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == "Rétabli : Ajouter risque R-031"
    window.undo_action.trigger()
    window.history_action.trigger()
    assert window.history_view.stack() is window.context.undo_stack
    assert window.history_view.model().rowCount() == 2  # "<opened>" and the undone add


def test_find_goes_to_the_search_of_the_current_register(window, demo_file: Path, monkeypatch) -> None:
    window.files.open_path(demo_file)
    page = window.show_page("risks")
    page.tabs.setCurrentIndex(1)  # risk actions
    searched: list[str] = []
    for key, register in page.registers.items():  # offscreen windows never get the keyboard focus
        monkeypatch.setattr(register, "focus_search", lambda key=key: searched.append(key))
    window.find_action.trigger()
    assert searched == ["risk_actions"]


def test_navigation_from_the_overview_selects_the_row(window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    overview = window.page("overview")
    overview.refresh()
    item = overview.risks_list.item(0)
    page_key, module_key, row_id = item.data(Qt.ItemDataRole.UserRole)
    overview._activated(item)
    page = window.stack.currentWidget()
    assert page is window.pages["risks"]
    assert page.registers["risks"].selected_ids() == [row_id]


def _drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_caio_file_opens_it(window, demo_file: Path, workspace_file: Path) -> None:
    window.files.open_path(workspace_file)
    _drop(window, demo_file)
    assert Path(window.context.workspace.path) == demo_file
    _drop(window, demo_file.with_suffix(".txt"))  # not ours: ignored
    assert Path(window.context.workspace.path) == demo_file


def test_language_switch_retranslates_at_once(window, demo_file: Path) -> None:
    from caio_desktop.ui.i18n import install_language

    window.files.open_path(demo_file)
    risks = window.page("risks")
    install_language("en")
    window.context.set_language("en")
    assert window.sidebar.item(0).text() == "Overview"
    assert window.file_menu.title() == "&File"
    assert risks.title_label.text() == "Risks & compliance"
    assert risks.registers["risks"].model.headerData(1, Qt.Orientation.Horizontal) == "Risk"


def test_title_shows_the_modified_marker_while_a_change_is_written(window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    seen: list[bool] = []

    def operation(workspace, values):  # noqa: ANN001, ANN202 - an operation as the context runs it
        seen.append(window.isWindowModified())
        return create_row(workspace, "watch", values)

    window.context.perform(operation, {"title": "Lignes directrices GPAI"})
    assert seen == [True]
    assert not window.isWindowModified()


def test_a_heat_map_cell_of_the_overview_opens_its_risks(window, demo_file: Path) -> None:
    from caio_desktop.workspace.queries import fetch_rows

    window.files.open_path(demo_file)
    overview = window.page("overview")
    risks = fetch_rows(window.context.workspace, "risks")
    cell = (risks[0]["likelihood"], risks[0]["impact"])
    overview.heat_map.cell_clicked.emit(*cell)
    page = window.stack.currentWidget()
    assert page is window.pages["risks"]
    register = page.registers["risks"]
    assert register.proxy.rowCount() == sum(1 for r in risks if (r["likelihood"], r["impact"]) == cell)
    assert overview.heat_map.selected_cell is None


def test_dropping_a_spreadsheet_opens_the_import_wizard(window, demo_file: Path, tmp_path: Path,
                                                        monkeypatch) -> None:
    sheet = tmp_path / "registre-risques.xlsx"
    sheet.write_bytes(b"PK")
    opened: list[Path] = []
    monkeypatch.setattr(window, "open_import_wizard", opened.append)
    _drop(window, sheet)
    assert opened == []  # no engagement open: nothing to import into
    window.files.open_path(demo_file)
    _drop(window, sheet)
    assert opened == [sheet]
