"""Bounds on what the importer reads, so that a hostile or broken file fails clearly instead of filling
memory. Generous for real registers (a client inventory has hundreds or thousands of rows)."""

from __future__ import annotations

MAX_FILE_BYTES = 256 * 1024 * 1024  # the spreadsheet file itself
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024  # all XML a workbook unpacks to (zip bombs)
MAX_ROWS = 1_000_000
MAX_COLUMNS = 1_000
MAX_CELLS = 20_000_000  # rows × columns of the rectangle a reader allocates
HEADER_SCAN_ROWS = 30  # the header is looked for in the first rows only
PREVIEW_ROWS = 200
