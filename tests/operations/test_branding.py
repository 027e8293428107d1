"""Setting and removing the client's logo: stored in the file, one undo step, foreign files refused."""

from __future__ import annotations

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations import redo, undo
from caio_desktop.operations.branding import set_client_logo
from caio_desktop.workspace.queries import fetch_rows

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _engagement(ws) -> dict:
    return fetch_rows(ws, "engagement", limit=1)[0]


def test_logo_is_set_undone_and_redone(workspace) -> None:
    change = set_client_logo(workspace, PNG)
    assert _engagement(workspace)["client_logo"] == PNG
    assert _engagement(workspace)["client_logo_type"] == "png"
    undo(workspace, change)
    assert _engagement(workspace)["client_logo"] is None
    redo(workspace, change)
    assert _engagement(workspace)["client_logo"] == PNG
    set_client_logo(workspace, None)
    assert _engagement(workspace)["client_logo_type"] is None


def test_a_file_that_is_not_an_image_is_refused(workspace) -> None:
    with pytest.raises(ValidationError, match="not a PNG, JPEG or SVG"):
        set_client_logo(workspace, b"%PDF-1.7 ...")
    assert _engagement(workspace)["client_logo"] is None


SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
       b'<rect width="120" height="40" fill="#0B5394"/></svg>')
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
                  b'<svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
       b'<svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>')


def test_svg_logo_is_kept_as_svg_and_undone(workspace) -> None:
    change = set_client_logo(workspace, SVG)
    assert _engagement(workspace)["client_logo"] == SVG
    assert _engagement(workspace)["client_logo_type"] == "svg"
    undo(workspace, change)
    assert _engagement(workspace)["client_logo"] is None
    assert _engagement(workspace)["client_logo_type"] is None


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, XXE, b"<svg><!ENTITY x 'y'></svg>"])
def test_svg_declaring_entities_is_refused_and_the_logo_kept(workspace, hostile: bytes) -> None:
    set_client_logo(workspace, PNG)
    with pytest.raises(ValidationError, match="DOCTYPE or an ENTITY"):
        set_client_logo(workspace, hostile)
    assert _engagement(workspace)["client_logo"] == PNG


@pytest.mark.parametrize(("data", "reason"), [
    (b"<html><body>logo</body></html>", "root is <html>, not <svg>"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "not well-formed XML"),
    (b"GIF89a....", "not a PNG, JPEG or SVG image"),
])
def test_xml_that_is_not_a_usable_svg_is_refused_with_its_reason(workspace, data: bytes, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        set_client_logo(workspace, data)
    assert _engagement(workspace)["client_logo"] is None


def test_a_logo_over_two_megabytes_is_refused(workspace) -> None:
    big = SVG.replace(b"</svg>", b"<!--" + b"x" * 2_000_000 + b"--></svg>")
    with pytest.raises(ValidationError, match="larger than 2 MB"):
        set_client_logo(workspace, big)
