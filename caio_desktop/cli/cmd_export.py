"""Export commands: `caio export` (the engagement as an Excel workbook or a PDF deliverable) and
`caio template` (a blank import sheet for one module).

    caio export mission.caio --xlsx mission.xlsx [--lang en]
    caio export mission.caio --pdf risks risques.pdf [--lang fr] [--date 2026-03-16] [--firm-logo logo.svg]
    caio template risks modele-risques.xlsx [--lang fr]
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from caio_desktop.cli.common import fail, iso_date, lang, opened


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the engagement as an Excel workbook or a PDF deliverable")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="every register in one workbook")
    what.add_argument("--pdf", nargs=2, metavar=("KIND", "OUT.pdf"),
                      help="a deliverable: diagnosis, roadmap, risks, steering or handover")
    p.add_argument("--lang", type=lang, help="fr or en (default: the engagement's language)")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help="the date the document is as of (default: today)")
    p.add_argument("--firm-logo", type=Path, metavar="PATH",
                   help="with --pdf: your firm's logo (PNG, JPEG or SVG) signing the cover and the footer")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("template", help="a blank, formatted import sheet for a module, with instructions")
    p.add_argument("module", help="module key, e.g. risks, use_cases, ai_systems (see `caio fields`)")
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    p.add_argument("--lang", type=lang, default="fr", help="language of the headers (fr|en, default fr)")
    p.set_defaults(func=cmd_template)


def _check_suffix(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise fail(f"{path}: the output file name must end in {suffix}")


def _firm_logo(path: Path | None) -> bytes | None:
    """The firm logo's bytes, checked by the rules of the client's logo (size, type, safe SVG)."""
    if path is None:
        return None
    from caio_desktop.domain.errors import ValidationError
    from caio_desktop.domain.logos import MAX_LOGO_BYTES, logo_kind

    try:
        if path.stat().st_size > MAX_LOGO_BYTES:  # refused before reading a huge file into memory
            raise fail(f"{path}: the firm logo is larger than {MAX_LOGO_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise fail(f"{path}: cannot read the firm logo ({exc.strerror or exc})") from None
    try:
        logo_kind(data, module="preferences", field="firm_logo")
    except ValidationError as exc:
        raise fail(f"{path}: the firm logo {exc.reason}") from None
    return data


def cmd_export(args: argparse.Namespace) -> int:
    if args.xlsx is not None:
        if args.firm_logo is not None:
            raise fail("--firm-logo applies to PDF deliverables (--pdf), not to the workbook")
        _check_suffix(args.xlsx, ".xlsx")
        return _export_workbook(args)
    kind, out = args.pdf[0], Path(args.pdf[1])
    _check_suffix(out, ".pdf")
    firm_logo = _firm_logo(args.firm_logo)
    try:
        pdf = importlib.import_module("caio_desktop.interchange.pdf")
    except ImportError as exc:
        raise fail(f"PDF deliverables are not available in this build ({exc})") from None
    with opened(args.file, read_only=True) as workspace:
        try:
            written = pdf.build_deliverable(workspace, kind, out, lang=args.lang, as_of=args.date,
                                            firm_logo=firm_logo)
        except (pdf.DeliverableError, pdf.DeliverableCancelled) as exc:
            raise fail(str(exc)) from None
    print(f"Wrote {written}")
    return 0


def _export_workbook(args: argparse.Namespace) -> int:
    from caio_desktop.interchange.excel_export import export_workbook
    from caio_desktop.workspace.queries import counts

    with opened(args.file, read_only=True) as workspace:
        written = export_workbook(workspace, args.xlsx, lang=args.lang, as_of=args.date)
        rows = sum(counts(workspace).values())
    print(f"Wrote {written} ({rows} rows)")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from caio_desktop.domain.modules import module
    from caio_desktop.interchange.excel_export import write_template

    _check_suffix(args.out, ".xlsx")
    mod = module(args.module)  # unknown key: a ValueError naming the known ones
    if mod.singleton:
        raise fail(f"{mod.key} has exactly one row and is edited in the app, not imported")
    written = write_template(mod.key, args.out, lang=args.lang)
    print(f"Wrote {written}")
    return 0
