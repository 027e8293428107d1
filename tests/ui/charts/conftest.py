"""Helpers for the chart tests: a chart shown at a known size, and a pixel read back from its drawing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from caio_desktop.ui.charts.export import render_to_image


@pytest.fixture
def show(qtbot):
    """Show a chart at `size` (so that mouse clicks reach it at known coordinates) and return it."""

    def _show(widget, size=(720, 480)):
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return _show


def scrolled(qtbot, chart, size=(700, 400)):
    """`chart` in a scroll area (as pages place tall charts), shown at `size`; returns the area."""
    from caio_desktop.ui.charts.base import scrollable

    area = scrollable(chart)
    qtbot.addWidget(area)
    area.resize(*size)
    area.show()
    qtbot.waitExposed(area)
    return area


def pixel(widget, point: QPointF) -> QColor:
    """The colour the widget draws at `point` (widget coordinates) at its current size."""
    image = render_to_image(widget, (widget.width(), widget.height()))
    return image.pixelColor(round(point.x()), round(point.y()))


def sql(workspace, statement: str) -> list[tuple]:
    """Rows of a plain SQL query on the workspace: an independent count to check a chart against."""
    from sqlalchemy import text

    with workspace.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(statement))]
