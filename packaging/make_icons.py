"""Render the application icon from its SVG source into every size the platforms need.

    .venv/bin/python packaging/make_icons.py

Writes caio_desktop/resources/icons/caio-desktop-{16..512}.png (used by the app and the Linux launcher),
packaging/icons/caio-desktop.ico (Windows) and packaging/icons/caio-desktop.icns (macOS). Qt renders the
SVG (QtSvg is part of PySide6-Essentials); Pillow (a reportlab dependency) writes ICO and ICNS.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "packaging" / "icons" / "caio-desktop.svg"
PNG_DIR = ROOT / "caio_desktop" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_png(size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")


def main() -> int:
    from PIL import Image

    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        render_png(size, PNG_DIR / f"caio-desktop-{size}.png")
    largest = Image.open(PNG_DIR / "caio-desktop-512.png")
    largest.save(ROOT / "packaging" / "icons" / "caio-desktop.ico",
                 sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(ROOT / "packaging" / "icons" / "caio-desktop.icns")
    print(f"icons written to {PNG_DIR} and packaging/icons/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
