"""Issue 21, "what was not tried": a real password-protected workbook, hostile .xls and .ods files.

The whole corpus (tests/reliability/hostile_corpus.py, which now holds these too) goes through the real
`caio import` in memory-bounded workers (test_hostile_input.py). Here: the exact message of each
refusal, and hundreds of bit-flipped .xls and .ods files read in this process, fast. Before the fix a
flipped .xls made python-calamine's Rust code panic ("range end index 43 out of range"), which pyo3
raises as a BaseException that escaped every handler; and a cell at IV65536 in a 40 kB .xls took 1.8 GB.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caio_desktop.interchange.importing.errors import SpreadsheetError
from caio_desktop.interchange.importing.reader import open_source
from tests.reliability.hostile_corpus import (
    LAUGHS,
    ODS_HEADER,
    XLS_FIXTURE,
    flipped,
    header_row,
    ods_rows,
    password_protected_xlsx,
    risk_row,
    sheet_xml,
    write_ods,
    write_xlsx,
    xls_with_a_far_cell,
)

pytest.importorskip("msoffcrypto")
CAIO = [sys.executable, "-m", "caio_desktop.cli"]


def refusal(workspace: Path, sheet: Path) -> str:
    done = subprocess.run([*CAIO, "import", str(workspace), str(sheet), "--into", "risks", "--auto"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("caio: error: "), done.stderr
    return lines[0]


def test_a_real_password_protected_workbook_is_refused_with_what_to_do(workspace_file: Path, tmp_path: Path) -> None:
    plain = write_xlsx(tmp_path / "plain.xlsx", sheet_xml(header_row() + risk_row(2, "Biais")))
    protected = password_protected_xlsx(tmp_path / "registre protégé.xlsx", plain)
    assert protected.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 container, as Excel's
    message = refusal(workspace_file, protected)
    assert "is password-protected" in message and "remove the password" in message
    renamed = protected.with_suffix(".xls")  # the same file under a legacy name
    renamed.write_bytes(protected.read_bytes())
    assert "caio: error: " in refusal(workspace_file, renamed)


@pytest.mark.parametrize(("build", "words"), [
    (lambda d: xls_with_a_far_cell(d / "far.xls"), "spans 65,536 rows × 256 columns"),
    (lambda d: write_ods(d / "laughs.ods", ods_rows(ODS_HEADER, ("&lol9;", "3", "4")), doctype=LAUGHS),
     "declares XML entities"),
    (lambda d: write_ods(d / "repeat.ods", ods_rows(ODS_HEADER) + '<table:table-row table:number-rows-repeated='
     '"1048000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x'
     "</text:p></table:table-cell></table:table-row>"), "cannot be read"),
], ids=["xls cell at IV65536", "ods billion laughs", "ods repeated cells"])
def test_hostile_legacy_and_opendocument_files_are_refused(workspace_file: Path, tmp_path: Path, build,
                                                           words: str) -> None:
    before = workspace_file.read_bytes()
    assert words in refusal(workspace_file, build(tmp_path))
    assert workspace_file.read_bytes() == before


@pytest.mark.parametrize("source", ["xls", "ods"])
def test_bit_flipped_files_are_read_or_refused_never_crash(tmp_path: Path, source: str) -> None:
    if source == "xls":
        original = XLS_FIXTURE.read_bytes()
    else:
        original = write_ods(tmp_path / "ok.ods", ods_rows(ODS_HEADER, ("Biais", "3", "4"))).read_bytes()
    outcomes = {"read": 0, "refused": 0}
    for n, data in enumerate(flipped(original, seed=21, count=300)):
        path = tmp_path / f"flip-{n}.{source}"
        path.write_bytes(data)
        try:
            with open_source(path) as opened:
                for name in opened.sheet_names:
                    opened.table(name)
            outcomes["read"] += 1
        except SpreadsheetError:
            outcomes["refused"] += 1
        path.unlink()
    assert outcomes["refused"] > 10 and sum(outcomes.values()) == 300, outcomes
