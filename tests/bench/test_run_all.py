"""bench/run_all.py's summary: rows from what each bench printed and how it exited, the table, the exit
status. Nothing here is timed: the figures are given."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from benchlib import Result  # noqa: E402 - bench/ is not a package
from run_all import exit_status, format_table, rows_from_output  # noqa: E402


def output(*results: Result, text: str = "generated 100,000 rows\n") -> str:
    return text + "".join(r.line() + "\n" for r in results)


def test_a_slowdown_within_its_target_passes_and_one_beyond_fails() -> None:
    fast = Result(work="caio info", floor="python + sqlite3", floor_value=0.025, measured=0.045, target=2.0)
    slow = Result(work="open", floor="1,000 risks", floor_value=0.2, measured=0.37, target=1.2)
    rows = rows_from_output("info", output(fast, slow), 1)
    assert [(r.work, r.ratio, r.target, r.verdict) for r in rows] == [
        ("caio info", "1.80", "≤ 2×", "PASS"), ("open", "1.85", "≤ 1.2×", "FAIL")]
    assert rows[0].floor_value == "0.025 s" and rows[0].measured == "0.045 s"
    assert exit_status(rows) == 1


def test_a_speed_up_is_the_floor_over_the_measurement() -> None:
    result = Result(work="import vs pandas", floor="pandas", floor_value=15.0, measured=2.5, target=5.0,
                    better="higher")
    (row,) = rows_from_output("import_pandas", output(result), 0)
    assert (row.ratio, row.target, row.verdict) == ("6.00", "≥ 5× faster", "PASS")
    assert exit_status([row]) == 0


def test_memory_figures_are_shown_in_mib() -> None:
    result = Result(work="export memory", floor="10,000 rows", floor_value=50 * 2**20, measured=60 * 2**20,
                    target=1.3, unit="B")
    (row,) = rows_from_output("export", output(result), 0)
    assert (row.floor_value, row.measured, row.ratio, row.verdict) == ("50.0 MiB", "60.0 MiB", "1.20", "PASS")


def test_a_bench_printing_only_text_is_summarised_from_its_ratio_lines() -> None:
    text = ("floor (calamine parse + sqlite3 executemany): 4.10 s\ncaio import: 5.00 s\n"
            "ratio 1.22 (target ≤ 1.5) PASS\nmemory ratio 1.45 (target <= 1.3) FAIL\n")
    rows = rows_from_output("import", text, 1)
    assert [(r.ratio, r.verdict) for r in rows] == [("1.22", "PASS"), ("1.45", "FAIL")]


@pytest.mark.parametrize(("text", "status"), [
    ("Traceback (most recent call last):\nRuntimeError: boom\n", 1),  # crashed before any figure
    ("pandas is not installed: skipped\n", 0),  # a skipped comparison measured nothing either
])
def test_a_bench_without_figures_fails_whatever_its_exit_status(text: str, status: int) -> None:
    (row,) = rows_from_output("x", text, status)
    assert row.verdict == "FAIL" and row.work == "reported no figure"
    assert exit_status([row]) == 1


def test_a_non_zero_exit_after_passing_figures_still_fails() -> None:
    passing = Result(work="pdf", floor="platypus", floor_value=1.0, measured=1.1, target=1.3)
    rows = rows_from_output("pdf", output(passing), 2)
    assert [r.verdict for r in rows] == ["PASS", "FAIL"] and "status 2" in rows[1].work
    assert exit_status(rows) == 1


def test_no_rows_at_all_is_a_failure() -> None:
    assert exit_status([]) == 1


def test_the_table_is_markdown_with_one_line_per_figure() -> None:
    rows = rows_from_output("info", output(
        Result(work="caio info", floor="sqlite3", floor_value=0.025, measured=0.045, target=2.0)), 0)
    lines = format_table(rows).splitlines()
    assert len(lines) == 3 and lines[1].startswith("|--")
    assert [c.strip() for c in lines[2].strip("|").split("|")] == [
        "info", "caio info", "sqlite3", "0.025 s", "0.045 s", "1.80", "≤ 2×", "PASS"]


def test_an_information_figure_never_fails_the_run() -> None:
    info = Result(work="demo start", floor="bare window", floor_value=0.1, measured=0.7, target=1.5, gate=False)
    (row,) = rows_from_output("startup", output(info), 0)
    assert (row.ratio, row.verdict) == ("7.00", "INFO")
    assert exit_status([row]) == 0
