"""Crash safety, tested: the real CLI is killed with SIGKILL at random moments of an import of a large
sheet, a burst of edits, an export, a snapshot and a schema upgrade; every time `caio check` passes
and the data is exactly the state before or after a committed operation.

Short form (make test): CAIO_CRASH_TRIALS defaults to 20 trials in all. Long form (make crash-test):
CAIO_CRASH_TRIALS=200. CAIO_CRASH_SEED chooses the kill moments (printed on failure, to replay a run);
CAIO_CRASH_ROWS the size of the large sheet; CAIO_CRASH_REPORT a file to append the figures to.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.cli.cmd_devtools import edit_burst
from caio_desktop.workspace import Workspace, schema
from caio_desktop.workspace.snapshots import list_snapshots, snapshot_problem
from tests.reliability.crash_harness import CAIO, CrashRun, Scenario, reference_run, run_trial, state

pytestmark = pytest.mark.crash

TRIALS = int(os.environ.get("CAIO_CRASH_TRIALS", "20"))
SEED = int(os.environ.get("CAIO_CRASH_SEED", "20261125"))
ROWS = int(os.environ.get("CAIO_CRASH_ROWS", "20000"))
SHARES = {"edit-burst": 0.3, "import": 0.2, "upgrade": 0.2, "export": 0.15, "snapshot": 0.15}
BURST = 40
FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "workspace-v1.caio"
SLOW_UPGRADE = Path(__file__).resolve().parent / "slow_upgrade.py"
RUN = CrashRun()


def trials(name: str) -> int:
    return max(2, round(TRIALS * SHARES[name]))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("crash")


@pytest.fixture(scope="module")
def small_base(workdir: Path) -> Path:
    target = workdir / "small.caio"
    shutil.copyfile(FIXTURE_V1, target)
    Workspace.open(target).close()  # upgraded first: the scenarios interrupt their own work, not an upgrade
    shutil.rmtree(target.with_name("small.snapshots"), ignore_errors=True)
    return target


@pytest.fixture(scope="module")
def large_sheet(workdir: Path) -> Path:
    """A client risk register of ROWS lines (CSV, French headers, accents, long texts)."""
    rng = random.Random(SEED)
    sheet = workdir / "registre-des-risques.csv"
    with sheet.open("w", encoding="utf-8") as out:
        out.write("Titre;Description;Probabilité;Impact;Propriétaire\n")
        for n in range(ROWS):
            out.write(f"Risque importé {n};Description détaillée du risque {n} {'é' * rng.randint(0, 80)};"
                      f"{rng.randint(1, 5)};{rng.randint(1, 5)};Équipe {n % 17}\n")
    return sheet


def import_command(sheet: Path):  # noqa: ANN201
    return lambda ws, _dir: [*CAIO, "import", str(ws), str(sheet), "--into", "risks", "--auto"]


@pytest.fixture(scope="module")
def large_base(workdir: Path, small_base: Path, large_sheet: Path) -> Path:
    """The small workspace after the large import: what export, snapshot and upgrade work on."""
    target = workdir / "large.caio"
    shutil.copyfile(small_base, target)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", str(target), str(large_sheet), "--into", "risks", "--auto"]) == 0
    shutil.rmtree(target.with_name("large.snapshots"), ignore_errors=True)
    return target


@contextlib.contextmanager
def schema_version(version: int) -> Iterator[None]:
    saved = schema.SCHEMA_VERSION
    schema.SCHEMA_VERSION = version
    try:
        yield
    finally:
        schema.SCHEMA_VERSION = saved


def cli_check(path: Path) -> tuple[int, str]:
    """`caio check` (the real command, in this process), then open the file as the app would."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(path)])
    if code == 0:
        Workspace.open(path).close()  # the lock of the killed process is gone; any journal rolled back
    return code, out.getvalue() + err.getvalue()


def cli_check_upgrade(path: Path) -> tuple[int, str]:
    """As `cli_check`, by an application of the file's version: the current one (not upgraded) or the
    next (upgraded by the test-only step of slow_upgrade.py)."""
    from caio_desktop.workspace.fileinfo import read_header
    from caio_desktop.workspace.recovery import roll_back_interrupted_write

    roll_back_interrupted_write(path)  # the header of a killed upgrade may still say 2
    current = schema.SCHEMA_VERSION
    with schema_version(min(max(read_header(path).user_version, current), current + 1)):
        return cli_check(path)


def run_trials(scenario: Scenario, base: Path, workdir: Path, count: int, *, check=cli_check) -> None:  # noqa: ANN001
    rng = random.Random(f"{SEED}-{scenario.name}")
    failures = []
    for n in range(count):
        trial_dir = workdir / f"{scenario.name}-{n}"
        trial_dir.mkdir()
        # The first kill of each scenario lands half-way through: even the short form interrupts each
        # kind of work at least once (unless this machine is suddenly twice as fast).
        result = run_trial(scenario, base, trial_dir, rng, check=check, spread=0.5 if n == 0 else None)
        RUN.results.append(result)
        if result.outcome.startswith("FAILED"):
            failures.append(f"trial {n} (kill after {result.delay:.3f}s): {result.outcome}; kept in {trial_dir}")
        else:
            shutil.rmtree(trial_dir)
    mine = [r for r in RUN.results if r.scenario == scenario.name]
    assert not failures, f"seed {SEED}:\n" + "\n".join(failures)
    if count >= 10:  # with a few trials, a run on a quieter machine may finish them all first
        assert any(r.killed for r in mine), "no trial interrupted the work: the kill window is wrong"


