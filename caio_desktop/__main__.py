"""`python -m caio_desktop` opens the desktop application."""

from caio_desktop.ui.app import main

raise SystemExit(main())
