"""Helpers shared by the CLI commands: argument types, opening a workspace, printing JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from caio_desktop.cli import CliError

# datetime, json and typing are imported where they are used: every command imports this module, and
# `caio info` and `caio --help` must start within 1.5× a bare `python -c "import sqlite3"`
# (bench/bench_info.py); the three cost ≈ 3 ms of the 10 they may add.
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import datetime as dt
    from typing import Any


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"{text!r} is not a date (expected YYYY-MM-DD)") from None


def lang(text: str) -> str:
    if text not in ("fr", "en"):
        import argparse

        raise argparse.ArgumentTypeError("language must be fr or en")
    return text


# The passphrase of the encrypted workspace this command works on, read from --passphrase-file.
_passphrase: str | None = None


def read_passphrase_file(path: Path) -> str:
    """The passphrase in `path` (its first line): never on the command line, where `ps` shows it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{path}: cannot read the passphrase file ({exc.strerror or exc})") from None
    passphrase = text.splitlines()[0] if text else ""
    if not passphrase:
        raise CliError(f"{path}: the passphrase file is empty")
    return passphrase


def set_passphrase(passphrase: str | None) -> None:
    global _passphrase
    _passphrase = passphrase


def passphrase() -> str | None:
    """The passphrase given with --passphrase-file, or None for a plain workspace."""
    return _passphrase


@contextmanager
def opened(path: str | Path, *, read_only: bool = False, daily_snapshot: bool | None = None) -> Iterator[Any]:
    """Open a workspace for one command and close it whatever happens.

    A command that may write (not `read_only`) takes the day's snapshot on its first run of the day,
    as the app does; pass `daily_snapshot=False` when the command is itself a snapshot.
    """
    address = team_address(path)
    if address is not None:  # an engagement on a server (team mode): no lock, no snapshot, maybe a password
        workspace = open_team(address, read_only=read_only)
    else:
        from caio_desktop.workspace.workspace import Workspace

        daily = not read_only if daily_snapshot is None else daily_snapshot
        if read_only:
            note_if_held(Path(path))
        workspace = Workspace.open(Path(path), read_only=read_only, passphrase=_passphrase, daily_snapshot=daily)
    try:
        yield workspace
    finally:
        workspace.close()


def team_address(path: str | Path) -> str | None:
    """The engagement address `path` stands for, or None for a file. The commands read their FILE
    argument as a Path, which folds `postgresql://` into `postgresql:/`: the address is unfolded here
    (an address has no other double slash)."""
    text = str(path)
    scheme, sep, rest = text.partition(":/")
    if not sep or scheme.lower() not in ("postgresql", "postgres", "postgresql+psycopg"):
        return None
    return f"{scheme}://{rest.lstrip('/')}"


def open_team(url: str, *, read_only: bool = False) -> Any:
    """Open the engagement at `url` for a command (the password: see `with_password`)."""
    from caio_desktop.team.workspace import TeamWorkspace

    # (author: `--author NAME` / CAIO_AUTHOR before the role, as for a file: operations/authorship.py)
    author = os.environ.get("CAIO_AUTHOR", "").strip() or None
    return with_password(lambda password: TeamWorkspace.open(url, read_only=read_only, password=password,
                                                             author=author))


def connect_team(url: str) -> Any:
    """An engine on the server of `url` (its `?engagement=` optional), for commands about the server."""
    from caio_desktop.team.address import TeamAddress
    from caio_desktop.team.server import team_engine

    address = TeamAddress.parse(url, engagement=None if "engagement=" in url else "caio")
    return with_password(lambda password: team_engine(address, password))


def with_password(connect: Any) -> Any:
    """`connect(password)`, first with None: the password comes from the address, PGPASSWORD,
    PGPASSFILE or ~/.pgpass (libpq's own reading). When the server asks for one anyway and stdin is a
    terminal it is asked for (not echoed, never stored), and asked again if refused (three tries)."""
    from caio_desktop.team.errors import PasswordRequiredError

    password = None
    for attempt in range(3):
        try:
            return connect(password)
        except PasswordRequiredError as exc:
            if not sys.stdin.isatty() or attempt == 2:
                raise
            import getpass

            if exc.rejected and password is not None:
                print("caio: the password was refused", file=sys.stderr)
            password = getpass.getpass(f"Password for {exc.location}: ")
    raise AssertionError("unreachable")


HELD_NOTE = ("caio: note: {path} is open in another CAIO Desktop window or process; read as it was last "
             "saved there")


def note_if_held(path: Path) -> bool:
    """The one rule of read-only commands (info, check, export) while another process holds the file:
    they read it (reading is safe) and say so on stderr. True when it is held."""
    from caio_desktop.workspace.lock import held_elsewhere

    held = held_elsewhere(path)
    if held:
        print(HELD_NOTE.format(path=path), file=sys.stderr)
    return held


def print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> CliError:
    return CliError(message, code)
