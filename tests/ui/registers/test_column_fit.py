"""Register columns fit what they hold within the table's width: no header cut, short columns whole,
and a cell still too narrow shows its whole text in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from caio_desktop.ui import settings
from caio_desktop.ui.registers.delegate import elided_tooltip
from caio_desktop.ui.registers.view import RegisterWidget


def _shown(qtbot, context, module_key: str, width: int = 1400) -> RegisterWidget:
    widget = RegisterWidget(context, module_key)
    qtbot.addWidget(widget)
    widget.resize(width, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)  # the fit runs once the layout has settled (a zero timer after the last resize)
    return widget


def _columns(widget: RegisterWidget) -> list[int]:
    return [c for c in range(widget.proxy.columnCount()) if not widget.table.isColumnHidden(c)]


def test_no_header_is_cut_and_short_columns_show_their_cells_whole(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "team")
    table = widget.table
    bold = QFont(table.font())
    bold.setBold(True)
    heads = QFontMetrics(bold)
    metrics = table.fontMetrics()
    for column in _columns(widget):
        header = widget.proxy.headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) >= heads.horizontalAdvance(header) + 20, header
    for key in ("name", "department", "phone"):  # short enough to show whole beside the others
        column = widget.model.column(key)
        widest = max(metrics.horizontalAdvance(widget.proxy.index(r, column).data())
                     for r in range(widget.proxy.rowCount()))
        assert table.columnWidth(column) >= widest + 12, key
    used = sum(table.columnWidth(c) for c in _columns(widget))
    assert used <= table.viewport().width() + 1  # within the table: no horizontal scrolling


def test_the_last_column_no_longer_takes_the_room_a_cut_column_needs(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "risk_actions")
    table = widget.table
    status, risk = widget.model.column("status"), widget.model.column("risk_id")
    assert table.columnWidth(risk) > table.columnWidth(status)


def test_a_cut_cell_has_its_whole_text_as_tooltip(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "risk_actions", width=700)
    table = widget.table
    column = widget.model.column("risk_id")
    index = widget.proxy.index(0, column)
    text = index.data()
    assert elided_tooltip(index, table.columnWidth(column), table.fontMetrics()) == text
    assert elided_tooltip(index, 10_000, table.fontMetrics()) is None  # whole in the cell: no tooltip


def test_a_column_a_person_sized_keeps_its_width(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "team")
    column = widget.model.column("role")
    widget.table.setColumnWidth(column, 90)
    widget.column_fitter.remember(column, 90)  # what a drag of its border does
    widget.resize(1200, 800)
    qtbot.wait(50)
    assert widget.table.columnWidth(column) == 90
    again = _shown(qtbot, demo_context, "team")  # the next start
    assert again.table.columnWidth(column) == 90
    settings.set_column_widths("team", {})


def test_the_search_box_shows_its_placeholder_whole(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "kpis", width=500)
    box = widget.search
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText()) + 20


def test_the_rows_name_keeps_its_room_when_columns_are_many(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "ai_systems")
    column = widget.model.column("name")
    metrics = widget.table.fontMetrics()
    widest = max(metrics.horizontalAdvance(widget.proxy.index(r, column).data())
                 for r in range(widget.proxy.rowCount()))
    assert widget.table.columnWidth(column) >= min(widest + 12, widget.table.viewport().width() // 3)


def test_level_badges_are_never_cut(qtbot, demo_context) -> None:
    widget = _shown(qtbot, demo_context, "risks", width=1000)
    column = widget.model.column("level")
    metrics = widget.table.fontMetrics()
    widest = max(metrics.horizontalAdvance(widget.proxy.index(r, column).data())
                 for r in range(widget.proxy.rowCount()))
    assert widget.table.columnWidth(column) >= widest + 20  # the pill and its text inside