def test_edit_burst(workdir: Path, small_base: Path) -> None:
    """N single-row operations, each committed on its own: the file holds the state after one of them."""
    reference = workdir / "burst-states.caio"
    shutil.copyfile(small_base, reference)
    states = {state(reference): "before"}
    with Workspace.open(reference) as ws:
        edit_burst(ws, BURST, seed=SEED, after_each=lambda n: states.setdefault(state(reference), f"step {n}"))
    scenario = Scenario("edit-burst", lambda ws, _dir: [*CAIO, "_edit-burst", str(ws), str(BURST),
                                                        "--seed", str(SEED)],
                        marks_start=True, states=states)
    ref_dir = workdir / "burst-reference"
    ref_dir.mkdir()
    finished = reference_run(scenario, small_base, ref_dir)
    assert states[state(finished)] == f"step {BURST}"  # the CLI does exactly the recorded operations
    run_trials(scenario, small_base, workdir, trials("edit-burst"))


def test_import_of_a_large_sheet(workdir: Path, small_base: Path, large_sheet: Path, large_base: Path) -> None:
    """One import is one transaction: all its rows or none."""
    scenario = Scenario("import", import_command(large_sheet),
                        states={state(small_base): "before", state(large_base): "after"})
    ref_dir = workdir / "import-reference"
    ref_dir.mkdir()
    assert state(reference_run(scenario, small_base, ref_dir)) == state(large_base)
    run_trials(scenario, small_base, workdir, trials("import"))


def test_schema_upgrade(workdir: Path, large_base: Path) -> None:
    """A slow upgrade step killed half-way leaves the old version with every row (or the new one)."""
    scenario = Scenario("upgrade", lambda ws, _dir: [sys.executable, str(SLOW_UPGRADE), str(ws)], marks_start=True)
    ref_dir = workdir / "upgrade-reference"
    ref_dir.mkdir()
    upgraded = reference_run(scenario, large_base, ref_dir)
    scenario.states = {state(large_base): "before", state(upgraded): "after"}
    assert state(upgraded)[0] == schema.SCHEMA_VERSION + 1 and state(large_base)[0] == schema.SCHEMA_VERSION
    run_trials(scenario, large_base, workdir, trials("upgrade"), check=cli_check_upgrade)


def complete_or_absent(out: Path) -> None:
    if out.exists():
        with zipfile.ZipFile(out) as archive:
            assert archive.testzip() is None, f"{out.name} is damaged"
            assert "xl/workbook.xml" in archive.namelist(), f"{out.name} is not a whole workbook"


def test_export(workdir: Path, large_base: Path) -> None:
    """An export never changes the workspace; its workbook appears whole or not at all."""
    scenario = Scenario("export", lambda ws, d: [*CAIO, "export", str(ws), "--xlsx", str(d / "registres.xlsx")],
                        extra_check=lambda _ws, d: complete_or_absent(d / "registres.xlsx"),
                        states={state(large_base): "before"})
    ref_dir = workdir / "export-reference"
    ref_dir.mkdir()
    reference_run(scenario, large_base, ref_dir)
    complete_or_absent(ref_dir / "registres.xlsx")
    run_trials(scenario, large_base, workdir, trials("export"))


def every_snapshot_is_whole(workspace: Path, _dir: Path) -> None:
    for snap in list_snapshots(workspace):
        problem = snapshot_problem(snap.path)
        assert problem is None, f"snapshot {snap.path.name}: {problem}"


def test_snapshot(workdir: Path, large_base: Path) -> None:
    """A snapshot killed half-way is never listed as one; the workspace is untouched."""
    scenario = Scenario("snapshot", lambda ws, _dir: [*CAIO, "snapshot", str(ws)],
                        extra_check=every_snapshot_is_whole, states={state(large_base): "before"})
    ref_dir = workdir / "snapshot-reference"
    ref_dir.mkdir()
    reference_run(scenario, large_base, ref_dir)
    run_trials(scenario, large_base, workdir, trials("snapshot"))


def test_figures() -> None:
    """The figures of this run (docs/reliability.md quotes the last long run)."""
    if not RUN.results:
        pytest.skip("no crash trial ran in this session")
    assert len(RUN.results) >= min(TRIALS, 20)
    assert sum(r.killed for r in RUN.results) >= len(RUN.results) // 3, RUN.summary()
    report = os.environ.get("CAIO_CRASH_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as out:
            out.write(f"seed {SEED}, {ROWS} rows in the large sheet\n{RUN.summary()}\n")
    print("\n" + RUN.summary())
