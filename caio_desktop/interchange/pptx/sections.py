"""How a section of the content model becomes slides.

A section's blocks are read in order (groups opened): consecutive headings, paragraphs, bullets and key
figures make one run of text (`texts.text_slides`: key figures over the key messages); a table, a chart
or a grid of charts each get their own slides, titled with their caption, else the heading just before
them, else the section's title. A `Note` goes to the speaker notes of the slide before it (or the next
one when it opens the section).

A deck is shorter than its report: a section whose `in_deck` is False (a long register such as the
interview notes) is left to the report, and `DeckRule` says, per deliverable, how many slides a register
may take before it is cut with "… and N more rows in the report".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from pptx.util import Inches

from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Bullets,
    Figure,
    FigureGrid,
    GanttChart,
    Group,
    Heading,
    HeatMap,
    KeyFigures,
    KpiTrend,
    Note,
    Paragraph,
    QuadrantChart,
    RadarChart,
    Section,
    Table,
)
from caio_desktop.interchange.pptx import charts
from caio_desktop.interchange.pptx.deck import Box, Deck
from caio_desktop.interchange.pptx.heatmap import heat_map
from caio_desktop.interchange.pptx.stack import Part, stack_slides, stack_text, table_part, text_part
from caio_desktop.interchange.pptx.tables import table_slides
from caio_desktop.interchange.pptx.texts import Item, text_slides
from caio_desktop.interchange.pptx.words import continued

GRID_ROWS = 2
INTRO_SHARE = 0.15


@dataclass(frozen=True)
class DeckRule:
    """What a deliverable's deck leaves out of its report."""

    max_table_slides: int | None = None  # a register longer than this is cut, the rest left to the report
    sections: tuple[str, ...] = ()  # the sections the cut applies to (none named: every section)

    def table_slides(self, section: Section) -> int | None:
        return self.max_table_slides if not self.sections or section.key in self.sections else None


RULES: dict[str, DeckRule] = {
    # what moved since the last committee is one slide a kind (new risks, systems found), the rest in
    # the report: a month of imports must not push the deck past the 10-20 slides a committee sits through
    "steering": DeckRule(max_table_slides=1, sections=("since_last_committee",)),
    # the restitution is a conversation about findings: a long register shows its first slide
    "diagnosis": DeckRule(max_table_slides=1),
}


def _flat(blocks: Sequence[Block], group: int | None = None) -> Iterator[tuple[Block, int | None]]:
    """The blocks with groups opened, each with the number of the top-level group it belongs to."""
    for index, block in enumerate(blocks):
        if isinstance(block, Group):
            yield from _flat(block.blocks, index if group is None else group)
        else:
            yield block, group


def _is_text(block: Block) -> bool:
    return isinstance(block, (Heading, Paragraph, Bullets, KeyFigures)) or (
        isinstance(block, Table) and not block.rows)


