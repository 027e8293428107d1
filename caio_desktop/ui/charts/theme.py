"""Colours and fonts shared by the charts: a quiet light theme that keeps the data in front.

Fonts are the Source Sans Pro files shipped in `caio_desktop/resources/fonts` (so that charts look the
same on every laptop, in screenshots and beside the PDF deliverables); sizes are in pixels so that a
chart laid out for a PNG export matches what the window shows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QColor, QFont, QFontDatabase

from caio_desktop.ui.theme import emoji_family

BACKGROUND = QColor("#FFFFFF")
INK = QColor("#1F2933")  # titles and values
TEXT = QColor("#3E4C59")  # labels
MUTED = QColor("#7B8794")  # axis captions, notes
GRID = QColor("#E4E7EB")
AXIS = QColor("#9AA5B1")
PANEL = QColor("#F5F7FA")  # soft backgrounds (quadrants, header rows)
HIGHLIGHT = QColor("#1F2933")  # outline of a selected or hovered mark
TODAY = QColor("#C0392B")

# A muted categorical palette (Tableau 10, slightly desaturated), for series without a meaning of their own.
SERIES = tuple(QColor(c) for c in (
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#9C755F", "#E15759", "#BAB0AC",
))
CURRENT = QColor("#3D6A98")  # "as is" (maturity current level, actual values)
TARGET = QColor("#D17A22")  # "to be" (targets)
BASELINE = QColor("#8A96A3")

_FAMILY_FALLBACK = "DejaVu Sans"


def tint(color: QColor, amount: float) -> QColor:
    """`color` mixed with white: amount 0 keeps it, 1 gives white (for soft fills behind text)."""
    return QColor(
        round(color.red() + (255 - color.red()) * amount),
        round(color.green() + (255 - color.green()) * amount),
        round(color.blue() + (255 - color.blue()) * amount),
    )


def shade(color: QColor, amount: float) -> QColor:
    """`color` mixed with black: amount 0 keeps it, 1 gives black (for outlines of a fill)."""
    return QColor(
        round(color.red() * (1 - amount)), round(color.green() * (1 - amount)), round(color.blue() * (1 - amount))
    )


def readable_on(color: QColor) -> QColor:
    """White or ink, whichever reads better on `color` (WCAG relative luminance)."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())
    return QColor("#FFFFFF") if luminance < 0.45 else INK


@cache
def family() -> str:
    """The chart font family, registering the shipped Source Sans Pro files once per process."""
    loaded = ""
    fonts = resources.files("caio_desktop.resources") / "fonts"
    for name in ("SourceSansPro-Regular.ttf", "SourceSansPro-Semibold.ttf", "SourceSansPro-It.ttf"):
        with resources.as_file(fonts / name) as path:
            font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and not loaded:
            loaded = QFontDatabase.applicationFontFamilies(font_id)[0]
    return loaded or _FAMILY_FALLBACK


def font(pixels: int, *, bold: bool = False, italic: bool = False) -> QFont:
    """A chart font of `pixels` height (semibold when `bold`)."""
    f = QFont(family())
    if emoji_family():  # a label typed with an emoji draws it, not "▯"
        f.setFamilies([family(), emoji_family()])
    f.setPixelSize(pixels)
    f.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # smooth at fractional positions
    return f
