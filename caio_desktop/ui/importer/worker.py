"""Planning and importing off the GUI thread: a QThread that runs one function and reports progress,
success, failure or cancellation through signals — it never touches a widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from caio_desktop.interchange.importing import ImportCancelled


class ImportTask(QThread):
    """Runs `work(progress)` where `progress(done, total) -> bool` returns False once cancelled.

    Signals (received on the GUI thread): progressed(done, total), succeeded(result), failed(exception),
    cancelled().
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel_requested = False

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (the import then rolls back)."""
        self._cancel_requested = True

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel_requested

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except ImportCancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows it
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)
