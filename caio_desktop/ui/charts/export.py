"""`render_to_png`: a chart (or any widget) drawn into a PNG file, shown or not.

Used by the tests, by `caio-desktop --screenshots` and wherever a picture of a chart is wanted. The
widget is resized to `size` first, so it lays itself out exactly as it would on screen at that size.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QWidget

from caio_desktop.ui.charts import theme


def render_to_image(widget: QWidget, size: QSize | tuple[int, int] = (900, 560), *, scale: float = 1.0) -> QImage:
    """The widget drawn at `size` (logical pixels) into an image `scale` times as dense."""
    size = QSize(*size) if isinstance(size, tuple) else QSize(size)
    old = widget.size()
    widget.resize(size)
    if not widget.isVisible():  # a hidden widget only gets its resize event when shown: give it now
        QCoreApplication.sendEvent(widget, QResizeEvent(size, old))
    if widget.layout() is not None:
        widget.layout().activate()  # a widget never shown has not laid its children out yet
    image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(theme.BACKGROUND)
    widget.render(image)
    return image


def render_to_png(widget: QWidget, path: Path | str, size: QSize | tuple[int, int] = (900, 560), *,
                  scale: float = 1.0) -> Path:
    """Write the widget drawn at `size` to the PNG file `path` (its folder must exist); returns the path."""
    path = Path(path)
    image = render_to_image(widget, size, scale=scale)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write the chart image {path}")
    return path
