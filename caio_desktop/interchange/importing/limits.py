"""Bounds on what the importer reads, so that a hostile or broken file fails clearly instead of filling
memory. Generous for real registers (a client inventory has hundreds or thousands of rows)."""

from __future__ import annotations

MAX_FILE_BYTES = 256 * 1024 * 1024  # the spreadsheet file itself
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024  # all XML a workbook unpacks to (zip bombs)
MAX_ROWS = 1_000_000
MAX_COLUMNS = 1_000
# rows × columns of the rectangle python-calamine allocates (about 60 bytes a cell, then the Python
# lists): 5,000,000 is 100,000 rows of 50 columns. An .xls cell at IV65536 asks for 16.7 million, 1.8 GB.
MAX_CELLS = 5_000_000
# One cell's XML (value, inline or shared string): a field holds at most 1,000,000 characters
# (domain/validation.py), which UTF-8 and XML escapes make at most a few MB. Refused while the zip is
# scanned, before python-calamine would hold the cell several times over (a 150 MB cell took 1.5 GB).
MAX_CELL_BYTES = 8 * 1024 * 1024
# The unpacked sheet XML the guard keeps for finding error and formula cells while python-calamine parses
# (`guard.KeptXml`): 88 MB at 100,000 rows of 12 columns. A larger sheet is unpacked again instead.
KEPT_XML_BYTES = 128 * 1024 * 1024
# Below this much sheet XML the parse runs in the calling thread: a helper thread's start and join cost
# more than parsing beside the error-cell scan saves.
PARSE_THREAD_MIN_BYTES = 4 * 1024 * 1024
HEADER_SCAN_ROWS = 30  # the header is looked for in the first rows only
PREVIEW_ROWS = 200
