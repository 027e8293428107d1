"""Checks of a workbook's zip container before python-calamine reads it.

calamine allocates the whole rectangle between the first and the last cell of a sheet, so one cell at
XFD1048576 would ask for 17 billion cells and abort the process; a zip bomb would unpack gigabytes.
These checks stream the XML, count what it really unpacks to and find the sheet's true extent from
its cell references, then refuse with a clear reason. The sheet's unpacked XML may be kept, within a
bound (`KeptXml`), so that its error and formula cells are found afterwards in the same bytes while
python-calamine parses (`special_cells`), instead of holding the parse back.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing.errors import SpreadsheetError

_CHUNK = 1 << 20
_OVERLAP = 64
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
# Patterns start with a literal so that re scans 100 MB of sheet XML in a fraction of a second.
# Only references that could reach the limits are collected, in one pass: a column of 2+ letters (AA, the
# 27th, onwards) or a row of 6+ digits (100,000 onwards), in either case and either quote, as calamine
# reads them. Smaller rows are bounded by the last row of each chunk, or counted exactly (`_ROW_REF`) in a
# sheet wide enough for 99,999 rows to matter. (The possessive `?+` and `++` never step back into the
# letters a reference starts with: the million `r="A12"` that cannot match fail a fifth faster.) 21 letters
# match without a digit after them: such a reference is refused (`_MAX_REF_CHARS`) even when a chunk's end
# cuts it far from its start, where 100 letters and a row, unseen, made calamine ask for 99 GB and abort.
_BIG_REF = re.compile(rb'r=["\'][A-Za-z]?+(?:[A-Za-z]{1,19}+[A-Za-z\d]|\d{6})')
_REF_PARTS = re.compile(rb'r=["\']([A-Za-z]*)(\d*)')
_MAX_REF_CHARS = 20  # "XFD1048576" has 10: longer ones (leading zeros…) are refused, never half-read
_ROW_REF = re.compile(rb'<row\b[^>]*?\sr=["\'](\d+)')
_SMALL_ROWS = 99_999
_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ERROR_TYPE = re.compile(rb' t="e"')
_CELL_REF = re.compile(rb'\sr="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")
# A formula cell without a saved value (written by a program, never opened in Excel): calamine reads it
# as empty; its formula's text is kept instead, marked by the leading "=".
_FORMULA_NO_VALUE = re.compile(rb'<c\s([^>]*?)>\s*<f(?:\s[^>]*)?>([^<]+)</f>\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')
_REF_ATTR = re.compile(rb'\br="([A-Z]+)(\d+)"')
_FORMULA_TAIL = 8192  # a formula cell cut by a chunk's end is read whole in the next round


# What zipfile raises on a damaged archive besides BadZipFile: a truncated or damaged deflate stream, an
# unknown compression method or zip version (a flipped byte in a header), an encrypted member.
_DAMAGED_ZIP = (EOFError, OSError, zlib.error, NotImplementedError, RuntimeError)


@dataclass(frozen=True)
class Extent:
    """The last row and column (1-based) a sheet's cells reach."""

    rows: int
    columns: int


ErrorCells = dict[tuple[int, int], str]  # (row index, column index), 0-based → "#REF!"


def column_number(letters: bytes | str) -> int:
    number = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + (ord(ch) - 64)
    return number


