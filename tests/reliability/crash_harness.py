"""The crash harness: run the real CLI on a copy of a workspace, SIGKILL it at a random moment, and
check that the file is healthy and holds exactly one of the states the work could have committed.

A *state* is the schema version plus the content fingerprint of every table (timestamps left out:
they differ between a reference run and a killed run of the same work). Each scenario knows its
valid states from an uninterrupted reference run: the state before, and the state after each
committed transaction (one for an import, an upgrade, a snapshot or an export; N for a burst of N
single-row edits).
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from caio_desktop.workspace.digest import content_hash
from caio_desktop.workspace.engine import raw_connect

# When, and the mark of the session that wrote each audit entry (one per process): not content.
TIMESTAMPS = ("created_at", "updated_at", "at", "audit_log.custom")
CAIO = [sys.executable, "-m", "caio_desktop.cli"]


# What a killed process may leave behind and the next command must have removed (or finished): parts
# of exports and snapshots, half-built encrypted, restored or created copies, rollback journals, locks.
LEFTOVER_MARKS = (".part", ".encrypting", ".restoring", ".decrypting", ".creating-", ".copying-", "-journal",
                  ".lock")


def state(path: Path, passphrase: str | None = None) -> tuple[int, tuple[tuple[str, str], ...]]:
    """Schema version and content fingerprint of the workspace at `path` (read-only)."""
    connection = raw_connect(path, read_only=True, passphrase=passphrase)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()
    return version, tuple(sorted(content_hash(path, passphrase=passphrase, ignore=TIMESTAMPS).items()))


def leftovers(folder: Path) -> list[str]:
    """Files in `folder` (and its snapshot folders) that only an interrupted command leaves."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if any(mark in p.name for mark in LEFTOVER_MARKS))


@dataclass
class Scenario:
    """One kind of work to interrupt.

    `command(workspace, workdir)` is the argv of the process; with `marks_start` the process prints
    "start" when its work begins and the kill is timed from there (not from Python's start-up).
    `recover(workspace, workdir)` is what the user does next (run an encryption again, the next export
    to the folder); it runs before the checks. `extra_check(workspace, workdir)` verifies what the work
    writes besides the workspace. `states` maps every valid state to its name ("before", "after",
    "step k"); `passphrase` reads them in an encrypted workspace. After all that, the trial's folder
    must hold no leftover (`leftovers`).
    """

    name: str
    command: Callable[[Path, Path], list[str]]
    marks_start: bool = False
    extra_check: Callable[[Path, Path], None] | None = None
    states: dict = field(default_factory=dict)
    duration: float = 0.0  # of the uninterrupted reference run, from the timing origin
    recover: Callable[[Path, Path], None] | None = None
    passphrase: str | None = None
    prepare: Callable[[Path, Path], None] | None = None  # on the copy, before the work (snapshots, keys…)
    finishes: list[float] = field(default_factory=list)  # how long the trials the kill missed took


@dataclass
class TrialResult:
    scenario: str
    delay: float
    killed: bool  # False when the work finished before the kill was due
    outcome: str  # "before", "after", "step k" (burst), or "FAILED: …"
    failure: str = ""  # "corrupt" (a check fails), "lost" (in no committed state) or "leftovers"


class CrashRun:
    """Collects the trials of one run and the figures docs/reliability.md quotes."""

    def __init__(self) -> None:
        self.results: list[TrialResult] = []

    def summary(self) -> str:
        failed = Counter(r.failure for r in self.results if r.failure)
        lines = [f"{len(self.results)} trials, "
                 f"{sum(r.killed for r in self.results)} killed mid-work, "
                 f"{sum(r.outcome.startswith('FAILED') for r in self.results)} failures: "
                 f"{failed['lost']} lost, {failed['corrupt']} corrupt, {failed['leftovers']} leftovers"]
        for name in sorted({r.scenario for r in self.results}):
            mine = [r for r in self.results if r.scenario == name]
            outcomes = Counter("step" if r.outcome.startswith("step") else r.outcome for r in mine)
            lines.append(f"  {name:<12} {len(mine):>4} trials, {sum(r.killed for r in mine):>4} killed; "
                         + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
        return "\n".join(lines)


def reference_run(scenario: Scenario, base: Path, workdir: Path) -> Path:
    """Run the scenario to completion on a copy of `base`; record its duration. Returns the copy."""
    target = workdir / "reference.caio"
    target.write_bytes(base.read_bytes())
    if scenario.prepare:
        scenario.prepare(target, workdir)
    started = time.monotonic()
    process = subprocess.Popen(scenario.command(target, workdir), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    if scenario.marks_start:
        assert process.stdout.readline().strip() == "start"
        started = time.monotonic()
    out, err = process.communicate(timeout=300)
    scenario.duration = time.monotonic() - started
    assert process.returncode == 0, f"{scenario.name} reference run failed: {err or out}"
    return target


def run_trial(scenario: Scenario, base: Path, workdir: Path, rng: random.Random, *,
              check: Callable[[Path], tuple[int, str]], spread: float | None = None) -> TrialResult:
    """Copy `base`, start the work, SIGKILL it after a random delay (or `spread` × the reference
    duration), then verify the copy."""
    target = workdir / "workspace.caio"
    target.write_bytes(base.read_bytes())
    if scenario.prepare:
        scenario.prepare(target, workdir)
    # Half the kills anywhere in the work, half around its end, where the commit is (an import or an
    # upgrade commits once, at the end: a uniform delay alone would rarely land just after it).
    if spread is None:
        spread = rng.uniform(0.0, 1.0) if rng.random() < 0.5 else rng.uniform(0.7, 1.3)
    delay = scenario.duration * spread
    process = subprocess.Popen(scenario.command(target, workdir), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    if scenario.marks_start:
        line = process.stdout.readline().strip()
        if line != "start":  # the process died before its work began: that is a failure too
            process.kill()
            process.wait()
            return TrialResult(scenario.name, delay, False, f"FAILED: no start ({line!r})")
    killed, finished_after = _kill_after(process, delay)
    if finished_after is not None:
        # The work ended before the kill: this machine is faster now than during the reference run
        # (others' tests come and go). Aim the next kills at what it takes now.
        scenario.finishes.append(finished_after)
        scenario.duration = statistics.median(scenario.finishes[-5:])

    def failed(kind: str, why: str) -> TrialResult:
        return TrialResult(scenario.name, delay, killed, f"FAILED ({kind}): {why}", kind)

    if scenario.recover:
        try:
            scenario.recover(target, workdir)
        except AssertionError as exc:
            return failed("corrupt", f"the next command failed: {exc}")
    code, output = check(target)
    if code != 0:
        return failed("corrupt", f"caio check: {output.strip()[:300]}")
    found = state(target, scenario.passphrase)
    if found not in scenario.states:
        return failed("lost", "the data is in no committed state")
    if scenario.extra_check:
        try:
            scenario.extra_check(target, workdir)
        except AssertionError as exc:
            return failed("corrupt", str(exc))
    left = leftovers(workdir)
    if left:
        return failed("leftovers", ", ".join(left[:5]))
    return TrialResult(scenario.name, delay, killed, scenario.states[found])


def _kill_after(process: subprocess.Popen, delay: float) -> tuple[bool, float | None]:
    """SIGKILL `process` after `delay` seconds unless it ends first: whether it was killed, and when it
    ended by itself (None when killed)."""
    started = time.monotonic()
    deadline = started + delay
    finished = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            finished = time.monotonic() - started
            break
        time.sleep(min(0.005, max(deadline - time.monotonic(), 0)))
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    return killed, finished
