"""Search across the engagement from the window: the results model (qtmodeltester), the keyboard path
(type, arrows, Enter opens the row on its page with its form, Esc closes) and the index kept in step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from caio_desktop.operations import update_row
from caio_desktop.ui.i18n import install_language
from caio_desktop.ui.search.action import SHORTCUT, open_search
from caio_desktop.ui.search.model import MODULE_ROLE, ROW_ID_ROLE, SearchResultsModel
from caio_desktop.workspace.search import SearchIndex


def searched(qtbot, window, text: str):  # noqa: ANN001, ANN201
    """The window's search box after typing `text` (the index built, the pause in typing over)."""
    dialog = open_search(window)
    qtbot.waitUntil(lambda: dialog.controller.ready, timeout=10_000)
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, text)
    qtbot.waitUntil(lambda: not dialog.timer.isActive() and bool(dialog.model.groups), timeout=5_000)
    return dialog


def hit_texts(dialog) -> list[str]:  # noqa: ANN001
    return [index.data() for index in dialog.model.hit_indexes()]


def test_the_model_passes_qtmodeltester(qtmodeltester, demo_workspace) -> None:  # noqa: ANN001
    index = SearchIndex(demo_workspace)
    model = SearchResultsModel("fr")
    model.set_results(index.search("donnees"))
    assert model.rowCount() > 2
    qtmodeltester.check(model, force_py=True)
    index.close()


def test_groups_name_the_register_and_hits_read_code_and_title(qtbot, demo_workspace) -> None:  # noqa: ANN001
    install_language("fr")
    index = SearchIndex(demo_workspace)
    model = SearchResultsModel("fr")
    model.set_results(index.search("R-011"))
    group = model.index(0, 0)
    assert group.data() == "Risques — 1"
    assert model.index(0, 0, group).data() == "R-011 — Fuite de données par les outils d'IA grand public"
    model.set_results(index.search("R-0", limit=3))
    assert model.index(0, 0).data().startswith("Risques — 3 premiers sur ")
    install_language("en")
    model.set_language("en")
    assert model.index(0, 0).data().startswith("Risks — first 3 of ")
    index.close()


def test_edit_menu_offers_search_with_its_shortcut(window, demo_file: Path) -> None:  # noqa: ANN001
    assert not window.search_action.isEnabled()  # nothing to search before an engagement is open
    window.files.open_path(demo_file)
    assert window.search_action.isEnabled()
    assert window.search_action.shortcut() == QKeySequence(SHORTCUT)
    assert window.search_action in window.edit_menu.actions()
    assert window.search_action.text() == "Rechercher dans la &mission…"


def test_typing_finds_accentless_and_enter_opens_the_row_with_its_form(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001
    window.files.open_path(demo_file)
    dialog = searched(qtbot, window, "chatgpt comptes")
    assert hit_texts(dialog)[0] == "ChatGPT (comptes personnels)"  # AI systems come before risks
    rows = sum(group.total for group in dialog.model.groups)
    assert dialog.status.text() == f"{rows} lignes trouvées · {len(dialog.model.groups)} registres"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    page = window.current_page()
    assert page is window.pages["systems"]
    register = page.registers["ai_systems"]
    assert register.form.row["name"] == "ChatGPT (comptes personnels)"
    assert register.current_id() == register.form.row_id


def test_arrows_move_across_groups_and_enter_opens_that_hit(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001
    window.files.open_path(demo_file)
    dialog = searched(qtbot, window, "chatgpt")
    hits = dialog.model.hit_indexes()
    modules = [index.data(MODULE_ROLE) for index in hits]
    assert len(set(modules)) > 1
    target = modules.index("risks")
    for _ in range(target):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.results.currentIndex() == hits[target]
    row_id = hits[target].data(ROW_ID_ROLE)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    register = window.pages["risks"].registers["risks"]
    assert window.current_page() is window.pages["risks"]
    assert register.form.row_id == row_id and register.form.row["code"] == "R-011"


def test_escape_closes_and_nothing_found_is_said(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001
    window.files.open_path(demo_file)
    dialog = open_search(window)
    qtbot.waitUntil(lambda: dialog.controller.ready, timeout=10_000)
    qtbot.keyClicks(dialog.field, "xyzzyq")
    qtbot.waitUntil(lambda: not dialog.timer.isActive())
    assert dialog.model.rowCount() == 0
    assert "xyzzyq" in dialog.status.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_edit_and_its_undo_are_found_at_the_next_search(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001
    window.files.open_path(demo_file)
    dialog = searched(qtbot, window, "R-011")
    row_id = dialog.model.hit_indexes()[0].data(ROW_ID_ROLE)
    dialog.hide()
    window.context.perform(update_row, "risks", row_id, {"title": "Exfiltration par messagerie"})
    dialog = searched(qtbot, window, "exfiltration")
    assert hit_texts(dialog) == ["R-011 — Exfiltration par messagerie"]
    window.undo_action.trigger()
    dialog = searched(qtbot, window, "R-011")
    assert hit_texts(dialog) == ["R-011 — Fuite de données par les outils d'IA grand public"]


def test_a_change_told_without_rows_rebuilds_its_module(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001
    from caio_desktop.operations import create_row

    window.files.open_path(demo_file)
    searched(qtbot, window, "chatgpt").hide()
    create_row(window.context.workspace, "watch", {"title": "Règlement Zorglub"})  # as an import does
    window.context.refresh_all()
    dialog = searched(qtbot, window, "zorglub")
    assert hit_texts(dialog) == ["Règlement Zorglub"]


def test_a_change_of_language_reindexes_names_people_read(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001
    window.files.open_path(demo_file)
    dialog = searched(qtbot, window, "gouvernance donnees")
    assert "Gouvernance des données" in hit_texts(dialog)
    dialog.hide()
    install_language("en")
    window.context.set_language("en")
    dialog = searched(qtbot, window, "gouvernance donnees")
    assert "Data governance" in hit_texts(dialog)
    assert dialog.windowTitle() == "Search the engagement"