def check_zip(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse archives whose declared content is already too large."""
    declared = sum(i.file_size for i in zf.infolist())
    if declared > limits.MAX_UNCOMPRESSED_BYTES:
        raise SpreadsheetError(path, f"unpacks to {declared // 2**20} MB, more than the "
                                     f"{limits.MAX_UNCOMPRESSED_BYTES // 2**20} MB an import accepts")


def _stream(path: Path, zf: zipfile.ZipFile, member: str, budget: list[int]):  # noqa: ANN202 - bytes chunks
    """Yield the member's bytes in chunks, counting them against the archive's real unpacked budget."""
    try:
        with zf.open(member) as handle:
            while chunk := handle.read(_CHUNK):
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise SpreadsheetError(path, "unpacks to more data than an import accepts "
                                                 "(a compressed 'zip bomb'?)")
                yield chunk
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(path, f"is damaged or truncated ({exc})") from None
    except _DAMAGED_ZIP as exc:
        raise SpreadsheetError(path, f"is damaged or truncated ({exc})") from None


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, *_DAMAGED_ZIP) as exc:
        raise SpreadsheetError(path, f"is damaged or truncated ({exc})") from None


def _refuse_entities(path: Path, data: bytes, member: str) -> None:
    """XML entities (billion laughs, external files) have no place in a spreadsheet: refuse them."""
    if _ENTITY.search(data):
        raise SpreadsheetError(path, f"declares XML entities in {member}, which spreadsheets never need; "
                                     "refused for safety")


def _read_small(path: Path, zf: zipfile.ZipFile, member: str, budget: list[int]) -> bytes:
    data = b"".join(_stream(path, zf, member, budget))
    _refuse_entities(path, data, member)
    return data


def sheet_members(path: Path, zf: zipfile.ZipFile, budget: list[int]) -> dict[str, str]:
    """Sheet name → worksheet XML member, read from workbook.xml and its relationships."""
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names:
        raise SpreadsheetError(path, "is a zip archive but not an Excel workbook")
    workbook = _read_small(path, zf, "xl/workbook.xml", budget)
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = _read_small(path, zf, rels_name, budget) if rels_name in names else b""
    targets = {}
    for rel in _REL.findall(rels):
        attrs = dict(_ATTR.findall(rel))
        target = attrs.get(b"Target", b"").decode()
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[attrs.get(b"Id", b"").decode()] = member
    found = {}
    for sheet in _SHEET.findall(workbook):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(sheet)}
        name = html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        member = targets.get(attrs.get(b"id", b"").decode())
        if member in names:
            found[name] = member
    return found


class CellSizes:
    """The size of every cell of a streamed XML part, without parsing it: the bytes between two
    occurrences of the tag that opens a cell (`<c` in a worksheet, `<si` in the shared strings,
    `<table:` in OpenDocument). Text never holds a raw `<`, so a run longer than the limit is one cell
    (rich-text runs inside it included) — refused at once, with bounded memory, by `feed`."""

    def __init__(self, path: Path, member: str, opening: bytes, *, end: bytes | None = None) -> None:
        self.path, self.member, self.opening, self.end = path, member, opening, end
        self.run = 0  # bytes since the last opening tag
        self._keep = b""  # the end of the previous chunk, where an opening tag may have been cut
        self.done = False

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        data = self._keep + chunk
        if self.end is not None and (stop := data.find(self.end)) >= 0:
            data, self.done = data[:stop], True  # (after the cells: merged ranges, validations…)
        first = data.find(self.opening)
        if first < 0:
            self.run += len(data) - len(self._keep)
        else:
            self.run += first - len(self._keep)
            self._refuse_over(self.run)
            if len(data) > limits.MAX_CELL_BYTES:  # (never with 1 MB chunks: see below)
                self._refuse_over(max(map(len, data.split(self.opening)[1:-1]), default=0))
            # A cell between two opening tags of this chunk is shorter than the chunk, itself shorter
            # than the limit: only the run that crosses chunks can exceed it. Finding the first and last
            # tag is what a split into the chunk's ≈ 14,000 cells cost in objects (a third of the scan).
            self.run = len(data) - data.rfind(self.opening) - len(self.opening)
        self._refuse_over(self.run)
        self._keep = data[-(len(self.opening) - 1):]

    def _refuse_over(self, size: int) -> None:
        if size > limits.MAX_CELL_BYTES:
            raise SpreadsheetError(self.path, f"holds a cell of more than {limits.MAX_CELL_BYTES // 2**20} MB "
                                              f"(in {self.member}); a field holds at most 1,000,000 "
                                              "characters, so the file is refused before it is read")


class KeptXml:
    """The unpacked XML of the sheets the guard scanned, kept for the error and formula cells to be
    found afterwards in the same bytes (`special_cells`) while python-calamine parses the sheet in
    another thread, instead of unpacking the sheet a second time (0.14 s at 100,000 rows) or holding
    the parse back for them (0.12 s). Bounded by `limit` in all: a member that does not fit is not
    kept, and is unpacked again when it is read (`error_cells`)."""

    def __init__(self, limit: int = limits.KEPT_XML_BYTES) -> None:
        self.room = limit
        self._members: dict[str, list[bytes] | None] = {}

    def start(self, member: str) -> None:
        """Keep `member`'s chunks from its start (again, when the sheet is scanned again)."""
        self._drop(member)
        self._members[member] = []

    def add(self, member: str, chunk: bytes) -> None:
        chunks = self._members.get(member)
        if chunks is None:
            return
        if len(chunk) > self.room:  # over the bound: this member is unpacked again when it is read
            self._drop(member)
            self._members[member] = None
            return
        self.room -= len(chunk)
        chunks.append(chunk)

    def take(self, member: str) -> list[bytes] | None:
        """`member`'s whole XML in chunks (None when it was not kept); it is kept no more. The other
        sheets' stay (within the bound) for when they are read: a survey form reads two sheets, and
        unpacking the second again cost as much as reading it."""
        chunks = self._members.pop(member, None)
        if chunks is not None:
            self.room += sum(map(len, chunks))
        return chunks

    def _drop(self, member: str) -> None:
        self.room += sum(map(len, self._members.pop(member, None) or ()))


def scan_sheet(path: Path, zf: zipfile.ZipFile, member: str, budget: list[int], *,
               exact_rows: bool = False, keep: KeptXml | None = None) -> None:
    """Check a worksheet's true extent and the size of each cell, streamed, refusing entities and
    sheets beyond the limits; `keep` receives the unpacked chunks (for `special_cells`)."""
    if keep is not None:
        keep.start(member)  # (a sheet scanned again from its start, below, is kept again)
    max_row = max_col = 0
    tail = b""
    first = True
    cells = CellSizes(path, member, b"<c", end=b"</sheetData>")
    for chunk in _stream(path, zf, member, budget):
        cells.feed(chunk)
        if keep is not None:
            keep.add(member, chunk)
        data = tail + chunk
        if first:
            _refuse_entities(path, data[:65536], member)
        # References cut at the chunk boundary are seen whole in the next round (the tail overlaps).
        for found in _BIG_REF.finditer(data):
            letters, row = _REF_PARTS.match(data, found.start()).groups()
            if len(letters) + len(row) > _MAX_REF_CHARS:
                raise SpreadsheetError(path, f"has a malformed cell reference ({(letters + row)[:30].decode()}…); "
                                             "refused for safety")
            max_col = max(max_col, column_number(letters.upper()) if len(letters) > 1 else 0)
            max_row = max(max_row, int(row or 0))
        if exact_rows:
            max_row = max(max_row, *map(int, _ROW_REF.findall(data)), 0)
        elif (last := data.rfind(b'row r="')) >= 0 and (row := _leading_number(data, last + 7)):
            max_row = max(max_row, row)
        if not exact_rows and max_col * _SMALL_ROWS > limits.MAX_CELLS:
            # Wide enough for rows below 100,000 to matter: count every row (from the start).
            return scan_sheet(path, zf, member, [limits.MAX_UNCOMPRESSED_BYTES], exact_rows=True, keep=keep)
        tail = data[-_OVERLAP:]
        first = False
        if max_row > limits.MAX_ROWS or max_col > limits.MAX_COLUMNS:
            break
    check_extent(path, Extent(max_row, max(max_col, 1)))
    return None


class SpecialCells:
    """The error cells (`t="e"`, which python-calamine reads as empty) and the formula cells without a
    saved value of a worksheet's XML, fed chunk by chunk: `found` maps each one's position to its
    error ("#REF!") or to "=" and its formula's text. A plain `bytes in` tells the chunks holding
    none (nearly all)."""

    def __init__(self, found: ErrorCells) -> None:
        self.found = found
        self._tail = b""  # the end of the previous chunk, where a cell may have been cut

    def feed(self, chunk: bytes) -> None:
        data = self._tail + chunk
        if b' t="e"' in data:
            _error_cells_in(data, self.found)
        self._tail = data[-_OVERLAP:]
        if b"</f>" in data:
            _formula_cells_in(data, self.found)
            cut = data.rfind(b"<c ", max(0, len(data) - _FORMULA_TAIL))
            if 0 <= cut < len(data) - _OVERLAP:
                self._tail = data[cut:]


def special_cells(chunks: list[bytes]) -> ErrorCells:
    """The error and formula cells of a worksheet kept by the guard (`KeptXml.take`), each chunk let
    go once read."""
    found: ErrorCells = {}
    cells = SpecialCells(found)
    chunks.reverse()
    while chunks:
        cells.feed(chunks.pop())
    return found


def error_cells(path: Path, member: str) -> ErrorCells:
    """The error cells (#REF!, #DIV/0!…) and formula cells without a saved value of a worksheet
    already checked by `check_workbook`, unpacked again: python-calamine reads them as empty, and the
    user must hear of them. (The reader reads them from the guard's `KeptXml` when it kept the sheet.)"""
    found: ErrorCells = {}
    cells = SpecialCells(found)
    with _open_zip(path) as zf:
        for chunk in _stream(path, zf, member, [limits.MAX_UNCOMPRESSED_BYTES]):
            cells.feed(chunk)
    return found


def _error_cells_in(data: bytes, errors: ErrorCells) -> None:
    for match in _ERROR_TYPE.finditer(data):
        _error_cell(data, match.start(), errors)


def _formula_cells_in(data: bytes, errors: ErrorCells) -> None:
    """Formula cells without a saved value → "=" + their formula (as the reader keeps them)."""
    for match in _FORMULA_NO_VALUE.finditer(data):
        ref = _REF_ATTR.search(match[1])
        if ref is not None:
            text = html.unescape(match[2].decode("utf-8", "replace"))
            errors[(int(ref[2]) - 1, column_number(ref[1].decode()) - 1)] = "=" + text


def _leading_number(data: bytes, at: int) -> int:
    end = at
    while end < len(data) and 48 <= data[end] <= 57:
        end += 1
    return int(data[at:end]) if end > at else 0


def _error_cell(data: bytes, at: int, errors: ErrorCells) -> None:
    start = data.rfind(b"<", 0, at)
    end = data.find(b">", at)
    ref = _CELL_REF.search(data, start, end) if start >= 0 and end > 0 else None
    if ref is None:
        return
    value = _VALUE.search(data, end, end + 200)
    errors[(int(ref[2]) - 1, column_number(ref[1]) - 1)] = value[1].decode("utf-8", "replace") if value else "#ERROR"


def check_extent(path: Path, extent: Extent) -> None:
    if extent.rows > limits.MAX_ROWS:
        raise SpreadsheetError(path, f"reaches row {extent.rows:,}; an import reads at most "
                                     f"{limits.MAX_ROWS:,} rows")
    if extent.columns > limits.MAX_COLUMNS:
        raise SpreadsheetError(path, f"reaches column {extent.columns:,}; an import reads at most "
                                     f"{limits.MAX_COLUMNS:,} columns")
    if extent.rows * extent.columns > limits.MAX_CELLS:
        raise SpreadsheetError(path, f"spans {extent.rows:,} rows × {extent.columns:,} columns; an "
                                     f"import reads at most {limits.MAX_CELLS:,} cells")


def check_workbook(path: Path, *, keep: KeptXml | None = None) -> dict[str, str]:
    """Check an xlsx/xlsm before calamine opens it; returns each sheet's worksheet member. `keep`,
    when given, receives the unpacked XML of the sheets (within its bound), for `special_cells`."""
    with _open_zip(path) as zf:
        check_zip(path, zf)
        budget = [limits.MAX_UNCOMPRESSED_BYTES]
        members = sheet_members(path, zf, budget)
        if "xl/sharedStrings.xml" in zf.namelist():
            _check_start(path, zf, "xl/sharedStrings.xml", budget, cell=b"<si")
        for member in members.values():
            scan_sheet(path, zf, member, budget, keep=keep)
        return members


def _check_start(path: Path, zf: zipfile.ZipFile, member: str, budget: list[int], *, cell: bytes) -> None:
    """Refuse entities in `member`'s first 64 kB (where a DOCTYPE must stand), counting all its bytes
    and refusing a cell (opened by the tag `cell`) beyond the size limit."""
    first = True
    cells = CellSizes(path, member, cell)
    for chunk in _stream(path, zf, member, budget):
        if first:
            _refuse_entities(path, chunk[:65536], member)
        first = False
        cells.feed(chunk)


def check_ods(path: Path) -> None:
    """Check an OpenDocument spreadsheet's container and content before calamine reads it (calamine
    itself caps repeated cells, and the reader refuses sheets beyond the limits once read)."""
    with _open_zip(path) as zf:
        check_zip(path, zf)
        if "content.xml" not in zf.namelist():
            raise SpreadsheetError(path, "is a zip archive but not an OpenDocument spreadsheet")
        _check_start(path, zf, "content.xml", [limits.MAX_UNCOMPRESSED_BYTES], cell=b"<table:")
