"""One register (module) as a sheet: header row, frozen, filtered, sized, validated, rows streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter

from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.columns import CUSTOM, FIELD, Column, register_columns, text_lines
from caio_desktop.interchange.excel_export.reading import RefLabels, custom_attribute_names, iter_rows
from caio_desktop.interchange.excel_export.texts import text
from caio_desktop.interchange.excel_export.validations import ChoiceLists, add_level_colours, add_validations
from caio_desktop.interchange.workbook_layout import FIRST_DATA_ROW

LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_LINES = 8  # a long note shows its start; the row can be opened up by hand


def header_cell(ws: Any, column: Column, palette: styles.Palette, lang: str) -> Any:
    """A header cell: the engagement's colour for fields, grey (with a note) for what is not data."""
    computed = column.field is not None and column.field.computed
    if column.role == FIELD and not computed:
        style = palette.header()
    else:
        style = palette.header(styles.CUSTOM if column.role == CUSTOM else styles.MUTED, italic=True)
    cell = styles.text_cell(ws, column.header, **style)  # a client's column may be called "=total"
    note = "computed_note" if computed else "custom_note" if column.role == CUSTOM else None
    if note:
        cell.comment = Comment(text(note, lang), "CAIO Desktop", width=260, height=70)
    return cell


def lay_out(ws: Any, columns: Sequence[Column], *, palette: styles.Palette, lang: str) -> None:
    """Column widths and column styles (so cells the consultant types later look like the others),
    frozen header, then the header row. Must run before any data row is written."""
    for index, column in enumerate(columns, start=1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        kind = column.field.kind if column.field else FieldKind.TEXT
        if kind == FieldKind.DATE:
            dimension.number_format = styles.DATE_FORMATS[lang]
        elif kind == FieldKind.LONG_TEXT:
            dimension.alignment = styles.WRAP
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    ws.print_title_rows = "1:1"
    ws.row_dimensions[1].height = 32  # two lines: long labels wrap instead of being cut
    styles.fit_width(ws)
    ws.append([header_cell(ws, column, palette, lang) for column in columns])


def finish(ws: Any, columns: Sequence[Column], *, rows: int, lists: ChoiceLists, lang: str) -> None:
    """Autofilter over the data, drop-downs and risk-level colours."""
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{rows + FIRST_DATA_ROW - 1}"
    fields = [c.field if c.role == FIELD else None for c in columns]
    add_validations(ws, fields, lists=lists, lang=lang)
    add_level_colours(ws, fields, lang=lang)


def row_height(values: Sequence[Any], wrapped: Sequence[tuple[int, float]]) -> float | None:
    """The height (points) a row needs for its wrapped texts, None for one line. Spreadsheets do not all
    fit rows to wrapped text on opening (LibreOffice does not), so the height is written."""
    lines = max((text_lines(values[i], width) for i, width in wrapped), default=1)
    return min(lines, MAX_LINES) * LINE_HEIGHT if lines > 1 else None


def stream_cells(ws: Any) -> Callable[[Sequence[Any], int], Iterator[Cell]]:
    """The converter from an appended row to cells, for `ws._values_to_row` (called by openpyxl's
    write-only sheet for every row). openpyxl's own tries `cell.value = value` on every value and
    catches the ValueError a styled Cell raises, then allocates a fresh cell: a third of a 100,000-row
    export went there. This one checks the type; values and cells are written the same way."""
    scratch = WriteOnlyCell(ws)

    def values_to_row(values: Sequence[Any], row_index: int) -> Iterator[Cell]:
        nonlocal scratch
        for column_index, value in enumerate(values, start=1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                if scratch.has_style:  # a date gave it a number format: the next value starts plain
                    scratch = WriteOnlyCell(ws)
                cell = scratch
                cell.value = value
            cell.column, cell.row = column_index, row_index
            yield cell

    return values_to_row


def write_register(
    workbook: Any,
    mod: Module,
    *,
    title: str,
    workspace: Any,
    lang: str,
    palette: styles.Palette,
    refs: RefLabels,
    lists: ChoiceLists,
    advance: Callable[[int], None],
) -> int:
    """Add `mod`'s sheet to `workbook` and return how many rows it holds; `advance(n)` after each page."""
    ws = workbook.create_sheet(title)
    columns = register_columns(ws, mod, lang=lang, refs=refs,
                               custom_names=custom_attribute_names(workspace, mod.key))
    lay_out(ws, columns, palette=palette, lang=lang)
    ws._values_to_row = stream_cells(ws)  # the data rows only: the header went through openpyxl's own
    wrapped = [(i, c.width) for i, c in enumerate(columns) if c.wraps]
    rows = 0
    for page in iter_rows(workspace, mod.key):
        for number, row in enumerate(page, start=rows + FIRST_DATA_ROW):
            values = [column.value(row) for column in columns]
            height = row_height(values, wrapped)
            if height:
                # What openpyxl's row writer reads for this row (its attributes), set as a plain dict:
                # a RowDimension object per row costs more than the rest of the row.
                dict.__setitem__(ws.row_dimensions, number, {"ht": f"{height:g}", "customHeight": "1"})
            ws.append([column.cell(ws, value) for column, value in zip(columns, values, strict=True)])
            if height:
                dict.__delitem__(ws.row_dimensions, number)  # written: 100,000 rows must not pile up
        rows += len(page)
        advance(len(page))
        del page  # see iter_rows: keeps memory at one page
    finish(ws, columns, rows=rows, lists=lists, lang=lang)
    return rows
