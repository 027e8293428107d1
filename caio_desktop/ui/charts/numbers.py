"""Numbers and axes for the charts: values written the way a French or English reader expects
("72,5 %" / "72.5%", "12 500 €" / "12,500 €") and round tick steps for a value axis."""

from __future__ import annotations

import math

_NARROW_NBSP = "\u202f"  # French thousands separator and space before %


def format_number(value: float, lang: str, *, decimals: int | None = None) -> str:
    """`value` with at most `decimals` decimals (2 by default, trailing zeros dropped), in `lang`."""
    places = 2 if decimals is None else decimals
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "fr":
        text = text.replace(",", _NARROW_NBSP).replace(".", ",")
    return text


def with_unit(value: float, unit: str | None, lang: str, *, decimals: int | None = None) -> str:
    """The number followed by its unit ("72 %" in French, "72%" in English, "3,5 j" / "3.5 d")."""
    number = format_number(value, lang, decimals=decimals)
    if not unit:
        return number
    if unit == "%":
        return f"{number}{_NARROW_NBSP}%" if lang == "fr" else f"{number}%"
    return f"{number} {unit}"


def nice_ticks(low: float, high: float, *, count: int = 5) -> list[float]:
    """About `count` round tick values (steps of 1, 2, 2.5 or 5 × 10^n) covering low..high."""
    if high < low:
        low, high = high, low
    if math.isclose(low, high):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks
