"""Pictures for a Word document: charts and SVG logos as PNG at print resolution.

Word cannot hold a reportlab drawing, so the PDF's own chart drawings (one look in every format) are
rasterised. reportlab's bitmap renderer (renderPM) needs the rlPyCairo backend since reportlab 4, and
pycairo ships no Linux wheel (it would need a compiler and cairo's headers on every machine that
installs the app); PDFium (pypdfium2) is already a dependency for the page preview. So a drawing is
written as a one-page vector PDF by renderPDF, with our embedded fonts, and PDFium paints that page:
the picture is what the PDF deliverable prints, anti-aliased, at `DPI`.
"""

from __future__ import annotations

import io
import threading
from typing import Any

from caio_desktop.interchange.deliverables.nodes import Chart

DPI = 220  # ≥ 200 dpi: sharp on paper; a full-width chart stays under ~200 KB as PNG

# PDFium is not thread-safe (pypdfium2's documentation: one thread at a time in the whole process).
# Exports take turns through the deliverables' build lock already; the page preview renders PDF pages
# on its own thread, and may take this lock too.
PDFIUM_LOCK = threading.Lock()


def drawing_png(drawing: Any, *, dpi: int = DPI) -> bytes:
    """A reportlab `Drawing` as PNG bytes at `dpi` (white background, its own size in points)."""
    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.graphics import renderPDF

    pdf = renderPDF.drawToString(drawing)
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            page = document[0]
            image = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255)).to_pil()
            page.close()
        finally:
            document.close()
    out = io.BytesIO()
    # A chart is a few flat colours and their anti-aliased edges: 256 colours (octree, no dithering)
    # look the same and the PNG is about 4 times smaller and twice as fast to encode as in full colour.
    paletted = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    paletted.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def chart_drawings(chart: Chart, *, width_pt: float, lang: str, accent: str) -> list[Any]:
    """The PDF's drawing(s) of `chart` at `width_pt` points wide: a long Gantt chart is one drawing a
    page, so that each picture fits a page of the Word document too."""
    from caio_desktop.interchange.pdf.charts.render import drawings_for

    return drawings_for(chart, width_pt, lang, accent)


def chart_pngs(chart: Chart, *, width_pt: float, lang: str, accent: str) -> list[tuple[bytes, float, float]]:
    """The one source of chart pictures: (PNG, width pt, height pt) for each drawing of `chart`."""
    return [(drawing_png(d), float(d.width), float(d.height))
            for d in chart_drawings(chart, width_pt=width_pt, lang=lang, accent=accent)]


def logo_png(data: bytes | None, kind: str | None) -> tuple[bytes, str] | None:
    """A logo Word can hold: PNG/JPEG as they are, SVG rasterised (python-docx takes no SVG); None when
    there is no logo or it cannot be read (the cover then carries the client's name alone)."""
    if not data:
        return None
    from caio_desktop.interchange.pdf.logos import read_logo

    logo = read_logo(data, kind)  # also reads the raster kinds, so a damaged PNG is caught here
    if logo is None:
        return None
    if logo.image is not None:
        return data, ("jpeg" if data.startswith(b"\xff\xd8") else "png")
    try:  # about 1,200 pixels across whatever the SVG's own size, so a small viewBox stays sharp
        return drawing_png(logo.drawing, dpi=max(10, min(1200, round(1200 * 72 / logo.width)))), "png"
    except Exception:  # a logo must not cost the consultant the deliverable
        return None
