"""Logos (the client's, the consultant's firm's): which images are accepted and how an SVG is read safely.

A logo is PNG or JPEG (told by its first bytes) or SVG (an XML document whose root element is `svg`).
SVG is XML from outside the firm, so it is parsed without a DTD, without entity expansion and without
network access, and a document that declares a DOCTYPE or an ENTITY is refused outright: that is where
"billion laughs" and external-entity (XXE) attacks live, and no logo needs one.
"""

from __future__ import annotations

import re
from typing import Any

from caio_desktop.domain.errors import ValidationError

RASTER_MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
MAX_LOGO_BYTES = 2_000_000
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_START = re.compile(rb"^(\xef\xbb\xbf)?\s*<")


class UnsafeSvg(ValueError):
    """An SVG that cannot be read safely (a DOCTYPE/ENTITY declaration, or not well-formed XML)."""


def parse_svg(data: bytes) -> Any:
    """The root element (lxml) of an SVG logo, parsed with entities, DTDs and the network off.

    Raises UnsafeSvg for a DOCTYPE/ENTITY declaration or XML that is not well formed, and ValueError
    when the root element is not `svg`."""
    from lxml import etree  # imported on use: lxml is needed only when an SVG is read

    if _DECLARATION.search(data):
        raise UnsafeSvg("declares a DOCTYPE or an ENTITY, which a logo never needs (refused for safety)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnsafeSvg(f"is not well-formed XML ({exc})") from exc
    if root.getroottree().docinfo.doctype:  # belt and braces: the pattern above should have caught it
        raise UnsafeSvg("declares a DOCTYPE, which a logo never needs (refused for safety)")
    if etree.QName(root).localname != "svg":
        raise ValueError(f"is an XML document whose root is <{etree.QName(root).localname}>, not <svg>")
    return root


def logo_kind(data: bytes, *, module: str = "engagement", field: str = "client_logo") -> str:
    """"png", "jpeg" or "svg" for an acceptable logo (at most 2 MB), else a ValidationError naming
    `module`.`field` with the reason."""
    size = f"{len(data)} bytes"
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(module, field, size, f"is larger than {MAX_LOGO_BYTES // 1_000_000} MB")
    for kind, magic in RASTER_MAGIC.items():
        if data.startswith(magic):
            return kind
    if _XML_START.match(data[:1024]):
        try:
            parse_svg(data)
        except ValueError as exc:
            raise ValidationError(module, field, size, f"is not a usable SVG image: it {exc}") from exc
        return "svg"
    raise ValidationError(module, field, size, "is not a PNG, JPEG or SVG image")
