"""The Qt desktop application: main window, pages, Qt item models, charts and dialogs.

Thin by design: pages read through `caio_desktop.workspace.queries` and write through
`caio_desktop.operations`, pushing each resulting ChangeSet onto the one undo stack (`AppContext`).

PySide6 6.12.0's `SignalInstance.emit()` returns `True` without taking a reference to it, so every
emit from Python code lowers the reference count of `True`; after enough emits CPython 3.11 frees the
`True` singleton and aborts ("bool_dealloc: deallocating True or False"). Python 3.12 made `True`
immortal; on 3.11 we give it a reference count no session can exhaust. Harmless once the bug is fixed.
"""

import sys


def _pin_true() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40


_pin_true()
