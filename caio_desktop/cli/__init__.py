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

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (≈ 2 ms of `caio info`'s start)
if TYPE_CHECKING:
    from typing import Any


AUTHOR_ENV = "CAIO_AUTHOR"  # = operations.authorship.AUTHOR_ENV (not imported: it would import SQLAlchemy)


class CliError(Exception):
    """A failure reported as one line on stderr with exit status `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


# Commands that must start as fast as a bare script get a parser with only their own module: building
# every command's parser costs more than `caio info`'s whole work on a large workspace (and a tenth of
# the time `caio import` adds to its floor, bench/bench_import_process.py).
_FAST_COMMANDS = {"info": "cmd_workspace", "import": "cmd_import"}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, given the terminal's width: argparse would ask `shutil` for it, whose import
    (with bz2 and lzma, ≈ 1.5 ms) every command paid, as each `add_argument` makes a formatter."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose formatter is `_HelpFormatter` unless told otherwise; the sub-commands'
    parsers are of the same class (argparse makes them with the class of the parser they belong to)."""

    def __init__(self, *args: Any, formatter_class: type = _HelpFormatter, **kwargs: Any) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


_columns: list[int] = []  # the answer of _terminal_columns, asked once per process


def _terminal_columns() -> int:
    """What `shutil.get_terminal_size().columns` answers: $COLUMNS, else the terminal's, else 80.
    Asked once: argparse makes a formatter for each of the ≈ 260 `add_argument` calls of `caio --help`,
    and asking the terminal each time was a sixth of what `--help` adds to a bare start."""
    if not _columns:
        _columns.append(_ask_terminal_columns())
    return _columns[0]


def _ask_terminal_columns() -> int:
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _command_modules() -> list[str]:
    """The `cmd_*` modules of this package, listed from its folder (`pkgutil` imports `inspect` and
    `typing`, ≈ 4 ms of a `caio --help`), or by pkgutil where the package is no folder of sources (a
    PyInstaller bundle keeps them in its archive)."""
    import os

    try:
        names = sorted(n[:-3] for n in os.listdir(__path__[0]) if n.startswith("cmd_") and n.endswith(".py"))
    except OSError:
        names = []
    if names:
        return names
    import pkgutil

    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("cmd_"))


def _remember_translations() -> None:
    """Make argparse look each of its messages up once per process instead of once per use.

    argparse passes every message through `gettext.gettext`, which searches the translation catalogs
    on disk each time (four `stat`s; Python ships none for argparse, so nothing is ever found and
    nothing cached): the 25 commands' parsers made 100 such searches, ≈ 2.5 ms of a `caio --help` that
    should take 20. The answer cannot change while the process runs, so remembering it changes nothing
    else."""
    import functools
    import gettext

    if argparse._ is gettext.gettext:  # (once: main() runs many times in the tests' process)
        argparse._ = functools.lru_cache(maxsize=None)(gettext.gettext)


def build_parser(*, command: str | None = None) -> argparse.ArgumentParser:
    _remember_translations()
    parser = _Parser(prog="caio", description="CAIO Desktop from the command line: one engagement per .caio file.")
    parser.add_argument("--version", action="version", version=f"caio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    names = [_FAST_COMMANDS[command]] if command in _FAST_COMMANDS else _command_modules()
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
        if any(action.dest == "file" for action in command._actions) and not any(
                action.dest == "author" for action in command._actions):
            command.add_argument("--author", metavar="NAME",
                                 help="who the changes are recorded as made by in the history (default: "
                                      "$CAIO_AUTHOR, else the database role of a team engagement, else your "
                                      "login name)")
    return parser


class _RefusePassphrase(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        parser.error("a passphrase is never given on the command line; use --passphrase-file FILE")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command=arguments[0] if arguments else None)
    args = parser.parse_args(arguments)
    import os

    from caio_desktop.cli import common

    author_before = os.environ.get(AUTHOR_ENV)
    try:
        common.set_passphrase(common.read_passphrase_file(args.passphrase_file)
                              if getattr(args, "passphrase_file", None) else None)
        if getattr(args, "author", None):  # (read by `opened` and the audit trail: operations/authorship.py)
            os.environ[AUTHOR_ENV] = args.author
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
        return _report(exc, getattr(args, "file", None))
    finally:  # (main() runs many times in one process in the tests)
        if author_before is None:
            os.environ.pop(AUTHOR_ENV, None)
        else:
            os.environ[AUTHOR_ENV] = author_before
        if argv is None:
            # The `caio` process ends here: its last garbage collection would walk every object the
            # command made (SQLAlchemy's, a 100,000-row import's) to free what the exit frees anyway —
            # 0.06 s of CPU. Frozen objects are left out of it; everything was closed explicitly.
            import gc

            gc.freeze()


def _report(exc: Exception, path: Path | None = None) -> int:
    from caio_desktop.domain.errors import DomainError
    from caio_desktop.workspace.errors import Remedy, WorkspaceError

    if isinstance(exc, WorkspaceError):
        hint = ""
        if Remedy.RESTORE_SNAPSHOT in exc.remedies and exc.path.suffix == ".caio":
            hint = f" (caio restore {exc.path} --from latest)"
        print(f"caio: error: {exc}{hint}", file=sys.stderr)
        return 1
    # SQLAlchemy wraps the driver's error (with a link to its documentation): report the driver's own.
    from caio_desktop.workspace.engine import database_error

    found = database_error(exc)
    if found is not None:
        detail, damaged = found
        if damaged:
            where = f"{path}: " if path else ""
            restore = f"caio restore {path} --from latest" if path else "caio restore FILE --from latest"
            print(f"caio: error: {where}the workspace is damaged ({detail}); restore a snapshot with: {restore}",
                  file=sys.stderr)
            return 1
        print(f"caio: error: the workspace could not be read ({detail})", file=sys.stderr)
        return 1
    if isinstance(exc, DomainError | ValueError | LookupError):
        print(f"caio: error: {exc}", file=sys.stderr)
        return 1
    if isinstance(exc, OSError):
        print(f"caio: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    print(f"caio: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 3
