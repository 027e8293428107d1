"""The address of an engagement on a PostgreSQL server (team mode, issue 19).

    postgresql://anne@db.cabinet.fr:5432/caio?engagement=assurances-rhone

One database holds several engagements, one PostgreSQL schema each: the key `assurances-rhone` lives
in the schema `caio_assurances_rhone`. A password may be written in the URL (libpq accepts it) but is
never shown: `display` is what the recent-files list, the logs, the error messages and the audit trail
get. Without one, libpq reads PGPASSFILE or ~/.pgpass itself, and the app or the CLI asks when the
server wants one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from caio_desktop.team.errors import TeamAddressError

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
ENGAGEMENT_PARAMETER = "engagement"
SCHEMA_PREFIX = "caio_"
KEY_LIMIT = 40
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def is_team_address(text: object) -> bool:
    """True for a PostgreSQL URL (what the open dialog and the CLI take for an engagement on a server),
    False for anything else, a file path included."""
    if not isinstance(text, str):
        return False
    scheme, sep, _ = text.strip().partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


def check_key(key: str) -> str:
    """`key` when it can name an engagement: lowercase letters, digits, `_` and `-` (`-` becomes `_` in
    the schema name), at most 40 characters; TeamAddressError saying what is wrong otherwise."""
    if not key:
        raise TeamAddressError("the engagement key is empty: add ?engagement=KEY to the address "
                               "(lowercase letters, digits, _ or -)")
    if len(key) > KEY_LIMIT:
        raise TeamAddressError(f"the engagement key {key!r} is {len(key)} characters long; "
                               f"at most {KEY_LIMIT} are allowed")
    if not _KEY.match(key):
        wrong = sorted({c for c in key if not (c.isascii() and (c.islower() or c.isdigit() or c in "_-"))})
        what = f"it contains {' '.join(repr(c) for c in wrong)}" if wrong else "it must start with a letter or digit"
        raise TeamAddressError(f"the engagement key {key!r} is not allowed ({what}); "
                               "use lowercase letters, digits, _ or -")
    return key


def schema_name(key: str) -> str:
    """The PostgreSQL schema of engagement `key` (`caio_` + the key, `-` as `_`)."""
    return SCHEMA_PREFIX + check_key(key).replace("-", "_")


@dataclass(frozen=True)
class TeamAddress:
    """A parsed engagement address. `password` is kept only to connect; `str()` and `repr()` leave it out."""

    user: str | None
    host: str | None
    port: int | None
    database: str
    engagement: str
    password: str | None = field(default=None, repr=False, compare=False)
    options: tuple[tuple[str, str], ...] = ()  # other libpq parameters (sslmode=require, …), kept as given

    @classmethod
    def parse(cls, url: str, *, engagement: str | None = None) -> TeamAddress:
        """The address in `url`; `engagement` stands in for (or replaces) its `?engagement=` parameter.
        TeamAddressError for anything that is not a usable engagement address."""
        if not is_team_address(url):
            raise TeamAddressError("not a PostgreSQL address: it should look like "
                                   "postgresql://user@host/database?engagement=KEY")
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError as exc:  # a port that is not a number
            raise TeamAddressError(f"the address cannot be read ({exc})") from None
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise TeamAddressError("the address names no database: postgresql://user@host/DATABASE?engagement=KEY")
        query = parse_qsl(parts.query, keep_blank_values=True)
        keys = [value for name, value in query if name == ENGAGEMENT_PARAMETER]
        if engagement is None:
            if len(keys) > 1:
                raise TeamAddressError("the address names more than one engagement")
            engagement = keys[0] if keys else ""
        options = tuple((name, value) for name, value in query if name != ENGAGEMENT_PARAMETER)
        if any(name in ("password", "user", "dbname") for name, _ in options):
            raise TeamAddressError("give the user and database in the address itself, and the password in "
                                   "~/.pgpass (or when asked), not as parameters")
        return cls(user=unquote(parts.username) if parts.username else None, host=parts.hostname,
                   port=port, database=database, engagement=check_key(engagement),
                   password=unquote(parts.password) if parts.password is not None else None, options=options)

    @property
    def key(self) -> str:
        return self.engagement

    @property
    def schema(self) -> str:
        return schema_name(self.engagement)

    @property
    def server(self) -> str:
        """user@host:port/database, no password: who connects where (for messages)."""
        where = self.host or "localhost"
        if self.port:
            where += f":{self.port}"
        return f"{quote(self.user, safe='') + '@' if self.user else ''}{where}/{quote(self.database, safe='')}"

    @property
    def display(self) -> str:
        """The address as people see it: never the password."""
        query = urlencode([(ENGAGEMENT_PARAMETER, self.engagement), *self.options])
        return f"postgresql://{self.server}?{query}"

    def with_engagement(self, key: str) -> TeamAddress:
        """The same server, another engagement."""
        return TeamAddress(self.user, self.host, self.port, self.database, check_key(key), self.password,
                           self.options)

    def without_password(self) -> TeamAddress:
        return TeamAddress(self.user, self.host, self.port, self.database, self.engagement, None, self.options)

    def __str__(self) -> str:
        return self.display
