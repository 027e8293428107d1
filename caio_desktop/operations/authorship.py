"""Who makes a change, as the audit trail records it (team mode, issue 19).

The author of a write is, in order: the workspace's own `author` (the user name set in Preferences, the
CLI's `--author NAME` or `CAIO_AUTHOR`), handed to the write transaction by `Workspace.writing()` in
`conn.info["author"]`; else `CAIO_AUTHOR`; else, on a server, the database role the session logged in
as; else the login name of the person at the computer. None only when none of these is known.

Each open workspace also has a session mark written with its audit entries, so that the watch of an
engagement on a server (caio_desktop.team.watch) can tell another session's changes from its own, even
when both sessions are the same person.
"""

from __future__ import annotations

import getpass
import os
import uuid
import weakref
from typing import Any

AUTHOR_ENV = "CAIO_AUTHOR"
AUTHOR_INFO = "author"  # the key of `Connection.info` under which a workspace hands its author over
_AUTHOR_LIMIT = 120

_sessions: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def clean_author(name: object) -> str | None:
    """`name` as an author: trimmed, one line, at most 120 characters; None when empty."""
    if not isinstance(name, str):
        return None
    text = " ".join(name.split())
    return text[:_AUTHOR_LIMIT] or None


def login_name() -> str | None:
    """The login name of the person at this computer, None when the system does not say."""
    try:
        return clean_author(getpass.getuser())
    except (KeyError, OSError, ImportError):  # no such user in the password database, no USER variable
        return None


def environment_author() -> str | None:
    """The name `CAIO_AUTHOR` gives (set by `caio --author NAME` for its command, or by the person)."""
    return clean_author(os.environ.get(AUTHOR_ENV))


def author_of(conn: Any) -> str | None:
    """The author of the writes made on the SQLAlchemy connection `conn` (see the module's order)."""
    named = clean_author(conn.info.get(AUTHOR_INFO))
    if named:
        return named
    named = environment_author()
    if named:
        return named
    if conn.dialect.name == "postgresql":
        role = conn.engine.url.username
        if role:
            return clean_author(role)
    return login_name()


def session_of(engine: Any) -> str:
    """The mark of the session that opened `engine` (one per open workspace, never stored elsewhere)."""
    found = _sessions.get(engine)
    if found is None:
        found = _sessions[engine] = uuid.uuid4().hex[:16]
    return found
