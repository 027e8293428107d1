"""Colours, fonts and number formats of the exported workbook, derived from the engagement's branding.

Cells are styled by copying a prototype cell's style (`styled`), which costs a few attribute copies per
cell instead of a style-table lookup per attribute: this keeps 100,000-row exports close to the speed
of unstyled openpyxl.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from caio_desktop.interchange.excel_export.safe_text import is_formula_like, stored_text

DEFAULT_ACCENT = "1F4E79"  # a sober navy when the engagement has no brand colour
MUTED = "7F7F7F"  # headers of computed columns and of the row id
CUSTOM = "4D4D4D"  # headers of the client's own (custom) columns
LINK = "0563C1"
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")

DATE_FORMATS = {"fr": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
PERCENT_FORMAT = '0" %"'  # the value stays the whole number 0..100 that the workspace holds
NUMBER_FORMAT = "0.0#"
TEXT_FORMAT = "@"

WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
LEFT = Alignment(horizontal="left", vertical="top")  # dates read with the text beside them
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def hex_colour(value: str | None, default: str = DEFAULT_ACCENT) -> str:
    """``#12ab34`` → ``12AB34`` (openpyxl's form); `default` when absent or malformed."""
    match = _HEX.match(value or "")
    return match.group(1).upper() if match else default


def ink_on(colour: str) -> str:
    """White or black text, whichever reads better on a fill of `colour` (WCAG relative luminance)."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i:i + 2]) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "FFFFFF" if luminance < 0.42 else "000000"


def font(**options: Any) -> Font:
    """A font of the workbook's family: openpyxl's bare Font() has no name, which some spreadsheets
    render in a serif fallback."""
    return Font(**{"name": "Calibri", "size": 11, **options})


def fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


@dataclass(frozen=True)
class Palette:
    """The accent colour of an engagement and the styles made from it."""

    accent: str

    @classmethod
    def of(cls, engagement: dict[str, Any] | None) -> Palette:
        return cls(hex_colour((engagement or {}).get("primary_color")))

    def header(self, colour: str | None = None, *, italic: bool = False) -> dict[str, Any]:
        colour = colour or self.accent
        return {"font": font(bold=True, italic=italic, color=ink_on(colour)), "fill": fill(colour),
                "alignment": CENTER, "border": BOX}


def styled(ws: Any, value: Any, proto: WriteOnlyCell, *, as_text: bool = False) -> WriteOnlyCell:
    """A new cell holding `value` with the style of `proto`; `as_text` forces a string cell (a text
    that looks like a formula must never become one)."""
    cell = WriteOnlyCell(ws, value)
    cell._style = copy.copy(proto._style)  # openpyxl's own Cell.copy does the same
    if as_text:
        cell.data_type = "s"
    return cell


def fit_width(ws: Any, *, landscape: bool = True) -> None:
    """Print the sheet one page wide (as many pages tall as needed)."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write(ws: Any, value: Any = None, **style: Any) -> WriteOnlyCell:
    """A cell with `style` (font, fill, alignment, border, number_format, quotePrefix): a one-off cell
    of a cover or summary, or the prototype that `styled` copies."""
    cell = WriteOnlyCell(ws, value)
    for name, item in style.items():
        setattr(cell, name, item)
    return cell


def text_cell(ws: Any, value: str | None, **style: Any) -> WriteOnlyCell | None:
    """A cell of text someone typed (a client name, a column header): a string, never a formula."""
    if value is None:
        return None
    if is_formula_like(value):
        style = {**style, "quotePrefix": True}
    cell = write(ws, stored_text(value), **style)
    cell.data_type = "s"
    return cell
