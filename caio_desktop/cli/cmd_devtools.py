"""Developer commands, hidden from `caio --help`: workloads for the crash harness (tests/reliability).

`caio _edit-burst FILE N` performs N single-row operations on the workspace, each its own committed
transaction, as a consultant typing into the registers would: the harness kills it at a random moment
and checks that the file holds exactly the state after one of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("_edit-burst")  # no help=: the command is left out of the command list
    p.add_argument("file", type=Path)
    p.add_argument("count", type=int)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_edit_burst)


def edit_burst(workspace, count: int, *, seed: int = 0,  # noqa: ANN001
               after_each: Callable[[int], None] | None = None) -> None:
    """`count` operations chosen by `seed` (same seed, same operations): add, edit or delete a risk,
    add a watch item, edit the engagement. `after_each(n)` runs after the n-th has committed."""
    import random  # (here: every command's parser imports this module, `caio --help` included)

    from caio_desktop.operations import create_row, delete_rows, update_row
    from caio_desktop.operations.rows import update_engagement
    from caio_desktop.workspace.queries import fetch_rows

    rng = random.Random(seed)
    for n in range(1, count + 1):
        risk_ids = [r["id"] for r in fetch_rows(workspace, "risks", limit=10_000)]
        kind = rng.choice(("add", "add", "edit", "delete", "watch", "engagement")) if risk_ids else "add"
        if kind == "add":
            create_row(workspace, "risks", {"title": f"Risque {n}: dérive du modèle de tarification",
                                            "likelihood": rng.randint(1, 5), "impact": rng.randint(1, 5),
                                            "description": "Analyse " * rng.randint(1, 200)})
        elif kind == "edit":
            update_row(workspace, "risks", rng.choice(risk_ids),
                       {"title": f"Risque revu à l'étape {n}", "impact": rng.randint(1, 5)})
        elif kind == "delete":
            delete_rows(workspace, "risks", [rng.choice(risk_ids)])
        elif kind == "watch":
            create_row(workspace, "watch", {"title": f"Veille {n}", "relevance": rng.randint(1, 5)})
        else:
            update_engagement(workspace, {"sector": f"Assurance (revu {n})"})
        if after_each:
            after_each(n)


def cmd_edit_burst(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import opened
    from caio_desktop.operations import create_row  # noqa: F401 - loaded before the timed work starts
    from caio_desktop.workspace.queries import fetch_rows  # noqa: F401

    with opened(args.file) as workspace:
        print("start", flush=True)  # the harness times its kill from here
        edit_burst(workspace, args.count, seed=args.seed,
                   after_each=lambda n: print(f"committed {n}", flush=True))
    return 0


