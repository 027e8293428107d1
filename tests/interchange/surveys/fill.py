"""Filling a generated survey form the way a respondent does in Excel: openpyxl opens it, writes the
respondent fields and picks answers (the drop-down's labels, or a typed number), saves it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from caio_desktop.interchange.surveys import form as layout


def choice_label(form: Path, code: str, index: int) -> str:
    """The label of the `index`-th answer offered for question `code` (as the drop-down shows it)."""
    import openpyxl

    wb = openpyxl.load_workbook(form)
    sheet = next(wb[name] for name in wb.sheetnames if name in layout.QUESTIONS_SHEET.values())
    for row in range(layout.FIRST_QUESTION_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=layout.CODE_COL).value == code:
            rule = next(dv for dv in sheet.data_validations.dataValidation
                        if any(sheet.cell(row=row, column=layout.ANSWER_COL).coordinate in r for r in dv.sqref.ranges))
            sheet_name, cells = rule.formula1.lstrip("=").rsplit("!", 1)
            first = cells.split(":")[0].replace("$", "")
            column = "".join(ch for ch in first if ch.isalpha())
            return wb[sheet_name.strip("'")][f"{column}{index + 1}"].value
    raise KeyError(code)


def fill(form: Path, out: Path, *, answers: Mapping[str, Any], department: str | None = None,
         role: str | None = None, name: str | None = None, comments: Mapping[str, str] | None = None) -> Path:
    """A copy of `form` filled with `answers` (question code → cell value) and the respondent fields."""
    import openpyxl

    wb = openpyxl.load_workbook(form)
    sheet = next(wb[name_] for name_ in wb.sheetnames if name_ in layout.QUESTIONS_SHEET.values())
    for (row, column), value in ((layout.NAME_CELL, name), (layout.DEPARTMENT_CELL, department),
                                 (layout.ROLE_CELL, role)):
        if value is not None:
            sheet.cell(row=row, column=column, value=value)
    rows = {sheet.cell(row=r, column=layout.CODE_COL).value: r
            for r in range(layout.FIRST_QUESTION_ROW, sheet.max_row + 1)}
    for code, value in answers.items():
        sheet.cell(row=rows[code], column=layout.ANSWER_COL, value=value)
    for code, text in (comments or {}).items():
        sheet.cell(row=rows[code], column=layout.COMMENT_COL, value=text)
    wb.save(out)
    return out
