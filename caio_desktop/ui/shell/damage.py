"""Damage met while the app reads: a page that reads text SQLite cannot decode, or a page the file
no longer holds, says the workspace is damaged and offers the latest good snapshot — the dialog of
the background integrity check — instead of a traceback on the console.

Errors raised in Qt slots reach `sys.excepthook`; the hook installed here lets through every error
that is not a damaged file's (to the previous hook), and reports a damaged file once per open file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer


def install_damage_hook(files: Any) -> Callable[..., None]:
    """Route damaged-file errors to `files.damage_found(detail)`; return the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        from caio_desktop.workspace.engine import database_error

        found = database_error(error)
        if found is not None and found[1] and files.context.workspace is not None:
            QTimer.singleShot(0, lambda: files.damage_found(found[0]))
            return
        previous(kind, error, trace)

    sys.excepthook = hook
    return previous
