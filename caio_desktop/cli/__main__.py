"""`python -m caio_desktop.cli` runs the `caio` command line (used by tests and the crash harness)."""

from caio_desktop.cli import main

raise SystemExit(main())
