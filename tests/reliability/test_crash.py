"""Crash safety, tested: the real CLI is killed with SIGKILL at random moments of an import of a large
sheet, a burst of edits, an export, a snapshot, a schema upgrade, an encryption, a change of passphrase
and a restore; every time, after what the user does next (the next export to the folder, running the
encryption again), `caio check` passes, the data is exactly the state before or after a committed
operation, and nothing is left behind (lost / corrupt / leftovers in the report).

Short form (make test): CAIO_CRASH_TRIALS defaults to 20 trials in all. Long form (make crash-test):
CAIO_CRASH_TRIALS=200. CAIO_CRASH_SEED chooses the kill moments (printed on failure, to replay a run);
CAIO_CRASH_ROWS the size of the large sheet; CAIO_CRASH_REPORT a file to append the figures to.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import random
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.cli.cmd_devtools import edit_burst
from caio_desktop.workspace import Workspace, schema
from caio_desktop.workspace.snapshots import list_snapshots, snapshot_problem, take_snapshot
from tests.reliability.crash_harness import CAIO, CrashRun, Scenario, reference_run, run_trial, state

pytestmark = pytest.mark.crash

TRIALS = int(os.environ.get("CAIO_CRASH_TRIALS", "20"))
SEED = int(os.environ.get("CAIO_CRASH_SEED", "20261125"))
ROWS = int(os.environ.get("CAIO_CRASH_ROWS", "20000"))
SHARES = {"edit-burst": 0.2, "import": 0.15, "upgrade": 0.15, "export": 0.1, "snapshot": 0.1,
          "encrypt": 0.1, "rekey": 0.1, "restore": 0.1}
OLD_KEY, NEW_KEY = "correct horse battery staple", "another horse, another staple"
BURST = 40
KILLED_SHARE = 0.65  # of the long form's trials, at least this share kill the work mid-way
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
    # The long form wants most trials to interrupt the work: trials go on (up to twice the count) until
    # KILLED_SHARE of them did, whatever the machine's speed of the moment.
    wanted = math.ceil(count * KILLED_SHARE) if count >= 10 else 0
    n = 0
    while n < count or (sum(r.killed for r in RUN.results if r.scenario == scenario.name) < wanted
                        and n < 2 * count):
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
        n += 1
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


def next_export_to(folder: Path, small_base: Path) -> None:
    """The user's next export to the folder (a fresh process, as it would be): it removes the part a
    killed export left there."""
    done = subprocess.run([*CAIO, "export", str(small_base), "--xlsx", str(folder / "suivant.xlsx")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_export(workdir: Path, large_base: Path, small_base: Path) -> None:
    """An export never changes the workspace; its workbook appears whole or not at all, and the part a
    killed one leaves is gone after the next export to the folder."""
    scenario = Scenario("export", lambda ws, d: [*CAIO, "export", str(ws), "--xlsx", str(d / "registres.xlsx")],
                        extra_check=lambda _ws, d: complete_or_absent(d / "registres.xlsx"),
                        recover=lambda _ws, d: next_export_to(d, small_base),
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


def keys(folder: Path) -> tuple[Path, Path]:
    old, new = folder / "ancienne.txt", folder / "nouvelle.txt"
    old.write_text(OLD_KEY + "\n")
    new.write_text(NEW_KEY + "\n")
    return old, new


def with_snapshots(workspace: Path, folder: Path, *, passphrase: str | None = None) -> None:
    """Three snapshots of the copy (what encrypt and rekey go through first), and the key files."""
    keys(folder)
    with Workspace.open(workspace, passphrase=passphrase) as ws:
        for n in range(3):
            take_snapshot(ws, reason=f"s{n}")


def in_process(*args: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue() + err.getvalue()


def cli_check_with(passphrase_file: str) -> Callable[[Path], tuple[int, str]]:
    """`cli_check` of an encrypted workspace, with the key file of the trial's folder."""
    def check(path: Path) -> tuple[int, str]:
        code, output = in_process("check", path, "--passphrase-file", path.parent / passphrase_file)
        if code == 0:
            Workspace.open(path, passphrase=(path.parent / passphrase_file).read_text().strip()).close()
        return code, output
    return check


def every_snapshot_opens_with(passphrase: str):  # noqa: ANN201
    def check(workspace: Path, _dir: Path) -> None:
        assert list_snapshots(workspace), "the snapshots are gone"
        for snap in list_snapshots(workspace):
            problem = snapshot_problem(snap.path, passphrase=passphrase)
            assert problem is None, f"snapshot {snap.path.name}: {problem}"
    return check


def encrypt_again_if_plain(workspace: Path, folder: Path) -> None:
    """What `caio check` tells the user after a killed encryption: run it again."""
    if workspace.read_bytes()[:16] == b"SQLite format 3\x00":
        code, output = in_process("encrypt", workspace, "--passphrase-file", folder / "ancienne.txt")
        assert code == 0, output


