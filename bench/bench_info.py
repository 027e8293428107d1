"""`caio info` on a 100,000-risk workspace against its floor, process start included on both sides;
and how fast the command line starts: `caio info` on the demo engagement and `caio --help`.

Floor: a fresh `python` process (the same interpreter) that opens the same file read-only with bare
sqlite3 and runs `select count(*)` on every module's table, printing the counts: the least any command
that reports row counts must do. Measurement: a fresh process running the installed `caio info FILE`
console script (argument parsing, command discovery, header and version checks, workspace lock,
engagement row, counts), our modules' bytecode cached as in an installed app. Target: measurement
≤ 2 × floor.

Start-up (issue 20): `caio info` on the demo engagement (a small file: what is left is the command's
start) and `caio --help` (every command's parser built, the list printed), each against a fresh
`python -c "import sqlite3"` of the same interpreter: the least any Python command that reads a
workspace pays, the interpreter's start and its `site` (this venv's editable-install finder included,
on both sides). Target: each ≤ 1.5 × that floor.

All five commands are warmed up (files in the page cache, bytecode compiled), then timed in
alternation; the median of 15 rounds is kept. Times are the child processes' CPU time (see
`benchlib.children_cpu`).

    .venv/bin/python bench/bench_info.py [--risks 100000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import (  # noqa: E402 - bench/ is not a package
    Result,
    children_cpu,
    fresh_process_env,
    median_times,
    report,
    risk_workspace,
)

TARGET = 2.0
START_TARGET = 1.5
FLOOR_SCRIPT = """
import sqlite3, sys
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for table in sys.argv[2:]:
    print(table, connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
connection.close()
"""


def caio_command() -> list[str]:
    script = Path(sys.executable).with_name("caio")
    return [str(script)] if script.exists() else [sys.executable, "-m", "caio_desktop.cli"]


def run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=100_000)
    args = parser.parse_args(argv)
    from caio_desktop.domain.modules import MODULES

    with tempfile.TemporaryDirectory() as tmp:
        path = risk_workspace(Path(tmp) / "big.caio", args.risks)
        print(f"workspace: {args.risks:,} risks, {path.stat().st_size / 2**20:.1f} MiB")
        env = fresh_process_env(Path(tmp) / "pycache")
        demo = Path(tmp) / "demo.caio"
        run([*caio_command(), "demo", str(demo), "--lang", "fr"], env)
        commands = {
            "floor": [sys.executable, "-c", FLOOR_SCRIPT, str(path), *MODULES],
            "info": [*caio_command(), "info", str(path)],
            "bare start": [sys.executable, "-c", "import sqlite3"],
            "info demo": [*caio_command(), "info", str(demo)],
            "help": [*caio_command(), "--help"],
        }
        timings = median_times({name: (lambda c=command: run(c, env)) for name, command in commands.items()},
                               rounds=15, clock=children_cpu)
    bare = 'python -c "import sqlite3"'
    results = [
        Result(work=f"caio info, {args.risks:,} risks", floor="python + sqlite3 count(*) per table",
               floor_value=timings["floor"], measured=timings["info"], target=TARGET),
        Result(work="caio info start, demo engagement", floor=bare, floor_value=timings["bare start"],
               measured=timings["info demo"], target=START_TARGET),
        Result(work="caio --help start", floor=bare, floor_value=timings["bare start"],
               measured=timings["help"], target=START_TARGET),
    ]
    return 0 if all([report(r) for r in results]) else 1


if __name__ == "__main__":
    sys.exit(main())
