"""The client's colour and what derives from it, as "#RRGGBB" strings every renderer can use."""

from __future__ import annotations

import re

DEFAULT_ACCENT = "#1F4E79"
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def rgb(value: str) -> tuple[float, float, float]:
    h = value.lstrip("#")
    return int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255


def hex_of(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(c, 1.0)) * 255):02X}" for c in (r, g, b))


def accent(value: str | None) -> str:
    """The client's colour, or ours when none (or a malformed one) is set."""
    match = _HEX.match((value or "").strip())
    return "#" + (match.group(1).upper() if match else DEFAULT_ACCENT[1:])


def luminance(value: str) -> float:
    r, g, b = rgb(value)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def mix(value: str, other: str, share: float) -> str:
    """`value` moved `share` of the way towards `other`."""
    return hex_of(*(a + (b - a) * share for a, b in zip(rgb(value), rgb(other), strict=True)))


def dark(value: str | None) -> str:
    """A variant of the client's colour dark enough to read as text on white (light brand colours)."""
    colour = accent(value)
    while luminance(colour) > 0.35:
        colour = mix(colour, "#000000", 0.2)
    return colour


def tint(value: str, share: float) -> str:
    """`value` mixed with white (`share` of white)."""
    return mix(value, "#FFFFFF", share)
