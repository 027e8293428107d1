"""Export commands: `caio export` (the engagement as an Excel workbook, or a deliverable as PDF, Word or
PowerPoint) and `caio template` (a blank import sheet for one module).

    caio export mission.caio --xlsx mission.xlsx [--lang en]
    caio export mission.caio --pdf risks risques.pdf [--lang fr] [--date 2026-03-16] [--firm-logo logo.svg]
    caio export mission.caio --docx steering COPIL.docx [--template cabinet.dotx]
    caio export mission.caio --pptx steering COPIL.pptx [--template client.potx]
    caio template risks modele-risques.xlsx [--lang fr]

Every deliverable goes through `interchange.deliverables.export_deliverable`, whatever its format. A
template that lacks what a deliverable needs is not an error: the file is written on our own styles or
layouts, and what the template lacks is printed as a warning on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from caio_desktop.cli.common import fail, iso_date, lang, opened

# format → (what people call it, suffixes its file may have, suffixes a template may have)
DELIVERABLE_FORMATS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "pdf": ("PDF", (".pdf",), ()),
    "docx": ("Word", (".docx",), (".docx", ".dotx")),
    "pptx": ("PowerPoint", (".pptx",), (".pptx", ".potx")),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the engagement as an Excel workbook, or a deliverable as PDF, "
                                      "Word or PowerPoint")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="every register in one workbook")
    what.add_argument("--pdf", nargs=2, metavar=("KIND", "OUT.pdf"),
                      help="a deliverable: diagnosis, roadmap, risks, steering or handover")
    what.add_argument("--docx", nargs=2, metavar=("KIND", "OUT.docx"),
                      help="a deliverable as an editable Word document (same kinds as --pdf)")
    what.add_argument("--pptx", nargs=2, metavar=("KIND", "OUT.pptx"),
                      help="a PowerPoint deck: steering (the committee) or diagnosis (its restitution)")
    p.add_argument("--lang", type=lang, help="fr or en (default: the engagement's language)")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help="the date the document is as of (default: today)")
    p.add_argument("--firm-logo", type=Path, metavar="PATH",
                   help="with a deliverable: your firm's logo (PNG, JPEG or SVG) signing the cover and the footer")
    p.add_argument("--template", type=Path, metavar="T.dotx|T.potx",
                   help="with --docx: a Word template (.dotx, .docx); with --pptx: a PowerPoint template "
                        "(.potx, .pptx) whose styles, masters and layouts the output uses")
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


def _template(path: Path | None, fmt: str) -> Path | None:
    """The template file, refused here (before the workspace is opened) when it cannot be one of `fmt`."""
    if path is None:
        return None
    name, _, suffixes = DELIVERABLE_FORMATS[fmt]
    if not suffixes:
        raise fail("--template applies to Word (--docx) and PowerPoint (--pptx) deliverables, not to PDF")
    if path.suffix.lower() not in suffixes:
        raise fail(f"{path}: a {name} template must end in {' or '.join(suffixes)}")
    if not path.is_file():
        raise fail(f"{path}: no such template file")
    return path


def _deliverable_request(args: argparse.Namespace) -> tuple[str, str, Path]:
    """(format, kind, output) of the deliverable asked for, checked before any work is done."""
    from caio_desktop.interchange.deliverables import DECK_KINDS, DELIVERABLE_KINDS

    fmt = next(f for f in DELIVERABLE_FORMATS if getattr(args, f) is not None)
    kind, out = getattr(args, fmt)[0], Path(getattr(args, fmt)[1])
    name, suffixes, _ = DELIVERABLE_FORMATS[fmt]
    if kind not in DELIVERABLE_KINDS:
        raise fail(f"unknown deliverable {kind!r}; choose one of {', '.join(DELIVERABLE_KINDS)}")
    if fmt == "pptx" and kind not in DECK_KINDS:
        raise fail(f"the {kind} deliverable has no PowerPoint deck; decks: {', '.join(DECK_KINDS)} "
                   f"(use --docx or --pdf for {kind})")
    _check_suffix(out, suffixes[0])
    return fmt, kind, out


def cmd_export(args: argparse.Namespace) -> int:
    if args.xlsx is not None:
        for option, value in (("--firm-logo", args.firm_logo), ("--template", args.template)):
            if value is not None:
                raise fail(f"{option} applies to deliverables (--pdf, --docx, --pptx), not to the workbook")
        _check_suffix(args.xlsx, ".xlsx")
        return _export_workbook(args)
    return _export_deliverable(args)


def _export_deliverable(args: argparse.Namespace) -> int:
    fmt, kind, out = _deliverable_request(args)
    name = DELIVERABLE_FORMATS[fmt][0]
    template = _template(args.template, fmt)
    firm_logo = _firm_logo(args.firm_logo)
    try:
        deliverables = importlib.import_module("caio_desktop.interchange.deliverables")
        # The renderer is imported by export_deliverable; importing it here first turns a build without
        # it into a clear message instead of an internal error.
        importlib.import_module(f"caio_desktop.interchange.{fmt}")
    except ImportError as exc:
        raise fail(f"{name} deliverables are not available in this build ({exc})") from None
    warnings: list[str] = []
    with opened(args.file, read_only=True) as workspace:
        try:
            written = deliverables.export_deliverable(workspace, kind, out, fmt=fmt, lang=args.lang,
                                                      as_of=args.date, firm_logo=firm_logo,
                                                      template=template, warnings=warnings)
        except (deliverables.DeliverableError, deliverables.DeliverableCancelled) as exc:
            raise fail(str(exc)) from None
    for warning in warnings:  # the file is written all the same, on our own styles or layouts
        print(f"caio: warning: {warning}", file=sys.stderr)
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
