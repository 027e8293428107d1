"""`caio`: the headless command line over the same operations as the app.

Each `cmd_*.py` module in this package registers its sub-commands (`register(subparsers)`), so a
feature adds its commands without touching this file. Modules import their heavy dependencies inside
the command functions: `caio info` must start as fast as a bare sqlite3 script.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from caio_desktop import __version__


class CliError(Exception):
    """A failure reported as one line on stderr with exit status `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


# Commands that must start as fast as a bare script get a parser with only their own module: building
# every command's parser costs more than `caio info`'s whole work on a large workspace.
_FAST_COMMANDS = {"info": "cmd_workspace"}


def build_parser(*, command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caio", description="CAIO Desktop from the command line: one engagement per .caio file.")
    parser.add_argument("--version", action="version", version=f"caio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    if command in _FAST_COMMANDS:
        names = [_FAST_COMMANDS[command]]
    else:
        import pkgutil

        names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("cmd_"))
    for name in names:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    for name, command in sub.choices.items():  # every command that opens a workspace can open an encrypted one
        if name == "demo":
            continue  # the demo engagement is public content: never encrypted
        if any(action.dest == "file" for action in command._actions) and not any(
                action.dest == "passphrase_file" for action in command._actions):
            command.add_argument("--passphrase-file", type=Path, metavar="FILE",
                                 help="file holding the passphrase of an encrypted workspace")
            # An exact option, so that `--passphrase SECRET` is refused instead of being taken as an
            # abbreviation of --passphrase-file (and the secret echoed back as a file name).
            command.add_argument("--passphrase", nargs="?", action=_RefusePassphrase, help=argparse.SUPPRESS)
    return parser


class _RefusePassphrase(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        parser.error("a passphrase is never given on the command line; use --passphrase-file FILE")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command=arguments[0] if arguments else None)
    args = parser.parse_args(arguments)
    from caio_desktop.cli import common

    try:
        common.set_passphrase(common.read_passphrase_file(args.passphrase_file)
                              if getattr(args, "passphrase_file", None) else None)
        result = args.func(args)
        return int(result or 0)
    except CliError as exc:
        print(f"caio: error: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # `caio info | head`: the reader left, nothing to report
        return 0
    except KeyboardInterrupt:
        print("caio: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the user gets one clear line, never a traceback
        return _report(exc)


def _report(exc: Exception) -> int:
    from caio_desktop.domain.errors import DomainError
    from caio_desktop.workspace.errors import WorkspaceError

    if isinstance(exc, WorkspaceError | DomainError | ValueError | LookupError):
        print(f"caio: error: {exc}", file=sys.stderr)
        return 1
    if isinstance(exc, OSError):
        print(f"caio: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    import sqlite3

    if isinstance(exc, sqlite3.DatabaseError):
        print(f"caio: error: the workspace could not be read ({exc})", file=sys.stderr)
        return 1
    print(f"caio: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 3
