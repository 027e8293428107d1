"""Keeping a window in step with the other consultants of a shared engagement (issue 19).

`TeamRefresh` looks at the engagement's audit trail every few seconds (caio_desktop.team.watch) while a
team engagement is open, and tells the pages what others changed through the context's own signals:
registers update exactly those rows in place (the selection and an edit in progress stay), pages and
charts refresh what they show, and `updated` carries the authors for the status bar ("Updated by Alice").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from caio_desktop.ui.context import AppContext

INTERVAL_MS = 3000
LONGEST_MS = 60_000  # while the server does not answer, looks are spaced out up to this (each may wait
# for the connection's timeout on the GUI thread)


def is_team(workspace: Any) -> bool:
    """Whether `workspace` is an engagement on a server (others may change it while it is open)."""
    return bool(getattr(workspace, "is_team", False))


class TeamRefresh(QObject):
    """Polls the open team engagement for others' changes. Signals: `updated(list)` the authors of the
    changes just shown; `unreachable(str)` the server did not answer (looked at again next time)."""

    updated = Signal(list)
    unreachable = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.context = context
        self.watch: Any = None
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        context.workspace_changed.connect(self._on_workspace_changed)
        self._on_workspace_changed(context.workspace)

    def _on_workspace_changed(self, workspace: Any) -> None:
        self.timer.stop()
        self.watch = None
        if is_team(workspace):
            from caio_desktop.team.watch import ChangeWatch

            self.watch = ChangeWatch(workspace)
            self.timer.start()

    def poll(self) -> bool:
        """Look once; True when others' changes were found (and the pages told)."""
        if self.watch is None or self.context.workspace is not self.watch.workspace:
            return False
        from sqlalchemy.exc import SQLAlchemyError

        try:
            changes = self.watch.poll()
        except SQLAlchemyError as error:  # the server or the network is away: try again, later and later
            self.timer.setInterval(min(self.timer.interval() * 2, LONGEST_MS))
            self.unreachable.emit(str(error).splitlines()[0])
            return False
        self.timer.setInterval(self.interval_ms)
        if changes is None:
            return False
        self.context.rows_changed.emit(changes.rows_changed())
        self.context.data_changed.emit(changes.tables)
        self.updated.emit(list(changes.authors))
        return True


__all__ = ["INTERVAL_MS", "TeamRefresh", "is_team"]
