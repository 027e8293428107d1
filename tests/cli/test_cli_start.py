"""What the command line imports before it does its work (issue 20): `caio --help` and `caio info` must
start within 1.5× a bare `python -c "import sqlite3"` (bench/bench_info.py measures it), and
`caio import` reads the sheet while it imports SQLAlchemy. Nothing here is timed: these tests name the
modules that cost milliseconds, so that one coming back is caught by the test suite, not only by
`make bench`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Each costs 1–7 ms of a start that may add 10 to the interpreter's own 20 (dataclasses imports inspect).
HEAVY = ["dataclasses", "inspect", "typing", "json", "shutil", "pkgutil", "random", "sqlalchemy", "yaml",
         "openpyxl"]
PROBE = """
import sys
from caio_desktop.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("imported:", *sorted(name for name in {heavy} if name in sys.modules), file=sys.stderr)
"""


def imported_by(*argv: str) -> list[str]:
    """Which of HEAVY a fresh interpreter has imported once `caio ARGV` is done."""
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv], capture_output=True,
                          text=True, timeout=120)
    return done.stderr.strip().splitlines()[-1].split()[1:]


@pytest.mark.parametrize("argv", [["--help"], ["info", "--help"], ["import", "--help"]])
def test_the_help_imports_none_of_the_heavy_modules(argv: list[str]) -> None:
    assert imported_by(*argv) == []


def test_info_on_a_workspace_imports_none_of_the_heavy_modules(workspace_file: Path) -> None:
    assert imported_by("info", str(workspace_file)) == []


def test_the_import_s_reader_can_start_before_sqlalchemy_is_imported() -> None:
    probe = ("import sys; import caio_desktop.interchange.importing.reader; "
             "print(sorted(m for m in ('sqlalchemy', 'openpyxl', 'rapidfuzz') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"
