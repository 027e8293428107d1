"""Search across the engagement on a 100,000-risk register, against bare SQLite FTS5 on the same rows.

A workspace of 100,000 seeded risks (one recorded bulk insert) is searched as a consultant types:
"d", "dé", "dér", "dérive", "dérive mod", "modele 42", "R-0500", "biaises segment 3" (accents left out,
as people type them), "consequences reputation".

- Search: `SearchIndex.search(text)` for each of those texts, results read (every register's count,
  the best 20 hits of each with code, highlighted title and snippet). Floor: the same rows (code, title,
  the other text columns joined) in a throw-away in-memory FTS5 table of the same tokenizer and prefix
  indexes, queried with a bare `MATCH` per text: the count, and the 20 best rowids by bm25 — what any
  FTS5 search of those rows needs. Target ≤ 2× (our extra: highlights, snippets, the other 27 registers'
  empty tables, building the MATCH expression).
- Build: `SearchIndex.build()` — every register read through SQLAlchemy Core and indexed. Floor: the
  same columns of the risk table read with sqlite3 from the file and inserted into that bare FTS5 table.
  Target ≤ 2×.

Times are CPU time (`time.process_time`) of this single-threaded process, median of 5 alternating rounds
after a warm-up, so other people's work on this shared machine does not decide the ratio.

    .venv/bin/python bench/bench_search.py [--risks 100000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Result, median_times, report, risk_workspace  # noqa: E402 - bench/ is not a package

SEARCH_TARGET = 2.0
BUILD_TARGET = 2.0
TYPED = ("d", "dé", "dér", "dérive", "dérive mod", "modele 42", "R-0500", "biaises segment 3",
         "consequences reputation")
TEXT_COLUMNS = ("description", "cause", "consequence", "owner")  # the risk's text besides code and title


def bare_index(path: Path) -> sqlite3.Connection:
    """The floor's index: the risks' code, title and other text, read with sqlite3, in FTS5."""
    source = sqlite3.connect(path)
    rows = source.execute(f"SELECT id, code, title, {', '.join(TEXT_COLUMNS)} FROM risks ORDER BY id").fetchall()
    source.close()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(code, title, body, "
               "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
    db.executemany("INSERT INTO t (rowid, code, title, body) VALUES (?, ?, ?, ?)",
                   [(r[0], r[1], r[2], " · ".join(str(v) for v in r[3:] if v)) for r in rows])
    db.commit()
    return db


def bare_search(db: sqlite3.Connection, expressions: list[str]) -> int:
    found = 0
    for expression in expressions:
        found += db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()[0]
        found += len(db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 10.0, 5.0, 1.0) LIMIT 20",
                                (expression,)).fetchall())
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=100_000)
    args = parser.parse_args()
    from caio_desktop.workspace import Workspace
    from caio_desktop.workspace.search import SearchIndex, match_expression

    with tempfile.TemporaryDirectory() as folder:
        path = risk_workspace(Path(folder) / "search.caio", args.risks)
        workspace = Workspace.open(path, read_only=True)
        try:
            expressions = [match_expression(text) for text in TYPED]
            index = SearchIndex(workspace)
            index.build()
            floor_db = bare_index(path)
            ours = sum(g.total + len(g.hits) for text in TYPED for g in index.search(text, modules=["risks"]))
            assert ours == bare_search(floor_db, expressions), "the two searches must find the same rows"
            print(f"{args.risks:,} risks; {len(TYPED)} searches finding {ours:,} rows and hits in all")
            times = median_times({
                "floor": lambda: bare_search(floor_db, expressions),
                "ours": lambda: [g.hits for text in TYPED for g in index.search(text)],
            }, clock=time.process_time)
            ok = report(Result(f"search as one types ({len(TYPED)} texts, {args.risks:,} risks)",
                               "bare FTS5 MATCH: count + best 20 by bm25", times["floor"], times["ours"],
                               SEARCH_TARGET))

            def build() -> None:
                SearchIndex(workspace).build()

            builds = median_times({"floor": lambda: bare_index(path).close(), "ours": build},
                                  rounds=3, clock=time.process_time)
            ok &= report(Result(f"build the index ({args.risks:,} risks, every register)",
                                "sqlite3 read + bare FTS5 insert of the risks", builds["floor"], builds["ours"],
                                BUILD_TARGET))
            index.close()
            floor_db.close()
        finally:
            workspace.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
