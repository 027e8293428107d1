"""Reference-content commands: classify, reference list, checklist, risk-library list / add."""

from __future__ import annotations

import argparse
from pathlib import Path

from caio_desktop.cli.common import fail, iso_date, lang, opened, print_json

# json and typing where they are used: `caio --help` imports every command module (bench_info.py)
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("classify", help="classify an AI system under the EU AI Act from a facts file")
    p.add_argument("--facts", type=Path, required=True, metavar="FILE.json",
                   help="JSON object: role, prohibited_practice (a-h, non_consensual_intimate_content, "
                        "csam), annex_i_product, annex_iii_area, annex_iii_point, art6_3_derogation, "
                        "profiling, art50_cases, gpai, gpai_systemic_risk, already_on_market")
    p.add_argument("--lang", type=lang, help="texts in one language (fr|en) instead of both")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help="the day 'in_effect' is judged on (default: today), e.g. the engagement's date")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("reference", help="reference content shipped with CAIO Desktop")
    reference = p.add_subparsers(dest="reference_command", metavar="ACTION")
    reference.required = True
    r = reference.add_parser("list", help="every reference file with version, source, as-of date and "
                                          "verification status")
    r.add_argument("--json", action="store_true", help="machine-readable output")
    r.add_argument("--unverified", action="store_true",
                   help="only the citations not checked against the primary text, with their sources")
    r.add_argument("--lang", type=lang, default="en", help="language of the notes (fr|en)")
    r.set_defaults(func=cmd_reference_list)
    r = reference.add_parser("update", help="install a reference data pack (zip of YAML files with a "
                                            "checksummed manifest signed by a trusted publisher); refused if "
                                            "unsigned, damaged, older or unknown")
    r.add_argument("pack", type=Path, metavar="PACK.zip")
    r.add_argument("--check", action="store_true", help="check the pack without installing it")
    r.set_defaults(func=cmd_reference_update)
    r = reference.add_parser("pack", help="build a signed reference data pack from YAML files (for publishers)")
    r.add_argument("out", type=Path, metavar="OUT.zip")
    r.add_argument("files", type=Path, nargs="+", metavar="FILE.yaml")
    r.add_argument("--version", required=True, help="the pack's version, e.g. 2026.12.1")
    r.add_argument("--id", default="caio-reference", help="the pack's id (default: caio-reference)")
    r.add_argument("--sign-key", type=Path, required=True, metavar="PRIVATE_KEY_FILE",
                   help="the publisher's Ed25519 private key (PEM, or the base64 of its 32 bytes): "
                        "unsigned packs are refused")
    r.set_defaults(func=cmd_reference_pack)
    r = reference.add_parser("keygen", help="make a publisher's Ed25519 key pair for signing data packs")
    r.add_argument("out", type=Path, metavar="OUT.pem",
                   help="private key file (written owner-only; never commit or share it)")
    r.add_argument("--name", required=True, help="the publisher's name, shown when its packs are installed")
    r.set_defaults(func=cmd_reference_keygen)
    r = reference.add_parser("trust", help="trust the publishers of a publishers.json file (their packs "
                                           "install): adds them to this user's trusted publishers")
    r.add_argument("publishers", type=Path, metavar="PUBLISHERS.json")
    r.set_defaults(func=cmd_reference_trust)

    p = sub.add_parser("checklist", help="generate the compliance checklist of the AI systems")
    p.add_argument("file", type=Path)
    p.add_argument("--system", type=int, action="append", dest="systems", metavar="ID",
                   help="AI system id (repeat for several; default: the whole inventory)")
    p.add_argument("--lang", type=lang, help="requirement texts language (default: the engagement's)")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help="the day 'in effect' is judged on (default: the later of today and the "
                        "engagement's start date)")
    p.set_defaults(func=cmd_checklist)

    p = sub.add_parser("risk-library", help="the AI risk library")
    library = p.add_subparsers(dest="library_command", metavar="ACTION")
    library.required = True
    r = library.add_parser("list", help="library risks: key, category, title")
    r.add_argument("--lang", type=lang, default="en")
    r.add_argument("--category", help="only this category (e.g. cybersecurity)")
    r.add_argument("--json", action="store_true", help="machine-readable output")
    r.set_defaults(func=cmd_library_list)
    r = library.add_parser("add", help="add library risks (with their actions) to a workspace's register")
    r.add_argument("file", type=Path)
    r.add_argument("keys", nargs="+", metavar="KEY")
    r.add_argument("--system", type=int, dest="ai_system_id", metavar="ID", help="link to this AI system")
    r.add_argument("--use-case", type=int, dest="use_case_id", metavar="ID", help="link to this use case")
    r.add_argument("--lang", type=lang, help="texts language (default: the engagement's)")
    r.set_defaults(func=cmd_library_add)


