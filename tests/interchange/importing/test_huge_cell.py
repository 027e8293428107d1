"""Issue 21, points 2 and 3: one huge cell is refused while the file is read, in bounded memory, and a
refused long value is quoted in a few words.

The 150 MB cell compresses to about 150 KB (what a hostile client file looks like); before the fix
python-calamine read it whole and the import peaked at 1.55 GB before rejecting the row.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caio_desktop.domain.errors import quoted
from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing.errors import SpreadsheetError
from caio_desktop.interchange.importing.guard import check_workbook
from tests.reliability.hostile_corpus import (
    SHEET_CLOSE,
    SHEET_OPEN,
    header_row,
    risk_row,
    sheet_xml,
    write_bomb,
    write_xlsx,
)

CELL_MB = 150
# The child reports its own peak resident set (Linux: KiB), so other tests' processes do not count.
PEAK_OF_IMPORT = """
import resource, sys
from caio_desktop.cli import main
code = main(sys.argv[1:])
print("peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, file=sys.stderr)
sys.exit(code)
"""


def huge_inline_cell(path: Path) -> Path:
    """An xlsx whose row 2 holds one inline string of CELL_MB MB."""
    return write_bomb(path, prefix=SHEET_OPEN % "" + header_row() + '<row r="2"><c r="A2" t="inlineStr"><is><t>',
                      block="x" * 2**20, times=CELL_MB,
                      suffix='</t></is></c><c r="B2"><v>3</v></c></row>' + risk_row(3, "Biais") + SHEET_CLOSE)


def huge_shared_string(path: Path) -> Path:
    """The same cell as the first shared string (the sheet only points to it)."""
    return write_bomb(path, prefix='<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                                   'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
                      block="y" * 2**20, times=CELL_MB, suffix="</t></si></sst>", member="xl/sharedStrings.xml")


def run_import(workspace: Path, sheet: Path) -> tuple[int, str, int]:
    """`caio import` in a fresh interpreter: exit code, stderr, peak resident bytes."""
    done = subprocess.run([sys.executable, "-c", PEAK_OF_IMPORT, "import", str(workspace), str(sheet),
                           "--into", "risks", "--auto"], capture_output=True, text=True, timeout=300)
    lines = done.stderr.splitlines()
    peak = int(next(line for line in lines if line.startswith("peak ")).split()[1])
    return done.returncode, "\n".join(line for line in lines if not line.startswith("peak ")), peak


@pytest.mark.parametrize("build", [huge_inline_cell, huge_shared_string])
def test_a_150_mb_cell_is_refused_while_reading_in_bounded_memory(build, workspace_file: Path,
                                                                  tmp_path: Path) -> None:
    sheet = build(tmp_path / "huge.xlsx")
    assert sheet.stat().st_size < 1_000_000  # a small file, as a hostile one would be
    small = write_xlsx(tmp_path / "small.xlsx", sheet_xml(header_row() + risk_row(2, "Biais")))
    other = tmp_path / "other.caio"
    shutil.copyfile(workspace_file, other)
    _code, _err, baseline = run_import(other, small)  # the same command on a harmless sheet

    code, err, peak = run_import(workspace_file, sheet)

    assert code == 1, err
    assert err.startswith("caio: error: ") and "holds a cell of more than 8 MB" in err, err
    assert len(err) < 400  # one clear line, no echo of the cell
    assert peak < baseline + 64 * 2**20, f"peak {peak / 2**20:.0f} MiB, harmless sheet {baseline / 2**20:.0f} MiB"


def test_cells_below_the_limit_pass_the_guard(tmp_path: Path) -> None:
    """Many ordinary cells, and one of nearly the limit, are no reason to refuse a file."""
    big = "z" * (limits.MAX_CELL_BYTES - 1000)
    rows = header_row() + risk_row(2, big) + "".join(risk_row(n, f"Risque {n}") for n in range(3, 3000))
    sheet = write_xlsx(tmp_path / "ok.xlsx", sheet_xml(rows))
    assert check_workbook(sheet)
    over = write_xlsx(tmp_path / "over.xlsx", sheet_xml(header_row() + risk_row(2, big + "z" * 2000)))
    with pytest.raises(SpreadsheetError, match="more than 8 MB"):
        check_workbook(over)


def test_an_oversized_value_is_quoted_with_80_characters_and_its_length(workspace_file: Path,
                                                                        tmp_path: Path) -> None:
    """Point 3: a 2,000,000-character title is rejected (a field holds 1,000,000); the message quotes
    its start and says how long it is, instead of printing it whole."""
    title = "Dérive " + "w" * 2_000_000
    sheet = write_xlsx(tmp_path / "long.xlsx", sheet_xml(header_row() + risk_row(2, title) + risk_row(3, "Biais")))
    done = subprocess.run([sys.executable, "-m", "caio_desktop.cli", "import", str(workspace_file), str(sheet),
                           "--into", "risks", "--auto"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rejected = [line for line in done.stdout.splitlines() if line.startswith("rejected: ")]
    assert len(rejected) == 1 and len(rejected[0]) < 250, rejected[0][:300]
    assert "'Dérive www" in rejected[0] and "(2,000,007 characters)" in rejected[0]
    assert quoted("abc") == "'abc'"
