"""Publishing a `.caio` file to a server engagement: the first time a whole copy, afterwards a merge.

    result = publish("acme.caio", "postgresql://anne@db.cabinet.fr/caio?engagement=acme",
                     take=None, resolutions=None, progress=lambda done, total, table: ...)

- An engagement key not yet on the server: the whole engagement (every table: rows, the audit trail,
  settings, evidence and attachments) is copied into a new schema, in the same transaction that creates
  it, so the server has all of it or nothing.
- A key already there: only a file that was checked out from it (or published to it) may be published
  onto it, as a three-way merge (`team.merge`) of the file's base state, the file now and the server now.
  Conflicts raise `PublishConflicts` and nothing is written anywhere; the user decides with `take`
  ("mine" / "theirs" for all) or `resolutions` ({"risks:12:impact": "mine", ...}).
- After a publish the file holds the server's state (its new rows under their server ids, the
  colleagues' edits) and that state becomes its base: publishing again changes nothing.

The file is written in one transaction around the server's: the server commits first, then the file.
Were the file's commit to fail after the server's, the file keeps its old base, and publishing it again
finds its edits already on the server (nothing to write) but would add its new rows a second time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from caio_desktop.team.checkout import (
    CheckoutRecord,
    Origin,
    copy_with_state,
    origin_of,
    read_record,
    server_identity,
    set_server_identity,
    write_record,
)
from caio_desktop.team.copy import Progress, copy_engagement, read_state
from caio_desktop.team.merge import Conflict, MergeError, MergePlan, apply_merge, counted, plan_merge

SERIALIZATION_FAILURE = "40001"  # PostgreSQL: a row this transaction read was changed by another since


class PublishError(Exception):
    """A publish refused before anything was written (a foreign engagement on the key, …)."""


class PublishConflicts(PublishError):
    """The file and the server changed the same things differently: nothing was written."""

    def __init__(self, plan: MergePlan) -> None:
        self.plan = plan
        self.conflicts: list[Conflict] = plan.conflicts
        super().__init__(f"{counted(len(plan.conflicts), 'conflict')} between the file and the server; nothing was "
                         "written (choose with --take mine|theirs or --resolve FILE.json)")


@dataclass
class PublishResult:
    """What a publish did: `first` (a whole copy) or a merge (`plan`), and the rows now on the server."""

    location: str
    first: bool
    copied: int = 0
    plan: MergePlan | None = None
    refreshed: bool = False  # the file took in the server's changes

    def summary(self) -> str:
        if self.first:
            return f"published to {self.location}: {self.copied} rows copied"
        assert self.plan is not None
        if not self.plan.writes and not self.refreshed:
            return f"{self.location}: nothing to publish, the file and the server are the same"
        return f"published to {self.location}: {self.plan.summary()}"


@dataclass
class Server:
    """The server side of a publish: its engine, where it is, and whether the engagement exists there.

    `create` makes the engagement's empty tables on a connection in the publish's own transaction (for
    PostgreSQL the schema of the key); None when `exists`."""

    engine: Engine
    origin: Origin
    exists: bool
    create: Callable[[Connection], None] | None = None


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # One state of the whole engagement for the plan; an edit committed meanwhile by a colleague
            # makes PostgreSQL refuse our write of that row instead of losing one of the two.
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def publish_workspace(workspace: Any, server: Server, *, take: str | None = None,
                      resolutions: Mapping[str, str] | None = None,
                      progress: Progress | None = None) -> PublishResult:
    """Publish the open file `workspace` (a `Workspace`) to `server` (see the module's docstring)."""
    with workspace.engine.connect() as probe:
        record = read_record(probe)
    if not server.exists:
        return _first_publish(workspace, server, progress=progress)
    try:
        return _merge_publish(workspace, server, record, take=take, resolutions=resolutions, progress=progress)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == SERIALIZATION_FAILURE:
            raise MergeError(f"{server.origin.display}: the engagement changed on the server while publishing; "
                             "nothing was written, publish again") from None
        raise


def _merge_publish(workspace: Any, server: Server, record: CheckoutRecord | None, *, take: str | None,
                   resolutions: Mapping[str, str] | None, progress: Progress | None) -> PublishResult:
    with _transaction(server.engine) as theirs_conn:
        identity = server_identity(theirs_conn)
        origin = Origin(server.origin.display, server.origin.place, identity)
        if record is None or not origin.same_engagement(record):
            where = f" (it was taken from {record.source})" if record else ""
            raise PublishError(
                f"{server.origin.display}: another engagement is already published under this key, and "
                f"{workspace.path.name} is not a checkout of it{where}; publish under a new engagement key, "
                "or check the server's engagement out and copy your changes into it")
        with workspace.writing() as mine_conn:
            theirs = read_state(theirs_conn)
            plan = plan_merge(record.base, read_state(mine_conn), theirs, take=take, resolutions=resolutions)
            if plan.conflicts:
                raise PublishConflicts(plan)
            result = PublishResult(server.origin.display, first=False, plan=plan)
            if not plan.writes and theirs == record.base:
                return result  # (the file's transaction is left empty)
            # The file's rows are about to be replaced by the server's: the state before stays in a snapshot
            # (its own connection; this transaction has only read the file so far).
            from caio_desktop.workspace.snapshots import take_snapshot

            take_snapshot(workspace, reason="before-publish")
            if plan.writes:
                apply_merge(plan, mine_conn, theirs_conn, progress=progress)
                _record_publish(theirs_conn, workspace, plan.summary()
                                + "".join(f"; {c.key}: {choice_of(c, take, resolutions)}" for c in plan.resolved))
                if identity is None:  # an engagement made on the server: it gets its identity now
                    identity = str(uuid.uuid4())
                    set_server_identity(theirs_conn, identity)
            result.refreshed = True
            base = copy_with_state(theirs_conn, mine_conn)
            write_record(mine_conn, Origin(origin.display, origin.place, identity), base)
    workspace.install_choices()
    return result


def choice_of(conflict: Conflict, take: str | None, resolutions: Mapping[str, str] | None) -> str:
    return (resolutions or {}).get(conflict.key) or take or ""


def _record_publish(conn: Connection, workspace: Any, what: str, *, also: Connection | None = None) -> None:
    """One entry of the server's history for the publish itself: who published which file, what it
    wrote and how its conflicts were decided (the file's own history entries come with it). `also`: the
    file's connection, given the same entry under the same id (a first publish does not copy the
    server's rows back into the file, whose base they are)."""
    from sqlalchemy import insert

    from caio_desktop.workspace.models import AuditEntry, utcnow

    table = AuditEntry.__table__
    now = utcnow()
    values = {"at": now, "operation": f"Publish {workspace.path.name}", "entity": "engagement",
              "entity_id": None, "before": None, "after": what, "created_at": now, "updated_at": now,
              "custom": {}}
    if "author" in table.c:  # the file's user name, else (as every change on a server) the database role
        values["author"] = getattr(workspace, "author", None) or (
            conn.exec_driver_sql("SELECT current_user").scalar() if conn.dialect.name == "postgresql" else None)
    row_id = conn.execute(insert(table).values(**values)).inserted_primary_key[0]  # (the server numbers it)
    if also is not None:
        also.execute(insert(table).values(**values, id=row_id))


def _first_publish(workspace: Any, server: Server, *, progress: Progress | None) -> PublishResult:
    identity = str(uuid.uuid4())
    with workspace.writing() as mine_conn, _transaction(server.engine) as theirs_conn:
        if server.create is not None:
            server.create(theirs_conn)
        copied = copy_engagement(mine_conn, theirs_conn, progress=progress)
        set_server_identity(theirs_conn, identity)
        _record_publish(theirs_conn, workspace, f"first publish: {copied} rows copied", also=mine_conn)
        # From now on the file is a checkout of what it published: its next publish merges.
        write_record(mine_conn, Origin(server.origin.display, server.origin.place, identity),
                     read_state(theirs_conn))
    return PublishResult(server.origin.display, first=True, copied=copied)


def publish(file: Path | str | Any, url: str, *, take: str | None = None,
            resolutions: Mapping[str, str] | None = None, password: str | None = None,
            passphrase: str | None = None, progress: Progress | None = None) -> PublishResult:
    """`caio publish FILE URL`: reach the server engagement at `url` and publish `file` to it — a path
    (opened for the publish), or the app's open `Workspace` (whose pages then show the file's new state)."""
    from caio_desktop.team import server as team_server
    from caio_desktop.team.address import TeamAddress
    from caio_desktop.workspace.workspace import Workspace

    address = TeamAddress.parse(url)
    engine = team_server.team_engine(address, password=password)
    try:
        exists = team_server.engagement_exists(engine, address)
        _check_role(engine, address, exists)
        if exists:  # as the app opens it: an older schema upgraded by its owner, a newer one refused
            from caio_desktop.team.workspace import TeamWorkspace

            TeamWorkspace.open(address, password=password).close()
        server = Server(engine, origin_of(address), exists,
                        None if exists else lambda conn: team_server.create_engagement_schema(conn, address))
        if not isinstance(file, str | Path):
            return publish_workspace(file, server, take=take, resolutions=resolutions, progress=progress)
        with Workspace.open(Path(file), passphrase=passphrase) as workspace:
            return publish_workspace(workspace, server, take=take, resolutions=resolutions, progress=progress)
    finally:
        engine.dispose()


def _check_role(engine: Engine, address: Any, exists: bool) -> None:
    """Refuse, before anything is read, a publish the role may not make: onto an engagement it may only
    read (or not see), or a new engagement without CREATE on the database."""
    from sqlalchemy import text

    from caio_desktop.team.roles import access

    with engine.connect() as conn:
        found = access(conn, address.schema)
        if exists and not found.usage:
            raise PublishError(f"{address.display}: the role {found.role} has no access to this engagement")
        if exists and not found.can_write:
            raise PublishError(f"{address.display}: the role {found.role} may only read this engagement; "
                               "publishing needs a role that may write it (see docs/team-mode.md)")
        if not exists and not conn.execute(text("SELECT has_database_privilege(current_database(), 'CREATE')")
                                           ).scalar():
            raise PublishError(f"{address.display}: the role {found.role} may not create engagements in the "
                               f"database {address.database} (it needs CREATE on it); ask an owner to publish "
                               "the file first, then check it out")
