"""Taking an engagement offline: a server engagement copied into a new `.caio` file, which remembers
where it came from and the state it was taken in (for the merge when it is published again).

    path = checkout("postgresql://anne@db.cabinet.fr/caio?engagement=acme", "acme.caio",
                    progress=lambda done, total, table: ...)

The file is made by `Workspace.create` (so `caio check` knows it as its own) and filled in one
transaction; a failure leaves no file behind. The record is the setting `team:checkout` (it travels
with the file, in every copy and snapshot of it): the server's address as displayed (never a
password), the engagement's identity on the server, when, and the base state — every row's values and
version — packed as `copy.pack_state` writes it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from caio_desktop.team.copy import (
    Progress,
    State,
    clear_rows,
    copy_engagement,
    pack_state,
    read_state,
    unpack_state,
)
from caio_desktop.workspace.models import Engagement, Setting

RECORD_KEY = "team:checkout"
IDENTITY_KEY = "team:engagement"  # on the server: {"id": a uuid given at the first publish}
_settings = Setting.__table__
_engagement = Engagement.__table__


@dataclass(frozen=True)
class Origin:
    """Where a server engagement is: its address as displayed, the parts that name it, its identity."""

    display: str  # the URL without a password
    place: dict[str, Any]  # host, port, database, engagement key: how two addresses are compared
    identity: str | None  # the uuid of the server's `team:engagement` setting, when it has one

    def same_engagement(self, record: CheckoutRecord) -> bool:
        """Whether a file checked out as `record` comes from this engagement: by identity when both know
        it, else by where it is."""
        if self.identity and record.identity:
            return self.identity == record.identity
        return {k: v for k, v in self.place.items() if k != "user"} == {
            k: v for k, v in record.place.items() if k != "user"}


@dataclass
class CheckoutRecord:
    """What the file knows of the server engagement it was taken from."""

    source: str
    place: dict[str, Any]
    identity: str | None
    at: str
    base: State

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "place": self.place, "identity": self.identity, "at": self.at,
                "base": pack_state(self.base)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckoutRecord:
        return cls(data["source"], data.get("place") or {}, data.get("identity"), data.get("at", ""),
                   unpack_state(data.get("base") or {}))


def _setting(conn: Connection, key: str) -> Any:
    return conn.execute(select(_settings.c.value).where(_settings.c.key == key)).scalar_one_or_none()


def _put_setting(conn: Connection, key: str, value: Any) -> None:
    conn.execute(delete(_settings).where(_settings.c.key == key))
    conn.execute(insert(_settings).values(key=key, value=value, custom={}))


def read_record(conn: Connection) -> CheckoutRecord | None:
    """The file's checkout record, or None for a file that was never checked out nor published."""
    data = _setting(conn, RECORD_KEY)
    return CheckoutRecord.from_json(data) if isinstance(data, dict) else None


def write_record(conn: Connection, origin: Origin, base: State) -> None:
    """Record (or replace) where the file comes from and its base state."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    record = CheckoutRecord(origin.display, origin.place, origin.identity, now, base)
    _put_setting(conn, RECORD_KEY, record.to_json())


def server_identity(conn: Connection) -> str | None:
    data = _setting(conn, IDENTITY_KEY)
    return data.get("id") if isinstance(data, dict) else None


def set_server_identity(conn: Connection, identity: str) -> None:
    _put_setting(conn, IDENTITY_KEY, {"id": identity})


def copy_with_state(source: Connection, target: Connection, *, progress: Progress | None = None) -> State:
    """Copy the whole engagement from `source` into `target` (its rows replaced) and return the state
    copied, read from `source` in the same transaction."""
    clear_rows(target)
    copy_engagement(source, target, progress=progress)
    return read_state(source)


@contextmanager
def consistent(engine: Engine) -> Iterator[Connection]:
    """A read transaction that sees one state of the whole engagement (REPEATABLE READ on PostgreSQL:
    a colleague's commit in the middle of the copy is not half in it)."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def checkout_engine(engine: Engine, origin: Origin, path: Path | str, *, progress: Progress | None = None,
                    passphrase: str | None = None) -> Path:
    """Copy the engagement behind `engine` into a new file at `path` (refused if it exists), encrypted
    from its first byte with `passphrase` (a laptop that travels with a client's data)."""
    from caio_desktop.workspace.workspace import Workspace

    path = Path(path)
    with consistent(engine) as source:
        engagement = source.execute(select(_engagement).order_by(_engagement.c.id).limit(1)).mappings().first()
        if engagement is None:
            raise ValueError(f"{origin.display}: the engagement has no engagement row; nothing to take offline")
        origin = Origin(origin.display, origin.place, server_identity(source))
        workspace = Workspace.create(path, client=engagement["client_name"] or "?",
                                     language=engagement["language"] if engagement["language"] in ("fr", "en")
                                     else "fr", passphrase=passphrase)
        try:
            with workspace.writing() as target:
                base = copy_with_state(source, target, progress=progress)
                write_record(target, origin, base)
            workspace.install_choices()
        except BaseException:
            workspace.close()
            path.unlink(missing_ok=True)
            shutil.rmtree(path.with_name(f"{path.stem}.snapshots"), ignore_errors=True)
            raise
        workspace.close()
    return path


def origin_of(address: Any) -> Origin:
    """The `Origin` of a parsed team address (`team.address.TeamAddress`)."""
    place = {"host": getattr(address, "host", None), "port": getattr(address, "port", None),
             "database": getattr(address, "database", None), "engagement": getattr(address, "engagement", None)}
    return Origin(address.display, place, None)


def checkout(url: str, path: Path | str, *, password: str | None = None, progress: Progress | None = None,
             passphrase: str | None = None) -> Path:
    """`caio checkout URL FILE`: the server engagement at `url` into a new file at `path` (encrypted with
    `passphrase` when given)."""
    from caio_desktop.team.address import TeamAddress
    from caio_desktop.team.workspace import TeamWorkspace

    address = TeamAddress.parse(url)
    # Opened as the app opens it: a key that is not there, a role with no access or a schema newer than
    # this version (or older, not yet upgraded by its owner) is refused with its own message.
    with TeamWorkspace.open(address, read_only=True, password=password) as server:
        return checkout_engine(server.engine, origin_of(address), path, progress=progress, passphrase=passphrase)
