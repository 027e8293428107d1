"""Entry point of the bundled application: the desktop app, or the `caio` command line with `--cli`.

    caio-desktop [FILE]                 the desktop application
    caio-desktop --cli info FILE.caio   any `caio` command, headless
"""

from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--cli":
        from caio_desktop.cli import main as cli_main

        return cli_main(sys.argv[2:])
    from caio_desktop.ui.app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
