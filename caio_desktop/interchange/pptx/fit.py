"""Will this text fit this box? Line counts measured from font metrics, so that no text overflows.

The deck's fonts are the template's (any theme font, on any machine), so a measure has to hold for the
widest common sans serif rather than for one font: widths are Helvetica's (Arial's) metrics times
`WIDTH_SAFETY` (`BOLD_SAFETY` in bold), which covers DejaVu Sans, what LibreOffice substitutes for a
missing Calibri (about 1.14× Helvetica, 1.2× Helvetica Bold in bold). Lines are `LINE_HEIGHT` × the font size, as PowerPoint sets single
spacing. The rule everywhere: a text box holds at most `max_lines(box height, font size)` lines of its
width; a text that needs more is set smaller (down to a floor) and then split over further slides.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

WIDTH_SAFETY = 1.15
BOLD_SAFETY = 1.2
LINE_HEIGHT = 1.2
EMU_PER_PT = 12700
INSET_X_PT = 7.2 * 2  # a text frame's default left + right insets (0.1 in each)
INSET_Y_PT = 3.6 * 2  # top + bottom (0.05 in each)


@lru_cache(maxsize=8192)
def _char_width(char: str, bold: bool) -> float:
    """Width of one character at 1 pt, in points."""
    if unicodedata.east_asian_width(char) in "WF" or ord(char) > 0xFFFF:
        return 1.0  # ideographs and emoji are a full em whatever the font
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return 0.65  # a letter Helvetica's metrics lack (Greek, Cyrillic…): about an average capital
    return stringWidth(char, "Helvetica-Bold" if bold else "Helvetica", 1.0)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of `text` set at `size` pt, in points, with the safety margin."""
    return sum(_char_width(c, bold) for c in text) * size * (BOLD_SAFETY if bold else WIDTH_SAFETY)


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """`text` broken into the lines a word-wrapping box `width` pt wide shows (greedy, as office suites
    do); a word longer than the line is broken by characters, an explicit newline starts a line."""
    return list(_wrap(text, width, size, bold))


@lru_cache(maxsize=65536)  # registers repeat their owners, statuses and levels row after row
def _wrap(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    lines: list[str] = []
    space = text_width(" ", size, bold=bold)
    for paragraph in text.split("\n"):
        current, used = "", 0.0
        for word in paragraph.split():
            w = text_width(word, size, bold=bold)
            if current and used + space + w <= width:
                current, used = f"{current} {word}", used + space + w
                continue
            if current:
                lines.append(current)
            while w > width and len(word) > 1:  # a URL or a code with no space: break it
                cut = max(1, int(len(word) * width / w))
                while cut > 1 and text_width(word[:cut], size, bold=bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                w = text_width(word, size, bold=bold)
            current, used = word, w
        lines.append(current)
    return tuple(lines)


def line_count(text: str, width: float, size: float, *, bold: bool = False) -> int:
    return len(_wrap(text, width, size, bold))


def max_lines(height: float, size: float, *, line_height: float = LINE_HEIGHT) -> int:
    """How many lines of `size` pt a box `height` pt high holds (insets taken off)."""
    return max(0, int((height - INSET_Y_PT) / (size * line_height) + 1e-6))


def clip(text: str, width: float, size: float, lines: int, *, bold: bool = False) -> str:
    """`text` cut to at most `lines` lines of `width` with an ellipsis (a table cell has bounded room;
    the whole text goes to the speaker notes)."""
    wrapped = wrap(text, width, size, bold=bold)
    if len(wrapped) <= lines:
        return text
    kept = wrapped[:lines]
    last = kept[-1]
    while last and text_width(last + " …", size, bold=bold) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + " …"
    return "\n".join(kept) if "\n" in text else " ".join(kept)


def fitting_size(text: str, width: float, height: float, sizes: tuple[float, ...], *,
                 bold: bool = False) -> float | None:
    """The first (largest) of `sizes` at which `text` fits the box, or None."""
    for size in sizes:
        if line_count(text, width, size, bold=bold) <= max_lines(height, size):
            return size
    return None


def pt(emu: int | float) -> float:
    """EMU → points."""
    return float(emu) / EMU_PER_PT
