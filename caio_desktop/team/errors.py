"""Why an engagement on a server cannot be reached, opened or changed, in words a consultant can act on.

Every class is a `WorkspaceError` (the CLI prints one line, the app its dialog); the message names the
engagement by its address without the password (`TeamAddress.display`), never more. `location` holds
that address (`path` is a file's; kept for the handlers shared with files).
"""

from __future__ import annotations

from caio_desktop.workspace.errors import ReadOnlyError, WorkspaceError


class TeamError(WorkspaceError):
    """Base of the team-mode failures."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(location, message)
        self.location = location


class TeamAddressError(TeamError, ValueError):
    """Not a usable engagement address (the text as typed is not repeated: it may hold a password)."""

    def __init__(self, message: str) -> None:
        super().__init__("postgresql://", message)


class ServerUnreachableError(TeamError):
    def __init__(self, location: str, detail: str) -> None:
        self.detail = detail
        super().__init__(location, f"{location}: the server cannot be reached ({detail}); check the address "
                                   "and the network, or work on a checked-out copy")


class PasswordRequiredError(TeamError):
    """The server wants a password: none was given (`rejected` False: ask for one) or the one given was
    refused (`rejected` True: ask again). Any other failure to connect is another class."""

    def __init__(self, location: str, *, rejected: bool) -> None:
        self.rejected = rejected
        message = ("the password was refused" if rejected
                   else "the server asks for a password (none in PGPASSFILE or ~/.pgpass)")
        super().__init__(location, f"{location}: {message}")


class LoginRefusedError(TeamError):
    """The server refuses this role or database (not a matter of password)."""

    def __init__(self, location: str, detail: str) -> None:
        self.detail = detail
        super().__init__(location, f"{location}: the server refused the connection ({detail})")


class EngagementNotFoundError(TeamError):
    def __init__(self, location: str, known: list[str] | None = None) -> None:
        self.known = known or []
        listed = f"; engagements there: {', '.join(self.known)}" if self.known else ""
        super().__init__(location, f"{location}: no such engagement on this server{listed}")


class EngagementExistsError(TeamError):
    def __init__(self, location: str) -> None:
        super().__init__(location, f"{location}: an engagement with this key already exists; choose another key")


class CreateRefusedError(TeamError):
    """The role may not create an engagement (a schema) in this database."""

    def __init__(self, location: str, role: str) -> None:
        self.role = role
        super().__init__(location, f"{location}: the database role {role!r} may not create engagements here; "
                                   "an owner role needs CREATE on the database (see docs/team-mode.md)")


class NoAccessError(TeamError):
    """The role may not use the engagement's schema at all (no USAGE)."""

    def __init__(self, location: str, role: str) -> None:
        self.role = role
        super().__init__(location, f"{location}: the database role {role!r} has no access to this engagement; "
                                   "ask the engagement's owner to grant it (see docs/team-mode.md)")


class NotAnEngagementError(TeamError):
    """A schema of the right name that CAIO Desktop did not make (no meta table, or missing tables)."""

    def __init__(self, location: str, detail: str) -> None:
        self.detail = detail
        super().__init__(location, f"{location}: not a CAIO Desktop engagement ({detail})")


class UpgradeNeedsOwnerError(TeamError):
    def __init__(self, location: str, role: str, found: int, current: int) -> None:
        self.role = role
        super().__init__(location, f"{location}: the engagement is at schema {found} and this application needs "
                                   f"{current}; the role {role!r} may not upgrade it: open it once as its owner")


class TeamReadOnlyError(ReadOnlyError, TeamError):
    """A write refused: the engagement was opened read-only, or the role may only read it."""

    def __init__(self, location: str, role: str | None) -> None:
        self.role = role
        why = (f"the database role {role!r} may only read this engagement" if role
               else "opened read-only")
        WorkspaceError.__init__(self, location, f"{location}: {why}; changes are not allowed")
        self.location = location
