"""Run by the hostile-input test in a subprocess bounded in memory: import each given file with the
real `caio import` (its `main`, in this process, so Python starts once for many files) into its own
workspace, and print one JSON line per file as soon as it is done.

    python tests/reliability/import_worker.py WORKSPACE SHEET [WORKSPACE SHEET …]

The parent times each line: a file that takes too long is a hang, and the worker is killed.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys


def main(argv: list[str]) -> int:
    from caio_desktop.cli import main as caio

    for workspace, sheet in zip(argv[::2], argv[1::2], strict=True):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = caio(["import", workspace, sheet, "--into", "risks", "--auto"])
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 2
        print(json.dumps({"sheet": sheet, "code": code, "stdout": out.getvalue()[-2000:],
                          "stderr": err.getvalue()[-2000:]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
