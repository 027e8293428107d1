"""Edit › Paste rows (Ctrl+V): pastes the clipboard's rows into the register whose table has the focus,
enabled only then and only on a writable engagement; a text field keeps its own Ctrl+V."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from caio_desktop.ui.registers.view import RegisterWidget

ROWS = "Titre\tProbabilité\tImpact\nDérive du modèle de tarification\t3\t4\nFuite de données de santé\t2\t5\n"


@pytest.fixture
def refusals(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(RegisterWidget, "show_refusal", classmethod(lambda cls, parent, text: shown.append(text)))
    return shown


def _focus(qtbot, window, widget: QWidget) -> None:
    """Give `widget` the keyboard focus (an offscreen window is active only once asked)."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _ctrl_v(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _titles(register: RegisterWidget) -> set[str]:
    from caio_desktop.workspace import queries

    return {r["title"] for r in queries.fetch_rows(register.context.workspace, "risks")}


def test_the_edit_menu_offers_paste_rows_with_ctrl_v(window) -> None:
    assert window.paste_action in window.edit_menu.actions()
    assert window.paste_action.text() == "&Coller des lignes"
    assert window.paste_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    actions = window.edit_menu.actions()
    assert actions.index(window.paste_action) == actions.index(window.find_action) - 1
    assert not window.paste_action.isEnabled()  # no engagement open


def test_ctrl_v_in_a_register_table_pastes_rows_as_one_undo_step(qtbot, window, demo_file: Path,
                                                                 refusals) -> None:
    window.files.open_path(demo_file)
    register = window.show_page("risks").registers["risks"]
    _focus(qtbot, window, register.table)
    assert window.paste_action.isEnabled()
    QApplication.clipboard().setText(ROWS)
    steps, before = window.context.undo_stack.count(), register.model.total
    _ctrl_v(register.table)  # one binding of Ctrl+V: an ambiguous one would run nothing
    assert refusals == []
    assert register.model.total == before + 2
    assert {"Dérive du modèle de tarification", "Fuite de données de santé"} <= _titles(register)
    assert window.context.undo_stack.count() == steps + 1
    assert len(register.selected_ids()) == 2  # the pasted rows, selected


def test_the_menu_item_does_what_ctrl_v_does(qtbot, window, demo_file: Path, refusals) -> None:
    window.files.open_path(demo_file)
    register = window.show_page("risks").registers["risks"]
    _focus(qtbot, window, register.table)
    QApplication.clipboard().setText(ROWS)
    before = register.model.total
    window.paste_action.trigger()
    assert register.model.total == before + 2
    QApplication.clipboard().setText("Titre\tProbabilité\tImpact\nSans impact\t3\t\n")
    window.paste_action.trigger()  # refused, as Ctrl+V refuses it: said, nothing added
    assert register.model.total == before + 2
    assert refusals and "Rien n'a été collé" in refusals[0] and "Impact" in refusals[0]


def test_a_text_field_keeps_its_own_paste(qtbot, window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    register = window.show_page("risks").registers["risks"]
    register.select_row(register.proxy.row_id(0))
    QApplication.clipboard().setText("tarification")
    before = register.model.total
    for field in (register.search, register.form.field_editor("title")):
        _focus(qtbot, window, field)
        assert not window.paste_action.isEnabled()  # the menu says Ctrl+V is not a paste of rows here
        field.selectAll()
        _ctrl_v(field)
        assert field.text() == "tarification"
    _focus(qtbot, window, register.table)  # leaving the form's field saves what was pasted into it
    assert register.model.total == before  # no row pasted
    assert "tarification" in _titles(register)


def test_paste_rows_is_off_where_no_row_can_be_added(qtbot, window, demo_file: Path) -> None:
    window.files.open_path(demo_file)
    page = window.show_page("risks")
    _focus(qtbot, window, window.sidebar)  # not a register
    assert not window.paste_action.isEnabled()
    register = page.registers["risks"]
    _focus(qtbot, window, register.table)
    assert window.paste_action.isEnabled()
    window.files.close()
    assert not window.paste_action.isEnabled()


def test_paste_rows_is_off_in_a_read_only_engagement(qtbot, window, demo_file: Path, refusals) -> None:
    window.files.open_path(demo_file, read_only=True)
    register = window.show_page("risks").registers["risks"]
    _focus(qtbot, window, register.table)
    assert not window.paste_action.isEnabled()
    QApplication.clipboard().setText(ROWS)
    before = register.model.total
    _ctrl_v(register.table)
    window.paste_action.trigger()
    assert register.model.total == before and refusals == []
