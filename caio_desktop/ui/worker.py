"""Long work (imports, exports, PDF deliverables) off the GUI thread, with a progress dialog and Cancel.

    def export(progress):            # runs in a worker thread: never touch widgets here
        for i, sheet in enumerate(sheets):
            progress(i * 100 // len(sheets), f"Sheet {sheet}")   # raises Cancelled after Cancel
            ...
        return path

    run_in_background(window, "Export to Excel", export, on_done=lambda path: ...,
                      on_error=lambda exc: ...)

`progress(percent, message="")` reports progress; after the person clicks Cancel it raises
`Cancelled`, which ends the work quietly (`on_done` is not called). Exceptions reach `on_error` (by
default a warning box) on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

Progress = Callable[..., None]


class Cancelled(Exception):
    """Raised inside the work by `progress()` once the person has cancelled."""


class _Job(QThread):
    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.cancelled = False

    def progress(self, percent: int, message: str = "") -> None:
        if self.cancelled:
            raise Cancelled()
        self.progressed.emit(int(percent), message)

    def run(self) -> None:
        try:
            result = self._fn(self.progress)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread, not swallowed
            self.failed.emit(exc)
            return
        if not self.cancelled:
            self.succeeded.emit(result)


def run_in_background(parent: QWidget, title: str, fn: Callable[[Progress], Any],
                      on_done: Callable[[Any], None] | None = None, *,
                      on_error: Callable[[BaseException], None] | None = None) -> QThread:
    """Run `fn(progress)` in a worker thread behind a modal progress dialog with Cancel.

    Returns the thread (tests may `wait()` on it); callbacks run on the GUI thread.
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flashing dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = _Job(fn, parent)

    def progressed(percent: int, message: str) -> None:
        dialog.setValue(max(0, min(99, percent)))
        if message:
            dialog.setLabelText(message)

    def cancel() -> None:
        job.cancelled = True

    def finished() -> None:  # the thread object stays with `parent` so callers may still wait() on it
        dialog.close()
        dialog.deleteLater()

    def failed(exc: BaseException) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            QMessageBox.warning(parent, title, str(exc))

    job.progressed.connect(progressed)
    job.succeeded.connect(lambda result: on_done(result) if on_done else None)
    job.failed.connect(failed)
    job.finished.connect(finished)
    dialog.canceled.connect(cancel)
    job.start()
    return job
