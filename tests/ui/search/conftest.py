"""The search tests use the shell's main window (French interface)."""

from tests.ui.shell.conftest import window  # noqa: F401 - the fixture, shared
