"""Charts of the engagement drawn with QPainter: maturity radar, risk heat map, use-case portfolio,
roadmap Gantt, stakeholder map and KPI trends (see each module's docstring for how a page uses it).

PySide6 6.12.0 also drops a reference to `None` on every call of a method returning void (`update()`,
`QPainter.drawLine()`, `QPainterPath.lineTo()`, …), not only to `True` on `emit()` (see
`caio_desktop.ui`); painting makes thousands of such calls, so on Python 3.11 `None` would be freed
and the process would abort ("none_dealloc"). Pinned here like `True` is in `caio_desktop.ui`, until
that pin covers `None` too. Harmless once the bug is fixed.
"""

import sys


def _pin_none() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_pin_none()
