"""The cover sheet: who the workbook is for, when it was made, and a table of contents with links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl.worksheet.hyperlink import Hyperlink

from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.texts import text

CONTENTS_FIRST_ROW = 12  # the row of the first link (title, note, blank, 6 facts, blank, header)


def write_cover(
    workbook: Any,
    *,
    title: str,
    engagement: dict[str, Any],
    lang: str,
    palette: styles.Palette,
    export_date: dt.date,
    contents: Sequence[tuple[str, int | None]],
) -> None:
    """Add the cover sheet; `contents` lists (sheet title, row count or None) in workbook order."""
    ws = workbook.create_sheet(title)
    styles.fit_width(ws, landscape=False)
    ws.sheet_properties.tabColor = palette.accent
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 44
    ws.sheet_view.showGridLines = False
    client = engagement.get("client_name") or ""
    date_format = styles.DATE_FORMATS[lang]
    label = styles.font(bold=True)
    ws.append([styles.write(ws, text("cover_title", lang), font=styles.font(bold=True, size=18, color=palette.accent))])
    ws.append([styles.text_cell(ws, text("confidential", lang, client=client),
                          font=styles.font(italic=True, color=styles.MUTED))])
    ws.append([])
    facts: list[tuple[str, Any]] = [
        ("client", client),
        ("sector", engagement.get("sector")),
        ("consultant", engagement.get("consultant_name")),
        ("export_date", export_date),
        ("engagement_start", engagement.get("start_date")),
        ("engagement_end", engagement.get("end_date")),
    ]
    for key, value in facts:
        if isinstance(value, dt.date):
            cell = styles.write(ws, value, number_format=date_format, alignment=styles.LEFT)
        else:
            cell = styles.text_cell(ws, value)
        ws.append([styles.write(ws, text(key, lang), font=label), cell])
    ws.append([])
    header = palette.header()
    ws.append([styles.write(ws, text("contents", lang), **header), styles.write(ws, text("rows", lang), **header)])
    link = styles.font(color=styles.LINK, underline="single")
    for sheet, rows in contents:
        cell = styles.write(ws, sheet, font=link)
        cell.hyperlink = Hyperlink(ref="", location=f"'{sheet.replace(chr(39), chr(39) * 2)}'!A1",
                                   display=sheet)
        ws.append([cell, rows])
