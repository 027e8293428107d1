"""Excel export of an engagement holding a 100,000-risk register, against its floor.

Workspace: a French engagement whose risk register holds N generated risks (seeded, bulk-inserted with
`Recorder.insert_many`), with custom attributes on every row.
Floor: a bare openpyxl write-only workbook holding the same cell values for the risks (no styles, no
validations, no database reads), saved to disk.
Measurement: `export_workbook` of the whole engagement (cover, heat map, maturity summary, every
register with styles, drop-downs and level colours), reading the workspace page by page.
Targets: time ≤ 1.5 × floor; peak traced memory at N rows ≤ 1.3 × the peak at N/10 rows.

    .venv/bin/python bench/bench_export.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

TIME_TARGET = 1.5
MEMORY_TARGET = 1.3
OWNERS = ["DSI", "DPO", "Direction juridique", "Direction des risques", "Métier assurance"]
CATEGORIES = ["ai_ethics", "cybersecurity", "privacy_gdpr", "ai_act", "operational", "legal", "vendor"]


def build_workspace(path: Path, rows: int, seed: int = 42):  # noqa: ANN201 - a Workspace
    from caio_desktop.operations import rules
    from caio_desktop.operations.recorder import Recorder
    from caio_desktop.workspace import Workspace

    rng = random.Random(seed)
    workspace = Workspace.create(path, client="Assurances du Rhône", language="fr", start=dt.date(2026, 1, 5),
                                 months=12, sector="Assurance", consultant="Camille Durand")
    batch: list[dict] = []
    with workspace.writing() as conn:
        recorder = Recorder(conn, "bench", audit=False)
        for n in range(rows):
            values = {
                "code": f"R-{n + 1:06d}",
                "title": f"Risque {n:06d} : dérive du modèle {rng.randint(1, 500)}",
                "description": f"Le modèle {rng.randint(1, 90)} produit des résultats biaisés\n"
                               f"sur le segment {rng.randint(1, 40)}",
                "category": rng.choice(CATEGORIES),
                "cause": "Données d'entraînement non représentatives",
                "consequence": "Décisions contestées, atteinte à la réputation",
                "owner": rng.choice(OWNERS),
                "likelihood": rng.randint(1, 5),
                "impact": rng.randint(1, 5),
                "residual_likelihood": rng.randint(1, 3),
                "residual_impact": rng.randint(1, 3),
                "treatment": rng.choice(["mitigate", "accept", "transfer", "avoid"]),
                "status": rng.choice(["open", "in_treatment", "closed"]),
                "review_date": dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 700)),
                "custom": {"Zone": rng.choice(["Nord", "Sud", "Est", "Ouest"]),
                           "Réf. interne": f"RI-{rng.randint(1, 99999)}"},
            }
            rules.derive("risks", values, None)
            batch.append(values)
            if len(batch) == 10_000:
                recorder.insert_many("risks", batch)
                batch.clear()
        recorder.insert_many("risks", batch)
    return workspace


def risk_values(workspace) -> list[list]:  # noqa: ANN001
    """The risks' cells exactly as the export shows them (labels, dates, custom columns), in memory."""
    from openpyxl import Workbook

    from caio_desktop.domain.modules import MODULES
    from caio_desktop.interchange.excel_export.columns import register_columns
    from caio_desktop.interchange.excel_export.reading import RefLabels, custom_attribute_names, iter_rows

    scratch = Workbook(write_only=True).create_sheet("scratch")
    columns = register_columns(scratch, MODULES["risks"], lang="fr", refs=RefLabels(workspace),
                               custom_names=custom_attribute_names(workspace, "risks"))
    values = [[c.header for c in columns]]
    for page in iter_rows(workspace, "risks"):
        values.extend([c.value(row) for c in columns] for row in page)
    return values


def floor(values: list[list], out: Path) -> float:
    from openpyxl import Workbook

    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Risques")
    for row in values:
        sheet.append(row)
    workbook.save(out)
    return time.perf_counter() - started


def measure(workspace, out: Path) -> float:  # noqa: ANN001
    from caio_desktop.interchange.excel_export import export_workbook

    started = time.perf_counter()
    export_workbook(workspace, out)
    return time.perf_counter() - started


def peak_memory(workspace, out: Path) -> int:  # noqa: ANN001
    from caio_desktop.interchange.excel_export import export_workbook

    gc.collect()
    tracemalloc.start()
    try:
        export_workbook(workspace, out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    small_rows = max(1, args.rows // 10)
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        started = time.perf_counter()
        big = build_workspace(folder_path / "big.caio", args.rows)
        small = build_workspace(folder_path / "small.caio", small_rows)
        print(f"generated {args.rows:,} and {small_rows:,} risks in {time.perf_counter() - started:.1f} s")

        values = risk_values(big)
        floors, exports = [], []
        for i in range(2):  # interleaved, best of each: a busy machine slows both alike
            floors.append(floor(values, folder_path / f"floor{i}.xlsx"))
            exports.append(measure(big, folder_path / f"export{i}.xlsx"))
        floor_s, export_s = min(floors), min(exports)
        del values
        gc.collect()
        ratio = export_s / floor_s
        ok_time = ratio <= TIME_TARGET
        print(f"floor (bare openpyxl write-only, same risk cells): {floor_s:.2f} s")
        print(f"export_workbook ({args.rows:,} risks, whole engagement): {export_s:.2f} s")
        print(f"time ratio {ratio:.2f} (target <= {TIME_TARGET}) {'PASS' if ok_time else 'FAIL'}")

        small_peak = peak_memory(small, folder_path / "small.xlsx")
        big_peak = peak_memory(big, folder_path / "big.xlsx")
        memory_ratio = big_peak / small_peak
        ok_memory = memory_ratio <= MEMORY_TARGET
        print(f"peak traced memory: {small_rows:,} rows {small_peak / 2**20:.1f} MiB, "
              f"{args.rows:,} rows {big_peak / 2**20:.1f} MiB")
        print(f"memory ratio {memory_ratio:.2f} (target <= {MEMORY_TARGET}) {'PASS' if ok_memory else 'FAIL'}")
        from benchlib import Result  # the summary lines of bench/run_all.py

        print(Result(work=f"xlsx export, {args.rows:,} risks", floor="bare openpyxl write-only, same cells",
                     floor_value=floor_s, measured=export_s, target=TIME_TARGET).line())
        print(Result(work=f"xlsx export peak memory, {args.rows:,} vs {small_rows:,} risks",
                     floor=f"the same export at {small_rows:,} risks", floor_value=small_peak,
                     measured=big_peak, target=MEMORY_TARGET, unit="B").line())
        big.close()
        small.close()
    return 0 if ok_time and ok_memory else 1


if __name__ == "__main__":
    sys.exit(main())
