"""`TeamWorkspace`: an engagement on a PostgreSQL server, used exactly as a `.caio` file's `Workspace`.

    ws = TeamWorkspace.create("postgresql://anne@db/caio?engagement=acme", client="Acme", language="fr")
    ws = TeamWorkspace.open(url)     # read-only by itself when the role may only read
    with ws.session() as s: ...       # the same models, the same queries
    ws.close()

Operations, reads, imports and exports take either (they reach the tables through `engine`,
`session()` and `writing()`). What a file has and a server does not: no lock file (the server
serialises writes), no snapshots beside it (the server's backups), no integrity check of pages.

Schema versions: the engagement's schema carries its version in its meta table (`caio_meta`); an older
one is upgraded at open by its owner with the same neutral steps as a file (workspace/schema.py), in one
transaction, and a newer one is refused, as for files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, insert, text

from caio_desktop.team.address import TeamAddress
from caio_desktop.team.errors import (
    EngagementNotFoundError,
    NoAccessError,
    NotAnEngagementError,
    TeamReadOnlyError,
    UpgradeNeedsOwnerError,
)
from caio_desktop.team.roles import META_TABLE, access, quote_ident
from caio_desktop.team.server import (
    create_engagement_schema,
    list_engagements,
    read_meta,
    team_engine,
    write_meta,
)
from caio_desktop.workspace.errors import NewerVersionError, WorkspaceError
from caio_desktop.workspace.models import AuditEntry, Base, Engagement, Phase, utcnow
from caio_desktop.workspace.workspace import Workspace, check_new_engagement, phase_plan


class TeamWorkspace(Workspace):
    """One open engagement on a server: its engine (search_path = its schema), the role it logs in as,
    and whether that role may change it. `path` is None: nothing of it lives in a file."""

    def __init__(self, address: TeamAddress, engine: Engine, *, role: str, read_only: bool,
                 can_write: bool, author: str | None) -> None:
        super().__init__(None, engine, None, read_only=read_only, author=author)  # type: ignore[arg-type]
        self.address = address.without_password()
        self.role = role
        self.can_write = can_write  # what the role may do (read_only may also be the user's choice)
        self.sound = True  # the server keeps its pages sound; there is no file to check

    @property
    def location(self) -> str:
        """The engagement's address as people see it (no password): recent files, title bar, messages."""
        return self.address.display

    is_team = True

    # --- lifecycle -----------------------------------------------------------------------------------
    @classmethod
    def create(  # type: ignore[override]
        cls,
        url: str | TeamAddress,
        *,
        client: str,
        language: str = "fr",
        start: dt.date | None = None,
        months: int = 12,
        sector: str | None = None,
        country: str | None = None,
        consultant: str | None = None,
        author: str | None = None,
        password: str | None = None,
    ) -> TeamWorkspace:
        """Create a new engagement on the server (its schema, tables, engagement row and four phases, in
        one transaction: all or nothing) and open it. The role needs CREATE on the database; it owns the
        engagement and grants the others (docs/team-mode.md). EngagementExistsError if the key is taken."""
        address = _address(url)
        check_new_engagement(client, language, months)
        start = start or dt.date.today()
        engine = team_engine(address, password)
        try:
            with engine.begin() as conn:
                create_engagement_schema(conn, address)
                write_first_rows(conn, client=client, language=language, start=start, months=months,
                                 sector=sector, country=country, consultant=consultant, author=author)
        finally:
            engine.dispose()
        return cls.open(address, author=author, password=password)

    @classmethod
    def open(cls, url: str | TeamAddress, *, read_only: bool = False, author: str | None = None,  # type: ignore[override]
             password: str | None = None, **_file_only: Any) -> TeamWorkspace:
        """Open the engagement at `url`: read-only when asked or when the role may only read it,
        upgraded first when older (by its owner), refused when newer or when the role may not use it.
        `author` defaults to the database role. Options that only mean something for a file
        (`daily_snapshot`, `verify`) are accepted and ignored."""
        if _file_only.get("passphrase") is not None:
            raise WorkspaceError("postgresql://", "a passphrase encrypts a file; an engagement on a server "
                                                  "is protected by its roles")
        address = _address(url)
        engine = team_engine(address, password)
        try:
            with engine.begin() as conn:
                rights = access(conn, address.schema)
                if not rights.exists:
                    raise EngagementNotFoundError(address.display, _known_keys(engine))
                if not rights.usage:
                    raise NoAccessError(address.display, rights.role)
                _check_version(conn, address, rights.role, owner=rights.owner, read_only=read_only)
                _check_shape(conn, address)
            workspace = cls(address, engine, role=rights.role, read_only=read_only or not rights.can_write,
                            can_write=rights.can_write, author=author or rights.role)
            workspace.install_choices()
        except BaseException:
            engine.dispose()
            raise
        return workspace

    def close(self) -> None:
        if self.closed:
            return
        if self.writes and not self.read_only:  # the evidence this session let go (Workspace._reclaim_evidence)
            self._reclaim_evidence()
        self.closed = True
        self.engine.dispose()

    def ensure_sound(self) -> None:
        self._ensure_open()

    # --- access --------------------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction on the server: committed on success, rolled back on error;
        TeamReadOnlyError (naming the role) when this session may not write."""
        self._ensure_open()
        if self.read_only:
            raise TeamReadOnlyError(self.location, None if self.can_write else self.role)
        self.writes += 1
        with self.engine.begin() as conn:
            conn.info["author"] = self.author
            yield conn

    def _ensure_open(self) -> None:
        if self.closed:
            raise WorkspaceError(self.location, f"{self.location}: the engagement is closed")

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(read_meta(conn, self.address.schema)["schema_version"])

    def __repr__(self) -> str:
        return f"TeamWorkspace({self.location!r}{', read-only' if self.read_only else ''})"


def write_first_rows(conn: Connection, *, client: str, language: str, start: dt.date, months: int,
                     sector: str | None, country: str | None, consultant: str | None,
                     author: str | None) -> None:
    """Write what a new engagement holds (its engagement row, its four phases and the audit entry of its
    creation) into the empty tables of the connection's schema, in the caller's transaction."""
    end, phases = phase_plan(start, months, language)
    role = conn.execute(text("SELECT current_user")).scalar_one()
    now = utcnow()
    stamps = {"created_at": now, "updated_at": now, "custom": {}}
    conn.execute(insert(Engagement.__table__), {
        "client_name": client.strip(), "sector": sector, "country": country, "language": language,
        "start_date": start, "end_date": end, "consultant_name": consultant, **stamps})
    conn.execute(insert(Phase.__table__), [
        {"phase": code, "title": title, "start_date": first, "end_date": last,
         "status": "not_started", "progress": 0, **stamps}
        for code, title, first, last in phases])
    conn.execute(insert(AuditEntry.__table__), {
        "at": now, "operation": "Create engagement", "entity": "engagement", "entity_id": 1,
        "before": None, "after": client.strip(), "author": author or role, **stamps})


def _address(url: str | TeamAddress) -> TeamAddress:
    return url if isinstance(url, TeamAddress) else TeamAddress.parse(url)


def _known_keys(engine: Engine) -> list[str]:
    try:
        return [e["key"] for e in list_engagements(engine) if e["key"]]
    except Exception:  # only for the message: a role that may not list them still gets the error
        return []


def _check_version(conn: Connection, address: TeamAddress, role: str, *, owner: bool, read_only: bool) -> None:
    """Refuse a newer engagement; upgrade an older one (its owner only, in this transaction)."""
    from caio_desktop.workspace import schema

    try:
        meta = read_meta(conn, address.schema)
        version = int(meta["schema_version"])
    except Exception as exc:  # no meta table, or no version in it: not ours
        raise NotAnEngagementError(address.display, f"no {META_TABLE} version stamp") from exc
    if version > schema.SCHEMA_VERSION:
        raise NewerVersionError(address.display, version, schema.SCHEMA_VERSION)
    if version == schema.SCHEMA_VERSION:
        return
    if read_only or not owner:
        raise UpgradeNeedsOwnerError(address.display, role, version, schema.SCHEMA_VERSION)
    # One upgrader at a time: the meta row is locked until this transaction ends.
    conn.execute(text(f"SELECT value FROM {quote_ident(address.schema)}.{META_TABLE} "
                      "WHERE key = 'schema_version' FOR UPDATE"))
    reached = schema.upgrade_neutral(conn, version, address.display)
    write_meta(conn, address.schema, {"schema_version": str(reached[-1] if reached else version)})


def _check_shape(conn: Connection, address: TeamAddress) -> None:
    """NotAnEngagementError when a table or column of the current schema is missing (a hand-edited schema
    says so at open, not in the middle of a page)."""
    present: dict[str, set[str]] = {}
    for table_name, column in conn.execute(text(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = :schema"),
            {"schema": address.schema}):
        present.setdefault(table_name, set()).add(column)
    problems = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            problems.append(f"the {table.name} table is missing")
            continue
        missing = [c.name for c in table.columns if c.name not in present[table.name]]
        if missing:
            problems.append(f"the {table.name} table lacks {', '.join(missing)}")
    if problems:
        raise NotAnEngagementError(address.display, "; ".join(problems[:3]))
