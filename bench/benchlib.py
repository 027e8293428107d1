"""What the benchmarks share: timing by median, the result line `run_all.py` collects, and a seeded
risk-register workspace built with bulk inserts.

Each bench script prints its own detail for people, and one `BENCH-RESULT {json}` line per figure for
`bench/run_all.py`, which runs every script in its own process and prints the summary table.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULT_PREFIX = "BENCH-RESULT "
CATEGORIES = ["ai_ethics", "cybersecurity", "privacy_gdpr", "ai_act", "operational", "legal", "vendor"]
OWNERS = ["DSI", "DPO", "Direction juridique", "Direction des risques", "Métier assurance"]


@dataclass(frozen=True)
class Result:
    """One figure: a measurement compared with the floor measured in the same run.

    `better` says which way is good: "lower" means ratio = measurement / floor must be ≤ target
    (a slowdown factor), "higher" means ratio = floor / measurement must be ≥ target (a speed-up).
    """

    work: str
    floor: str
    floor_value: float
    measured: float
    target: float
    better: str = "lower"
    unit: str = "s"
    note: str = ""
    gate: bool = True  # False: shown for information, never fails the run

    @property
    def ratio(self) -> float:
        if self.better == "lower":
            return self.measured / self.floor_value if self.floor_value else float("inf")
        return self.floor_value / self.measured if self.measured else float("inf")

    @property
    def passed(self) -> bool:
        return self.ratio <= self.target if self.better == "lower" else self.ratio >= self.target

    @property
    def verdict(self) -> str:
        if not self.gate:
            return "INFO"
        return "PASS" if self.passed else "FAIL"

    @property
    def target_text(self) -> str:
        return f"≤ {self.target:g}×" if self.better == "lower" else f"≥ {self.target:g}× faster"

    def line(self) -> str:
        return RESULT_PREFIX + json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def parse(cls, line: str) -> Result | None:
        """The Result a bench printed on `line`, or None when the line is not a result line."""
        if not line.startswith(RESULT_PREFIX):
            return None
        try:
            return cls(**json.loads(line[len(RESULT_PREFIX):]))
        except (ValueError, TypeError):
            return None


def report(result: Result) -> bool:
    """Print the figure for people and the result line for run_all; False when it misses its target
    (an information-only figure never does)."""
    print(f"{result.work}: floor ({result.floor}) {result.floor_value:.3f} {result.unit}, "
          f"measured {result.measured:.3f} {result.unit}, ratio {result.ratio:.2f} "
          f"(target {result.target_text}) {result.verdict}")
    print(result.line(), flush=True)
    return result.verdict != "FAIL"


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children.

    The clock for benches that time fresh processes: on this shared 2-core machine other people's test
    runs stretch wall time by a factor that changes from one second to the next, while a process's own
    CPU time is its duration whenever it does not wait (start-up and page-cache reads do not).
    """
    import resource  # POSIX only, like these benches' subprocess timing

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # microseconds, where os.times() has 10 ms ticks
    return usage.ru_utime + usage.ru_stime


def median_times(actions: dict[str, Callable[[], object]], *, rounds: int = 5, warmup: int = 1,
                 clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Median duration of each action over `rounds`, the actions taking turns within each round so
    that a burst of load on this shared machine hits both sides alike; `warmup` rounds are not kept."""
    timings: dict[str, list[float]] = {name: [] for name in actions}
    for round_ in range(warmup + rounds):
        for name, action in actions.items():
            # Each side starts on a collected heap, untimed: otherwise the garbage one side leaves is
            # collected (and billed) during the other side's run.
            gc.collect()
            start = clock()
            action()
            elapsed = clock() - start
            if round_ >= warmup:
                timings[name].append(elapsed)
    return {name: statistics.median(values) for name, values in timings.items()}


def risk_rows(count: int, *, seed: int = 42) -> list[dict]:
    """`count` risks as stored (code and derived levels precomputed from the risk matrix), seeded."""
    from caio_desktop.reference.risk_matrix import load_risk_matrix

    rng = random.Random(seed)
    matrix = load_risk_matrix()
    rows = []
    for n in range(1, count + 1):
        li, im = rng.randint(1, 5), rng.randint(1, 5)
        rli, rim = max(1, li - rng.randint(0, 2)), max(1, im - rng.randint(0, 1))
        rows.append({
            "code": f"R-{n:06d}", "likelihood": li, "impact": im, "level": matrix.level_for(li, im),
            "residual_likelihood": rli, "residual_impact": rim, "residual_level": matrix.level_for(rli, rim),
            "title": f"Risque {n:06d} : dérive du modèle {rng.randint(1, 500)}",
            "description": f"Le modèle {rng.randint(1, 90)} produit des résultats biaisés "
                           f"sur le segment {rng.randint(1, 40)}",
            "category": rng.choice(CATEGORIES), "owner": rng.choice(OWNERS),
            "cause": "Données d'entraînement non représentatives",
            "consequence": "Décisions contestées, atteinte à la réputation",
            "treatment": rng.choice(["mitigate", "accept", "transfer", "avoid"]),
            "status": rng.choice(["open", "in_treatment", "closed"]),
            "review_date": dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 700)),
        })
    return rows


def risk_workspace(path: Path, risks: int, *, seed: int = 42) -> Path:
    """A closed French workspace at `path` whose risk register holds `risks` generated risks, written
    as one recorded bulk insert (the import's path) in batches of 10,000."""
    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded
    from caio_desktop.workspace import Workspace

    rows = risk_rows(risks, seed=seed)
    workspace = Workspace.create(path, client="Assurances du Rhône", language="fr", start=dt.date(2026, 1, 5),
                                 months=12, consultant="Camille Durand")
    try:
        run_recorded(workspace, ChangeSet("add", "risks", f"×{risks}", [], [], None, "risque", "risk"),
                     lambda rec: [rec.insert_many("risks", rows[i:i + 10_000])
                                  for i in range(0, len(rows), 10_000)])
    finally:
        workspace.close()
    return path


def fresh_process_env(cache_dir: Path) -> dict[str, str]:
    """The environment for timing fresh interpreters: compiled bytecode cached in `cache_dir`.

    This machine's shell sets PYTHONDONTWRITEBYTECODE, so every process would compile each of our modules
    from source, which an installed app never does (pip compiles at install); the cache sits outside the
    tree so that no __pycache__ folder appears among the sources.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(cache_dir), QT_QPA_PLATFORM="offscreen", CAIO_NO_SETTINGS="1")
    return env
