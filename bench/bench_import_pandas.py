"""Import of a 100,000-row × 12-column risk register against what a data-savvy user would do instead:
`pandas.read_excel(engine="openpyxl")`, which only parses the sheet.

Same file as bench_import.py (its seeded generator). Floor: pandas.read_excel with openpyxl (parse
only: no mapping, validation or storage). Measurement: the `caio` import of the same file into the
risks register of a new workspace (plan: read, header, mapping, conversion, validation; apply: one
recorded transaction with derived codes and levels). Target: the import is ≥ 5 × faster than the
parse alone. Both are warmed up on a 1,000-row file, then alternate; the median of 3 is kept. Times are
this process's CPU time (`time.process_time`; both are single-threaded). pandas is not a dependency of
CAIO Desktop but of the `bench` extra, which `make bench` installs; without it this bench reports no
figure and exits 1 (a comparison that was not measured must not pass).

    .venv/bin/python bench/bench_import_pandas.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import sheets  # noqa: E402 - bench/ is not a package
from benchlib import Result, median_times, report  # noqa: E402

TARGET = 5.0
_serial = itertools.count()


def caio_import(sheet: Path, folder: Path) -> int:
    """Import `sheet` into the risks of a new workspace; the number of risks imported."""
    from caio_desktop.interchange.importing import apply_import, plan_import
    from caio_desktop.workspace import Workspace
    from caio_desktop.workspace.queries import count_rows

    path = folder / f"import-{next(_serial)}.caio"
    workspace = Workspace.create(path, client="Bench", language="fr", start=dt.date(2026, 1, 5))
    try:
        apply_import(workspace, plan_import(workspace, sheet, "risks", mapping="auto"))
        return count_rows(workspace, "risks")
    finally:
        workspace.close()
        path.unlink()


def pandas_parse(sheet: Path) -> int:
    import pandas

    return len(pandas.read_excel(sheet, engine="openpyxl"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas is not installed, so the comparison cannot be measured: install the bench extra "
              "(make bench does it, or .venv/bin/pip install -e '.[bench]')")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, sheet = sheets(folder, args.rows)
        if caio_import(small, folder) != 1_000 or pandas_parse(small) != 1_000:  # warm-up, and a sanity check
            raise SystemExit("the warm-up import or parse lost rows")
        started = time.perf_counter()
        timings = median_times({"pandas": lambda: pandas_parse(sheet), "caio": lambda: caio_import(sheet, folder)},
                               rounds=3, warmup=0, clock=time.process_time)
        print(f"3 rounds in {time.perf_counter() - started:.0f} s wall")
    result = Result(work=f"caio import {args.rows:,} rows vs pandas", floor="pandas.read_excel(openpyxl), parse only",
                    floor_value=timings["pandas"], measured=timings["caio"], target=TARGET, better="higher")
    return 0 if report(result) else 1


if __name__ == "__main__":
    sys.exit(main())
