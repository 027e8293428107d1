"""Comparing two states of a 100,000-risk register where 1% of the rows differ, against a bare SQL EXCEPT.

Two states of one engagement are built (seeded, one recorded bulk insert, the second a copy of the
first): in the later one 800 risks are re-rated (likelihood, impact, level, status), 100 added and 100
deleted, so 1% of the rows differ. Measured: `compare_states(after, before, modules=["risks"])` read to
the end — opening both files read-only, the identity check, the join on id field by field and every
change named in the workspace language. Floor: a bare `SELECT * FROM main.risks EXCEPT SELECT * FROM
old.risks`, and the same the other way (what any diff by EXCEPT needs: rows new or changed, rows gone
or changed), on one connection with both files attached, fetched to the end. Target: ≤ 3×. Times are
CPU time (`time.process_time`) of this single-threaded process, median of 5 alternating rounds after a
warm-up, so that other people's work on this shared machine does not decide the ratio.

Memory: the peak of Python allocations (tracemalloc) while comparing, at 100,000 risks against 10,000
risks with the same 1,000 differing rows. Flat in the number of unchanged rows means the two peaks are
alike: target ≤ 1.5×. (SQLite's own page cache is bounded by its cache_size whatever the table size.)

    .venv/bin/python bench/bench_diff.py [--risks 100000] [--small 10000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Result, median_times, report, risk_workspace  # noqa: E402 - bench/ is not a package

TARGET = 3.0
MEMORY_TARGET = 1.5
CHANGED, ADDED, REMOVED = 800, 100, 100  # 1% of 100,000


def two_states(folder: Path, risks: int, *, changed: int = CHANGED, added: int = ADDED,
               removed: int = REMOVED) -> tuple[Path, Path]:
    """(before, after): a `risks`-risk workspace and a copy of it where `changed` risks were re-rated,
    `added` added and `removed` deleted (raw SQL on the copy: what is timed is the comparison)."""
    from caio_desktop.reference.risk_matrix import load_risk_matrix

    before = risk_workspace(folder / f"before-{risks}.caio", risks)
    after = folder / f"after-{risks}.caio"
    shutil.copyfile(before, after)
    rng, matrix = random.Random(7), load_risk_matrix()
    ids = rng.sample(range(1, risks + 1), changed + removed)
    connection = sqlite3.connect(after)
    with connection:
        for row_id in ids[:changed]:  # another likelihood every time, so each of these rows differs
            (old,) = connection.execute("SELECT likelihood FROM risks WHERE id = ?", (row_id,)).fetchone()
            li, im = old % 5 + 1, rng.randint(1, 5)
            connection.execute("UPDATE risks SET likelihood = ?, impact = ?, level = ?, status = 'in_treatment' "
                               "WHERE id = ?", (li, im, matrix.level_for(li, im), row_id))
        connection.executemany("DELETE FROM risks WHERE id = ?", [(i,) for i in ids[changed:]])
        connection.executemany(
            "INSERT INTO risks (code, title, likelihood, impact, level, created_at, updated_at, custom) "
            "VALUES (?, ?, 3, 3, 'medium', '2026-03-16 09:00:00', '2026-03-16 09:00:00', '{}')",
            [(f"R-9{n:05d}", f"Nouveau risque {n}") for n in range(added)])
    connection.close()
    return before, after


def bare_except(before: Path, after: Path) -> int:
    """The floor: EXCEPT both ways over the two risk tables, fetched to the end."""
    connection = sqlite3.connect(f"{after.resolve().as_uri()}?mode=ro", uri=True)
    try:
        connection.execute(f"ATTACH DATABASE '{before.resolve().as_uri()}?mode=ro' AS old")
        rows = connection.execute("SELECT * FROM main.risks EXCEPT SELECT * FROM old.risks").fetchall()
        rows += connection.execute("SELECT * FROM old.risks EXCEPT SELECT * FROM main.risks").fetchall()
    finally:
        connection.close()
    return len(rows)


def diff(before: Path, after: Path) -> int:
    """What is measured: the comparison engine on the risk register, every change read."""
    from caio_desktop.workspace.compare import compare_states

    return sum(d.count for d in compare_states(after=after, before=before, modules=["risks"]))


def peak_memory(before: Path, after: Path) -> int:
    tracemalloc.start()
    try:
        diff(before, after)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="caio-bench-diff-") as tmp:
        folder = Path(tmp)
        share = args.risks // 100
        before, after = two_states(folder, args.risks, changed=share * 8 // 10, added=share // 10,
                                   removed=share // 10)
        found = diff(before, after)
        expected = share * 8 // 10 + 2 * (share // 10)
        if found != expected:
            print(f"the comparison found {found} changes, not {expected}", file=sys.stderr)
            return 1
        times = median_times({"except": lambda: bare_except(before, after), "diff": lambda: diff(before, after)},
                             clock=time.process_time)
        small_before, small_after = two_states(folder, args.small, changed=share * 8 // 10, added=share // 10,
                                               removed=share // 10)
        peaks = {"small": peak_memory(small_before, small_after), "large": peak_memory(before, after)}
    ok = report(Result(f"diff of two {args.risks:,}-risk states, 1% differing", "bare SQL EXCEPT both ways",
                       times["except"], times["diff"], TARGET))
    ok &= report(Result(f"diff peak memory at {args.risks:,} risks, same {found:,} changes",
                        f"the same at {args.small:,} risks", peaks["small"], peaks["large"], MEMORY_TARGET,
                        unit="B"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
