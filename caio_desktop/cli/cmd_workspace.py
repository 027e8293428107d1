"""Workspace commands: new, info, check, snapshot, snapshots, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caio_desktop.cli.common import fail, iso_date, lang, passphrase, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a new engagement file")
    p.add_argument("file", type=Path)
    p.add_argument("--client", required=True, help="client organisation name")
    p.add_argument("--lang", type=lang, default="fr", help="deliverables language (fr|en)")
    p.add_argument("--start", type=iso_date, help="start date YYYY-MM-DD (default today)")
    p.add_argument("--months", type=int, default=12, help="engagement length in months (default 12)")
    p.add_argument("--sector")
    p.add_argument("--consultant")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="engagement, schema version and row counts per module")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("check", help="full integrity check; exit 0 when healthy")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("snapshot", help="take a snapshot of the workspace now")
    p.add_argument("file", type=Path)
    p.add_argument("--reason", default="manual")
    p.add_argument("--keep", type=int, default=None,
                   help="snapshots to keep (default: the workspace's snapshot_keep setting, else 10)")
    p.set_defaults(func=cmd_snapshot)

    p = sub.add_parser("snapshots", help="list the snapshots of a workspace, newest first")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_snapshots)

    p = sub.add_parser("restore", help="replace the workspace with a snapshot (the current file is kept)")
    p.add_argument("file", type=Path)
    p.add_argument("--from", dest="snapshot", type=Path, required=True,
                   help="snapshot file, or 'latest' (the newest that passes its check)")
    p.set_defaults(func=cmd_restore)


def cmd_new(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.workspace import Workspace

    if args.file.suffix != ".caio":
        raise fail(f"{args.file}: a workspace file name must end in .caio")
    workspace = Workspace.create(args.file, client=args.client, language=args.lang, start=args.start,
                                 months=args.months, sector=args.sector, consultant=args.consultant,
                                 passphrase=passphrase())
    try:
        from caio_desktop.operations.rules import engagement_warnings
        from caio_desktop.workspace.queries import fetch_rows

        for warning in engagement_warnings(fetch_rows(workspace, "engagement")[0]):
            print(f"caio: warning: {warning}")
    finally:
        workspace.close()
    print(f"created {args.file}")
    return 0


def read_info(path: Path, *, passphrase: str | None = None) -> dict:
    """What `caio info` shows, read with plain sqlite3 (no SQLAlchemy import: this must start fast)."""
    import sqlite3

    from caio_desktop.domain.module_keys import MODULE_KEYS
    from caio_desktop.workspace.errors import WorkspaceLockedError
    from caio_desktop.workspace.fileinfo import hot_journal, inspect_workspace
    from caio_desktop.workspace.lock import WorkspaceLock

    inspect_workspace(path, encrypted=passphrase is not None)
    if hot_journal(path):  # left by a crash: roll it back first (needs SQLAlchemy, but only then)
        from caio_desktop.workspace.recovery import roll_back_interrupted_write

        roll_back_interrupted_write(path, passphrase=passphrase)
    # Held while reading, so that no other process opens the file for writing meanwhile; when another
    # process has it open, read all the same (reading is safe) and say so: the rule of every read-only
    # command (common.note_if_held).
    lock: WorkspaceLock | None = WorkspaceLock(path)
    try:
        lock.acquire()
    except WorkspaceLockedError:
        from caio_desktop.cli.common import HELD_NOTE

        print(HELD_NOTE.format(path=path), file=sys.stderr)
        lock = None
    try:
        errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError, UnicodeDecodeError)
        if passphrase is None:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        else:  # only encrypted files pay for the SQLCipher driver
            from caio_desktop.workspace.engine import DATABASE_ERRORS, raw_connect

            connection = raw_connect(path, read_only=True, passphrase=passphrase)
            errors = (*DATABASE_ERRORS, UnicodeDecodeError)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            from caio_desktop.workspace.errors import NewerVersionError

            supported = _schema_version()
            if version > supported:
                raise NewerVersionError(path, version, supported)
            row = connection.execute(
                "SELECT client_name, language, start_date, end_date, sector, consultant_name "
                "FROM engagement LIMIT 1").fetchone()
            # A count may be answered from an index without touching the table, so first read each
            # table's own b-tree root (NOT INDEXED, one row): a damaged table is refused as when the app
            # opens the file, at constant cost. Walking whole tables would triple `caio info` on
            # 100,000 risks; `caio check` is the full integrity check.
            counts = {}
            for key in MODULE_KEYS:
                connection.execute(f'SELECT 1 FROM "{key}" NOT INDEXED LIMIT 1').fetchall()
                counts[key] = connection.execute(f'SELECT count(*) FROM "{key}"').fetchone()[0]
        except errors as exc:
            from caio_desktop.workspace.errors import CorruptFileError

            raise CorruptFileError(path, str(exc)) from exc
        finally:
            connection.close()
    finally:
        if lock is not None:
            lock.release()
    engagement = dict(zip(("client", "language", "start", "end", "sector", "consultant"), row or (), strict=False))
    return {"file": str(path), "schema_version": version, "engagement": engagement, "counts": counts}


def _schema_version() -> int:
    # From the light version module, not the schema module (which imports SQLAlchemy).
    from caio_desktop.workspace.version import SCHEMA_VERSION

    return SCHEMA_VERSION


def cmd_info(args: argparse.Namespace) -> int:
    info = read_info(args.file, passphrase=passphrase())
    if args.json:
        print_json(info)
        return 0
    engagement = info["engagement"]
    print(f"{engagement.get('client')} — {engagement.get('start')} → {engagement.get('end')} "
          f"({engagement.get('language')}), schema {info['schema_version']}")
    width = max(len(k) for k in info["counts"])
    for key, count in info["counts"].items():
        print(f"  {key:<{width}}  {count:>7}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import note_if_held
    from caio_desktop.workspace import schema
    from caio_desktop.workspace.check import check_workspace
    from caio_desktop.workspace.encryption import REKEY_INTERRUPTED_LEAD, interrupted_encryption
    from caio_desktop.workspace.errors import NewerVersionError
    from caio_desktop.workspace.fileinfo import inspect_workspace
    from caio_desktop.workspace.recovery import roll_back_interrupted_write

    # Not a workspace at all: one line on stderr, like every refusal. (A write a crash interrupted is
    # then rolled back: until it is, the header may still show the interrupted write's schema version.)
    header = inspect_workspace(args.file, encrypted=passphrase() is not None)
    if roll_back_interrupted_write(args.file, passphrase=passphrase()):
        header = inspect_workspace(args.file, encrypted=passphrase() is not None)
    version = header.user_version if header else None
    if passphrase() is not None:  # a wrong passphrase is a refusal too, not a damaged file
        from caio_desktop.workspace.engine import raw_connect

        connection = raw_connect(args.file, read_only=True, passphrase=passphrase())
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    supported = schema.SCHEMA_VERSION  # (the schema module, which check_workspace reads too)
    if version is not None and version > supported:
        # Not damage: restoring an older snapshot would throw away the newer work.
        raise NewerVersionError(args.file, version, supported)
    note_if_held(args.file)
    problems = check_workspace(args.file, passphrase=passphrase())
    if problems:
        for problem in problems:
            print(problem)
        interrupted = interrupted_encryption(args.file) if passphrase() is None else next(
            (p for p in problems if p.startswith(REKEY_INTERRUPTED_LEAD)), None)
        if interrupted and problems == [interrupted]:
            raise fail(f"{args.file}: {interrupted}")
        raise fail(f"{args.file}: {len(problems)} problem(s) found; "
                   f"restore a snapshot with: caio restore {args.file} --from latest")
    print(f"{args.file}: ok")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    from caio_desktop.cli.common import opened
    from caio_desktop.workspace.snapshots import take_snapshot

    with opened(args.file, daily_snapshot=False) as workspace:
        target = take_snapshot(workspace, reason=args.reason, keep=args.keep)
    print(target)
    return 0


def cmd_snapshots(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.snapshots import list_snapshots

    for snap in list_snapshots(args.file):
        print(f"{snap.taken_at:%Y-%m-%d %H:%M:%S}  {snap.reason:<24} {snap.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.snapshots import latest_good_snapshot, list_snapshots, restore

    snapshot = args.snapshot
    if str(snapshot) == "latest":  # the newest one that passes its check: a crash may have hit the newest
        found = latest_good_snapshot(args.file, passphrase=passphrase())
        if found is None:
            raise fail(f"{args.file}: no snapshot to restore" if not list_snapshots(args.file)
                       else f"{args.file}: every snapshot fails its check; none can be restored")
        snapshot = found.path
    if not snapshot.exists():
        raise fail(f"{snapshot}: no such snapshot")
    safety = restore(args.file, snapshot, passphrase=passphrase())
    print(f"restored {args.file} from {snapshot}")
    if safety:
        print(f"the replaced file was kept as {safety}")
    return 0
