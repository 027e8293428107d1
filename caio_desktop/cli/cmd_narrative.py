"""`caio narrative`: show or edit the consultant's own words in a deliverable, headless.

    caio narrative mission.caio steering [--lang en]                  # every field, and what is empty
    caio narrative mission.caio steering --set executive_summary="Le programme avance."
    caio narrative mission.caio steering --set-file next_steps=etapes.txt --clear introduction
    caio narrative mission.caio steering --json

Each field set or cleared is one operation (`operations.narrative.set_narrative`), recorded in the audit
trail like an edit in the app. An empty field is written by the deliverable from the data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caio_desktop.cli.common import fail, lang, opened, print_json


def _assignment(text: str) -> tuple[str, str]:
    """argparse type for FIELD=VALUE (the value may hold '=' and be empty)."""
    field, sep, value = text.partition("=")
    if not sep or not field.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not FIELD=TEXT")
    return field.strip(), value


def register(sub: argparse._SubParsersAction) -> None:
    from caio_desktop.domain.narrative import FIELD_KEYS, NARRATIVE_KINDS

    p = sub.add_parser("narrative", help="show or edit the consultant's words in a deliverable "
                                         "(introduction, executive summary, key messages, next steps)")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("kind", metavar="KIND", help=f"the deliverable: {', '.join(NARRATIVE_KINDS)}")
    p.add_argument("--lang", type=lang, help="fr or en (default: the engagement's language)")
    p.add_argument("--set", type=_assignment, action="append", default=[], metavar="FIELD=TEXT",
                   help=f"store TEXT in FIELD ({', '.join(FIELD_KEYS)}); repeatable")
    p.add_argument("--set-file", type=_assignment, action="append", default=[], metavar="FIELD=PATH",
                   help="store the text of file PATH (UTF-8; - for standard input) in FIELD; "
                        "key messages and next steps are one item a line")
    p.add_argument("--clear", action="append", default=[], metavar="FIELD",
                   help="empty FIELD: the deliverable writes it from the data again")
    p.add_argument("--json", action="store_true", help="print the fields as JSON")
    p.set_defaults(func=cmd_narrative)


def _read_text(field: str, source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise fail(f"{path}: cannot read the text for {field} ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise fail(f"{path}: the text for {field} is not UTF-8") from None


def _edits(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(field, text) in the order given; checked before the workspace is opened for writing."""
    from caio_desktop.domain.narrative import FIELD_KEYS

    edits = [*args.set, *((field, _read_text(field, source)) for field, source in args.set_file),
             *((field, "") for field in args.clear)]
    for field, _ in edits:
        if field not in FIELD_KEYS:
            raise fail(f"unknown narrative field {field!r}; choose one of {', '.join(FIELD_KEYS)}")
    seen = [field for field, _ in edits]
    twice = sorted({field for field in seen if seen.count(field) > 1})
    if twice:
        raise fail(f"{', '.join(twice)} given more than once")
    return edits


def cmd_narrative(args: argparse.Namespace) -> int:
    from caio_desktop.domain.narrative import NARRATIVE_FIELDS, NARRATIVE_KINDS

    if args.kind not in NARRATIVE_KINDS:
        raise fail(f"unknown deliverable {args.kind!r}; choose one of {', '.join(NARRATIVE_KINDS)}")
    edits = _edits(args)
    with opened(args.file, read_only=not edits) as workspace:
        from caio_desktop.domain.errors import ValidationError
        from caio_desktop.operations.narrative import narrative, set_narrative
        from caio_desktop.workspace.queries import fetch_rows

        engagement = fetch_rows(workspace, "engagement", limit=1)
        language = args.lang or (engagement[0].get("language") if engagement else None) or "en"
        for field, text in edits:
            try:
                set_narrative(workspace, args.kind, language, field, text)
            except ValidationError as exc:
                raise fail(f"{field} {exc.reason}") from None
        stored = narrative(workspace, args.kind, language)
    if args.json:
        print_json({"kind": args.kind, "lang": language, "fields": {f.key: stored.get(f.key, "")
                                                                     for f in NARRATIVE_FIELDS}})
        return 0
    if edits:
        print(f"Saved {len(edits)} field{'s' if len(edits) > 1 else ''} of the {args.kind} narrative ({language})")
    for field in NARRATIVE_FIELDS:
        text = stored.get(field.key)
        print(f"{field.key} — {field.label(language)}:")
        if text is None:
            print("  (empty: written from the data)")
        else:
            for line in text.splitlines():
                print(f"  {line}".rstrip())
    return 0
