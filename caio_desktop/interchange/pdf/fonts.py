"""The embedded typeface of the deliverables and the one door through which workspace text enters a page.

Source Sans Pro (Adobe, SIL Open Font License 1.1, shipped unmodified in ``resources/fonts`` with its
licence) covers French and other Latin accents, €, « » and typographic dashes. TrueType fonts are always
embedded (subset) by reportlab, so a PDF looks the same on the client's machine.

Client text is untrusted for reportlab's mini-markup: a risk titled ``<b>R&D</b>`` must print as typed,
so every workspace string goes through `markup()` (escape, keep line breaks, draw emoji from Noto Emoji —
monochrome, SIL OFL 1.1, shipped beside it — and replace what neither font has, rare scripts, by a visible
"?" instead of an empty box). Text drawn outside a Paragraph (`fit`: headers, chart labels) cannot switch
fonts and keeps the "?".
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "CaioSans"
BOLD = "CaioSans-Semibold"
ITALIC = "CaioSans-Italic"
EMOJI = "CaioEmoji"
EMOJI_FILE = "NotoEmoji-Regular.ttf"
_FILES = {REGULAR: "SourceSansPro-Regular.ttf", BOLD: "SourceSansPro-Semibold.ttf",
          ITALIC: "SourceSansPro-It.ttf"}
FALLBACK = "?"
# Joiners and variation selectors only shape emoji sequences; without the emoji they mean nothing.
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}


@cache
def register_fonts() -> None:
    """Register the family once per process (reportlab keeps a global font registry)."""
    folder = resources.files("caio_desktop.resources") / "fonts"
    for name, file_name in _FILES.items():
        with resources.as_file(folder / file_name) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    with resources.as_file(folder / EMOJI_FILE) as path:
        pdfmetrics.registerFont(TTFont(EMOJI, str(path)))
    # one face for every style: an emoji in a bold heading keeps its glyph (reportlab asks the bold one)
    pdfmetrics.registerFontFamily(EMOJI, normal=EMOJI, bold=EMOJI, italic=EMOJI, boldItalic=EMOJI)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)


@cache
def _covered() -> frozenset[int]:
    register_fonts()
    # Only what every style covers is safe (a bold word must not lose a letter the regular one has).
    faces = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in _FILES]
    return frozenset(set.intersection(*faces))


def printable(value: object) -> str:
    """`value` as text the font can draw: unsupported characters become "?", never a crash or a box."""
    if value is None:
        return ""
    text = str(value)
    covered = _covered_chars()
    if covered.issuperset(text):  # the usual case, checked at C speed
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in covered:
            out.append(ch)
        elif code in _INVISIBLE or 0x1F3FB <= code <= 0x1F3FF:  # skin-tone modifiers too
            continue
        else:
            out.append(FALLBACK)
    return "".join(out)


@cache
def _covered_chars() -> frozenset[str]:
    return frozenset(chr(code) for code in _covered()) | {"\n", "\r", "\t"}


def fit(value: object, width: float, *, font: str = REGULAR, size: float = 7) -> str:
    """`value` on one line, shortened with an ellipsis to fit `width` points (headers, chart labels)."""
    text = " ".join(printable(value).split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def shorten(value: object, limit: int) -> str:
    """`value` cut to `limit` characters with an ellipsis (cover fields have a fixed frame)."""
    text = " ".join(str(value or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@cache
def _emoji_chars() -> frozenset[str]:
    register_fonts()
    return frozenset(chr(code) for code in pdfmetrics.getFont(EMOJI).face.charToGlyph) - _covered_chars()


def markup(value: object) -> str:
    """Workspace text made safe for a Paragraph: printable, escaped, line breaks kept; emoji in the
    emoji font (a run of them in one <font> tag)."""
    text = "" if value is None else str(value)
    if _covered_chars().issuperset(text):  # the usual case: no emoji, checked at C speed
        escaped = escape(text.replace("\t", " "))
    else:
        emoji = _emoji_chars()
        escaped = "".join(
            f'<font name="{EMOJI}">{escape(run)}</font>' if is_emoji else escape(printable(run).replace("\t", " "))
            for is_emoji, run in ((key, "".join(chars)) for key, chars in groupby(text, emoji.__contains__)))
    return "<br/>".join(escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
