"""CSV files as clients send them: UTF-8 with or without BOM, UTF-16 ("Unicode text"), Windows-1252
from older Excel, and `;` as French Excel writes it."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing.errors import SpreadsheetError

_DELIMITERS = ",;\t|"


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(path, "is not a spreadsheet (binary content; expected xlsx, xlsm, xls, "
                                     "ods or csv)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8D…): latin-1 maps them all
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines: the candidate that splits them most consistently."""
    lines = [line for line in text[:65536].splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", 0.0
    for delimiter in _DELIMITERS:
        counts = [next(csv.reader([line], delimiter=delimiter), []).__len__() - 1 for line in lines]
        if not counts[0] and not max(counts):
            continue
        typical = max(set(counts), key=counts.count)
        score = typical * counts.count(typical) / len(counts)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path) -> list[list[str]]:
    """All rows of a CSV file (bounded by the importer's limits)."""
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        raise SpreadsheetError(path, f"is {size // 2**20} MB; an import reads at most "
                                     f"{limits.MAX_FILE_BYTES // 2**20} MB")
    text, _encoding = decode(path, path.read_bytes())
    first_line, _, rest = text.partition("\n")
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        delimiter = first_line.strip()[4]  # Excel's own hint line: "sep=;"
        text = rest
    else:
        delimiter = sniff_delimiter(text)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if len(row) > limits.MAX_COLUMNS:
                raise SpreadsheetError(path, f"has {len(row):,} columns on line {reader.line_num}; an "
                                             f"import reads at most {limits.MAX_COLUMNS:,} columns")
            rows.append(row)
            if len(rows) > limits.MAX_ROWS:
                raise SpreadsheetError(path, f"has more than {limits.MAX_ROWS:,} rows")
    except csv.Error as exc:
        raise SpreadsheetError(path, f"is not a readable CSV file (line {reader.line_num}: {exc})") from None
    return rows
