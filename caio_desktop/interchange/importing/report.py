"""The rejected-rows report: the rows an import refused, with their original columns and an
"Erreur / Error" column, so the user fixes them in the same layout and imports the file again."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from caio_desktop.interchange.importing.plan import PlannedRow

ERROR_HEADER = "Erreur / Error"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> object:
    """A cell value that no spreadsheet will evaluate (a client's text starting with '=' stays text)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_report(path: Path | str, headers: Sequence[str], rows: Sequence[PlannedRow], *,
                 sheet: str = "Rejected") -> Path:
    """Write the rejected rows to `path` (.xlsx), via a temporary file renamed at the end."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    path = Path(path)
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31] or "Rejected")
    worksheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in [*headers, ERROR_HEADER, "Ligne / Row"]:
        cell = WriteOnlyCell(worksheet, value=text)
        cell.font = bold
        if text == ERROR_HEADER:
            cell.fill = PatternFill("solid", fgColor="F4CCCC")
        header_cells.append(cell)
    worksheet.append(header_cells)
    width = len(headers)
    for row in rows:
        cells = [_safe(c) for c in list(row.cells[:width]) + [None] * (width - len(row.cells))]
        problem = row.error.text() if row.error else ""
        worksheet.append([*cells, problem, row.line])
    tmp = path.with_name(f".{path.name}.part")
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def problems_text(rows: Sequence[PlannedRow], *, limit: int = 20) -> list[str]:
    """One line per rejected row (the first `limit`), for a terminal or a dialog."""
    lines = [row.error.text() for row in rows[:limit] if row.error]
    if len(rows) > limit:
        lines.append(f"… and {len(rows) - limit} more")
    return lines

