"""WordprocessingML written as text: paragraphs, runs, fields and shading as XML strings, parsed once.

A register of 1,000 risks is 9,000 cells; python-docx's object API builds each cell, paragraph and run
as its own element with look-ups of the grid and the style on the way, which costs several times the
text itself. Writing the markup as a string and letting lxml's C parser build the tree in one call is
as fast as the library can go, and the output is the same markup python-docx would write. Every piece
of workspace text passes through `text_runs`, which escapes it and drops the characters XML cannot
hold (controls), so a client's text can never break the document.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# XML 1.0 holds neither C0 controls (but tab, newline) nor lone surrogates nor U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def clean(text: object) -> str:
    """`text` as XML can hold it: controls dropped, CR LF and CR as one line break."""
    value = "" if text is None else str(text)
    return _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def hex_color(value: str | None, default: str = "1F4E79") -> str:
    """"#RRGGBB" (or RRGGBB) as Word writes it, RRGGBB upper case; `default` when not a colour."""
    match = _HEX.match((value or "").strip())
    return (match.group(1) if match else default).upper()


def luminance(color: str) -> float:
    """Relative lightness of an RRGGBB colour, 0 (black) to 1 (white)."""
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink_on(fill: str) -> str:
    """The text colour readable on `fill`: white on dark and saturated colours, near-black on light ones."""
    return "FFFFFF" if luminance(fill) < 0.6 else "1E2328"


def rpr(*, bold: bool = False, italic: bool = False, color: str | None = None, size: float | None = None) -> str:
    """A run's direct formatting, in schema order; empty when there is none."""
    parts = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if color:
        parts += f'<w:color w:val="{color}"/>'
    if size:
        parts += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
    return f"<w:rPr>{parts}</w:rPr>" if parts else ""


def text_runs(text: object, run_props: str = "") -> str:
    """Runs for `text`: line breaks as w:br and tabs as w:tab, each piece escaped."""
    value = clean(text)
    if not value:
        return ""
    out = []
    for index, line in enumerate(value.split("\n")):
        pieces = []
        if index:
            pieces.append("<w:br/>")
        for n, chunk in enumerate(line.split("\t")):
            if n:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
        out.append(f"<w:r>{run_props}{''.join(pieces)}</w:r>")
    return "".join(out)


def ppr(style: str | None, *, align: str | None = None, keep_next: bool = False, page_break: bool = False,
        extra: str = "", spacing: str = "") -> str:
    """A paragraph's properties in schema order (style, keep, page break, …, spacing, alignment)."""
    parts = f"<w:pStyle w:val={quoteattr(style)}/>" if style else ""
    if keep_next:
        parts += "<w:keepNext/>"
    if page_break:
        parts += "<w:pageBreakBefore/>"
    parts += extra + spacing
    if align:
        parts += f'<w:jc w:val="{align}"/>'
    return f"<w:pPr>{parts}</w:pPr>" if parts else ""


def paragraph(style: str | None, content: str, **options: Any) -> str:
    """A w:p with `content` (runs, fields) under its properties."""
    return f"<w:p>{ppr(style, **options)}{content}</w:p>"


def field(instruction: str, result: str, run_props: str = "", *, dirty: bool = False) -> str:
    """A complex field (begin, instruction, separate, result, end): what Word and LibreOffice both
    update; `result` is shown until they do. `dirty` asks Word to update it when the file opens."""
    flag = ' w:dirty="true"' if dirty else ""
    return (f'<w:r>{run_props}<w:fldChar w:fldCharType="begin"{flag}/></w:r>'
            f'<w:r>{run_props}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            f'<w:r>{run_props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"{text_runs(result, run_props)}"
            f'<w:r>{run_props}<w:fldChar w:fldCharType="end"/></w:r>')


def shading(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


_FIRST_TAG = re.compile(r"^<[\w:]+")


def element(xml: str) -> Any:
    """The one element `xml` holds, parsed as a root that declares its own namespaces.

    Why not a wrapper element declaring them: moving a child out of its parsed tree makes lxml redeclare
    the namespaces it used from its old ancestors node by node (1.6 s for a 1,000-row table), where a
    root that declares them moves in a few milliseconds."""
    tag = _FIRST_TAG.match(xml)
    if tag is None:
        raise ValueError(f"not an element: {xml[:40]!r}")
    return parse_xml(f'{xml[:tag.end()]} xmlns:w="{W_NS}"{xml[tag.end():]}')
