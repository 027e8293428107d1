"""What every chart shares: fonts, greys, text fitting and a pale tint of a colour."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, fit, printable
from caio_desktop.interchange.pdf.styles import INK, MUTED, RULE

__all__ = ["BOLD", "INK", "MUTED", "REGULAR", "RULE", "ChartDrawing", "fit", "label", "tint"]


class ChartDrawing(Drawing):
    """A Drawing whose renderer starts in our font: reportlab's default (Helvetica) would otherwise be
    declared in the PDF without being embedded."""

    initialFontName = REGULAR


def tint(color: colors.Color, share: float) -> colors.Color:
    """`color` mixed with white (`share` of white)."""
    return colors.Color(*(c + (1 - c) * share for c in color.rgb()))


def label(x: float, y: float, text: object, *, size: float = 7, font: str = REGULAR,
          color: colors.Color = INK, anchor: str = "start", width: float | None = None) -> String:
    """A chart label, escaped of unsupported characters and fitted to `width` when given."""
    value = fit(text, width, font=font, size=size) if width else printable(text)
    return String(x, y, value, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)

