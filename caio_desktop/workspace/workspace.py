"""`Workspace`: the one object that owns one open `.caio` engagement file (Anki's Collection).

    ws = Workspace.create(path, client="Assurances du Rhône", language="fr")
    ws = Workspace.open(path)      # refuses locked, foreign, truncated, damaged or newer files
    with ws.session() as s: ...    # typed reads
    ws.close()

Writes go through `caio_desktop.operations`, never through a session of the caller's own.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.scoring import add_months
from caio_desktop.workspace import schema
from caio_desktop.workspace.engine import DATABASE_ERRORS, make_engine, raw_connect
from caio_desktop.workspace.errors import (
    CorruptFileError,
    NewerVersionError,
    ReadOnlyError,
    WorkspaceError,
    WorkspaceExistsError,
)
from caio_desktop.workspace.fileinfo import hot_journal, inspect_workspace
from caio_desktop.workspace.files import create_owner_only, owner_only
from caio_desktop.workspace.lock import WorkspaceLock
from caio_desktop.workspace.models import AuditEntry, Engagement, Phase, utcnow

WORKSPACE_SUFFIX = ".caio"
PHASE_SHARE = {"diagnosis": 0.2, "strategy": 0.25, "deployment": 0.4, "handover": 0.15}


def check_new_engagement(client: str, language: str, months: int) -> None:
    """ValidationError unless a new engagement (file or team) may be made of these."""
    if not client or not client.strip():
        raise ValidationError("engagement", "client_name", client, "is required")
    if language not in ENUMERATIONS["language"]:
        raise ValidationError("engagement", "language", language, "must be fr or en")
    if not 1 <= months <= 60:
        raise ValidationError("engagement", "months", months, "must be between 1 and 60")


def phase_plan(start: dt.date, months: int, language: str) -> tuple[dt.date, list[tuple[str, str, dt.date, dt.date]]]:
    """The end of a new engagement and its four phases (code, title, start, end) in PHASE_SHARE's
    shares of the whole, the last one ending with it."""
    end = add_months(start, months)
    phase_enum = ENUMERATIONS["phase"]
    plan, cursor = [], start
    for code, share in PHASE_SHARE.items():
        phase_end = end if code == "handover" else cursor + dt.timedelta(days=round((end - start).days * share))
        plan.append((code, phase_enum.label(code, language), cursor, phase_end))
        cursor = phase_end
    return end, plan


class Workspace:
    """One open engagement file: its engine, its lock, and whether it may be changed."""

    def __init__(self, path: Path, engine: Engine, lock: WorkspaceLock | None, *, read_only: bool,
                 passphrase: str | None = None, author: str | None = None) -> None:
        self.path = path
        # Who the changes of this session are by (the audit trail's author, schema 5); None: not known.
        self.author = author
        self.engine = engine
        self._lock = lock
        self.read_only = read_only
        self.closed = False
        # Kept for the connections the engine opens later and for encrypted snapshots.
        self.passphrase = passphrase
        self.writes = 0  # write transactions begun through `writing`
        # True once the file is known to pass the full check this session (see soundness.py): no write
        # or snapshot starts before it is.
        self.sound = False

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    # False here, True for an engagement on a server (caio_desktop.team.workspace.TeamWorkspace).
    is_team = False

    @property
    def location(self) -> str:
        """Where the engagement is, as people see it: the file's path (a server's address for a team one)."""
        return str(self.path)

    # --- lifecycle -----------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        client: str,
        language: str = "fr",
        start: dt.date | None = None,
        months: int = 12,
        sector: str | None = None,
        country: str | None = None,
        consultant: str | None = None,
        overwrite: bool = False,
        passphrase: str | None = None,
        author: str | None = None,
    ) -> Workspace:
        """Create a new engagement file with its engagement row and four phases, and open it.

        The file is built under a temporary name and renamed at the end, so a failure leaves nothing.
        With a passphrase the file is encrypted from its first byte (SQLCipher).
        """
        path = Path(path)
        check_new_engagement(client, language, months)
        if path.exists() and not overwrite:
            raise WorkspaceExistsError(path)
        start = start or dt.date.today()
        end, phases = phase_plan(start, months, language)
        tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        create_owner_only(tmp)
        connection = raw_connect(tmp, passphrase=passphrase)
        try:
            schema.create_schema(connection)
            now = utcnow()
            connection.execute("BEGIN")
            connection.execute(
                "INSERT INTO engagement (client_name, sector, country, language, start_date, end_date, "
                "consultant_name, created_at, updated_at, custom) VALUES (?,?,?,?,?,?,?,?,?,'{}')",
                (client.strip(), sector, country, language, start.isoformat(), end.isoformat(), consultant,
                 now.isoformat(sep=" "), now.isoformat(sep=" ")),
            )
            for code, title, phase_start, phase_end in phases:
                connection.execute(
                    "INSERT INTO phases (phase, title, start_date, end_date, status, progress, created_at, "
                    "updated_at, custom) VALUES (?,?,?,?,?,?,?,?,'{}')",
                    (code, title, phase_start.isoformat(), phase_end.isoformat(),
                     "not_started", 0, now.isoformat(sep=" "), now.isoformat(sep=" ")),
                )
            connection.execute(
                "INSERT INTO audit_log (at, operation, entity, entity_id, before, after, created_at, "
                "updated_at, custom, author) VALUES (?,?,?,?,?,?,?,?,'{}',?)",
                (now.isoformat(sep=" "), "Create engagement", "engagement", 1, None, client.strip(),
                 now.isoformat(sep=" "), now.isoformat(sep=" "), author),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.close()
            tmp.unlink(missing_ok=True)
            raise
        connection.close()
        owner_only(tmp)
        os.replace(tmp, path)
        from caio_desktop.workspace.soundness import remember_sound

        remember_sound(path)  # built by us from nothing: its first write need not check it
        return cls.open(path, passphrase=passphrase, author=author)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, verify: bool = True,
             passphrase: str | None = None, daily_snapshot: bool = False,
             author: str | None = None) -> Workspace:
        """Open an existing workspace, upgrading an older schema (after a snapshot).

        Raises a specific WorkspaceError for a missing, empty, foreign, truncated, damaged, newer,
        encrypted (without `passphrase`) or locked file; such a file is left byte for byte as it was.
        With `daily_snapshot` (the app and the CLI commands that write), the first open of the day
        takes a snapshot. `author` names who this session's changes are by (None: not known).
        """
        path = Path(path)
        header = inspect_workspace(path, encrypted=passphrase is not None)
        if header and header.user_version > schema.SCHEMA_VERSION and not hot_journal(path):
            # Refused from the header alone: not even a connection (which could convert its journal).
            raise NewerVersionError(path, header.user_version, schema.SCHEMA_VERSION)
        if read_only:  # a read-write connection rolls an interrupted write back by itself
            from caio_desktop.workspace.recovery import roll_back_interrupted_write

            roll_back_interrupted_write(path, passphrase=passphrase)
        lock = None if read_only else WorkspaceLock(path).acquire()
        try:
            interrupted = hot_journal(path)  # read before the connection rolls the journal back
            if lock is not None:  # what killed processes left (a listing of the snapshot folder)
                from caio_desktop.workspace.snapshots import remove_killed_restore, remove_stale_parts

                remove_stale_parts(path)
                remove_killed_restore(path)
                _remove_cold_journal(path)  # (still counted as an interrupted write: the full check runs)
            try:
                connection = raw_connect(path, read_only=read_only, passphrase=passphrase)
            except (*DATABASE_ERRORS, UnicodeDecodeError) as exc:  # a damaged schema text
                raise CorruptFileError(path, str(exc)) from exc
            try:
                cls._verify(connection, path, quick=verify, full=interrupted)
                version = schema.user_version(connection)
                if version > schema.SCHEMA_VERSION:
                    raise NewerVersionError(path, version, schema.SCHEMA_VERSION)
                if version < schema.MIN_SUPPORTED_VERSION:
                    raise CorruptFileError(path, f"unknown schema version {version}")
                if version < schema.SCHEMA_VERSION:
                    if read_only:
                        raise ReadOnlyError(path)
                    from caio_desktop.workspace.snapshots import backup_connection
                    from caio_desktop.workspace.soundness import ensure_sound

                    # Neither the snapshot nor the upgrade may start on a damaged file.
                    ensure_sound(path, connection=connection, passphrase=passphrase)
                    backup_connection(connection, path, reason=f"before-upgrade-v{version}",
                                      passphrase=passphrase)
                    schema.upgrade(connection, path)
                    from caio_desktop.workspace.soundness import remember_sound

                    remember_sound(path)  # upgraded from a sound file, in one checked transaction
                cls._verify_shape(connection, path)
            finally:
                connection.close()
        except BaseException:
            if lock:
                lock.release()
            raise
        workspace = cls(path, make_engine(path, read_only=read_only, passphrase=passphrase), lock,
                        read_only=read_only, passphrase=passphrase, author=author)
        try:
            workspace.install_choices()
        except BaseException:
            workspace.close()
            raise
        if daily_snapshot and not read_only:
            from caio_desktop.workspace.snapshots import take_daily_snapshot

            try:
                take_daily_snapshot(workspace)
            except BaseException:
                workspace.close()
                raise
        return workspace

    @staticmethod
    def _verify(connection: sqlite3.Connection, path: Path, *, quick: bool, full: bool = False) -> None:
        """Refuse a damaged file before the app shows it.

        `PRAGMA quick_check` reads every page: O(file size), 0.05 s CPU (0.15 s wall) per open at
        100,000 risks, paid on every open. It runs when the last writer did not finish (`full`: a hot
        journal was found); otherwise the root page of every table is read (O(tables)), which catches a
        damaged table header or schema. Damage deeper in a file that was closed cleanly is refused by
        SQLite when the page is read and reported by `caio check` (full integrity and foreign-key check).
        """
        try:
            if quick and full:
                result = connection.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    raise CorruptFileError(path, result)
            elif quick:
                for (name,) in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall():
                    connection.execute(f'SELECT 1 FROM "{name}" NOT INDEXED LIMIT 1').fetchall()
            if connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='engagement'"
            ).fetchone()[0] != 1:
                raise CorruptFileError(path, "the engagement table is missing")
        except (*DATABASE_ERRORS, UnicodeDecodeError) as exc:
            raise CorruptFileError(path, str(exc)) from exc

    @staticmethod
    def _verify_shape(connection: sqlite3.Connection, path: Path) -> None:
        try:
            problems = schema.shape_problems(connection)
        except (*DATABASE_ERRORS, UnicodeDecodeError) as exc:
            raise CorruptFileError(path, str(exc)) from exc
        if problems:
            raise CorruptFileError(path, "; ".join(problems[:3]))

    def install_choices(self) -> None:
        """The engagement's own choices (a client's risk categories: settings `choices:<enumeration>`,
        written by `operations.choices` or an import) made part of the enumerations while it is open."""
        import json

        from sqlalchemy import text

        from caio_desktop.domain.enums import install_engagement_choices

        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT key, value FROM settings WHERE key LIKE 'choices:%'")).all()
        stored = {}
        for key, value in rows:
            found = json.loads(value) if isinstance(value, str) else value
            if isinstance(found, list):
                stored[key.split(":", 1)[1]] = [c for c in found if isinstance(c, dict)]
        install_engagement_choices(stored)

    def close(self) -> None:
        if self.closed:
            return
        if self.sound and self.writes and not self.read_only:
            self._reclaim_evidence()
        self.closed = True
        self.engine.dispose()
        try:
            if self.sound and self.writes and not self.read_only:
                # Our own committed writes on a sound file leave it sound: record the new bytes (under the
                # lock, every connection closed), so the next session need not check it again.
                from caio_desktop.workspace.soundness import remember_sound

                remember_sound(self.path)
        finally:
            if self._lock:
                self._lock.release()

    def _reclaim_evidence(self) -> None:
        """Delete the stored evidence bytes no attachment refers to any more (detached, or attached and
        undone). Kept during the session so that undo brings a file back; the undo history ends with the
        session, and so does their use. Only a session that wrote can have left any."""
        if self.is_team:  # others' sessions may undo their own detaches: only what this one let go
            from caio_desktop.workspace.evidence import reclaim_released

            reclaim_released(self)
            return
        orphaned = ("FROM evidence_blobs WHERE NOT EXISTS (SELECT 1 FROM attachments a "
                    "WHERE a.sha256 = evidence_blobs.sha256 AND a.link IS NULL)")
        try:
            with self.engine.connect() as conn:  # most sessions have none: no write transaction then
                if conn.exec_driver_sql(f"SELECT 1 {orphaned} LIMIT 1").first() is None:
                    return
            with self.engine.begin() as conn:  # the parts go with their blob (ON DELETE CASCADE)
                conn.exec_driver_sql(f"DELETE {orphaned}")
        except Exception:  # whatever it is (busy, damaged, a key changed meanwhile), a close must finish
            pass  # and release the lock; the bytes wait for the next session

    def ensure_sound(self) -> None:
        """Raise CorruptFileError unless the file passes the full check (or is byte for byte a state that
        did): called before the first write and before every snapshot of the session."""
        self._ensure_open()
        if not self.sound:
            from caio_desktop.workspace.soundness import ensure_sound

            ensure_sound(self.path, passphrase=self.passphrase)
            self.sound = True

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- access --------------------------------------------------------------------------------------
    def session(self) -> Session:
        """A session for reading (use as a context manager). Writes belong to operations."""
        self._ensure_open()
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction (used by operations): committed on success, rolled back on error."""
        self._ensure_open()
        if self.read_only:
            raise ReadOnlyError(self.path)
        self.ensure_sound()
        self.writes += 1  # (read by the app's background integrity check, which gives way to writes)
        with self.engine.begin() as conn:
            conn.info["author"] = self.author  # who the audit entries of this transaction name
            yield conn

    def _ensure_open(self) -> None:
        if self.closed:
            raise WorkspaceError(self.path, f"{self.path}: the workspace is closed")

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def engagement(self) -> Engagement:
        with self.session() as s:
            return s.scalars(select(Engagement).limit(1)).one()

    def phases(self) -> list[Phase]:
        with self.session() as s:
            return list(s.scalars(select(Phase).order_by(Phase.start_date, Phase.id)))

    def audit_trail(self, limit: int = 100) -> list[AuditEntry]:
        with self.session() as s:
            return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}{', read-only' if self.read_only else ''})"


_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # the first bytes of a rollback journal SQLite would play


def _remove_cold_journal(path: Path) -> None:
    """Remove a rollback journal beside `path` that SQLite would never play back: empty, or its header
    not yet written (a process killed as it began its first write leaves one; SQLite keeps it until
    the next write, and it looks like the debris of a crash to whoever opens the folder).

    Only under the workspace lock, before this process opens a connection: no transaction of anyone's
    can be using it, and a hot journal (the magic written) is left for SQLite to roll back.
    """
    journal = path.with_name(path.name + "-journal")
    with suppress(OSError):
        with journal.open("rb") as handle:
            cold = handle.read(len(_JOURNAL_MAGIC)) != _JOURNAL_MAGIC
        if cold:
            journal.unlink()


__all__ = ["WORKSPACE_SUFFIX", "Workspace"]
