"""History commands: baseline (mark a snapshot for a steering committee), baselines, diff."""

from __future__ import annotations

import argparse
from pathlib import Path

from caio_desktop.cli.common import iso_date, passphrase, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("baseline", help="mark the state of the engagement now (or a snapshot) as a baseline")
    p.add_argument("file", type=Path)
    p.add_argument("--name", required=True, help='what the baseline is called, e.g. "COPIL 3"')
    p.add_argument("--date", type=iso_date, help="the committee's date YYYY-MM-DD (default today)")
    p.add_argument("--snapshot", type=Path, help="mark this existing snapshot instead of taking one now")
    p.set_defaults(func=cmd_baseline)

    p = sub.add_parser("baselines", help="list the baselines of a workspace, latest first")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_baselines)

    p = sub.add_parser("diff", help="what changed between two states of the engagement, field by field")
    p.add_argument("file", type=Path)
    p.add_argument("--from", dest="before", metavar="BASELINE|SNAPSHOT|latest",
                   help="the earlier state (default: the latest baseline, else the newest snapshot)")
    p.add_argument("--to", dest="after", metavar="SNAPSHOT|now", default="now",
                   help="the later state (default: now)")
    p.add_argument("--module", action="append", metavar="M", help="only this module (repeatable)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_diff)


def cmd_baseline(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import opened
    from caio_desktop.workspace.baselines import mark_baseline

    with opened(args.file, daily_snapshot=False) as workspace:
        baseline = mark_baseline(workspace, name=args.name, date=args.date, snapshot=args.snapshot)
    print(f"baseline {baseline.title}: {baseline.snapshot}")
    return 0


def cmd_baselines(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.baselines import list_baselines
    from caio_desktop.workspace.fileinfo import inspect_workspace

    inspect_workspace(args.file, encrypted=passphrase() is not None)
    baselines = list_baselines(args.file)
    if args.json:
        print_json([{"name": b.name, "date": b.date.isoformat(), "snapshot": str(b.snapshot),
                     "exists": b.exists} for b in baselines])
        return 0
    for b in baselines:
        print(f"{b.date.isoformat()}  {b.name:<24} {b.snapshot}{'' if b.exists else '  (missing)'}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.compare import compare_states
    from caio_desktop.workspace.comparison import Comparison
    from caio_desktop.workspace.fileinfo import inspect_workspace
    from caio_desktop.workspace.states import resolve_state

    inspect_workspace(args.file, encrypted=passphrase() is not None)
    before, after = resolve_state(args.file, args.before), resolve_state(args.file, args.after)
    diffs = tuple(d for d in compare_states(after=after.path, before=before.path, passphrase=passphrase(),
                                            modules=args.module)
                  if args.module or not d.empty)  # a module asked for by name is shown even unchanged
    comparison = Comparison(before, after, diffs)
    if args.json:
        print_json(comparison.to_json())
        return 0
    print(f"{before.name} → {after.name}")
    if comparison.empty:
        print("  no change")
    for diff in comparison.modules:
        print(f"{diff.label}: {len(diff.added)} added, {len(diff.removed)} removed, "
              f"{len(diff.changed)} changed")
        for row in diff.added:
            print(f"  + {row.label}")
        for row in diff.removed:
            print(f"  - {row.label}")
        for row in diff.changed:
            print(f"  ~ {row.label}: " + "; ".join(f"{f.field}: {f.old or '∅'} → {f.new or '∅'}"
                                                    for f in row.fields))
    return 0
