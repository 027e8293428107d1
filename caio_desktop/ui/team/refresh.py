"""Keeping a window in step with the other consultants of a shared engagement (issue 19).

`TeamRefresh` looks at the engagement's audit trail every few seconds (caio_desktop.team.watch) while a
team engagement is open, and tells the pages what others changed through the context's own signals:
registers update exactly those rows in place (the selection and an edit in progress stay), pages and
charts refresh what they show, and `updated` carries the authors for the status bar ("Updated by Alice").

Each look runs on a worker thread: a server that stopped answering makes that thread wait for the
connection's timeout, never the window. One look is under way at a time; its outcome comes back to the
GUI thread by a queued signal, where the pages are told. The next look is timed from that outcome, so
a server that does not answer is looked at less and less often (up to once a minute). Closing or
switching the engagement stops the watch: a look still under way is waited for (it is bounded by the
connection's timeout) and its outcome dropped, so nothing reaches the pages of an engagement that is
closed and no thread outlives it.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from caio_desktop.ui.context import AppContext

INTERVAL_MS = 3000
LONGEST_MS = 60_000  # while the server does not answer, looks are spaced out up to this
STOP_WAIT_S = 15.0  # a look under way when the engagement closes: libpq gives up connecting after 10 s
# (team/server.CONNECT_TIMEOUT_S); past this the thread is left to end alone, its outcome dropped


def is_team(workspace: Any) -> bool:
    """Whether `workspace` is an engagement on a server (others may change it while it is open)."""
    return bool(getattr(workspace, "is_team", False))


@dataclass(frozen=True)
class _Outcome:
    """What one look found, handed from the worker to the GUI thread."""

    generation: int  # which watch asked (a closed engagement's outcome is dropped)
    changes: Any = None  # TeamChanges, or None: nothing new
    unreachable: str | None = None  # the first line of the driver's error: the server did not answer
    fault: BaseException | None = None  # anything else: a fault of ours, raised on the GUI thread


class TeamRefresh(QObject):
    """Watches the open team engagement for others' changes. Signals: `updated(list)` the authors of the
    changes just shown; `unreachable(str)` the server did not answer (looked at again, later);
    `looked(bool)` a look's outcome was applied (True: others' changes were shown)."""

    updated = Signal(list)
    unreachable = Signal(str)
    looked = Signal(bool)
    _answered = Signal(object)  # an _Outcome, emitted on the worker thread

    def __init__(self, context: AppContext, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.context = context
        self.watch: Any = None
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # the next look is timed from the last one's outcome
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)
        self._queued = False  # `_answered` → `_apply`, connected when a team engagement is first watched
        self._generation = 0
        self._worker: threading.Thread | None = None
        context.workspace_changed.connect(self._on_workspace_changed)
        self._on_workspace_changed(context.workspace)

    @property
    def busy(self) -> bool:
        """Whether a look is under way (its outcome not applied yet)."""
        return self._worker is not None

    def _on_workspace_changed(self, workspace: Any) -> None:
        self.stop()
        if is_team(workspace):
            from caio_desktop.team.watch import ChangeWatch

            if not self._queued:
                # not in __init__: naming a `Qt` enum there made PySide6 build every enum of the `Qt`
                # namespace, ≈ 25 ms of every cold start (docs/performance.md)
                from PySide6.QtCore import Qt

                self._answered.connect(self._apply, Qt.ConnectionType.QueuedConnection)
                self._queued = True

            self.watch = ChangeWatch(workspace)  # (its first read, on the connection the open just made)
            self.timer.setInterval(self.interval_ms)
            self.timer.start()

    def stop(self) -> None:
        """Stop watching: no further look, and the outcome of one under way is dropped once it ends."""
        self.timer.stop()
        self._generation += 1
        self.watch = None
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.join(STOP_WAIT_S)

    def look(self) -> bool:
        """Start one look on a worker thread; False when one is already under way or nothing is watched.
        `looked` says when its outcome has been applied."""
        if self.watch is None or self._worker is not None:
            return False
        self._worker = threading.Thread(target=self._look_in_background, args=(self.watch, self._generation),
                                        name="caio-team-watch", daemon=True)
        self._worker.start()
        return True

    def _look_in_background(self, watch: Any, generation: int) -> None:
        """On the worker thread: the watch's read, whatever it raises kept for the GUI thread."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            outcome = _Outcome(generation, changes=watch.poll())
        except SQLAlchemyError as error:  # the server or the network is away
            outcome = _Outcome(generation, unreachable=str(error).splitlines()[0])
        except Exception as error:  # noqa: BLE001 - not lost with the thread: raised where it is applied
            outcome = _Outcome(generation, fault=error)
        with contextlib.suppress(RuntimeError):  # the window was deleted while this look waited
            self._answered.emit(outcome)

    def _apply(self, outcome: _Outcome) -> None:
        """On the GUI thread: tell the pages, then time the next look."""
        if outcome.generation != self._generation or self.watch is None:
            return  # the engagement was closed or switched while this look waited
        self._worker = None
        if outcome.unreachable is not None:  # try again, later and later
            self.timer.setInterval(min(self.timer.interval() * 2, LONGEST_MS))
            self.timer.start()
            self.unreachable.emit(outcome.unreachable)
            self.looked.emit(False)
            return
        self.timer.setInterval(self.interval_ms)
        self.timer.start()
        if outcome.fault is not None:
            raise outcome.fault
        changes = outcome.changes
        if changes is None or self.context.workspace is not self.watch.workspace:
            self.looked.emit(False)
            return
        self.context.rows_changed.emit(changes.rows_changed())
        self.context.data_changed.emit(changes.tables)
        self.updated.emit(list(changes.authors))
        self.looked.emit(True)


__all__ = ["INTERVAL_MS", "LONGEST_MS", "TeamRefresh", "is_team"]
