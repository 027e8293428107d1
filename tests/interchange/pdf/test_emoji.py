"""An emoji typed in the engagement ("Lancement 🚀") prints in the PDF from the shipped emoji font, in
regular and bold text alike, instead of a "?" or an empty box."""

from __future__ import annotations

import io

import pypdfium2
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from caio_desktop.interchange.pdf.fonts import EMOJI, FALLBACK, markup
from caio_desktop.interchange.pdf.styles import Palette, build_styles


def test_emoji_runs_are_set_in_the_emoji_font() -> None:
    assert markup("Lancement 🚀🎉 réussi") == f'Lancement <font name="{EMOJI}">🚀🎉</font> réussi'
    assert markup("A & 👍") == f'A &amp; <font name="{EMOJI}">👍</font>'
    assert markup("漢字") == FALLBACK * 2  # a script neither font has still reads as "?"


def _pdf(*paragraphs: str) -> bytes:
    styles = build_styles(Palette.from_hex(None))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(p, styles.body) for p in paragraphs])
    return out.getvalue()


def _ink(data: bytes) -> bytes:
    """The top left of the first page, rendered: where the first paragraph's first glyph sits."""
    page = pypdfium2.PdfDocument(data)[0]
    image = page.render(scale=3).to_pil().convert("L")
    return image.crop((200, 200, 330, 280)).tobytes()


def test_an_emoji_prints_in_the_pdf_text() -> None:
    data = _pdf(markup("Lancement 🚀 du pilote"), f"<b>{markup('Décision ✅ validée')}</b>")
    text = pypdfium2.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "Lancement " in text and " du pilote" in text
    assert "Décision ✅ validée" in text  # (reportlab's text layer maps emoji beyond U+FFFF imprecisely)
    assert b"NotoEmoji" in data  # the glyphs come from the embedded emoji font


def test_the_emoji_glyph_is_drawn_not_a_box_nor_a_question_mark() -> None:
    emoji = _ink(_pdf(markup("🚀")))
    assert min(emoji) < 128  # something is drawn
    assert emoji != _ink(_pdf(FALLBACK))
    assert emoji != _ink(_pdf('<font name="CaioSans">🚀</font>'))  # the text font's empty box
