"""Progress reporting and cancellation of an export (the app shows a bar with Cancel)."""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int], bool]


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("export cancelled; no file was written")


class Progress:
    """Counts exported rows and reports them; the callback returning False cancels the export.

    Reports are spaced by `step` rows so that a 100,000-row export does not spend its time in the UI.
    """

    def __init__(self, callback: ProgressCallback | None, total: int, *, step: int = 1000) -> None:
        self._callback = callback
        self.total = total
        self.done = 0
        self._step = step
        self._reported = -step

    def report(self) -> None:
        """Tell the callback where we are; raise ExportCancelled if it says stop."""
        self._reported = self.done
        if self._callback is not None and self._callback(self.done, self.total) is False:
            raise ExportCancelled

    def advance(self, rows: int) -> None:
        self.done = min(self.total, self.done + rows)
        if self.done - self._reported >= self._step or (self.done == self.total != self._reported):
            self.report()

    def checkpoint(self) -> None:
        """Report at a natural boundary (end of a sheet) if anything was done since the last report."""
        if self.done != self._reported:
            self.report()
