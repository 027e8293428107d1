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


def ods_cell(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def write_ods(path: Path, rows_xml: str, *, sheet: str = "Risques") -> Path:
    """A minimal OpenDocument spreadsheet whose one table holds `rows_xml` (table:table-row elements)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="{sheet}">{rows_xml}</table:table></office:spreadsheet>'
        '</office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """xlsx(rows, name="x.xlsx", **options) → the path of a workbook holding `rows`."""

    def build(rows: Sequence[Sequence[Any]], name: str = "client.xlsx", **options: Any) -> Path:
        return write_xlsx(tmp_path / name, rows, **options)

    return build


RISK_HEADERS = ["Risque", "Probabilité", "Impact", "Catégorie", "Responsable", "Date de revue"]
