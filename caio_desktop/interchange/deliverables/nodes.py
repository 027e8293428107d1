"""The content model of a deliverable: what a report says, with no idea of how it is drawn.

A deliverable is built once (`build_content`) as a `Document`: sections of blocks (headings, paragraphs,
bullets, key figures, tables of rows, charts as data series). `interchange/pdf`, `interchange/docx` and
`interchange/pptx` each render that tree, the way pandoc's writers render one AST: adding a section to
the steering report is one change, seen in the three formats. Nothing here imports reportlab,
python-docx or python-pptx; colours are "#RRGGBB" strings and dates are `datetime.date`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

# --- table cells --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Badge:
    """A short label on a coloured ground (a risk level, an AI Act tier)."""

    text: str
    color: str  # "#RRGGBB"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Progress:
    """A percentage shown as a bar (PDF) or as its figure (Word, PowerPoint)."""

    percent: float
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Titled:
    """A title in bold over a secondary line in grey (a risk's title over its category)."""

    title: str
    subtitle: str = ""

    def __str__(self) -> str:
        return f"{self.title}\n{self.subtitle}" if self.subtitle else self.title


Cell = str | Badge | Progress | Titled


def cell_text(value: Cell | None) -> str:
    """The plain text of a cell, as a format without badges or bars shows it."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    """A table column: header text, share of the width, right-aligned (numbers) or not."""

    title: str
    share: float
    right: bool = False


# --- charts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RadarChart:
    """Current and target levels (1–5) on one spoke per pillar."""

    axes: tuple[tuple[str, float | None, float | None], ...]  # (label, current, target)
    legend: tuple[str, str]  # (current, target)


@dataclass(frozen=True)
class HeatMap:
    """A 5×5 likelihood × impact grid: the number of risks in each cell and the cell's level colour."""

    title: str
    counts: tuple[tuple[int, ...], ...]  # [likelihood - 1][impact - 1]
    colors: tuple[tuple[str, ...], ...]  # same indexing, the matrix level's colour
    levels: tuple[tuple[str, ...], ...]  # same indexing, the matrix level's name
    likelihood_labels: tuple[str, ...]  # 1 → 5
    impact_labels: tuple[str, ...]
    axis_x: str
    axis_y: str


@dataclass(frozen=True)
class GanttRow:
    """A bar (an initiative) or a group title (a phase, when `is_group`)."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    progress: float | None = None
    color: str = "#808080"
    is_group: bool = False
    milestones: tuple[tuple[dt.date, bool], ...] = ()  # (due date, done)


@dataclass(frozen=True)
class GanttChart:
    """The roadmap over the engagement's months, with a line for the report date."""

    rows: tuple[GanttRow, ...]
    period: tuple[dt.date, dt.date]
    today: dt.date | None
    today_text: str


@dataclass(frozen=True)
class QuadrantPoint:
    x: float
    y: float
    color: str
    text: str  # a number inside the dot, or a name beside it
    name: str = ""  # the full name (a use case's title), for formats that show it on hover or in a label


@dataclass(frozen=True)
class QuadrantChart:
    """A 1–5 × 1–5 scatter split in four named quadrants (value × feasibility, stakeholder map)."""

    points: tuple[QuadrantPoint, ...]
    axis_x: str
    axis_y: str
    corners: tuple[str, str, str, str]  # top-left, top-right, bottom-left, bottom-right
    split: float = 3.0
    label_inside: bool = True
    legend: tuple[tuple[str, str], ...] = ()  # (text, colour)
    series_key: Literal["color", "none"] = "color"  # how a native chart groups points into series


@dataclass(frozen=True)
class KpiTrend:
    """One indicator's measurements over time, with its target and baseline."""

    name: str
    unit: str
    points: tuple[tuple[dt.date, float], ...]
    target: float | None
    baseline: float | None
    target_text: str


Chart = RadarChart | HeatMap | GanttChart | QuadrantChart | KpiTrend


# --- blocks -------------------------------------------------------------------------------------------


@dataclass
class Heading:
    """A numbered sub-heading inside a section (the section's own title is level 1)."""

    text: str
    level: int = 2


@dataclass
class Paragraph:
    """Text of the workspace, of the consultant (`narrative`) or of the app."""

    text: str
    style: Literal["body", "lead", "small", "subtitle"] = "body"
    narrative: bool = False


@dataclass
class Bullets:
    items: list[str]
    narrative: bool = False


@dataclass
class KeyFigures:
    """A row of large numbers with their captions: the first thing an executive reads."""

    items: list[tuple[str, str]]  # (value, caption)


@dataclass
class Table:
    """A register: rows of cells under column headers; an empty register prints `empty_text`."""

    columns: list[Column]
    rows: list[list[Cell]]
    empty_text: str = ""
    caption: str = ""  # what the table is, for a deck's slide title or a Word caption


@dataclass
class Figure:
    """A chart with its caption."""

    chart: Chart
    caption: str


@dataclass
class FigureGrid:
    """Charts side by side (the two heat maps, KPI small multiples), `columns` a row."""

    figures: list[Figure]
    columns: int = 2
    caption: str = ""


@dataclass
class Group:
    """Blocks that stay together on a page (a recommendation: its title, description and steps)."""

    blocks: list[Block]


@dataclass
class Note:
    """The figures behind a part of the document: speaker notes of a deck, not printed in a report."""

    text: str


Block = Heading | Paragraph | Bullets | KeyFigures | Table | Figure | FigureGrid | Group | Note


@dataclass
class Section:
    """A top-level part: a title (fixed text), what it holds, and whether it starts a page."""

    key: str
    title: str
    blocks: list[Block]
    new_page: bool = True
    in_deck: bool = True  # False: a long register that a slide deck leaves to the written report


@dataclass
class Document:
    """One deliverable of one engagement, in one language, as of one date."""

    kind: str
    lang: str
    title: str
    client: str
    as_of: dt.date
    version: str
    subtitle: str  # the client and its sector
    kicker: str  # the line above the title on the cover
    consultant: str
    primary_color: str | None
    cover_meta: list[tuple[str, str]]  # (label, value) on the cover
    sections: list[Section]
    confidentiality: str  # the cover's notice
    confidential_short: str  # the running footer's word
    contents_title: str
    client_logo: bytes | None = None
    client_logo_type: str | None = None
    firm_logo: bytes | None = None
    # The build's progress reporter (DeliverableContext.step), carried to the renderer; not content.
    progress: Any = field(default=None, repr=False, compare=False)

    def blocks(self) -> list[Block]:
        """Every block of every section, groups opened, in order."""
        out: list[Block] = []

        def walk(blocks: list[Block]) -> None:
            for block in blocks:
                if isinstance(block, Group):
                    walk(block.blocks)
                else:
                    out.append(block)

        for section in self.sections:
            walk(section.blocks)
        return out