def _read_facts(path: Path) -> Any:
    import json

    try:
        text = path.read_text(encoding="utf-8-sig")  # Windows editors add a BOM
    except UnicodeDecodeError:
        raise fail(f"{path}: not a UTF-8 text file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None


def _one_language(result: dict[str, Any], lang_code: str) -> dict[str, Any]:
    def pick(value: Any) -> Any:
        return value.get(lang_code) if isinstance(value, dict) and set(value) == {"fr", "en"} else value

    result = dict(result)
    for key in ("tier_label", "rationale"):
        result[key] = pick(result[key])
    result["notes"] = [pick(n) for n in result["notes"]]
    result["obligations"] = [{k: pick(v) for k, v in o.items()} for o in result["obligations"]]
    if result.get("prohibition"):
        result["prohibition"] = {k: pick(v) for k, v in result["prohibition"].items()}
    return result


def cmd_classify(args: argparse.Namespace) -> int:
    from caio_desktop.domain.ai_act import SystemFacts, classify

    data = _read_facts(args.facts)
    try:
        facts = SystemFacts.from_dict(data)
    except ValueError as exc:
        raise fail(f"{args.facts}: {exc}") from None
    result = classify(facts, as_of=args.date).to_dict()
    print_json(_one_language(result, args.lang) if args.lang else result)
    return 0


def cmd_reference_list(args: argparse.Namespace) -> int:
    from caio_desktop.reference.catalog import list_reference_files

    if args.unverified:
        return _list_unverified(args)
    infos = list_reference_files()
    if args.json:
        print_json([info.to_dict() for info in infos])
        return 0
    for info in infos:
        source = info.source_reference or info.source_title
        where = f" <{info.source_url}>" if info.source_url else ""
        print(f"{info.id:<16} v{info.version:<8} as of {info.as_of.isoformat()}  {info.verification:<10}  "
              f"{info.file_name}")
        print(f"    source: {source}{where}")
    return 0


def _list_unverified(args: argparse.Namespace) -> int:
    """Every unverified file and entry: what it cites, what it rests on, what is uncertain."""
    from caio_desktop.reference.verification import TO_BE_CONFIRMED, unverified_items

    items = unverified_items()
    if args.json:
        print_json([item.to_dict() for item in items])
        return 0
    for item in items:
        where = f"{item.file_id}:{item.path}" if item.path else f"{item.file_id} (whole file)"
        print(f"{where}\n    cites: {item.citation} — {TO_BE_CONFIRMED.get(args.lang)}")
        print(f"    rests on: {item.verification.sources}")
        if item.verification.note is not None:
            print(f"    note: {item.verification.note.get(args.lang)}")
    print(f"{len(items)} unverified citation(s)")
    return 0


def cmd_reference_update(args: argparse.Namespace) -> int:
    from caio_desktop.reference.packs import PackError, check_pack, install_pack

    try:
        if args.check:
            pack, changed = check_pack(args.pack)
            manifest = pack.manifest
            print(f"reference pack {manifest.id} {manifest.version} signed by {pack.publisher.name} "
                  f"({pack.publisher.key_id}) can be installed; it would update: "
                  + (", ".join(f"{k} {old} -> {new}" for k, (old, new) in sorted(changed.items())) or "nothing"))
            return 0
        result = install_pack(args.pack)
    except PackError as exc:
        raise fail(f"reference pack refused: {exc}") from None
    print(result.summary())
    return 0


def cmd_reference_pack(args: argparse.Namespace) -> int:
    from caio_desktop.reference.packs import build_pack
    from caio_desktop.reference.signing import SignatureError, load_private_key

    try:
        key = load_private_key(args.sign_key)
    except SignatureError as exc:
        raise fail(str(exc)) from None
    files = {}
    for path in args.files:
        try:
            files[path.name] = path.read_bytes()
        except OSError as exc:
            raise fail(f"{path}: {exc.strerror or exc}") from None
    try:
        manifest = build_pack(files, args.out, pack_id=args.id, version=args.version, sign_key=key)
    except (KeyError, TypeError, ValueError) as exc:
        raise fail(f"not reference files (each needs an id and a version): {exc}") from None
    print(f"{args.out}: reference pack {manifest.id} {manifest.version}, {len(manifest.files)} file(s), signed")
    return 0


def cmd_reference_keygen(args: argparse.Namespace) -> int:
    """Write a private key and, beside it, the ``publishers.json`` that trusts its public key."""
    import json

    from caio_desktop.reference.signing import generate_key

    public_file = args.out.with_name(args.out.stem + ".publisher.json")
    for path in (args.out, public_file):
        if path.exists():
            raise fail(f"{path} already exists: not overwritten")
    try:
        publisher = generate_key(args.out, args.name)
        public_file.write_text(json.dumps({"publishers": [publisher.to_dict()]}, indent=2) + "\n",
                               encoding="utf-8")
    except OSError as exc:
        raise fail(f"{exc.filename or args.out}: {exc.strerror or exc}") from None
    print(f"{args.out}: private key of {publisher.name} (key id {publisher.key_id}); keep it secret, off the "
          "repository")
    print(f"{public_file}: its public key, for 'caio reference trust' on the machines that install its packs")
    return 0


def cmd_reference_trust(args: argparse.Namespace) -> int:
    """Add the publishers of a ``publishers.json`` file to this user's trusted publishers."""
    from caio_desktop.reference.signing import SignatureError, add_trusted_publishers, read_publishers

    try:
        if not args.publishers.is_file():
            raise SignatureError(f"{args.publishers}: no such file")
        publishers = read_publishers(args.publishers)
        if not publishers:
            raise SignatureError(f"{args.publishers}: lists no publisher")
        target = add_trusted_publishers(publishers)
    except SignatureError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write the trusted publishers: {exc.strerror or exc}") from None
    for publisher in publishers:
        print(f"trusted: {publisher.name} ({publisher.key_id})")
    print(f"in {target}")
    return 0


def cmd_checklist(args: argparse.Namespace) -> int:
    from caio_desktop.operations.compliance import generate_compliance_checklist

    with opened(args.file) as workspace:
        change = generate_compliance_checklist(workspace, args.systems, lang=args.lang, as_of=args.date)
    print(f"{change.systems} AI system(s): {change.added} compliance item(s) added, "
          f"{change.already_present} already present")
    later = (f"{change.not_yet_in_effect} item(s) apply only later (the first from "
             f"{change.next_applies_from.isoformat()})" if change.next_applies_from else "every item already applies")
    print(f"in effect judged on {change.as_of.isoformat()}: {later}")
    if change.unclassified:
        print("not classified (no AI Act items): " + ", ".join(change.unclassified))
    if change.no_longer_required:
        print(f"{change.no_longer_required} generated item(s) no longer required by the classification "
              "(left in place: mark them not applicable)")
    for file_id, (old, new) in sorted(change.updated_references.items()):
        print(f"reference {file_id} updated since the last assessment ({old} -> {new})")
    if change.updated_references:
        print(f"{change.added_by_update} item(s) added and {change.changed_by_update} changed by the newer "
              f"reference content" + (f" ({change.proposed_changes} edited by hand: kept, the new text is in "
                                      "their reference_proposed attribute)" if change.proposed_changes else ""))
    return 0


def cmd_library_list(args: argparse.Namespace) -> int:
    from caio_desktop.reference.risk_library import CATEGORIES, load_risk_library

    library = load_risk_library()
    if args.category and args.category not in CATEGORIES:
        raise fail(f"unknown category {args.category!r}; expected one of {', '.join(CATEGORIES)}")
    risks = [r for r in library.risks if not args.category or r.category == args.category]
    if args.json:
        print_json([{"key": r.key, "category": r.category, "title": r.title(args.lang),
                     "description": r.description(args.lang), "likelihood": r.likelihood,
                     "impact": r.impact, "treatment": r.treatment} for r in risks])
        return 0
    for risk in risks:
        category = library.category_label(risk.category, args.lang)
        print(f"{risk.key:<28} {category:<28} {risk.title(args.lang)}")
    return 0


def cmd_library_add(args: argparse.Namespace) -> int:
    from caio_desktop.operations.risk_library import add_risks_from_library

    with opened(args.file) as workspace:
        change = add_risks_from_library(workspace, args.keys, lang=args.lang, ai_system_id=args.ai_system_id,
                                        use_case_id=args.use_case_id)
    print(f"{len(change.added)} risk(s) added" + (f": {', '.join(change.added)}" if change.added else ""))
    if change.skipped:
        print(f"already in the register (skipped): {', '.join(change.skipped)}")
    return 0
