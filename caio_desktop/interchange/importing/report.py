"""The rejected-rows report: the rows an import refused, with their original columns and an
"Erreur / Error" column, so the user fixes them in the same layout and imports the file again."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from caio_desktop.interchange.atomic_file import atomic_output
from caio_desktop.interchange.importing.plan import PlannedRow

ERROR_HEADER = "Erreur / Error"
LINE_HEADER = "Ligne / Row"


def write_report(path: Path | str, headers: Sequence[str], rows: Sequence[PlannedRow], *,
                 sheet: str = "Rejected", lang: str = "en") -> Path:
    """Write the rejected rows to `path` (.xlsx): whole or not at all (temporary file, then rename).

    Text the client wrote that a spreadsheet could take for a formula ("=…", "+33 6…") is stored as
    text with the quote-prefix style, unchanged, so the fixed file imports back the same values.
    The reasons are in `lang` (the engagement's language).
    """
    # Imported here, not at the top: the excel_export package imports openpyxl (and openpyxl numpy when
    # it is installed), ≈ 0.1–0.2 s that `caio import` pays only when it writes a report.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    from caio_desktop.interchange.excel_export.safe_text import is_formula_like, stored_text

    path = Path(path)
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31] or "Rejected")
    worksheet.freeze_panes = "A2"

    def text_cell(value: object) -> object:
        if not isinstance(value, str):
            return value
        cell = WriteOnlyCell(worksheet, value=stored_text(value))
        cell.data_type = "s"  # openpyxl would otherwise write "=…" as a formula
        if is_formula_like(value):
            cell.quotePrefix = True
        return cell

    header_cells = []
    for text in [*headers, ERROR_HEADER, LINE_HEADER]:
        cell = WriteOnlyCell(worksheet, value=stored_text(text))
        cell.font = Font(bold=True)
        if text == ERROR_HEADER:
            cell.fill = PatternFill("solid", fgColor="F4CCCC")
        header_cells.append(cell)
    worksheet.append(header_cells)
    width = len(headers)
    for row in rows:
        cells = list(row.cells[:width]) + [None] * (width - len(row.cells))
        problem = row.error.text(lang) if row.error else ""
        worksheet.append([*(text_cell(c) for c in cells), text_cell(problem), row.line])
    with atomic_output(path) as tmp:
        workbook.save(tmp)
    return path


def problems_text(rows: Sequence[PlannedRow], *, limit: int = 20, lang: str = "en") -> list[str]:
    """One line per rejected row (the first `limit`), for a terminal or a dialog, in `lang`."""
    from caio_desktop.interchange.importing.messages import more

    lines = [row.error.text(lang) for row in rows[:limit] if row.error]
    if len(rows) > limit:
        lines.append(more(len(rows) - limit, lang))
    return lines
