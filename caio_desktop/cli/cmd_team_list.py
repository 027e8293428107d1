"""`caio team-list postgresql://user@host/database`: the engagements held on a PostgreSQL server (team
mode, issue 19) — each one's key, client, schema version, and whether this role may use it. The
password, when the server wants one, comes from ~/.pgpass or is asked on the terminal."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("team-list", help="list the engagements on a team server (PostgreSQL)")
    p.add_argument("server", metavar="URL", help="postgresql://user@host/database (an ?engagement= is ignored)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_team_list)


def cmd_team_list(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import connect_team, print_json
    from caio_desktop.team.server import list_engagements

    engine = connect_team(args.server)
    try:
        found = list_engagements(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no engagement on this server")
        return 0
    for entry in found:
        if entry["access"]:
            print(f"{entry['key']}\t{entry['client']}\tschema {entry['version']}")
        else:
            print(f"({entry['schema']})\tno access for this role")
    return 0
