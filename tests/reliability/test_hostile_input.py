"""Hostile input: every file of the generated corpus goes through the real `caio import` in a subprocess
bounded in time and memory. No crash, no hang, no traceback; a refused file leaves the workspace exactly
as it was; formulas and markup are kept as the literal text the client typed, and stay literal through
the Excel and PDF exports.
"""

from __future__ import annotations

import json
import resource
import select
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from caio_desktop.workspace.digest import content_hash
from tests.reliability.hostile_corpus import DDE_PAYLOADS, MARKUP_TITLES, Case, build_corpus

TIME_LIMIT_S = 60  # per file (the worker's start-up included); a hang is a failure, not a slow test
MEMORY_LIMIT = 3 * 2**30  # address space of the importing process
# When, and the mark of the session that wrote each audit entry (one per process): not content.
TIMESTAMPS = ("created_at", "updated_at", "at", "audit_log.custom")
WORKER = Path(__file__).resolve().parent / "import_worker.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    return build_corpus(tmp_path_factory.mktemp("hostile"))


def _bounded() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@dataclass
class Outcome:
    case: Case
    workspace: Path
    code: int | None = None  # None: no answer in time (a hang), or the worker died
    output: str = ""


def import_all(jobs: list[tuple[Case, Path]]) -> list[Outcome]:
    """Import every (case, workspace) in a worker bounded in memory; each file gets TIME_LIMIT_S.

    A file that hangs or kills the worker is recorded as such, and a new worker goes on with the rest.
    """
    outcomes = [Outcome(case, workspace) for case, workspace in jobs]
    pending = list(outcomes)
    while pending:
        argv = [str(arg) for o in pending for arg in (o.workspace, o.case.path)]
        worker = subprocess.Popen([sys.executable, str(WORKER), *argv], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, preexec_fn=_bounded)
        try:
            while pending:
                ready, _, _ = select.select([worker.stdout], [], [], TIME_LIMIT_S)
                line = worker.stdout.readline() if ready else ""
                current = pending.pop(0)
                if not line:  # a hang, or the worker died on this file
                    current.output = "no answer" if not ready else f"worker died ({worker.poll()})"
                    break
                answer = json.loads(line)
                current.code, current.output = answer["code"], answer["stdout"] + answer["stderr"]
        finally:
            worker.kill()
            worker.communicate()
    return outcomes


def test_corpus_is_survived(corpus: list[Case], workspace_file: Path, tmp_path: Path) -> None:
    before = content_hash(workspace_file, ignore=TIMESTAMPS)
    jobs = []
    for n, case in enumerate(corpus):
        copy = tmp_path / f"case-{n}.caio"
        shutil.copyfile(workspace_file, copy)
        jobs.append((case, copy))
    with ThreadPoolExecutor(max_workers=2) as pool:  # two workers, each with every other file
        halves = list(pool.map(import_all, [jobs[0::2], jobs[1::2]]))
    failures = []
    for outcome in (o for half in halves for o in half):
        case, output = outcome.case, outcome.output.strip()
        if outcome.code is None:
            failures.append(f"{case.name}: {output} within {TIME_LIMIT_S}s")
            continue
        if outcome.code not in (0, 1) or "Traceback" in output or "internal error" in output:
            failures.append(f"{case.name}: exit {outcome.code}: {output[-400:]}")
            continue
        changed = content_hash(outcome.workspace, ignore=TIMESTAMPS) != before
        if outcome.code == 1 and changed:
            failures.append(f"{case.name}: refused, but the workspace changed")
        if outcome.code == 1 and not any(line.startswith("caio: error: ") for line in output.splitlines()):
            failures.append(f"{case.name}: refused without a clear error: {output[-300:]}")
        if case.expect == "reject" and outcome.code != 1:
            failures.append(f"{case.name}: imported ({output[-200:]}) but should be refused")
        if case.expect == "accept" and (outcome.code != 0 or not changed):
            failures.append(f"{case.name}: refused ({output[-200:]}) but should be imported")
    assert not failures, "\n".join(failures)
    assert len(corpus) >= 30
    # Bounded memory, measured: the largest resident set of any worker (Linux reports KiB).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert peak < MEMORY_LIMIT / 2, f"a worker reached {peak / 2**20:.0f} MiB"


@pytest.mark.parametrize("name", ["dde.xlsx", "dde.csv"])
def test_formulas_and_markup_are_kept_literally_and_exported_literally(corpus: list[Case], workspace_file: Path,
                                                                      tmp_path: Path, name: str) -> None:
    """End to end: the import keeps the text, the workbook stores it as text (never a formula) and the
    PDF prints it as typed (never as reportlab markup)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from caio_desktop.cli import main
    from caio_desktop.workspace import Workspace
    from caio_desktop.workspace.queries import fetch_rows

    case = next(c for c in corpus if c.path.name == name)
    assert main(["import", str(workspace_file), str(case.path), "--into", "risks", "--auto"]) == 0
    expected = {t.strip() for t in DDE_PAYLOADS + MARKUP_TITLES}
    with Workspace.open(workspace_file) as ws:
        titles = {r["title"].strip() for r in fetch_rows(ws, "risks")}
    assert titles == expected

    workbook_path, pdf_path = tmp_path / "registres.xlsx", tmp_path / "risques.pdf"
    assert main(["export", str(workspace_file), "--xlsx", str(workbook_path)]) == 0
    workbook = load_workbook(workbook_path)
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.strip() in expected]
    assert {c.value.strip() for c in cells} == expected
    assert all(c.data_type == "s" for c in cells), [(c.coordinate, c.data_type) for c in cells if c.data_type != "s"]

    assert main(["export", str(workspace_file), "--pdf", "risks", str(pdf_path)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf_path).pages)
    for title in ("<font color=red>Biais</font> & dérive", "A < B > C & D; &amp;", "=cmd|' /C calc'!A0"):
        assert title in text, title
