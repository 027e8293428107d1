"""Logo previews: PNG and SVG drawn to fit, hostile or damaged files not drawn at all."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QSize

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.logos import logo_kind
from caio_desktop.ui.logos import logo_pixmap, logo_refusal


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (100, 50), (31, 78, 121)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_png_and_svg_fit_the_box_in_proportion(qapp) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="50" height="100"><rect width="50" height="100"/></svg>'
    assert logo_pixmap(_png(), QSize(80, 80)).size() == QSize(80, 40)
    assert logo_pixmap(svg, QSize(80, 80)).size() == QSize(40, 80)
    assert logo_pixmap(None, QSize(80, 80)) is None


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">&a;</svg>',
    b"<svg xmlns='http://www.w3.org/2000/svg'><rect",
    b"\x89PNG\r\n\x1a\nbroken",
])
def test_hostile_or_damaged_logos_are_not_drawn(qapp, data: bytes) -> None:
    assert logo_pixmap(data, QSize(80, 80)) is None


@pytest.mark.parametrize(("data", "message"), [
    (b'<!DOCTYPE svg><svg/>', "declares a DOCTYPE or an ENTITY"),
    (b"<svg><g></svg>", "damaged (not well-formed XML)"),
    (b"<html/>", "XML document but not an SVG image"),
    (b"GIF89a", "not a PNG, JPEG or SVG image"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 2_000_001, "larger than 2 MB"),
])
def test_each_refusal_has_its_own_sentence(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        logo_kind(data)
    assert message in logo_refusal(refused.value.reason)


def test_refusals_and_file_filter_speak_french(qapp) -> None:
    from caio_desktop.ui.i18n import install_language
    from caio_desktop.ui.logos import logo_file_filter

    install_language("fr")
    try:
        assert logo_refusal("is not a PNG, JPEG or SVG image") == "Le fichier n'est pas une image PNG, JPEG ou SVG."
        assert logo_refusal("is larger than 2 MB") == "Le fichier dépasse 2 Mo."
        assert "*.svg" in logo_file_filter()
    finally:
        install_language("en")
