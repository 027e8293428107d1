"""Who may do what on an engagement: read from the server's own privileges, granted with plain SQL.

Three kinds of database role (docs/team-mode.md gives the SQL, `grant_statements` writes it):
- the owner creates the engagement (CREATE on the database) and owns its schema and tables: the only
  one who can upgrade them to a newer schema version;
- a writer: USAGE on the schema, SELECT/INSERT/UPDATE/DELETE on its tables, USAGE on its sequences;
- a reader: USAGE on the schema and SELECT on its tables. It opens the engagement read-only.
The app never stores or asks for more than the role it logs in as; the server enforces the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

META_TABLE = "caio_meta"  # version stamp of the schema, not an engagement table (not in Base.metadata)


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_statements(schema: str, role: str, *, can_write: bool) -> list[str]:
    """The GRANTs that give `role` the engagement in `schema`: reading, and writing with `can_write`.
    Run by the schema's owner (or a superuser)."""
    s, r = quote_ident(schema), quote_ident(role)
    tables = "SELECT, INSERT, UPDATE, DELETE" if can_write else "SELECT"
    # ALTER DEFAULT PRIVILEGES: the tables a later schema upgrade adds (made by the owner, who runs it)
    # come with the same rights.
    statements = [
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT {tables} ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT {tables} ON TABLES TO {r}",
    ]
    if can_write:
        statements += [f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
                       f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}"]
    else:  # (a writer made a reader: what it had beyond SELECT goes)
        statements += [f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {s} FROM {r}",
                       f"REVOKE USAGE ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
                       f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE INSERT, UPDATE, DELETE ON TABLES FROM {r}",
                       f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE USAGE ON SEQUENCES FROM {r}"]
    return statements


@dataclass(frozen=True)
class Access:
    """What the logged-in role may do on one engagement's schema."""

    role: str
    exists: bool
    usage: bool  # may see the schema's tables at all
    can_write: bool  # INSERT, UPDATE and DELETE on every engagement table and USAGE on its sequences
    owner: bool  # owns the schema: may upgrade it


def access(conn: Connection, schema: str) -> Access:
    """The logged-in role's access to `schema`, from has_schema_privilege / has_table_privilege."""
    row = conn.execute(text(
        "SELECT current_user, n.oid IS NOT NULL,"
        " coalesce(has_schema_privilege(n.oid, 'USAGE'), false),"
        " coalesce(pg_has_role(n.nspowner, 'USAGE'), false)"
        " FROM (SELECT 1) one LEFT JOIN pg_namespace n ON n.nspname = :schema"), {"schema": schema}).one()
    role, exists, usage, owner = row
    can_write = False
    if usage:
        can_write = bool(conn.execute(text(
            "SELECT coalesce(bool_and(CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'USAGE')"
            " ELSE has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE')"
            " AND has_table_privilege(c.oid, 'DELETE') END), false)"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'S') AND c.relname <> :meta"),
            {"schema": schema, "meta": META_TABLE}).scalar())
    return Access(role=role, exists=bool(exists), usage=bool(usage), can_write=can_write, owner=bool(owner))
