"""Logo previews in the app (the client's on the Engagement page, the firm's in Preferences): PNG and
JPEG through QPixmap, SVG through QSvgRenderer, scaled to fit while keeping proportions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap


def logo_file_filter() -> str:
    """The file dialog filter for a logo (the types `domain.logos.logo_kind` accepts)."""
    return QCoreApplication.translate("Logos", "Images (*.png *.jpg *.jpeg *.svg)")


def logo_pixmap(data: bytes | None, size: QSize) -> QPixmap | None:
    """`data` drawn to fit `size`, or None when there is no logo or it cannot be read."""
    from caio_desktop.domain.logos import RASTER_MAGIC

    if not data:
        return None
    if not data.startswith(tuple(RASTER_MAGIC.values())):
        return _svg_pixmap(data, size)  # never QPixmap: Qt's SVG image plugin would skip our safe parse
    pixmap = QPixmap()
    if pixmap.loadFromData(data) and not pixmap.isNull():
        return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return None


def _svg_pixmap(data: bytes, size: QSize) -> QPixmap | None:
    from caio_desktop.domain.logos import parse_svg

    try:  # the same safe reading as the deliverables: a file edited outside the app is not trusted
        parse_svg(data)
    except ValueError:
        return None
    from PySide6.QtSvg import QSvgRenderer  # imported on use: start-up stays light

    renderer = QSvgRenderer(QByteArray(data))
    natural = renderer.defaultSize()
    if not renderer.isValid() or natural.isEmpty():
        return None
    fitted = natural.scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
    pixmap = QPixmap(fitted)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return pixmap


def logo_refusal(reason: str) -> str:
    """Why a logo file was refused (a ValidationError's reason from `domain.logos`), in the interface's
    language."""
    if reason.startswith("is larger than"):
        return QCoreApplication.translate("Logos", "The file is larger than 2 MB.")
    if "DOCTYPE or an ENTITY" in reason:
        return QCoreApplication.translate(
            "Logos", "The SVG declares a DOCTYPE or an ENTITY, which a logo never needs: it is refused for safety.")
    if "not well-formed XML" in reason:
        return QCoreApplication.translate("Logos", "The SVG file is damaged (not well-formed XML).")
    if "not <svg>" in reason:
        return QCoreApplication.translate("Logos", "The file is an XML document but not an SVG image.")
    return QCoreApplication.translate("Logos", "The file is not a PNG, JPEG or SVG image.")
