"""`caio attach / attachments / detach / evidence-pack`: evidence files on register rows, and the audit pack.

    caio attach mission.caio compliance:12 DPIA.pdf charte-signee.pdf [--link]
    caio attachments mission.caio [compliance:12] [--json]
    caio detach mission.caio 7
    caio evidence-pack mission.caio audit.zip [--framework ai_act|iso42001|gdpr|nist]

`attach` takes every file in one transaction each (a file refused says why; the others are attached)
and exits 2 when some file was refused. The stored bytes of a detached file go when the command ends
(`Workspace.close`): a command is its own session, so no undo step can bring the attachment back.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from caio_desktop.cli.common import fail, opened, print_json

FRAMEWORKS = ("ai_act", "iso42001", "gdpr", "nist")


def row_ref(text: str) -> tuple[str, int]:
    """argparse type for MODULE:ID (`compliance:12`)."""
    from caio_desktop.domain.evidence import EVIDENCE_MODULES

    module_key, _, number = text.partition(":")
    if module_key not in EVIDENCE_MODULES or not number.isdigit():
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected MODULE:ID, MODULE one of {', '.join(EVIDENCE_MODULES)}")
    return module_key, int(number)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attach", help="attach evidence files to a register row (stored in the workspace)")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("row", type=row_ref, metavar="MODULE:ID", help="the row, e.g. compliance:12")
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="files to attach")
    p.add_argument("--link", action="store_true", help="keep the path (a shared drive) instead of a copy")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("attachments", help="list the evidence files of the workspace or of one row")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("row", type=row_ref, nargs="?", metavar="MODULE:ID", help="only this row's files")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=cmd_attachments)

    p = sub.add_parser("detach", help="remove one attachment (its id from `caio attachments`)")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("attachment", type=int, metavar="ATTACHMENT_ID")
    p.set_defaults(func=cmd_detach)

    p = sub.add_parser("evidence-pack", help="write the audit pack: one folder per requirement, an index")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("out", type=Path, help="the pack to write (.zip)")
    p.add_argument("--framework", choices=FRAMEWORKS, help="only this framework's requirements")
    p.set_defaults(func=cmd_evidence_pack)


def cmd_attach(args: argparse.Namespace) -> int:
    from caio_desktop.operations.evidence import attach_file
    from caio_desktop.workspace.evidence import EvidenceError

    module_key, row_id = args.row
    refused = 0
    with opened(args.file) as ws:
        for path in args.paths:
            try:
                change = attach_file(ws, module_key, row_id, path, link=args.link)
            except EvidenceError as exc:
                if "has no row" in str(exc):
                    raise fail(str(exc)) from None
                print(f"{path}: refused: {exc}")
                refused += 1
                continue
            print(f"{path}: attached as {change.row_ids[0]} to {module_key}:{row_id}"
                  + (" (linked)" if args.link else ""))
    return 2 if refused else 0


def cmd_attachments(args: argparse.Namespace) -> int:
    from caio_desktop.domain.evidence import human_size
    from caio_desktop.operations.evidence import attachments

    module_key, row_id = args.row if args.row else (None, None)
    with opened(args.file, read_only=True) as ws:
        found = attachments(ws, module_key, row_id)
    if args.json:
        print_json([{**info.__dict__, "missing": info.missing} for info in found])
        return 0
    for info in found:
        where = "missing " + info.link if info.missing else ("linked " + info.link if info.link else "stored")
        print(f"{info.id}\t{info.module}:{info.row_id}\t{info.name!r}\t{info.media_type}\t{human_size(info.size)}\t"
              f"{info.attached_at:%Y-%m-%d %H:%M}\t{info.attached_by or ''}\t{where}")
    if not found:
        print("no attachments")
    return 0


def cmd_detach(args: argparse.Namespace) -> int:
    from caio_desktop.operations.evidence import detach
    from caio_desktop.workspace.evidence import EvidenceError

    with opened(args.file) as ws:
        try:
            change = detach(ws, args.attachment)
        except EvidenceError as exc:
            raise fail(str(exc)) from None
    print(f"removed attachment {args.attachment} ({change.label}) from {change.module}")
    return 0


def cmd_evidence_pack(args: argparse.Namespace) -> int:
    from caio_desktop.interchange.evidence_pack import write_evidence_pack

    with opened(args.file, read_only=True) as ws:
        summary = write_evidence_pack(ws, args.out, framework=args.framework)
    print(f"{args.out}: {summary.requirements} requirements, {summary.files} files, {summary.gaps} without evidence")
    return 0
