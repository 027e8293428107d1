"""Connections to an engagement on a PostgreSQL server: SQLAlchemy 2 over psycopg 3, every connection's
search_path set to the engagement's schema, so that the models' unqualified table names (and every
query written for a file) reach that engagement's tables.

    engine = team_engine(TeamAddress.parse(url))            # PasswordRequiredError when one is needed
    create_engagement_schema(conn, address)                  # (in the caller's transaction)

A failure to connect is told apart (`connect_error`): the server asks for a password, the role or the
database is refused, or the server cannot be reached — each its own error, naming the address without
its password. libpq reads PGPASSFILE / ~/.pgpass itself when no password is given.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from caio_desktop.team.address import SCHEMA_PREFIX, TeamAddress, check_key
from caio_desktop.team.errors import (
    CreateRefusedError,
    EngagementExistsError,
    LoginRefusedError,
    PasswordRequiredError,
    ServerUnreachableError,
    TeamError,
)
from caio_desktop.team.liveness import ping_when_idle
from caio_desktop.team.roles import META_TABLE, quote_ident

APPLICATION = "caio-desktop"
CONNECT_TIMEOUT_S = 10
TCP_LIVENESS = {"keepalives": "1", "keepalives_idle": "30", "keepalives_interval": "10",
                "keepalives_count": "3", "tcp_user_timeout": "30000"}


def sqlalchemy_url(address: TeamAddress, password: str | None = None) -> URL:
    query: dict[str, Any] = dict(address.options)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    query.setdefault("application_name", APPLICATION)
    # A server that vanishes mid-session (Wi-Fi dropped, VPN gone) must become an error within seconds,
    # not hang a look at the audit trail or a save until the OS gives up on TCP (minutes): libpq's
    # keepalives find a silent peer, tcp_user_timeout fails a send nobody acknowledges.
    for key, value in TCP_LIVENESS.items():
        query.setdefault(key, value)
    return URL.create("postgresql+psycopg", username=address.user,
                      password=password if password is not None else address.password,
                      host=address.host, port=address.port, database=address.database, query=query)


def team_engine(address: TeamAddress, password: str | None = None, *, check: bool = True) -> Engine:
    """An engine whose connections all work in the engagement's schema (it need not exist yet).

    With `check` one connection is made at once, so that a password the server wants, a refused role or
    an unreachable server is a clear error here (see `connect_error`) rather than at the first page.
    """
    engine = create_engine(
        sqlalchemy_url(address, password),
        # libpq's `options`: the search_path is set as the session starts, no extra round trip
        connect_args={"options": f"-c search_path={address.schema}"},
        hide_parameters=True,  # what a row held stays out of error messages and logs
    )
    # A laptop's connection that slept or changed network is replaced, not an error; checked only after
    # it sat idle, not at every checkout (liveness.py: one round trip less per read or write).
    ping_when_idle(engine)
    if check:
        try:
            with engine.connect():
                pass
        except DBAPIError as exc:
            engine.dispose()
            raise connect_error(exc, address) from None
    return engine


def connect_error(exc: BaseException, address: TeamAddress) -> TeamError:
    """The TeamError a failure to connect stands for (libpq's words are stable: they are what psql says)."""
    orig = getattr(exc, "orig", exc)
    message = str(orig).strip()
    lower = message.lower()
    where = address.display
    if "no password supplied" in lower or "password is required" in lower:
        return PasswordRequiredError(where, rejected=False)
    if "password authentication failed" in lower:
        return PasswordRequiredError(where, rejected=True)
    detail = _last_line(message)
    if "does not exist" in lower or "no pg_hba.conf entry" in lower or "permission denied" in lower:
        return LoginRefusedError(where, detail)
    return ServerUnreachableError(where, detail)


def _last_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    text_ = lines[-1] if lines else "no reply"
    return text_.removeprefix("FATAL:").strip()[:200]


def needs_password(url: str | TeamAddress) -> bool:
    """True when the server asks for a password that neither the address, PGPASSWORD, PGPASSFILE nor
    ~/.pgpass gives (the caller then asks the user). Any other failure to connect raises its error."""
    address = url if isinstance(url, TeamAddress) else TeamAddress.parse(url)
    try:
        team_engine(address).dispose()
    except PasswordRequiredError as exc:
        if exc.rejected and address.password is None:
            return True  # a stale ~/.pgpass line: asking is the way forward
        if exc.rejected:
            raise
        return True
    return False


# --- engagements on the server -----------------------------------------------------------------------
def engagement_exists(engine: Engine | Connection, address: TeamAddress) -> bool:
    """True when the engagement's schema exists on the server (whether or not this role may use it)."""
    return bool(_scalar(engine, text("SELECT count(*) FROM pg_namespace WHERE nspname = :schema"),
                        {"schema": address.schema}))


def _scalar(bind: Engine | Connection, statement: Any, params: dict[str, Any]) -> Any:
    if isinstance(bind, Connection):
        return bind.execute(statement, params).scalar()
    with bind.connect() as conn:
        return conn.execute(statement, params).scalar()


def list_engagements(engine: Engine) -> list[dict[str, Any]]:
    """The engagements on the server the role can see: key, schema version, client name (None when the
    role has no access to that one)."""
    with engine.connect() as conn:
        schemas = conn.execute(text(
            "SELECT n.nspname, has_schema_privilege(n.oid, 'USAGE') FROM pg_namespace n"
            " WHERE n.nspname LIKE :prefix AND EXISTS (SELECT 1 FROM pg_class c"
            "  WHERE c.relnamespace = n.oid AND c.relname = :meta) ORDER BY n.nspname"),
            {"prefix": SCHEMA_PREFIX.replace("_", "\\_") + "%", "meta": META_TABLE}).all()
        found = []
        for schema, usage in schemas:
            entry: dict[str, Any] = {"schema": schema, "key": None, "version": None, "client": None,
                                     "access": bool(usage)}
            if usage:
                meta = read_meta(conn, schema)
                entry["key"] = meta.get("engagement")
                entry["version"] = int(meta["schema_version"]) if meta.get("schema_version") else None
                entry["client"] = conn.execute(text(
                    f"SELECT client_name FROM {quote_ident(schema)}.engagement ORDER BY id LIMIT 1")).scalar()
            found.append(entry)
        return found


def read_meta(conn: Connection, schema: str) -> dict[str, str]:
    """The meta table of `schema` (key → value): schema_version, engagement key, application."""
    return {key: value for key, value in conn.execute(text(f"SELECT key, value FROM {quote_ident(schema)}.{META_TABLE}"))}


def write_meta(conn: Connection, schema: str, values: dict[str, str]) -> None:
    for key, value in values.items():
        conn.execute(text(f"INSERT INTO {quote_ident(schema)}.{META_TABLE} (key, value) VALUES (:k, :v) "
                          "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"), {"k": key, "v": value})


def create_engagement_schema(conn: Connection, address: TeamAddress) -> None:
    """Create the engagement's schema with every table of the current schema version (from the models)
    and its meta table, in the caller's transaction; EngagementExistsError when the key is taken.

    The role creating it owns it (CREATE on the database is needed) and grants the others
    (team.roles.grant_statements)."""
    from caio_desktop.workspace.models import Base, partial_indexes_for_postgresql
    from caio_desktop.workspace.version import SCHEMA_VERSION

    schema = address.schema
    check_key(address.engagement)
    if engagement_exists(conn, address):
        raise EngagementExistsError(address.display)
    allowed = conn.execute(text("SELECT current_user, has_database_privilege(current_database(), 'CREATE')")).one()
    if not allowed[1]:
        raise CreateRefusedError(address.display, allowed[0])
    conn.execute(text(f"CREATE SCHEMA {quote_ident(schema)}"))
    # The connection's search_path names this schema (team_engine): the models' tables land in it.
    conn.execute(text(f"SET LOCAL search_path TO {quote_ident(schema)}"))
    partial_indexes_for_postgresql()
    Base.metadata.create_all(conn, checkfirst=False)  # a schema made just now: nothing to look for first
    conn.execute(text(f"CREATE TABLE {quote_ident(schema)}.{META_TABLE} "
                      "(key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)"))
    write_meta(conn, schema, {"schema_version": str(SCHEMA_VERSION), "engagement": address.engagement,
                              "application": APPLICATION})
