"""Import commands: `caio import` (a client spreadsheet into a module) and `caio fields` (what a module's
columns may be called)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from caio_desktop.cli.common import fail, opened

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`caio --help` imports this module)
if TYPE_CHECKING:
    from caio_desktop.interchange.importing.reader import ReadAhead


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a spreadsheet (xlsx, xlsm, xls, ods, csv) into a module")
    p.add_argument("file", type=Path, help="the workspace (.caio)")
    p.add_argument("sheet", type=Path, metavar="SPREADSHEET", help="the spreadsheet to import")
    p.add_argument("--into", required=True, metavar="MODULE", help="module key (see `caio fields`)")
    p.add_argument("--sheet", dest="sheet_name", metavar="NAME", help="sheet name (default: first non-empty)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--mapping", type=Path, metavar="MAP.json", help="column mapping file")
    how.add_argument("--auto", action="store_true", help="propose the mapping from the headers")
    p.add_argument("--header-row", type=int, metavar="N", help="row number of the header (default: found)")
    p.add_argument("--strict", action="store_true", help="import nothing if any row is rejected")
    p.add_argument("--add-choices", action="store_true",
                   help="add the client's values that fit no choice (risk categories, treatments) as new "
                        "choices of the engagement (default: kept as custom attributes with a warning)")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--no-update", action="store_true",
                   help="always add rows (default: update rows with the same code or title)")
    p.add_argument("--report", type=Path, metavar="OUT.xlsx", help="write the rejected rows to a workbook")
    p.add_argument("--save-mapping", type=Path, metavar="MAP.json", help="write the mapping used to a file")
    p.add_argument("--verbose", "-v", action="store_true", help="list every warning and rejected row")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("fields", help="a module's fields: labels (FR/EN), kind, choices and synonyms")
    p.add_argument("module", help="module key, e.g. risks, use_cases, ai_systems")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_fields)


def cmd_import(args: argparse.Namespace) -> int:
    from caio_desktop.domain.modules import module
    from caio_desktop.interchange.importing.reader import ReadAhead

    mod = module(args.into)  # an unknown module key is a clear error before anything is read
    # The sheet is read from here on in a helper thread: python-calamine parses it with the GIL released
    # while this thread imports SQLAlchemy and the import's modules (≈ 0.3 s) and opens the workspace,
    # which a whole `caio import` otherwise did first. (plan_import refuses a one-row module unread.)
    ahead = None if mod.singleton else ReadAhead(args.sheet, _sheet_to_read(args))
    try:
        if ahead is not None:
            ahead.wait_until_parsing()  # the guard's checks first, at full speed: the parse waits for them
        return _import(args, ahead)
    finally:
        if ahead is not None:
            ahead.close()


def _sheet_to_read(args: argparse.Namespace) -> str | Callable[[], str | None] | None:
    """The sheet plan_import will read: --sheet, else the one a mapping file names, else the first
    that holds data (None)."""
    if args.sheet_name or not args.mapping:
        return args.sheet_name

    def named_in_mapping() -> str | None:
        from caio_desktop.interchange.importing import mapping as mappings

        return mappings.load(args.mapping, module_key=args.into).sheet

    return named_in_mapping


def _import(args: argparse.Namespace, ahead: ReadAhead | None) -> int:
    from caio_desktop.interchange.importing import apply_import, plan_import, write_report
    from caio_desktop.interchange.importing import mapping as mappings
    from caio_desktop.interchange.importing.plan import prepare
    from caio_desktop.interchange.importing.report import problems_text
    from caio_desktop.workspace.snapshots import take_snapshot

    with opened(args.file, read_only=args.dry_run) as workspace:
        mapping = args.mapping if args.mapping else ("auto" if args.auto else None)
        # While the helper thread still parses the sheet: what the plan would read first.
        lang = _language(workspace)
        prepare(args.into)
        plan = plan_import(workspace, ahead.source() if ahead is not None else args.sheet, args.into,
                           sheet=args.sheet_name, mapping=mapping, header_row=args.header_row,
                           update_existing=not args.no_update, lang=lang, add_choices=args.add_choices)
        if ahead is not None:
            ahead.close()  # as plan_import closes a file it opened: the plan holds what it needs
        mapped = ", ".join(f"{h!r} → {f}" for h, f in plan.mapping.columns.items() if f)
        custom = sum(1 for f in plan.mapping.columns.values() if not f)
        print(f"sheet {plan.sheet!r}, header on row {plan.header_row}: {mapped}; "
              f"{custom} other column(s) kept as custom attributes")
        for note in plan.notes:
            print(f"note: {note}")
        for key, added in plan.new_choices.items():
            print(f"new choices of {key}: " + ", ".join(f"{label!r} ({code})" for code, label in added.items()))
        for reading in plan.scales.values():
            if reading.levels:
                print(f"levels: {reading.describe(lang)}")
        if any(r.scale and r.steps < 5 for r in plan.scales.values()):
            from caio_desktop.interchange.importing.scales import RULE_EN, RULE_FR

            print(f"levels: {RULE_FR if lang == 'fr' else RULE_EN}")
        if args.save_mapping:
            mappings.save(plan.mapping, args.save_mapping)
            print(f"mapping written to {args.save_mapping}")
        if args.dry_run:
            new = len(plan.valid) - plan.updates
            print(f"dry run: would import {new}, update {plan.updates}, reject {len(plan.rejected)}; "
                  f"warnings {len(plan.warnings)}")
            result_rejected, warnings = plan.rejected, plan.warnings
            code = 0
        else:
            take_snapshot(workspace, reason="before-import")
            result = apply_import(workspace, plan, strict=args.strict)
            result_rejected, warnings = result.rejected, result.warnings
            print(result.summary())
            if result.refused_strict:
                print("strict mode: rows were rejected, so nothing was imported")
            code = 0 if (result.imported or result.updated or result.unchanged) else 1
    _print_problems(args, warnings, result_rejected, problems_text, lang)
    if args.report:
        write_report(args.report, plan.headers, result_rejected, sheet=plan.sheet, lang=lang)
        print(f"rejected rows written to {args.report}")
    if code and not args.dry_run:
        raise fail("no row was imported", code=1)
    return code


def _language(workspace) -> str:  # noqa: ANN001
    """The engagement's language (of the notes, warnings and report), read by one query of its table:
    `Workspace.engagement()` would configure the ORM's mappers, which nothing else of an import uses
    (a few hundredths of a second of a fresh process)."""
    from sqlalchemy import select

    from caio_desktop.operations.recorder import table

    with workspace.engine.connect() as conn:
        return conn.execute(select(table("engagement").c.language)).scalar_one()


def _print_problems(args: argparse.Namespace, warnings: list, rejected: list, problems_text,  # noqa: ANN001
                    lang: str = "en") -> None:
    """The rejected rows and the warnings, in the engagement's language (`lang`)."""
    limit = 10**9 if args.verbose else 10
    for line in problems_text(rejected, limit=limit, lang=lang):
        print(f"rejected: {line}")
    for problem in warnings[:limit]:
        print(f"warning: {problem.text(lang)}")
    if len(warnings) > limit:
        print(f"warning: … and {len(warnings) - limit} more (use --verbose)")


