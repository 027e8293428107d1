"""Logos on a deliverable: a raster image (PNG, JPEG) or an SVG drawn as vector graphics, fitted into a box.

An SVG goes through `domain.logos.parse_svg` (no DTD, no entities, no network) and is then converted by
svglib into reportlab shapes, so it stays sharp at any zoom. The renderer gets a file-like source, not a
path, so svglib resolves no external `<image>`/`<use>` reference. Anything unreadable gives None and the
caller draws its text fallback: a damaged logo must not cost the consultant the deliverable.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from caio_desktop.domain.logos import RASTER_MAGIC, parse_svg
from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, register_fonts


@dataclass
class Logo:
    """A logo ready to draw: either a raster `image` or a vector `drawing`, with its natural size."""

    width: float
    height: float
    image: ImageReader | None = None
    drawing: Any = None  # reportlab.graphics.shapes.Drawing

    def draw(self, canvas: Canvas, *, x: float, y: float, max_width: float, max_height: float,
             align: str = "right") -> tuple[float, float]:
        """Draw scaled into the box whose bottom-left is (x, y), keeping proportions; return the size drawn.

        `align` "right" puts the logo against the box's right edge, "left" against its left edge."""
        scale = min(max_width / self.width, max_height / self.height)
        width, height = self.width * scale, self.height * scale
        left = x + max_width - width if align == "right" else x
        if self.image is not None:
            canvas.drawImage(self.image, left, y, width, height, mask="auto")
        else:
            canvas.saveState()
            canvas.translate(left, y)
            canvas.scale(scale, scale)
            renderPDF.draw(self.drawing, canvas, 0, 0)
            canvas.restoreState()
        return width, height


def read_logo(data: bytes | None, kind: str | None = None) -> Logo | None:
    """The logo in `data` (kind "png", "jpeg" or "svg"; guessed from the bytes when not given), or None
    when there is none or it cannot be read."""
    if not data:
        return None
    kind = (kind or _guess(data)).lower()
    try:
        if kind in ("png", "jpeg", "jpg"):
            reader = ImageReader(io.BytesIO(data))
            width, height = reader.getSize()
            return Logo(width, height, image=reader) if width > 0 and height > 0 else None
        if kind == "svg":
            return _svg(data)
    except Exception:  # a damaged logo must not cost the consultant the deliverable
        return None
    return None


def _guess(data: bytes) -> str:
    for kind, magic in RASTER_MAGIC.items():
        if data.startswith(magic):
            return kind
    return "svg"


def _svg(data: bytes) -> Logo | None:
    from svglib.svglib import SvgRenderer  # imported on use: only SVG logos need it

    root = parse_svg(data)  # raises for DOCTYPE/ENTITY or broken XML: the caller falls back
    # svglib logs every element it does not know; a logo from a design tool has many (metadata).
    logging.getLogger("svglib.svglib").setLevel(logging.CRITICAL)
    drawing = SvgRenderer(io.BytesIO(data)).render(root)
    if drawing is None or not drawing.contents or drawing.width <= 0 or drawing.height <= 0:
        return None
    register_fonts()
    drawing.initialFontName = REGULAR  # the renderer's starting state, else it selects Helvetica first
    _use_our_fonts(drawing)
    return Logo(float(drawing.width), float(drawing.height), drawing=drawing)


def _use_our_fonts(node: Any) -> None:
    """Set a logo's text in the deliverable's embedded fonts: svglib falls back to Helvetica, which the
    PDF would declare without embedding it (a viewer then substitutes whatever it has)."""
    if hasattr(node, "fontName"):
        name = str(getattr(node, "fontName", "") or "")
        node.fontName = BOLD if "bold" in name.lower() or "black" in name.lower() else REGULAR
    for child in getattr(node, "contents", None) or ():
        _use_our_fonts(child)
