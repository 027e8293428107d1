"""`caio publish / checkout`: an engagement to a PostgreSQL server and back into a file (team mode).

    caio publish mission.caio "postgresql://anne@db.cabinet.fr/caio?engagement=acme"
    caio publish mission.caio "postgresql://…?engagement=acme" --take mine
    caio publish mission.caio "postgresql://…?engagement=acme" --resolve choices.json
    caio checkout "postgresql://anne@db.cabinet.fr/caio?engagement=acme" acme-offline.caio

The password is never an argument: libpq reads `PGPASSFILE` or `~/.pgpass`, and a terminal is asked
for it when neither has it. `publish` exits 3 when the file and the server changed the same field
differently: the conflicts are listed, nothing is written, and `--take` or `--resolve` decides.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caio_desktop.cli.common import fail, passphrase, print_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from caio_desktop.team.merge import Conflict

CONFLICT_EXIT = 3
_WIDTH = 28  # a cell of the conflict table: long texts are cut, the JSON output has them whole


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="publish a .caio file to a team server (first a copy, then a merge)")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("url", metavar="URL", help="postgresql://USER@HOST[:PORT]/DATABASE?engagement=KEY")
    p.add_argument("--take", choices=("mine", "theirs"),
                   help="settle every conflict with the file's value (mine) or the server's (theirs)")
    p.add_argument("--resolve", type=Path, metavar="FILE.json",
                   help='settle conflicts one by one: {"risks:12:impact": "mine", …} (keys as listed)')
    p.add_argument("--json", action="store_true", help="machine-readable output (conflicts included)")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("checkout", help="take a team server's engagement offline into a new .caio file")
    p.add_argument("url", metavar="URL", help="postgresql://USER@HOST[:PORT]/DATABASE?engagement=KEY")
    p.add_argument("target", type=Path, metavar="FILE", help="the new workspace (.caio) to write")
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help="encrypt the new workspace with the passphrase in this file")
    p.set_defaults(func=cmd_checkout)


def read_resolutions(path: Path) -> dict[str, str]:
    """The choices of a resolution file: an object of conflict key → "mine" | "theirs"."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"{path}: cannot read the resolution file ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise fail(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and v in ("mine", "theirs")
                                             for k, v in data.items()):
        raise fail(f'{path}: expected {{"module:row id:field": "mine" or "theirs", …}}')
    return data


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def conflict_table(conflicts: list[Conflict]) -> str:
    """The conflicts as a text table: module, row, field, mine, theirs, and the key to resolve it by."""
    header = ("module", "row", "field", "mine (file)", "theirs (server)", "key")
    rows = [header] + [(c.table, c.row, c.field, _cell(c.mine), _cell(c.theirs), c.key) for c in conflicts]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _password(url: str) -> str | None:
    """None when libpq will find the password itself (PGPASSWORD, PGPASSFILE, ~/.pgpass) or needs none;
    else asked on the terminal (never echoed, never stored)."""
    from caio_desktop.team.server import needs_password

    if not needs_password(url):
        return None
    if not sys.stdin.isatty():
        raise fail(f"{url}: no password for this server in PGPASSFILE or ~/.pgpass, and no terminal to ask on")
    import getpass

    return getpass.getpass("Password: ")


def _progress(done: int, total: int, table: str) -> None:
    if sys.stderr.isatty() and table:
        print(f"\r{done}/{total} {table:<30}", end="", file=sys.stderr, flush=True)
    elif sys.stderr.isatty():
        print("\r" + " " * 40 + "\r", end="", file=sys.stderr, flush=True)


def cmd_publish(args: argparse.Namespace) -> int:
    from caio_desktop.team.merge import MergeError
    from caio_desktop.team.publish import PublishConflicts, PublishError, publish

    resolutions = read_resolutions(args.resolve) if args.resolve else None
    try:
        result = publish(args.file, args.url, take=args.take, resolutions=resolutions,
                         password=_password(args.url), passphrase=passphrase(), progress=_progress)
    except PublishConflicts as exc:
        if args.json:
            print_json({"conflicts": [{"key": c.key, "module": c.table, "row": c.row, "field": c.field,
                                       "mine": c.mine, "theirs": c.theirs} for c in exc.conflicts]})
        else:
            print(conflict_table(exc.conflicts))
        print(f"caio: {exc}", file=sys.stderr)
        return CONFLICT_EXIT
    except (PublishError, MergeError) as exc:
        raise fail(str(exc)) from None
    if args.json:
        plan = result.plan
        print_json({"location": result.location, "first": result.first, "copied": result.copied,
                    "added": len(plan.inserts) if plan else 0, "changed": len(plan.updates) if plan else 0,
                    "deleted": len(plan.deletes) if plan else 0,
                    "resolved": [c.key for c in plan.resolved] if plan else []})
    else:
        print(result.summary())
    return 0


def cmd_checkout(args: argparse.Namespace) -> int:
    from caio_desktop.team.checkout import checkout

    if args.target.exists():
        raise fail(f"{args.target}: already exists; checkout writes a new file")
    path = checkout(args.url, args.target, password=_password(args.url), progress=_progress,
                    passphrase=passphrase())
    print(f"checked out into {path}")
    return 0
