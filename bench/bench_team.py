"""Team mode on a PostgreSQL server (issue 19): importing 100,000 risks, and opening a 100,000-risk
engagement, each against a floor measured on the same throw-away server in the same run.

1. Import: `apply_import` of a planned 100,000-row risk sheet into an empty engagement (what
   `caio import` and the app's importer do once the sheet is read: the rows checked, one recorded bulk
   insert through COPY, the audit entry, one transaction). Floor: a bare COPY of the same rows (the
   same columns and values, already in Python, through psycopg's `cursor.copy()`) into an empty
   engagement with the same tables and indexes, in one transaction. Target ≤ 2×.
2. Open: `TeamWorkspace.open` of a 100,000-risk engagement (connection, the role's rights, the schema
   version and shape checks, the engagement's own choices), its engagement row and the first page of
   risks. Floor: the same on a 1,000-risk engagement. Target ≤ 1.5×: nothing of it grows with the register.
   Shown for information beside it: the same plus every register's row count and the heat map's
   grouped counts, which PostgreSQL reads from the whole register (no stored count under MVCC), so
   they grow with it.

Times are wall-clock (the server's work is another process's), median of 5 alternating rounds after a
warm-up; each import round gets fresh engagements. The server is started here and stopped at the end
(caio_desktop/team/testserver.py, the tests' own); without PostgreSQL the bench says so and skips.

    .venv/bin/python bench/bench_team.py [--risks 100000] [--small 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Result, median_times, report, risk_rows  # noqa: E402 - bench/ is not a package

IMPORT_TARGET = 2.0
OPEN_TARGET = 1.5
_keys = itertools.count(1)


def _sheet(path: Path, risks: int) -> Path:
    """A client's risk register as a CSV (French headers), seeded."""
    with path.open("w", encoding="utf-8") as out:
        out.write("Titre;Description;Probabilité;Impact;Propriétaire;Catégorie\n")
        for row in risk_rows(risks):
            out.write(f"{row['title']};{row['description']};{row['likelihood']};{row['impact']};"
                      f"{row['owner']};{row['category']}\n")
    return path


def _new_engagement(server: Any) -> Any:
    from caio_desktop.team.workspace import TeamWorkspace

    return TeamWorkspace.create(server.url(f"bench-{next(_keys)}"), client="Assurances du Rhône", language="fr",
                                start=dt.date(2026, 1, 5), months=12, consultant="Camille Durand")


def _planned_columns(ws: Any, plan: Any) -> tuple[list[str], list[tuple]]:
    """The columns and rows the import writes, as the Recorder hands them to COPY (for the floor)."""
    from caio_desktop.operations import recorder

    seen: dict[str, list] = {}
    original = recorder.Recorder._insert_columns

    def capture(self, t, columns, *, ids_given=True):  # noqa: ANN001, ANN202
        for name, values in columns.items():
            seen.setdefault(name, []).extend(values)
        return original(self, t, columns, ids_given=ids_given)

    recorder.Recorder._insert_columns = capture
    try:
        from caio_desktop.interchange.importing import apply_import

        apply_import(ws, plan)
    finally:
        recorder.Recorder._insert_columns = original
    names = list(seen)
    return names, list(zip(*(seen[n] for n in names), strict=True))


def bare_copy(ws: Any, names: list[str], rows: list[tuple]) -> None:
    """The floor: one COPY of `rows` into the engagement's risks table, one transaction, nothing else."""
    import json

    from sqlalchemy import JSON

    from caio_desktop.workspace.models import Base

    table = Base.metadata.tables["risks"]
    json_columns = {i for i, n in enumerate(names) if isinstance(table.c[n].type, JSON)}
    with ws.engine.begin() as conn, conn.connection.driver_connection.cursor() as cursor, cursor.copy(
            f"COPY risks ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(v, ensure_ascii=False) if i in json_columns else v
                            for i, v in enumerate(row)] if json_columns else row)


def page_reads(url: str, *, counted: bool = False) -> None:
    """Open the engagement and read its engagement row and the first page of risks (with `counted`,
    also every register's count and the heat map's grouped counts), then close it."""
    from sqlalchemy import func, select

    from caio_desktop.team.workspace import TeamWorkspace
    from caio_desktop.workspace.models import Risk
    from caio_desktop.workspace.queries import counts, fetch_rows

    with TeamWorkspace.open(url) as ws:
        ws.engagement()
        fetch_rows(ws, "risks", limit=100)
        if counted:
            counts(ws)
            with ws.engine.connect() as conn:
                conn.execute(select(Risk.likelihood, Risk.impact, func.count()).group_by(
                    Risk.likelihood, Risk.impact)).all()


def seeded_engagement(server: Any, risks: int) -> str:
    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded

    rows = risk_rows(risks)
    ws = _new_engagement(server)
    try:
        run_recorded(ws, ChangeSet("add", "risks", f"×{risks}", [], [], None, "risque", "risk"),
                     lambda rec: [rec.insert_many("risks", rows[i:i + 10_000]) for i in range(0, len(rows), 10_000)])
        # As on a server in use: statistics and the visibility map up to date (autovacuum's work).
        with ws.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE risks")
        return ws.location
    finally:
        ws.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from caio_desktop.team.testserver import ServerUnavailable, ThrowAwayServer

    try:
        server = ThrowAwayServer.start()
    except ServerUnavailable as exc:
        print(f"bench_team: skipped, no throw-away PostgreSQL server ({exc})")
        return 0
    try:
        return run(server, args)
    finally:
        server.stop()


def run(server: Any, args: argparse.Namespace) -> int:
    from caio_desktop.interchange.importing import apply_import, plan_import

    with tempfile.TemporaryDirectory() as folder:
        sheet = _sheet(Path(folder) / "registre.csv", args.risks)
        probe = _new_engagement(server)
        plan = plan_import(probe, sheet, "risks", mapping="auto")
        names, rows = _planned_columns(probe, plan)
        probe.close()
    print(f"{len(plan.valid)} risks planned; COPY of {len(rows)} rows × {len(names)} columns")
    ours: list[Any] = []

    def fresh() -> Any:
        ws = _new_engagement(server)
        ours.append(ws)
        return ws

    targets: dict[str, list[Any]] = {"import": [], "copy": []}
    for _ in range(1 + args.rounds):  # the engagements of every round, made outside the timings
        targets["import"].append(fresh())
        targets["copy"].append(fresh())
    times = median_times({"import": lambda: apply_import(targets["import"].pop(), plan),
                          "copy": lambda: bare_copy(targets["copy"].pop(), names, rows)}, rounds=args.rounds)
    for ws in ours:
        ws.close()
    ok = report(Result(f"team import of {args.risks:,} risks into PostgreSQL", "bare COPY of the same rows",
                       times["copy"], times["import"], IMPORT_TARGET))
    large, small = seeded_engagement(server, args.risks), seeded_engagement(server, args.small)
    times = median_times({"large": lambda: page_reads(large), "small": lambda: page_reads(small),
                          "large counted": lambda: page_reads(large, counted=True),
                          "small counted": lambda: page_reads(small, counted=True)}, rounds=args.rounds)
    ok &= report(Result(f"team open of a {args.risks:,}-risk engagement (first page of risks)",
                        f"the same on {args.small:,} risks", times["small"], times["large"], OPEN_TARGET))
    report(Result(f"team open of a {args.risks:,}-risk engagement with every count and the heat map",
                  f"the same on {args.small:,} risks", times["small counted"], times["large counted"],
                  OPEN_TARGET, gate=False, note="PostgreSQL counts by reading the register"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
