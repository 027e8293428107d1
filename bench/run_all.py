"""Run every bench/bench_*.py in its own process and print one summary table; exit 1 if any figure
misses its target or a bench fails to report (`make bench`).

    .venv/bin/python bench/run_all.py [-k import] [-k open]

A bench reports each figure on a `BENCH-RESULT {json}` line (`benchlib.report`). A bench that prints
only text is still summarised from its "ratio … PASS/FAIL" lines, a bench that exits non-zero without a
failing figure gets a FAIL row of its own, and a bench that reports no figure at all FAILS whatever its
exit status (a comparison skipped for want of a package measured nothing: `make bench` installs the
`bench` extra so that every comparison runs), so nothing passes unmeasured.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Result  # noqa: E402 - bench/ is not a package

BENCH_DIR = Path(__file__).resolve().parent
TIMEOUT_SECONDS = 40 * 60
_TEXT_RATIO = re.compile(r"ratio[:\s]+([0-9.]+)\s*x?.*?\b(PASS|FAIL)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    """One line of the summary table."""

    bench: str
    work: str
    floor: str = ""
    floor_value: str = ""
    measured: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = "FAIL"


def _figure(value: float, unit: str) -> str:
    return f"{value / 2**20:.1f} MiB" if unit == "B" else f"{value:.3f} {unit}"


def rows_from_output(bench: str, output: str, returncode: int) -> list[Row]:
    """The summary rows of one bench run, from what it printed and how it exited."""
    rows: list[Row] = []
    text_rows: list[Row] = []
    for line in output.splitlines():
        result = Result.parse(line.strip())
        if result is not None:
            rows.append(Row(bench, result.work + (f" ({result.note})" if result.note else ""), result.floor,
                            _figure(result.floor_value, result.unit), _figure(result.measured, result.unit),
                            f"{result.ratio:.2f}", result.target_text, result.verdict))
            continue
        match = _TEXT_RATIO.search(line)
        if match:
            text_rows.append(Row(bench, line.strip()[:60], ratio=match.group(1), verdict=match.group(2).upper()))
    rows = rows or text_rows
    if not rows:  # a skipped comparison or a crash before the first figure: nothing was measured
        return [Row(bench, "reported no figure", verdict="FAIL")]
    if returncode != 0 and all(r.verdict != "FAIL" for r in rows):
        rows.append(Row(bench, f"exited with status {returncode} (see its output above)"))
    return rows


def format_table(rows: list[Row]) -> str:
    """The rows as a Markdown table (readable in a terminal, pasted as is into docs/performance.md)."""
    header = ("bench", "work", "floor", "floor", "measured", "ratio", "target", "")
    cells = [header] + [(r.bench, r.work, r.floor, r.floor_value, r.measured, r.ratio, r.target, r.verdict)
                        for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def exit_status(rows: list[Row]) -> int:
    """0 when every figure meets its target (INFO rows are shown for information only)."""
    return 0 if rows and all(r.verdict != "FAIL" for r in rows) else 1


def run_bench(script: Path) -> tuple[str, int]:
    """Run one bench in a fresh interpreter, echoing its output as it comes; (output, exit status)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAIO_NO_SETTINGS": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, str(script)], cwd=BENCH_DIR.parent, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = []
    started = time.monotonic()
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if not line.startswith("BENCH-RESULT "):
            print(f"  {line}", end="", flush=True)
        if time.monotonic() - started > TIMEOUT_SECONDS:
            process.kill()
            lines.append(f"killed after {TIMEOUT_SECONDS} s\n")
            break
    return "".join(lines), process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="only", action="append", default=[],
                        help="run only the benches whose file name contains this text (repeatable)")
    args = parser.parse_args(argv)
    scripts = [s for s in sorted(BENCH_DIR.glob("bench_*.py"))
               if not args.only or any(word in s.stem for word in args.only)]
    rows: list[Row] = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        started = time.monotonic()
        output, status = run_bench(script)
        print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
        rows.extend(rows_from_output(script.stem.removeprefix("bench_"), output, status))
    print()
    print(format_table(rows))
    status = exit_status(rows)
    print("\nall targets met" if status == 0 else
          f"\n{sum(r.verdict == 'FAIL' for r in rows)} figure(s) miss their target")
    return status


if __name__ == "__main__":
    sys.exit(main())
