"""`caio about`: version, bundled components and their licences, reference-content versions."""

from __future__ import annotations

import argparse

from caio_desktop.cli.common import lang


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("about", help="version, bundled components and licences, reference content")
    p.add_argument("--lang", type=lang, default="en")
    p.set_defaults(func=cmd_about)


def cmd_about(args: argparse.Namespace) -> int:
    from caio_desktop.about import about_text

    print(about_text(args.lang))
    return 0
