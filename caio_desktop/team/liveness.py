"""A pooled server connection is checked before use only when it sat idle long enough to have died.

SQLAlchemy's `pool_pre_ping` sends `SELECT 1` at every checkout: on a server across a network that is
one more round trip for every read and write, and the app's pages read in many small sessions (a
register, its counts, its choices, its heat map). A connection handed back a moment ago is as alive as
the ping would say; one that sat through a laptop's sleep or a change of network may not be. So the
ping runs only after `IDLE_PING_S` seconds in the pool (or when libpq already knows the connection is
bad); a dead one raises DisconnectionError, on which the pool drops it and connects again: the user
sees a working page, not an error.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

IDLE_PING_S = 5.0
_RETURNED_AT = "caio_returned_at"


def ping_when_idle(engine: Engine, idle_s: float | None = None) -> None:
    """Install the idle-time liveness check on `engine`'s pool (psycopg 3 connections); `idle_s`
    defaults to IDLE_PING_S as it is when a connection is checked out."""

    @event.listens_for(engine, "checkin")
    def _stamp(dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _check(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        returned_at = record.info.get(_RETURNED_AT)
        if getattr(dbapi_connection, "broken", False) or getattr(dbapi_connection, "closed", False):
            raise DisconnectionError("the server connection was lost")
        limit = IDLE_PING_S if idle_s is None else idle_s
        if returned_at is None or time.monotonic() - returned_at < limit:
            return  # a new connection, or one in use a moment ago
        try:
            dbapi_connection.execute("SELECT 1")
            dbapi_connection.rollback()  # leave no transaction open: the checkout starts its own
        except Exception as exc:  # any failure of the round trip means: use another connection
            raise DisconnectionError(f"the server connection was lost: {exc}") from exc
