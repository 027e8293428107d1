"""`caio search FILE TEXT [--module M]`: search across the engagement, as Edit › Search the engagement
does in the app — every register's text, codes and custom attributes, accents and case ignored, each
word a prefix; hits grouped by register, matches between [brackets]. Exits 1 when nothing matches
(as grep does), so a script can test for a hit."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search every register of an engagement (codes, titles, notes, custom columns)")
    p.add_argument("file", type=Path)
    p.add_argument("text", help='what to look for, e.g. "securite donnees" or R-01')
    p.add_argument("--module", action="append", metavar="M", help="only this module (repeatable), e.g. risks")
    p.add_argument("--limit", type=int, default=20, help="hits shown per register (default 20)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import opened, print_json
    from caio_desktop.domain.modules import module
    from caio_desktop.workspace import queries
    from caio_desktop.workspace.search import MARK_END, MARK_START, SearchIndex, plain

    modules = [module(key).key for key in args.module] if args.module else None  # unknown: a clear error
    if args.limit < 1:
        raise ValueError(f"--limit must be at least 1, not {args.limit}")
    with opened(args.file, read_only=True) as workspace:
        engagement = queries.fetch_rows(workspace, "engagement", limit=1)
        lang = engagement[0]["language"] if engagement else "en"  # names in the file's language
        index = SearchIndex(workspace, modules, lang=lang)
        try:
            groups = index.search(args.text, limit=args.limit)
        finally:
            index.close()
    if args.json:
        print_json([{"module": g.module, "total": g.total,
                     "hits": [{"id": h.row_id, "code": plain(h.code), "title": plain(h.title),
                               "snippet": plain(h.snippet)} for h in g.hits]} for g in groups])
        return 0
    if not groups:
        print(f"nothing matches {args.text!r}")
        return 1

    def shown(text: str) -> str:
        return " ".join(text.replace(MARK_START, "[").replace(MARK_END, "]").split())

    for group in groups:
        more = f" (first {len(group.hits)} of {group.total})" if group.total > len(group.hits) else ""
        print(f"{module(group.module).label(lang)} — {group.total}{more}")
        for hit in group.hits:
            name = " — ".join(part for part in (shown(hit.code), shown(hit.title)) if part) or f"#{hit.row_id}"
            print(f"  {name}")
            if hit.snippet:
                print(f"      {shown(hit.snippet)}")
    return 0
