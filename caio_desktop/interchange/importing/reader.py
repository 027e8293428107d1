"""Reading a client's spreadsheet into rows of cell values: xlsx, xlsm, xls, ods with python-calamine
(formulas come as their cached values), csv with encoding and delimiter detection.

    source = open_source(Path("inventaire.xlsx"))
    source.sheet_names            # ["Systèmes", "Notes"]
    table = source.table()        # the first non-empty sheet, or source.table("Systèmes")
    table.rows[0]                 # the cells of the sheet's row 1 (row i is table.rows[i - 1])

    ahead = ReadAhead(Path("inventaire.xlsx"))    # the same, in a helper thread, while the caller
    ahead.wait_until_parsing()                    # imports and opens what it needs; then
    source = ahead.source()                       # the opened Source (its sheet read), or its error
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from caio_desktop.interchange.bulk import paused_gc
from caio_desktop.interchange.importing import guard, limits
from caio_desktop.interchange.importing.csvfile import read_csv
from caio_desktop.interchange.importing.errors import SpreadsheetError

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
ERROR_VALUES = frozenset({"#REF!", "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#VALUE!",
                          "#GETTING_DATA", "#SPILL!", "#CALC!"})
_FIRST_CELL = itemgetter(0)


@dataclass
class Table:
    """The cells of one sheet from its row 1: `rows[i]` is the sheet's row i + 1. Empty cells are None
    or "" (as python-calamine gives them; not normalised, so that 100,000-row sheets stay fast)."""

    path: Path
    sheet: str
    rows: list[list[Any]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # (row index, column index) of formula cells with no saved value, whose text ("=SOMME(1;2)") the
    # cell holds instead: the plan warns of each.
    formulas: set[tuple[int, int]] = field(default_factory=set)

    @property
    def width(self) -> int:
        return max(map(len, self.rows), default=0)

    def line(self, index: int) -> int:
        """The row number the spreadsheet shows for `rows[index]`."""
        return index + 1


class Source:
    """An opened spreadsheet file: its sheets, read one at a time on demand."""

    def __init__(self, path: Path, *, parsing: threading.Event | None = None) -> None:
        self.path = path
        self.kind = _kind(path)
        self._workbook: Any = None
        self._csv: list[list[str]] | None = None
        self._members: dict[str, str] = {}  # xlsx sheet name → worksheet member, checked by the guard
        self._kept = guard.KeptXml()  # the sheets' XML the guard unpacked, for their error and formula cells
        self._tables: dict[str, Table] = {}  # a sheet read once (the wizard re-reads on every choice)
        self._first_filled: str | None = None  # table()'s answer, once found (the sheets before are empty)
        self.from_caio_export = False  # one of our own exports (`workbook_layout.EXPORT_KEYWORD`)
        self.parsing = parsing  # set when python-calamine starts parsing a sheet (ReadAhead waits for it)
        if self.kind == "csv":
            self._csv = read_csv(path)
            self.sheet_names = [path.stem]
        else:
            self._open_workbook()

    def _open_workbook(self) -> None:
        from python_calamine import CalamineError, CalamineWorkbook, PasswordError

        if self.kind == "xlsx":
            self._members = guard.check_workbook(self.path, keep=self._kept)
            self.from_caio_export = _is_caio_export(self.path)
        elif self.kind == "ods":
            guard.check_ods(self.path)
        try:
            self._workbook = CalamineWorkbook.from_path(str(self.path))
        except PasswordError:
            raise SpreadsheetError(self.path, "is password-protected; open it in Excel, remove the "
                                              "password and save a copy to import") from None
        except (CalamineError, OSError, ValueError) as exc:
            raise SpreadsheetError(self.path, f"cannot be read as a spreadsheet ({_short(exc)})") from None
        except BaseException as exc:
            raise _refused_if_panic(self.path, exc, "cannot be read as a spreadsheet") from None
        self.sheet_names = list(self._workbook.sheet_names)

    def table(self, sheet: str | None = None) -> Table:
        """The rows of `sheet` (by name), or of the first sheet that holds any value."""
        if self._csv is not None:
            if sheet not in (None, self.sheet_names[0]):
                raise SpreadsheetError(self.path, f"a CSV file has one sheet; there is no sheet {sheet!r}")
            return Table(self.path, self.sheet_names[0], self._csv)
        if sheet is not None:
            if sheet not in self.sheet_names:
                raise SpreadsheetError(self.path, f"has no sheet {sheet!r}; its sheets are "
                                                  f"{', '.join(self.sheet_names)}")
            return self._read(sheet)
        if self._first_filled is not None:  # (asking again must not read the empty sheets before it again)
            return self._read(self._first_filled)
        for name in self.sheet_names:
            table = self._read(name)
            if any(any(filled(c) for c in cells) for cells in table.rows):
                self._first_filled = name
                return table
        raise SpreadsheetError(self.path, "has no data in any sheet")

    def _read(self, name: str) -> Table:
        if name not in self._tables:
            self._tables = {name: self._load(name)}  # keep one sheet: memory stays that of one sheet
        return self._tables[name]

    def _load(self, name: str) -> Table:
        from python_calamine import CalamineError

        try:
            sheet, errors = self._parse(name)
            # xls and ods sheets are checked once read (calamine caps their repeated cells itself).
            last_row, last_column = sheet.end or (0, 0)
            guard.check_extent(self.path, guard.Extent(last_row + 1, last_column + 1))
            with paused_gc():
                raw = sheet.to_python(skip_empty_area=False)  # row i is sheet row i + 1
            merged = list(sheet.merged_cell_ranges or [])
        except CalamineError as exc:
            raise SpreadsheetError(self.path, f"sheet {name!r} cannot be read ({_short(exc)})") from None
        except BaseException as exc:
            raise _refused_if_panic(self.path, exc, f"sheet {name!r} cannot be read") from None
        formulas = set()
        for (row, column), text in errors.items():
            if row < len(raw) and column < len(raw[row]) and raw[row][column] in ("", None):
                raw[row][column] = text  # calamine reads error cells as empty: put the error back
                if text.startswith("="):
                    formulas.add((row, column))
        return Table(self.path, name, raw, merged, formulas)

    def _parse(self, name: str) -> tuple[Any, guard.ErrorCells]:
        """python-calamine's parse of sheet `name` and the sheet's error and formula cells, found
        meanwhile: for a large sheet the parse runs in a helper thread (it releases the GIL) while this
        thread reads the XML the guard kept (or unpacks it again) — neither waits for the other on two
        cores; a small one is parsed here, then its kept XML read."""
        if self.parsing is not None:
            self.parsing.set()
        member = self._members.get(name)
        if member is None:  # xls, ods: no XML to read (calamine gives their error cells)
            return self._workbook.get_sheet_by_name(name), {}
        chunks = self._kept.take(member)
        if chunks is not None and sum(map(len, chunks)) < limits.PARSE_THREAD_MIN_BYTES:
            # A small sheet (a survey form, a client's short list): starting and joining a thread costs
            # more than the overlap saves (≈ 1 ms a sheet: 500 forms of bench_survey paid 0.5 s).
            return self._workbook.get_sheet_by_name(name), guard.special_cells(chunks)
        parse = _Parse(self._workbook, name)
        try:
            errors = guard.special_cells(chunks) if chunks is not None else guard.error_cells(self.path, member)
        finally:
            sheet = parse.result()  # (what the parse raised is raised here, first)
        return sheet, errors

    def close(self) -> None:
        self._tables = {}
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Parse:
    """`workbook.get_sheet_by_name(name)` in a helper thread; `result()` waits for it and returns the
    sheet or raises what the parse raised (a CalamineError, a Rust panic)."""

    def __init__(self, workbook: Any, name: str) -> None:
        self._workbook, self._name = workbook, name
        self._sheet: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="import-parse", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._sheet = self._workbook.get_sheet_by_name(self._name)
        except BaseException as exc:  # noqa: BLE001 - raised again in the calling thread by result()
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._sheet


def open_source(path: Path | str) -> Source:
    """Open a spreadsheet for import, refusing what is not one (with the reason) before reading it."""
    return Source(Path(path))


class ReadAhead:
    """`open_source(path).table(sheet)` in a helper thread, started before the caller has what it needs
    to plan the import (`caio import` has not yet imported SQLAlchemy nor opened the workspace).

    python-calamine's parse (two thirds of reading a large sheet) releases the GIL, so the caller's
    imports and the workspace's opening run meanwhile on the other core instead of before it. The
    guard's checks (Python, holding the GIL) still come first and whole: `wait_until_parsing` lets the
    caller wait for them rather than slow them down by sharing the GIL. Nothing about the reading
    changes: the same Source, checks and errors, raised by `source()` where `plan_import` would have
    raised them. `sheet` may be a function (run in the thread; what it raises is raised by `source()`
    too), for a sheet named in a mapping file that is yet to be read.
    """

    def __init__(self, path: Path | str, sheet: str | Callable[[], str | None] | None = None) -> None:
        self._path = Path(path)
        self._sheet = sheet
        self._parsing = threading.Event()
        self._source: Source | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="import-read-ahead", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._source = Source(self._path, parsing=self._parsing)
            # (after opening, as plan_import does: a missing or refused file is reported first)
            self._source.table(self._sheet() if callable(self._sheet) else self._sheet)
        except BaseException as exc:  # noqa: BLE001 - raised again in the calling thread by source()
            self._error = exc
        finally:
            self._parsing.set()  # a csv, xls or ods sheet, or an error: nothing left to wait for

    def wait_until_parsing(self) -> None:
        """Return once the file has passed the guard and python-calamine parses its sheet (or the
        reading is over, read or refused)."""
        self._parsing.wait()

    def source(self) -> Source:
        """The opened spreadsheet, its sheet already read (`Source.table` returns it at once); raises
        what opening or reading it raised. The caller closes it (`close`)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._source is not None
        return self._source

    def close(self) -> None:
        """Wait for the reading (a parse cannot be interrupted, and a daemon thread inside
        python-calamine must not outlive the interpreter) and close the spreadsheet."""
        self._thread.join()
        if self._source is not None:
            self._source.close()