def test_encrypt(workdir: Path, small_base: Path) -> None:
    """A killed encryption leaves the workspace plain or encrypted, never half; running it again
    finishes it: every snapshot encrypted, nothing left beside the file."""
    pytest.importorskip("sqlcipher3")
    scenario = Scenario("encrypt", lambda ws, d: [*CAIO, "encrypt", str(ws), "--passphrase-file", str(d / "ancienne.txt")],
                        prepare=with_snapshots, recover=encrypt_again_if_plain, passphrase=OLD_KEY,
                        extra_check=every_snapshot_opens_with(OLD_KEY),
                        states={state(small_base): "encrypted, same rows"})
    ref_dir = workdir / "encrypt-reference"
    ref_dir.mkdir()
    reference_run(scenario, small_base, ref_dir)
    run_trials(scenario, small_base, workdir, trials("encrypt"), check=cli_check_with("ancienne.txt"))


@pytest.fixture(scope="module")
def encrypted_base(workdir: Path, small_base: Path) -> Path:
    """The small workspace with three snapshots, all encrypted with OLD_KEY."""
    pytest.importorskip("sqlcipher3")
    folder = workdir / "encrypted-base"
    folder.mkdir()
    target = folder / "encrypted.caio"
    shutil.copyfile(small_base, target)
    with_snapshots(target, folder)
    assert in_process("encrypt", target, "--passphrase-file", folder / "ancienne.txt")[0] == 0
    return target


def copy_with_snapshots(base: Path):  # noqa: ANN201
    def prepare(workspace: Path, folder: Path) -> None:
        keys(folder)
        shutil.copytree(base.with_name(f"{base.stem}.snapshots"), workspace.with_name(f"{workspace.stem}.snapshots"))
    return prepare


def rekey_again_if_old(workspace: Path, folder: Path) -> None:
    """A killed change of passphrase: if the old one still opens the workspace, run it again."""
    from caio_desktop.workspace.engine import raw_connect
    from caio_desktop.workspace.errors import WrongPassphraseError

    try:
        raw_connect(workspace, passphrase=OLD_KEY).close()
    except WrongPassphraseError:
        return  # the workspace is re-keyed (it is done last)
    code, output = in_process("rekey", workspace, "--passphrase-file", folder / "ancienne.txt",
                              "--new-passphrase-file", folder / "nouvelle.txt")
    assert code == 0, output


def test_rekey(workdir: Path, encrypted_base: Path, small_base: Path) -> None:
    """A killed change of passphrase leaves the workspace on the old key or the new one; running it
    again finishes it: workspace and snapshots open with the new passphrase."""
    scenario = Scenario("rekey", lambda ws, d: [*CAIO, "rekey", str(ws), "--passphrase-file", str(d / "ancienne.txt"),
                                                "--new-passphrase-file", str(d / "nouvelle.txt")],
                        prepare=copy_with_snapshots(encrypted_base), recover=rekey_again_if_old,
                        passphrase=NEW_KEY, extra_check=every_snapshot_opens_with(NEW_KEY),
                        states={state(small_base): "re-keyed, same rows"})
    ref_dir = workdir / "rekey-reference"
    ref_dir.mkdir()
    reference_run(scenario, encrypted_base, ref_dir)
    run_trials(scenario, encrypted_base, workdir, trials("rekey"), check=cli_check_with("nouvelle.txt"))


def snapshot_of(source: Path):  # noqa: ANN201
    def prepare(workspace: Path, _folder: Path) -> None:
        folder = workspace.with_name(f"{workspace.stem}.snapshots")
        folder.mkdir()
        shutil.copyfile(source, folder / "20260101-000000-000000-manual.caio")
    return prepare


def test_restore(workdir: Path, large_base: Path, small_base: Path) -> None:
    """A killed restore leaves the current file or the snapshot, never half of either; the copy of the
    replaced file is a whole snapshot or none, and what the restore had begun is gone at the next open."""
    scenario = Scenario("restore", lambda ws, _d: [*CAIO, "restore", str(ws), "--from", "latest"],
                        prepare=snapshot_of(small_base), extra_check=every_snapshot_is_whole,
                        states={state(large_base): "before", state(small_base): "after"})
    ref_dir = workdir / "restore-reference"
    ref_dir.mkdir()
    assert state(reference_run(scenario, large_base, ref_dir)) == state(small_base)
    run_trials(scenario, large_base, workdir, trials("restore"))


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
    assert not any(r.failure for r in RUN.results), RUN.summary()  # 0 lost, 0 corrupt, 0 leftovers
    if TRIALS >= 300:  # the long form (make crash-test): at least 200 kills mid-work
        assert sum(r.killed for r in RUN.results) >= 200, RUN.summary()
