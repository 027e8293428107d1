"""`caio survey`: staff questionnaires sent as workbooks, the filled ones imported, the results shown.

    caio survey form mission.caio maturite.xlsx --kind maturity [--lang fr] [--campaign "Vague 1"]
                     [--dimensions ai_vision,data_quality] [--invited 120] [--anonymous]
    caio survey import mission.caio reponses/*.xlsx [--campaign "Vague 1"]
    caio survey results mission.caio [--campaign "Vague 1"] [--json]

`import` prints one line per file (imported, or why not) and exits 2 when some file was refused; the
accepted files are imported all the same, in one transaction (a snapshot is taken first).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from caio_desktop.cli.common import fail, lang, opened, print_json


def _invited(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of people") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the invited population must be at least 1")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("survey", help="staff surveys: respondent forms, import of filled forms, results")
    survey = p.add_subparsers(dest="survey_command", metavar="COMMAND", required=True)

    form = survey.add_parser("form", help="write a respondent workbook (maturity or AI-usage questionnaire)")
    form.add_argument("file", type=Path, help="the workspace (.caio)")
    form.add_argument("out", type=Path, help="the form to write (.xlsx)")
    form.add_argument("--kind", choices=("maturity", "usage"), required=True)
    form.add_argument("--lang", type=lang, help="fr or en (default: the engagement's language)")
    form.add_argument("--campaign", metavar="NAME", help="the campaign the form belongs to (created on first use)")
    form.add_argument("--dimensions", metavar="KEYS", help="maturity: only these dimensions (comma-separated keys)")
    form.add_argument("--invited", type=_invited, metavar="N", help="how many people the form is sent to")
    form.add_argument("--anonymous", action="store_true", help="ask no name; none is kept")
    form.set_defaults(func=cmd_form)

    imp = survey.add_parser("import", help="import filled forms (each file whole or not at all)")
    imp.add_argument("file", type=Path, help="the workspace (.caio)")
    imp.add_argument("forms", type=Path, nargs="+", metavar="FORM", help="filled forms (.xlsx)")
    imp.add_argument("--campaign", metavar="NAME", help="refuse forms of any other campaign")
    imp.set_defaults(func=cmd_import)

    res = survey.add_parser("results", help="respondents, response rate and aggregates per campaign")
    res.add_argument("file", type=Path, help="the workspace (.caio)")
    res.add_argument("--campaign", metavar="NAME", help="only this campaign")
    res.add_argument("--json", action="store_true", help="print the results as JSON")
    res.set_defaults(func=cmd_results)


def cmd_form(args: argparse.Namespace) -> int:
    from caio_desktop.interchange.surveys.form import generate_form

    dimensions = [d.strip() for d in args.dimensions.split(",") if d.strip()] if args.dimensions else None
    if dimensions is not None and args.kind != "maturity":
        raise fail("--dimensions applies to a maturity form only")
    with opened(args.file) as ws:
        row, _ = generate_form(ws, args.out, kind=args.kind, lang=args.lang, campaign=args.campaign,
                               dimensions=dimensions, invited=args.invited, anonymous=args.anonymous or None)
    print(f"{args.out}: {len(row['questions'])} questions, campaign {row['name']!r}"
          + (" (anonymous)" if row["anonymous"] else ""))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from caio_desktop.interchange.surveys.importing import import_forms
    from caio_desktop.workspace.snapshots import take_snapshot

    with opened(args.file) as ws:
        take_snapshot(ws, reason="before-survey-import")
        report = import_forms(ws, args.forms, campaign=args.campaign)
    for outcome in report.outcomes:
        print(outcome)
    summary = f"{len(report.imported)} of {len(report.outcomes)} forms imported"
    if report.systems:
        summary += f"; {len(report.systems)} AI systems found by the survey added or updated"
    print(summary)
    return 2 if report.refused else 0


def cmd_results(args: argparse.Namespace) -> int:
    from caio_desktop.interchange.surveys.results import campaign_results
    from caio_desktop.workspace import surveys as survey_reads

    with opened(args.file, read_only=True) as ws:
        rows = survey_reads.campaigns(ws)
        if args.campaign is not None:
            rows = [r for r in rows if r["name"] == args.campaign]
            if not rows:
                raise fail(f"there is no survey campaign {args.campaign!r}")
        results = [campaign_results(ws, r["id"]) for r in rows]
        lang = ws.engagement().language or "fr"
    if args.json:
        print_json([r.as_dict() for r in results])
        return 0
    if not results:
        print("no survey campaign yet")
    for result in results:
        _print_results(result, lang)
    return 0


def _print_results(result, lang: str) -> None:  # noqa: ANN001
    from caio_desktop.domain.surveys import MIN_GROUP
    from caio_desktop.reference.maturity import load_maturity_model

    campaign = result.campaign
    rate = "" if result.rate is None else f", {result.rate:.0f}% of {campaign['invited']} invited"
    print(f"{campaign['name']} ({campaign['kind']}): {result.respondents} respondents{rate}")
    if not result.shown:
        print(f"  figures are shown from {MIN_GROUP} respondents")
        return
    if result.kind == "maturity":
        model = load_maturity_model()
        print(f"  {'':34} {'n':>4} {'mean':>5} {'median':>6} {'min-max':>7} {'sd':>5} {'consultant':>10}")
        for row in result.rows:
            label = (model.pillar(row.pillar).label(lang) if row.is_pillar
                     else "  " + model.dimension(row.key).label(lang))
            s = row.stats
            consultant = "" if row.consultant is None else f"{row.consultant:.1f}"
            if s is None:
                print(f"  {label[:34]:34} {0:>4}")
                continue
            print(f"  {label[:34]:34} {s.n:>4} {s.mean:>5.2f} {s.median:>6.1f} "
                  f"{f'{s.minimum:g}-{s.maximum:g}':>7} {s.sd:>5.2f} {consultant:>10}")
    else:
        for finding in result.findings:
            flag = " shadow AI" if finding.shadow else ""
            print(f"  {finding.tool.name}: {finding.count} users{flag}")