def _kind(path: Path) -> str:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise SpreadsheetError(path, "does not exist") from None
    except IsADirectoryError:
        raise SpreadsheetError(path, "is a folder, not a spreadsheet") from None
    if size == 0:
        raise SpreadsheetError(path, "is empty")
    if size > limits.MAX_FILE_BYTES:
        raise SpreadsheetError(path, f"is {size // 2**20} MB; an import reads at most "
                                     f"{limits.MAX_FILE_BYTES // 2**20} MB")
    suffix = path.suffix.lower()
    if head.startswith(OLE2_MAGIC):
        if suffix in (".xlsx", ".xlsm", ".ods"):
            # Excel saves a password-protected workbook as an encrypted OLE2 container.
            raise SpreadsheetError(path, "is password-protected (encrypted); open it in Excel, remove the "
                                         "password and save a copy to import")
        return "xls"
    if head.startswith(ZIP_MAGIC):
        if suffix == ".ods":
            return "ods"
        return "xlsx"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    raise SpreadsheetError(path, "is not a spreadsheet (expected xlsx, xlsm, xls, ods or csv)")


def filled(value: Any) -> bool:
    """Whether a cell holds anything (None, "", spaces and NaN do not)."""
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def has_value(cells: list[Any]) -> bool:
    """Whether any cell of a row is `filled` (the same test, without a call per cell: it runs for every
    row of a sheet)."""
    for cell in cells:
        if cell.__class__ is str:
            if cell and not cell.isspace():
                return True
        elif cell is not None and cell == cell:  # NaN is the one value not equal to itself
            return True
    return False