def cmd_fields(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import print_json
    from caio_desktop.domain.enums import ENUMERATIONS
    from caio_desktop.domain.modules import module

    mod = module(args.module)
    rows = []
    for f in mod.fields:
        choices = list(ENUMERATIONS[f.choices].codes) if f.choices else []
        rows.append({"key": f.key, "fr": f.fr, "en": f.en, "kind": str(f.kind), "required": f.required,
                     "computed": f.computed, "choices": choices, "ref": f.ref, "synonyms": list(f.synonyms)})
    if args.json:
        print_json({"module": mod.key, "fr": mod.fr, "en": mod.en, "fields": rows})
        return 0
    print(f"{mod.key}: {mod.en} / {mod.fr}")
    for row in rows:
        flags = [row["kind"]] + (["required"] if row["required"] else []) + (
            ["computed, not imported"] if row["computed"] else []) + ([f"→ {row['ref']}"] if row["ref"] else [])
        print(f"  {row['key']:<24} {row['en']} / {row['fr']}  [{', '.join(flags)}]")
        if row["choices"]:
            enum = ENUMERATIONS[mod.field(row["key"]).choices]
            print("      choices: " + ", ".join(f"{c} ({enum.label(c, 'en')} / {enum.label(c, 'fr')})"
                                               for c in row["choices"]))
        if row["synonyms"]:
            print("      also: " + ", ".join(row["synonyms"]))
    return 0
