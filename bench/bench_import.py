"""Import of a 100,000-row risk register against its floor.

Floor: a bare python-calamine parse of the same xlsx plus a bare sqlite3 executemany of the same rows
in one transaction (same pragmas as a workspace: foreign keys, synchronous=FULL). Measurement: `caio`
import of the file (plan: read, header, mapping, conversion, validation; apply: one recorded
transaction with derived risk codes and levels). Target: measurement ≤ 1.5 × floor.

Both sides are warmed up on a 1,000-row file, then take turns for 5 rounds (wall clock, what the user
waits for: the guard's pass over the sheet's XML comes first, then python-calamine parses in a helper
thread while the calling thread finds the error and formula cells in the XML the guard kept); the median
of each is kept, so that one burst of load on a shared machine does not decide the figure.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5
HEADERS = ["Risque", "Description", "Catégorie", "Cause", "Conséquence", "Responsable", "Probabilité",
           "Impact", "Traitement", "Statut", "Date de revue", "Commentaire interne"]
CATEGORIES = ["Cybersécurité", "RGPD", "Éthique", "AI Act", "Opérationnel", "Juridique", "Réputation"]
LEVELS = ["Faible", "Moyen", "Élevé", "Critique", 1, 2, 3, 4, 5, "low", "high"]
TREATMENTS = ["Réduire", "Accepter", "Transférer", "Éviter"]
STATUSES = ["Ouvert", "En traitement", "Clos"]
OWNERS = ["DSI", "DPO", "Direction juridique", "Direction des risques", "Métier assurance"]


def generate(path: Path, rows: int, seed: int = 42) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Registre")
    sheet.append(HEADERS)
    start = dt.datetime(2026, 1, 1)
    for n in range(rows):
        sheet.append([
            f"Risque {n:06d} : dérive du modèle {rng.randint(1, 500)}",
            f"Le modèle {rng.randint(1, 90)} produit des résultats biaisés sur le segment {rng.randint(1, 40)}",
            rng.choice(CATEGORIES),
            "Données d'entraînement non représentatives",
            "Décisions contestées, atteinte à la réputation",
            rng.choice(OWNERS),
            rng.choice(LEVELS),
            rng.choice(LEVELS),
            rng.choice(TREATMENTS),
            rng.choice(STATUSES),
            start + dt.timedelta(days=rng.randint(0, 700)),
            f"Revue {rng.randint(1, 12)}/2026",
        ])
    workbook.save(path)


def sheets(folder: Path, rows: int) -> tuple[Path, Path]:
    """The warm-up sheet (1,000 rows) and the measured one (`rows` rows) in `folder`, generated; what
    every import bench reads."""
    small, sheet = folder / "small.xlsx", folder / "risks.xlsx"
    began = time.perf_counter()
    generate(small, 1_000)
    generate(sheet, rows)
    print(f"generated {rows:,} rows × {len(HEADERS)} columns ({sheet.stat().st_size / 2**20:.1f} MB) "
          f"in {time.perf_counter() - began:.1f} s")
    return small, sheet


_serial = itertools.count()


def floor(path: Path, folder: Path) -> float:
    from python_calamine import CalamineWorkbook

    gc.disable()  # the floor gets the same help as the import (see interchange/bulk.py)
    began = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python()
    db = folder / f"floor-{next(_serial)}.sqlite"
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(f"CREATE TABLE risks (id INTEGER PRIMARY KEY, {', '.join(f'c{i}' for i in range(12))})")
    with connection:
        connection.executemany(f"INSERT INTO risks ({', '.join(f'c{i}' for i in range(12))}) "
                               f"VALUES ({', '.join('?' * 12)})", [[str(c) for c in r] for r in rows[1:]])
    connection.close()
    elapsed = time.perf_counter() - began
    gc.enable()
    return elapsed


def measure(path: Path, folder: Path) -> tuple[float, str]:
    from caio_desktop.interchange.importing import apply_import, plan_import
    from caio_desktop.workspace import Workspace
    from caio_desktop.workspace.queries import count_rows

    workspace = Workspace.create(folder / f"bench-{next(_serial)}.caio", client="Bench", language="fr",
                                 start=dt.date(2026, 1, 5))
    try:
        began = time.perf_counter()
        plan = plan_import(workspace, path, "risks", mapping="auto")
        result = apply_import(workspace, plan)
        elapsed = time.perf_counter() - began
        return elapsed, f"{result.summary()}; {count_rows(workspace, 'risks')} risks in the workspace"
    finally:
        workspace.close()


def pandas_read(path: Path) -> float | None:
    try:
        import pandas
    except ImportError:
        return None
    began = time.perf_counter()
    pandas.read_excel(path, engine="calamine")
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one measured import")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, sheet = sheets(folder, args.rows)
        floor(small, folder), measure(small, folder)  # warm-up: modules imported, caches filled
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            measure(sheet, folder)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        floors, imports, outcome = [], [], ""
        for _ in range(args.rounds):  # taking turns: a burst of load hits both sides alike
            floors.append(floor(sheet, folder))
            elapsed, outcome = measure(sheet, folder)
            imports.append(elapsed)
        base, elapsed = statistics.median(floors), statistics.median(imports)
        ratio = elapsed / base
        print(f"floor (calamine parse + sqlite3 executemany): median {base:.2f} s "
              f"({', '.join(f'{t:.2f}' for t in floors)})")
        print(f"caio import: median {elapsed:.2f} s ({', '.join(f'{t:.2f}' for t in imports)}; {outcome})")
        extra = pandas_read(sheet)
        if extra is not None:
            print(f"for reference, pandas.read_excel (calamine engine): {extra:.2f} s")
        else:
            print("pandas not installed: the reference line is left out (bench_import_pandas.py measures "
                  "the comparison, with the bench extra)")
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        print(f"ratio {ratio:.2f} (target ≤ {TARGET}) {verdict}")
        from benchlib import Result  # the summary line of bench/run_all.py

        print(Result(work=f"caio import, {args.rows:,} rows × 12 columns (median of {args.rounds} alternating "
                     "rounds)", floor="calamine parse + sqlite3 executemany", floor_value=base, measured=elapsed,
                     target=TARGET).line())
        return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