def first_cells_texts(rows: list[list[Any]]) -> bool:
    """Whether every row's first cell is a text with something in it, told in C (no call per row): then
    every row `has_value`, which a register's title or reference column nearly always shows. False
    says nothing: the rows are then tested one by one."""
    try:
        firsts = list(map(_FIRST_CELL, rows))
    except IndexError:  # an empty row (a csv's blank line)
        return False
    return set(map(type, firsts)) == {str} and all(firsts) and not any(map(str.isspace, firsts))


def is_error_value(value: Any) -> bool:
    return isinstance(value, str) and value.strip() in ERROR_VALUES


def _refused_if_panic(path: Path, exc: BaseException, what: str) -> BaseException:
    """A damaged file can make calamine's Rust code panic (a flipped byte in an .xls: "range end index
    43 out of range"); pyo3 raises that as PanicException, a BaseException that nothing else catches.
    It is a refusal of the file like any other; every other exception is returned to be raised as is."""
    if type(exc).__name__ == "PanicException":
        return SpreadsheetError(path, f"{what} (the file is damaged: {_short(exc)})")
    return exc


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _is_caio_export(path: Path) -> bool:
    """True when the xlsx's document properties carry our export keyword. Read after the guard has
    checked the archive; a missing or odd properties part simply means "not ours"."""
    import zipfile
    import zlib

    from caio_desktop.interchange.workbook_layout import EXPORT_KEYWORD

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 65_536:
                return False
            return EXPORT_KEYWORD.encode() in archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError):
        return False
