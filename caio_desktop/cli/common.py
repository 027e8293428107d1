"""Helpers shared by the CLI commands: argument types, opening a workspace, printing JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from caio_desktop.cli import CliError


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
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


@contextmanager
def opened(path: str | Path, *, read_only: bool = False) -> Iterator[Any]:
    """Open a workspace for one command and close it whatever happens."""
    from caio_desktop.workspace.workspace import Workspace

    workspace = Workspace.open(Path(path), read_only=read_only)
    try:
        yield workspace
    finally:
        workspace.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> CliError:
    return CliError(message, code)
