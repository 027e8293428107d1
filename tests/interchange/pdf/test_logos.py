"""Logos on deliverables: an SVG client logo drawn as vectors, the firm's logo signing the cover and
marking the footer, and hostile or damaged SVG never reaching the PDF."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from caio_desktop.interchange.pdf import build_deliverable
from caio_desktop.interchange.pdf.logos import read_logo
from caio_desktop.operations.branding import set_client_logo

AS_OF = dt.date(2026, 3, 1)
# A blue the deliverable itself never uses: finding it in the cover's drawing means the SVG was drawn.
SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
       b'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">'
       b'<rect x="0" y="8" width="64" height="64" rx="14" fill="#0B5394"/>'
       b'<path d="M14 52 L32 20 L50 52 Z" fill="#ffffff"/>'
       b'<text x="76" y="50" font-family="Helvetica" font-weight="bold" font-size="30" fill="#0B5394">Zebulon</text>'
       b'</svg>')
SVG_BLUE = ".043137 .32549 .580392 rg"
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "Laughter"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                  b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text y="20">&lol2;</text></svg>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
       b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text y="20">&secret;</text></svg>')


def _png(width: int = 300, height: int = 90, colour: tuple[int, int, int] = (20, 20, 20)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _images(page) -> list:  # noqa: ANN001
    xobjects = page["/Resources"].get("/XObject")
    if xobjects is None:
        return []
    return [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]


def _stream(page) -> str:  # noqa: ANN001
    return page.get_contents().get_data().decode("latin-1")


def _store_raw_logo(workspace, data: bytes, kind: str) -> None:  # noqa: ANN001
    """A logo written behind the operations' back (an old or tampered file)."""
    from sqlalchemy import update

    from caio_desktop.workspace.models import Engagement

    with workspace.writing() as conn:
        conn.execute(update(Engagement.__table__).values(client_logo=data, client_logo_type=kind))


def test_svg_client_logo_is_vector_and_firm_logo_signs_the_cover(workspace, tmp_path: Path) -> None:
    from caio_desktop.operations.rows import update_engagement

    update_engagement(workspace, {"consultant_name": "Claire Vasseur"})
    set_client_logo(workspace, SVG)
    out = build_deliverable(workspace, "risks", tmp_path / "r.pdf", as_of=AS_OF, firm_logo=_png())
    reader = PdfReader(out)
    cover, second = reader.pages[0], reader.pages[1]
    images = _images(cover)
    assert [(i["/Width"], i["/Height"]) for i in images] == [(300, 90)]  # the firm's PNG, not the SVG
    stream = _stream(cover)
    assert SVG_BLUE in stream and " re" in stream  # the client's SVG drawn as filled vector shapes
    text = cover.extract_text()
    assert "Zebulon" in text  # the SVG's text is real text in the PDF, set in our font
    assert "ASSURANCES DU RHÔNE" not in text  # the logo replaces the client-name wordmark
    assert "PRÉPARÉ PAR" in text
    assert text.count("Claire Vasseur") == 2  # in the cover's details and under the firm's logo
    assert [(i["/Width"], i["/Height"]) for i in _images(second)] == [(300, 90)]  # the footer's firm mark
    fonts = {str(f.get_object()["/BaseFont"]) for f in cover["/Resources"]["/Font"].values()}
    assert fonts and all("SourceSansPro" in name for name in fonts), fonts


def test_without_a_firm_logo_the_cover_keeps_its_usual_look(workspace, tmp_path: Path) -> None:
    out = build_deliverable(workspace, "risks", tmp_path / "r.pdf", as_of=AS_OF, lang="en")
    reader = PdfReader(out)
    assert _images(reader.pages[0]) == [] and _images(reader.pages[1]) == []
    assert "PREPARED BY" not in reader.pages[0].extract_text().upper()


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, XXE])
def test_hostile_svg_never_reaches_the_pdf(workspace, tmp_path: Path, hostile: bytes) -> None:
    _store_raw_logo(workspace, hostile, "svg")
    out = build_deliverable(workspace, "risks", tmp_path / "r.pdf", as_of=AS_OF, firm_logo=hostile)
    reader = PdfReader(out)
    text = reader.pages[0].extract_text()
    assert "ASSURANCES DU RHÔNE" in text  # the client-name wordmark stands in for the refused logo
    assert "Laughter" not in text and "PRÉPARÉ PAR" not in text
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").is_file() else ""
    if hostname:
        assert hostname not in "".join(page.extract_text() for page in reader.pages)
    assert _images(reader.pages[0]) == []


@pytest.mark.parametrize("damaged", [b"<svg xmlns='http://www.w3.org/2000/svg'><rect", b"<svg></svg>", b"\x00\x01"])
def test_damaged_svg_falls_back_to_the_client_name(workspace, tmp_path: Path, damaged: bytes) -> None:
    _store_raw_logo(workspace, damaged, "svg")
    out = build_deliverable(workspace, "risks", tmp_path / "r.pdf", as_of=AS_OF)
    assert "ASSURANCES DU RHÔNE" in PdfReader(out).pages[0].extract_text()


def test_svg_references_to_outside_files_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(_png(10, 10))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="50" '
           f'height="50"><rect width="50" height="50" fill="#0B5394"/>'
           f'<image width="10" height="10" xlink:href="{tmp_path / "secret.png"}"/>'
           f'<image width="10" height="10" xlink:href="secret.png"/></svg>').encode()
    logo = read_logo(svg, "svg")
    assert logo is not None and logo.image is None
    kinds = set()

    def walk(node) -> None:  # noqa: ANN001
        kinds.add(type(node).__name__)
        for child in getattr(node, "contents", None) or ():
            walk(child)

    walk(logo.drawing)
    assert "Image" not in kinds and "Rect" in kinds


def test_raster_and_svg_logos_fit_the_same_box() -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    for data in (SVG, _png(240, 80)):
        logo = read_logo(data)
        assert logo is not None
        width, height = logo.draw(canvas, x=0, y=0, max_width=120, max_height=60)
        assert (round(width), round(height)) == (120, 40)
