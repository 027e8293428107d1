"""The maturity tree of Diagnosis › Rate by dimension at 1440 × 900, in the application's theme, beside the
radar: no dimension or pillar name is cut — a name longer than its column wraps between words onto a
row tall enough for its lines, every row is in view without scrolling, the whole name stays as tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from tests.ui.test_demo_fits import SIZE, _settle, demo_window, themed  # noqa: F401 - themed: the app's theme


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found = []
    for i in range(tree.topLevelItemCount()):
        pillar = tree.topLevelItem(i)
        found += [pillar, *(pillar.child(j) for j in range(pillar.childCount()))]
    return found


def _cut_names(tree: QTreeWidget) -> list[str]:
    """Names whose words or lines do not fit the room Qt paints them in (their cell less its margins)."""
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    problems = []
    for item in _items(tree):
        row = tree.visualItemRect(item)  # the whole row, from the indentation of its depth on
        end = tree.header().sectionViewportPosition(0) + tree.columnWidth(0)
        cell = QRect(row.left(), row.top(), end - row.left(), row.height())  # the name's column
        room = cell.width() - 2 * margin
        metrics = QFontMetrics(item.font(0))
        text = item.text(0)
        wide = [w for w in text.split() if metrics.horizontalAdvance(w) > room]
        lines = metrics.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        if wide or lines.height() > cell.height():
            problems.append(f"'{text}': {lines.height()} px of lines in a row of {cell.height()}, {room} px wide")
    return problems


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_name_of_the_maturity_tree_is_whole_at_1440(themed, qtbot, lang: str, demo_file: Path,  # noqa: F811
                                                          demo_file_en: Path) -> None:
    with demo_window(qtbot, lang, demo_file, demo_file_en) as window:
        page = window.show_page("diagnosis")
        page.tabs.setCurrentIndex(0)  # Rate by dimension
        _settle(page)
        tree = page.rating.tree
        problems = _cut_names(tree)
        scrolled = tree.verticalScrollBar().maximum()
        tooltips = [item.text(0) for item in _items(tree) if item.parent() and item.toolTip(0) != item.text(0)]
        width = window.width()
    assert not problems, "\n".join(problems)
    assert scrolled == 0  # the 23 dimensions and their 6 pillars all in view
    assert tooltips == []
    assert width <= SIZE[0]
