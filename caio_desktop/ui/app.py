"""`caio-desktop`: the desktop application's entry point.

    caio-desktop [FILE]                          open the app (on FILE when given)
    caio-desktop --screenshots DIR FILE [--lang fr|en]
                                                 offscreen: one PNG per page and dialog into DIR
    caio-desktop --self-test FILE                edit, undo and redo every module on a copy of FILE
    caio-desktop --cli ARGS…                     the `caio` command line (for the bundled app)

CAIO_EXIT_AFTER_SHOWN=1 prints "caio-desktop: shown" and quits once the window (and FILE) is shown.

Start-up stays light: pages, SQLAlchemy and the operations are imported after the window is shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from caio_desktop import APP_NAME, ORGANISATION, __version__

# what the parser gives for no argument (tests/ui/test_app.py holds the two equal)
NO_ARGUMENTS = {"file": None, "screenshots": None, "self_test": False, "lang": None}


def parse_args(argv: list[str]) -> Any:
    if not argv:  # the usual start, from a menu or an icon: nothing to parse (building the parser
        # imports argparse, gettext and locale: ~1% of a cold start)
        return SimpleNamespace(**NO_ARGUMENTS)
    return parser().parse_args(argv)


def parser() -> Any:
    import argparse

    parser = argparse.ArgumentParser(prog="caio-desktop", description=APP_NAME)
    parser.add_argument("file", nargs="?", type=Path, help="the .caio engagement to open")
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="save one PNG per page and dialog into DIR, offscreen, then exit")
    parser.add_argument("--self-test", action="store_true",
                        help="edit, undo and redo every module on a copy of FILE; exit 0 if all round-trip")
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def make_application(lang: str | None = None) -> tuple[object, str]:
    """The QApplication (created once), its names, theme and interface language."""
    from PySide6.QtWidgets import QApplication

    from caio_desktop.ui import settings
    from caio_desktop.ui.i18n import install_language, system_language
    from caio_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "caio-desktop"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    chosen = lang or settings.interface_language() or system_language()
    install_language(chosen)
    apply_theme(app)
    return app, chosen


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--cli"]:
        from caio_desktop.cli import main as cli_main

        return int(cli_main(argv[1:]) or 0)
    args = parse_args(argv)
    if args.screenshots or args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.file is None:
            print("caio-desktop: a FILE is required with --screenshots and --self-test", file=sys.stderr)
            return 2
    app, lang = make_application(args.lang)
    if args.self_test:
        from caio_desktop.ui.selftest import run_self_test

        return run_self_test(args.file, lang=lang)

    from caio_desktop.ui.context import AppContext
    from caio_desktop.ui.shell.window import MainWindow

    window = MainWindow(AppContext(lang))
    if args.screenshots:
        from caio_desktop.ui.screenshots import take_screenshots

        return take_screenshots(window, args.file, args.screenshots)
    from caio_desktop.ui.shell.damage import install_damage_hook

    install_damage_hook(window.files)  # a damaged row met by a page offers the restore, not a traceback
    window.show()
    if args.file is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: window.files.open_path(args.file))
    if os.environ.get("CAIO_EXIT_AFTER_SHOWN") == "1":  # bench/bench_startup.py: time to the first window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (print("caio-desktop: shown", flush=True), app.quit()))
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