class SectionWriter:
    """Writes one section's slides into the deck."""

    def __init__(self, deck: Deck, section: Section) -> None:
        self.deck = deck
        self.section = section
        self.rule = RULES.get(deck.document.kind, DeckRule())
        self.slides: list = []
        self.pending_notes: list[str] = []
        self.items: list[Item] = []
        self.figures: list[tuple[str, str]] = []
        self.stack: list[Part] = []
        self.heading: str | None = None  # the heading just before a table or a chart: its title
        self.text_title: str | None = None  # the heading that opens a run of text
        self.group: int | None = None
        self.keep_next: int | None = None
        self.counter = 0

    def write(self) -> list:
        flat = list(_flat(self.section.blocks))
        blocks = [block for block, _ in flat]
        for index, (block, group) in enumerate(flat):
            self.group = group
            if isinstance(block, Note):
                self._note(block.text)
            elif isinstance(block, Heading):
                following = next((b for b in blocks[index + 1:] if not isinstance(b, Note)), None)
                if following is None or not _is_text(following):
                    self.heading = block.text  # the title of the table or chart that follows
                elif self.items or self.figures:
                    self._push(Item(block.text, "heading"))
                else:
                    self.text_title = block.text
            elif isinstance(block, Table) and block.rows:
                self._table(block)
            elif _is_text(block):
                self._text(block)
            else:
                title = self._title(getattr(block, "caption", ""))
                intro = self._intro()
                self._flush()
                self._visual(block, title, intro)
                self.heading = None
        self._flush()
        if not self.slides:  # a section with nothing to show still has its slide, as the agenda lists it
            self._add(text_slides(self.deck, self.section.title, [], notes=self.pending_notes))
            self.pending_notes = []
        if self.pending_notes:
            self.deck.notes(self.slides[-1], self.pending_notes)
        return self.slides

    # --- text ----------------------------------------------------------------------------------------
    def _text(self, block: Block) -> None:
        if isinstance(block, KeyFigures):
            if self.figures:  # a second row of figures starts a slide; text before them stays with them
                self._flush()
            self.figures = list(block.items)
        elif isinstance(block, Bullets):
            for text in block.items:
                if text.strip():
                    self._push(Item(text, "bullet"))
        elif isinstance(block, Paragraph):
            if block.text.strip():
                self._push(Item(block.text, "heading" if block.style == "subtitle" else "para",
                                small=block.style == "small"))
        elif isinstance(block, Table) and block.empty_text:  # an empty register says so
            caption = block.caption or self.heading
            if caption and caption != self.section.title:
                self._push(Item(caption, "heading"))
            self._push(Item(block.empty_text))
            self.heading = None

    def _push(self, item: Item) -> None:
        """Add a paragraph to the run of text, numbered to stay with its group, or with the paragraph
        after it when it is a heading."""
        keep = self.group if self.group is not None else self.keep_next
        if item.kind == "heading" and keep is None:
            self.counter -= 1  # numbers of their own, below the groups' indexes
            keep = self.counter
        self.keep_next = keep if item.kind == "heading" else None
        self.items.append(replace(item, keep=keep))

    def _flush_text(self) -> None:
        if not self.items and not self.figures:
            return
        title = self.text_title or self.section.title
        notes = [*self.pending_notes, *(f"{value} — {caption}" for value, caption in self.figures)]
        self.pending_notes = []
        self._add(text_slides(self.deck, title, self.items, self.figures, notes=notes))
        self.items, self.figures, self.text_title = [], [], None

    def _text_to_stack(self) -> bool:
        """Pending short text (no key figures) joins the stack; False when it is too long for that."""
        if not self.items:
            return True
        if self.figures:
            return False
        part = text_part(self.deck, self.items)
        if part is None:
            return False
        self.stack.append(part)
        self.items = []
        return True

    def _flush_stack(self) -> None:
        if not self.stack:
            return
        notes, self.pending_notes = self.pending_notes, []
        self._add(stack_slides(self.deck, self.section.title, self.stack, notes=notes))
        self.stack = []

    def _flush(self) -> None:
        """Write what is pending, in order: the stack (with the short text after it), then the text."""
        if self.stack and not self._text_to_stack():
            self._flush_stack()
        self._flush_stack()
        self._flush_text()

    # --- tables and charts ---------------------------------------------------------------------------
    def _title(self, caption: str) -> str:
        return caption or self.heading or self.section.title

    def _table(self, table: Table) -> None:
        title = self._title(table.caption)
        part = table_part(self.deck, table, table.caption or self.heading or "")
        if part is None:  # a register of more than a slide: slides of its own
            self._flush()
            notes, self.pending_notes = self.pending_notes, []
            self._add(table_slides(self.deck, table, title, max_slides=self.rule.table_slides(self.section), notes=notes))
        else:
            if not self._text_to_stack():
                self._flush()
            self.stack.append(part)
        self.heading = None

    def _intro(self) -> list[Item]:
        """Pending text of a line or two just before a chart: it goes above the chart, not on a slide of
        its own (the assessment's date over the maturity radar)."""
        if self.figures or self.stack or not self.items:
            return []
        part = text_part(self.deck, self.items)
        if part is None or part.height > INTRO_SHARE * self.deck.content.height:
            return []
        items, self.items = self.items, []
        return items

    def _visual(self, block: Block, title: str, intro: Sequence[Item] = ()) -> None:
        notes, self.pending_notes = self.pending_notes, []
        deck = self.deck
        if isinstance(block, Figure):
            if isinstance(block.chart, GanttChart):
                self._gantt(block, title, notes)  # the Gantt wants every row's height: its intro is its own
                if intro:
                    deck.notes(self.slides[-1], [it.text for it in intro])
            else:
                slide = deck.slide(deck.layouts.title_only, title, notes=[*notes, *(it.text for it in intro)])
                area = deck.content
                if intro:
                    band, area = area.below(text_part(deck, intro).height, Inches(0.1))
                    stack_text(deck, slide, band, intro)
                deck.notes(slide, draw(deck, slide, block, area, caption=False))
                self._add([slide])
        elif isinstance(block, FigureGrid):
            self._grid(block, title, [*notes, *(it.text for it in intro)])
    def _gantt(self, figure: Figure, title: str, notes: list[str]) -> None:
        deck = self.deck
        chart = figure.chart
        assert isinstance(chart, GanttChart)
        pages = charts.gantt_pages(chart)
        for n, rows in enumerate(pages, start=1):
            slide = deck.slide(deck.layouts.title_only, continued(title, n, len(pages), deck.lang),
                               notes=notes if n == 1 else ())
            deck.notes(slide, charts.gantt(deck, slide, chart, rows, deck.content))
            self._add([slide])
            deck.steps.step(0)

    def _grid(self, grid: FigureGrid, title: str, notes: list[str]) -> None:
        deck = self.deck
        figures = grid.figures
        if not figures:
            return
        columns = max(1, min(grid.columns, 3, len(figures)))
        rows = 1 if len(figures) <= columns else GRID_ROWS
        per_slide = columns * rows
        pages = [figures[i:i + per_slide] for i in range(0, len(figures), per_slide)]
        for n, page in enumerate(pages, start=1):
            slide = deck.slide(deck.layouts.title_only, continued(title, n, len(pages), deck.lang),
                               notes=notes if n == 1 else ())
            for figure, box in zip(page, deck.content.grid(columns, rows), strict=False):
                deck.notes(slide, draw(deck, slide, figure, box, caption=True))
            self._add([slide])
            deck.steps.step(0)

    # --- bookkeeping -------------------------------------------------------------------------------
    def _note(self, text: str) -> None:
        if self.slides and not (self.items or self.figures or self.stack):
            self.deck.notes(self.slides[-1], [text])
        else:
            self.pending_notes.append(text)

    def _add(self, slides: list) -> None:
        self.slides.extend(slides)


def draw(deck: Deck, slide, figure: Figure, box: Box, *, caption: bool) -> list[str]:  # noqa: ANN001
    """`figure` drawn natively in `box` (its caption above it in a grid); the notes lines for it."""
    chart = figure.chart
    if isinstance(chart, KpiTrend):
        return charts.kpi_trend(deck, slide, chart, box, figure.caption if caption else "")
    if caption and figure.caption:
        box = charts.caption_band(deck, slide, box, figure.caption)
    notes = [figure.caption] if figure.caption else []
    if isinstance(chart, RadarChart):
        return notes + charts.radar(deck, slide, chart, box)
    if isinstance(chart, QuadrantChart):
        return notes + charts.quadrant(deck, slide, chart, box)
    if isinstance(chart, HeatMap):
        return notes + heat_map(deck, slide, chart, box)
    if isinstance(chart, GanttChart):
        return notes + charts.gantt(deck, slide, chart, chart.rows[:charts.GANTT_ROWS], box)
    raise TypeError(f"no slide for a {type(chart).__name__}")
