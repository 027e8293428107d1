"""Cold start of `caio-desktop` to its first window shown, offscreen, against a bare PySide6 window.

Each start is a fresh interpreter. Floor: a `python` process (the same interpreter) that imports
PySide6, creates a QApplication, shows an empty QMainWindow and quits from the event loop's first turn:
the least any PySide6 desktop app pays before a window is on screen. Measurement: the installed
`caio-desktop` console script with CAIO_EXIT_AFTER_SHOWN=1 (the app prints a line and quits from the
event loop's first turn after the main window is shown) on the start page. Target: ≤ 1.5 × floor.
For information (no target: it is more than a first window), the same start on the demo engagement,
whose file is opened by the loop's first turn, so the engagement's first page is shown before the app
quits; it pays SQLAlchemy, the typed models and the overview's reads. Our modules' bytecode is cached
as in an installed app.
A warm-up start of each is not kept; the starts then alternate and the median of 7 is kept. Times are
the child processes' CPU time (see `benchlib.children_cpu`).

    .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Result, children_cpu, fresh_process_env, median_times, report  # noqa: E402

TARGET = 1.5
MARKER = "caio-desktop: shown"
FLOOR_SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def console_script(name: str) -> list[str]:
    script = Path(sys.executable).with_name(name)
    if not script.exists():
        raise SystemExit(f"{script}: not installed (make install)")
    return [str(script)]


def start(command: list[str], env: dict[str, str], marker: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or marker not in done.stdout:
        raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}, no {marker!r}\n{done.stderr[-2000:]}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = fresh_process_env(folder / "pycache")
        demo = folder / "demo.caio"
        subprocess.run([*console_script("caio"), "demo", str(demo), "--lang", "fr"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        app_env = {**env, "CAIO_EXIT_AFTER_SHOWN": "1"}
        timings = median_times({
            "floor": lambda: start([sys.executable, "-c", FLOOR_SCRIPT], env, "shown"),
            "start page": lambda: start(console_script("caio-desktop"), app_env, MARKER),
            "demo": lambda: start([*console_script("caio-desktop"), str(demo)], app_env, MARKER),
        }, rounds=7, clock=children_cpu)
    floor = "bare PySide6 QMainWindow shown"
    results = [
        Result(work="cold start to the first window (start page)", floor=floor, floor_value=timings["floor"],
               measured=timings["start page"], target=TARGET),
        Result(work="cold start to the demo engagement shown", floor=floor, floor_value=timings["floor"],
               measured=timings["demo"], target=TARGET, gate=False,
               note="information: includes opening the file and its first page"),
    ]
    return 0 if all([report(r) for r in results]) else 1


if __name__ == "__main__":
    sys.exit(main())
