"""What the app remembers for team mode, in its own settings: the name this person's changes are
recorded under ("Your name (shown in the history)" in Preferences) and the engagements on a server
opened lately — by their address without password (`TeamAddress.display`), never a password."""

from __future__ import annotations

from caio_desktop.ui import settings

NAME_KEY = "team/author"
RECENT_KEY = "recent/team"
MAX_RECENT = 10


def history_name() -> str | None:
    """The name set in Preferences for the history, None when not set (then the database role or the
    login name is recorded: operations/authorship.py)."""
    from caio_desktop.operations.authorship import clean_author

    return clean_author(settings.app_settings().value(NAME_KEY, ""))


def set_history_name(name: str) -> None:
    settings.app_settings().setValue(NAME_KEY, " ".join(name.split()))


def recent_team_addresses() -> list[str]:
    """Engagements on a server opened lately (display addresses), newest first."""
    value = settings.app_settings().value(RECENT_KEY)
    found = [value] if isinstance(value, str) and value else [str(v) for v in value or []]
    return found[:MAX_RECENT]


def add_recent_team_address(display: str) -> None:
    """Remember an engagement's address; the address is parsed again and kept without any password."""
    from caio_desktop.team.address import TeamAddress

    clean = TeamAddress.parse(display).display
    kept = [a for a in recent_team_addresses() if a != clean]
    settings.app_settings().setValue(RECENT_KEY, [clean, *kept][:MAX_RECENT])


def clear_recent_team_addresses() -> None:
    settings.app_settings().setValue(RECENT_KEY, [])
