"""The text blocks of a section in Word: numbered headings, paragraphs, bullets, key figures, groups.

Headings use the template's Heading 1–3 so that Word's navigation pane and the contents field find
them; their numbers ("2", "2.1") are written in the text, as the PDF prints them, unless the template's
heading style numbers itself (Word list numbering in the style): then the number is the template's. A Note (the figures behind a
part) is not printed: it exists for a deck's speaker notes, and a Word comment would print with Word's
default "Print Markup" setting, in a document sent to a client.
"""

from __future__ import annotations

from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Bullets,
    Figure,
    FigureGrid,
    Group,
    Heading,
    KeyFigures,
    Note,
    Paragraph,
    Section,
    Table,
)
from caio_desktop.interchange.docx import wml
from caio_desktop.interchange.docx.writer import Writer

_PARAGRAPH_ROLES = {"body": "normal", "lead": "lead", "small": "small", "subtitle": "subtitle"}


def section(writer: Writer, part: Section, *, first: bool) -> None:
    """A top-level section: its Heading 1 ("3  Risk register"), on a new page when it asks for one
    (the first always: the contents page precedes it), then its blocks."""
    writer.section_number += 1
    writer.sub_number = 0
    style = writer.styles["heading1"]
    text = part.title if style in writer.numbered_styles else f"{writer.section_number}  {part.title}"
    writer.add(wml.paragraph(style, wml.text_runs(text), page_break=part.new_page or first))
    blocks(writer, part.blocks)


def blocks(writer: Writer, items: list[Block]) -> None:
    for item in items:
        block(writer, item)
        writer.steps.step(0)  # a long section honours a cancel between its blocks


def block(writer: Writer, item: Block) -> None:
    """Write one block (dispatch by kind)."""
    from caio_desktop.interchange.docx import figures, tables

    if isinstance(item, Heading):
        heading(writer, item)
    elif isinstance(item, Paragraph):
        paragraph(writer, item)
    elif isinstance(item, Bullets):
        bullets(writer, item)
    elif isinstance(item, KeyFigures):
        key_figures(writer, item)
    elif isinstance(item, Table):
        tables.table(writer, item)
    elif isinstance(item, Figure):
        figures.figure(writer, item)
    elif isinstance(item, FigureGrid):
        figures.grid(writer, item)
    elif isinstance(item, Group):
        group(writer, item)
    elif isinstance(item, Note):
        return  # see the module docstring
    else:  # a block kind added to the content model and not yet drawn here: say so, print its text
        writer.warnings.append(f"Word: no layout for a {type(item).__name__} block; its text is printed as is")
        writer.add(wml.paragraph(writer.styles["normal"], wml.text_runs(str(item))))


def heading(writer: Writer, item: Heading) -> None:
    """Level 2: numbered under its section ("2.1  Heat maps"), Heading 2; level 3 and below (the
    title of a group, such as a recommendation): Heading 3, not numbered."""
    if item.level <= 2:
        writer.sub_number += 1
        style = writer.styles["heading2"]
        text = item.text if style in writer.numbered_styles else f"{writer.section_number}.{writer.sub_number}  {item.text}"
        writer.add(wml.paragraph(style, wml.text_runs(text)))
    else:
        writer.add(wml.paragraph(writer.styles["heading3"], wml.text_runs(item.text)))


def paragraph(writer: Writer, item: Paragraph) -> None:
    if not wml.clean(item.text).strip():
        return
    # The consultant's words have one style whatever their place (a lead, body text), so that a firm
    # restyles them at once; generated text keeps the style of its place.
    role = "narrative" if item.narrative and item.style in ("body", "lead") else _PARAGRAPH_ROLES.get(item.style,
                                                                                                     "normal")
    writer.add(wml.paragraph(writer.styles[role], wml.text_runs(item.text)))


def bullets(writer: Writer, item: Bullets) -> None:
    """One List Bullet paragraph an item. A List Bullet copied from our template into a client's has
    no list numbering behind it (see template._copy_style_by_id), so the bullet is then written."""
    style = writer.styles["list_bullet"]
    mark = writer.word("bullet") + "\t" if "list_bullet" in writer.styles.added else ""
    writer.add(*(wml.paragraph(style, wml.text_runs(mark + text)) for text in item.items if wml.clean(text).strip()))


def key_figures(writer: Writer, item: KeyFigures) -> None:
    """Large numbers side by side, each over its caption: a borderless table of one row."""
    if not item.items:
        return
    count = len(item.items)
    col = writer.width // count
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/></w:tcPr>'
        f'{wml.paragraph(writer.styles["key_figure"], wml.text_runs(value))}'
        f'{wml.paragraph(writer.styles["small"], wml.text_runs(caption))}</w:tc>'
        for value, caption in item.items)
    grid = "".join(f'<w:gridCol w:w="{col}"/>' for _ in range(count))
    writer.add(f'<w:tbl><w:tblPr><w:tblW w:w="{col * count}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
               '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
               f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
               f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr></w:tbl>',
               wml.paragraph(writer.styles["small"], ""))  # Word needs a paragraph between two tables


def group(writer: Writer, item: Group) -> None:
    """Blocks that stay on one page: every paragraph but the last is kept with the next."""
    body = writer.docx.element.body
    before = len(body)
    blocks(writer, item.blocks)
    added = list(body)[before - 1:len(body) - 1]  # the body ends with its section properties
    paragraphs = [e for e in added if e.tag == _P]
    for element in paragraphs[:-1]:
        element.get_or_add_pPr().keepNext_val = True


_P = f"{{{wml.W_NS}}}p"
