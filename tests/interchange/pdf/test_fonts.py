"""Workspace text entering a page: escaped for reportlab markup, drawable by the embedded font."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from caio_desktop.interchange.pdf.fonts import FALLBACK, markup, printable
from caio_desktop.interchange.pdf.styles import Palette, build_styles


def test_markup_is_escaped_and_line_breaks_kept() -> None:
    assert markup('<b>R&D</b> <font color="red">x</font>') == '&lt;b&gt;R&amp;D&lt;/b&gt; &lt;font color="red"&gt;x&lt;/font&gt;'
    assert markup("ligne 1\nligne 2\r\nligne 3") == "ligne 1<br/>ligne 2<br/>ligne 3"
    assert markup(None) == ""


def test_french_text_and_symbols_are_kept() -> None:
    text = "Écart « maîtrisé » — 1 200 € œuvre naïve ÇÀÉÈ’…"
    assert printable(text) == text


def test_emoji_and_unknown_scripts_become_a_visible_fallback() -> None:
    assert printable("Lancement 🚀 réussi 👍🏽") == f"Lancement {FALLBACK} réussi {FALLBACK}"
    assert printable("❤️") == FALLBACK  # the variation selector goes with the emoji
    assert printable("漢字") == FALLBACK * 2


def test_hostile_text_builds_a_paragraph() -> None:
    styles = build_styles(Palette.from_hex(None))
    paragraph = Paragraph(markup("<para><b>unclosed & <i> 🚀 </font>"), styles.body)
    assert paragraph.wrap(200, 100)[1] > 0


def test_palette_keeps_light_brand_colours_readable() -> None:
    yellow = Palette.from_hex("#FFE600")
    r, g, b = yellow.dark.rgb()
    assert 0.2126 * r + 0.7152 * g + 0.0722 * b <= 0.35
    assert Palette.from_hex("not a colour").accent.hexval() == "0x1f4e79"
