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


def pixel(widget, point: QPointF) -> QColor:
    """The colour the widget draws at `point` (widget coordinates) at its current size."""
    image = render_to_image(widget, (widget.width(), widget.height()))
    return image.pixelColor(round(point.x()), round(point.y()))
