"""`caio demo FILE [--lang fr|en] [--force]`: build the demo engagement (a French insurer at month 4)."""

from __future__ import annotations

import argparse
from pathlib import Path

from caio_desktop.cli.common import fail, iso_date, lang


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create the demo engagement (a French insurer, month 4 of 12)")
    p.add_argument("file", type=Path)
    p.add_argument("--lang", type=lang, default="fr", help="language of the content (fr|en)")
    p.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    p.add_argument("--today", type=iso_date, help="build the demo as of this day (default today)")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    if args.file.suffix != ".caio":
        raise fail(f"{args.file}: a workspace file name must end in .caio")
    if args.file.exists() and not args.force:
        raise fail(f"{args.file}: a file already exists there; use --force to replace it")
    from caio_desktop.demo import build_demo

    build_demo(args.file, lang=args.lang, today=args.today, overwrite=args.force)
    print(f"created {args.file}")
    return 0
