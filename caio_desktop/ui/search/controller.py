"""`SearchController`: the open engagement's search index, built at the first search and kept in step.

Edits cost nothing while nobody searches: the rows an operation, undo or redo touched (`rows_changed`)
are only noted, and re-read at the next search; a module changed without a row list (an import,
`refresh_all`) or by a bulk edit of many rows is rebuilt whole, in the background, before that search.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QWidget

from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.context import AppContext
from caio_desktop.workspace.search import ModuleHits, SearchIndex

# More rows than this changed in one module: rebuilding it whole is quicker than re-reading them by id
REBUILD_OVER = 2_000


class SearchController(QObject):
    """The search of one window: `prepare` (build or catch up, in a worker), then `search`."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.index: SearchIndex | None = None
        self.job: QThread | None = None  # the build in progress (tests wait on it)
        self._pending: dict[str, set[int]] = {}  # rows edited since the last search
        self._stale: set[str] = set()  # modules to rebuild whole
        self._told: set[str] = set()  # tables the last rows_changed named (data_changed follows it)
        context.workspace_changed.connect(self._on_workspace_changed)
        context.rows_changed.connect(self._on_rows_changed)
        context.data_changed.connect(self._on_data_changed)
        context.language_changed.connect(self._on_workspace_changed)  # names indexed in the old language

    # --- keeping in step -----------------------------------------------------------------------------
    def _on_workspace_changed(self, _workspace: Any) -> None:
        if self.job is not None and self.job.isRunning():
            self.job.wait()  # the build reads the file being closed
        if self.index is not None:
            self.index.close()
        self.index = None
        self._pending, self._stale, self._told = {}, set(), set()

    def _on_rows_changed(self, changed: dict[str, frozenset[int]]) -> None:
        self._told = set(changed)
        for table, ids in changed.items():
            if table in MODULES:
                pending = self._pending.setdefault(table, set())
                pending.update(ids)
                if len(pending) > REBUILD_OVER:
                    self._stale.add(table)

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        self._stale.update(t for t in tables if t in MODULES and t not in self._told)
        self._told = set()

    # --- building ------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """Whether `search` answers at once (nothing to build or rebuild first)."""
        return (self.index is not None and self.index.built and not self._stale
                and (self.job is None or not self.job.isRunning()))

    def prepare(self, parent: QWidget, on_ready: Callable[[], None]) -> None:
        """Build the index (first search) or rebuild its stale modules, in a worker thread behind a
        progress dialog that shows only when it takes long; then `on_ready()` on the GUI thread."""
        if self.context.workspace is None:
            return
        if self.ready:
            on_ready()
            return
        if self.job is not None and self.job.isRunning():
            self.job.finished.connect(on_ready)
            return
        if self.index is None:
            self.index = SearchIndex(self.context.workspace, lang=self.context.lang)
        index, stale = self.index, set(self._stale)
        first = not index.built
        if first:  # a whole build reads every row as it is now: what was noted before is in it
            self._pending.clear()
        self._stale.clear()
        for key in stale:
            self._pending.pop(key, None)

        def work(progress: Callable[..., None]) -> None:
            if first:
                index.build(progress)
            else:
                index.rebuild(stale)

        from caio_desktop.ui.worker import run_in_background

        title = self.tr("Indexing the engagement for search…")
        self.job = run_in_background(parent, title, work, on_done=lambda _result: on_ready())

    def search(self, text: str, *, limit: int = 20) -> list[ModuleHits]:
        """The hits for `text` (after `prepare`); the rows edited since the last search are read first."""
        if self.index is None or not self.index.built:
            return []
        if self._pending:
            pending, self._pending = self._pending, {}
            self.index.refresh(pending)
        return self.index.search(text, limit=limit)
