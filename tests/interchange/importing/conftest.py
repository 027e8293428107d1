"""Builders of client spreadsheets for the importer's tests (written with openpyxl into tmp_path)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "Feuil1",
               merged: Sequence[str] = (), extra_sheets: dict[str, Sequence[Sequence[Any]]] | None = None) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    for cells in merged:
        worksheet.merge_cells(cells)
    for name, other in (extra_sheets or {}).items():
        added = workbook.create_sheet(name)
        for row in other:
            added.append(list(row))
    workbook.save(path)
    return path


def patch_sheet_xml(source: Path, target: Path, edit: Callable[[bytes], bytes],
                    member: str = "xl/worksheets/sheet1.xml") -> Path:
    """A copy of `source` whose sheet XML went through `edit` (to build files Excel would not write)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == member:
                data = edit(data)
            zout.writestr(info, data)
    return target


def replace_cell(xml: bytes, ref: str, new_cell: bytes) -> bytes:
    """Replace the XML of cell `ref` (e.g. B2) by `new_cell`."""
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)
    assert pattern.search(xml), f"cell {ref} not found"
    return pattern.sub(new_cell, xml, count=1)


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """xlsx(rows, name="x.xlsx", **options) → the path of a workbook holding `rows`."""

    def build(rows: Sequence[Sequence[Any]], name: str = "client.xlsx", **options: Any) -> Path:
        return write_xlsx(tmp_path / name, rows, **options)

    return build


RISK_HEADERS = ["Risque", "Probabilité", "Impact", "Catégorie", "Responsable", "Date de revue"]
