"""Selected rows copy as tab-separated text (headers, shown columns as displayed) for Excel; the
tenth page has Ctrl+0 and Edit › Delete has Ctrl+Del."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from caio_desktop.ui.registers.view import RegisterWidget


def test_selected_rows_copy_as_tab_separated_text(qtbot, demo_context) -> None:
    widget = RegisterWidget(demo_context, "team")
    qtbot.addWidget(widget)
    selection = widget.table.selectionModel()
    for row in (0, 2):
        selection.select(widget.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    widget.copy_selected()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Nom", "Rôle", "Direction", "Courriel", "Téléphone"]
    assert len(lines) == 3
    first = lines[1].split("\t")
    assert first[0] == widget.proxy.index(0, 0).data() and len(first) == 5


def test_bools_copy_as_words(qtbot, demo_context) -> None:
    widget = RegisterWidget(demo_context, "vendor_options")
    qtbot.addWidget(widget)
    widget.table.selectRow(0)
    text = widget.selected_as_text()
    header, row = text.splitlines()[:2]
    selected = header.split("\t").index("Retenue")
    assert row.split("\t")[selected] in ("Oui", "Non")


def test_shortcuts_for_the_tenth_page_and_delete(qtbot) -> None:
    from caio_desktop.ui.context import AppContext
    from caio_desktop.ui.shell.window import MainWindow

    window = MainWindow(AppContext(lang="fr"))
    qtbot.addWidget(window)
    shortcuts = [a.shortcut().toString() for a in window.page_actions]
    assert shortcuts[:9] == [f"Ctrl+{i}" for i in range(1, 10)]
    if len(shortcuts) >= 10:
        assert shortcuts[9] == "Ctrl+0"
    assert window.delete_action.shortcut() == QKeySequence("Ctrl+Del")
