"""Search across the whole engagement: every register's text, codes and custom attributes (issue 22).

The index is a full-text (SQLite FTS5) database of its own, in memory, filled from rows read through
SQLAlchemy Core selects on the workspace's tables: the .caio schema gains no table, and a workspace
kept on another database (team mode, PostgreSQL) is searched the same way. One FTS5 table per module
keeps a module's results, its count and its rebuild apart; a row's FTS rowid is its own id, so an edit
re-indexes exactly the rows it touched (`refresh`).

Matching is accent- and case-insensitive (`unicode61 remove_diacritics 2`: "securite" finds
"Sécurité") and every word typed is a prefix ("secu donn" finds "sécurité des données"), so results
come while typing. Highlights are marked with `MARK_START` / `MARK_END` for the caller to render.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.domain.modules import MODULES
from caio_desktop.workspace.models import MODELS
from caio_desktop.workspace.queries import id_chunks

MARK_START, MARK_END = "\x02", "\x03"  # around each matched word in `Hit.title` and `Hit.snippet`
ELLIPSIS = "…"
TEXT_KINDS = (FieldKind.TEXT, FieldKind.LONG_TEXT)
NOT_WORDS = {"source_module"}  # text fields that hold a key of ours (an action's origin), not words
BATCH = 2_000  # rows read and inserted at a time while building
# bm25 weights of the columns code, title, body: a hit on a code or a title comes before one in notes
WEIGHTS = (10.0, 5.0, 1.0)

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class Hit:
    """One row that matches: its register, id, code, and its title and a snippet, matches marked."""

    module: str
    row_id: int
    code: str
    title: str
    snippet: str


@dataclass(frozen=True)
class ModuleHits:
    """The best hits of one register, and how many rows of it match in all."""

    module: str
    hits: tuple[Hit, ...]
    total: int


def match_expression(text: str) -> str:
    """The FTS5 query for what a person typed: each word (run of non-blanks) a quoted prefix phrase,
    all of them required. "R-001" stays one phrase ("r" then "001"), so it finds the code, not every
    row with an "r" and a "001"; quotes typed are doubled, so no input is an FTS5 syntax error."""
    words = [w for w in text.split() if re.search(r"\w", w)]
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def plain(text: str) -> str:
    """`text` without its highlight marks."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def _dimension_names(lang: str) -> Callable[[Any], tuple[str, str]]:
    """A maturity rating's title is its dimension's key (`ai_vision`): people read and search the
    names, so the title is the name in `lang` and the other language's name joins the body; a client's
    own dimension is indexed as written."""
    from caio_desktop.reference.maturity import load_maturity_model

    model = load_maturity_model()
    other = "en" if lang == "fr" else "fr"

    def names(key: Any) -> tuple[str, str]:
        try:
            dimension = model.dimension(str(key))
        except KeyError:
            return str(key or ""), ""
        return dimension.label(lang), dimension.label(other)

    return names


class _Reader:
    """How one module's rows become (rowid, code, title, body) entries."""

    def __init__(self, mod: Module, lang: str) -> None:
        self.mod = mod
        self.table = MODELS[mod.key].__table__
        self.code = mod.code_field
        self.title = mod.title_field
        self.body = [f.key for f in mod.fields
                     if f.kind in TEXT_KINDS and f.key not in (self.code, self.title, *NOT_WORDS)]
        self.dimension = _dimension_names(lang) if mod.key == "maturity_ratings" else None
        # plain tuples in this order, not mappings: building reads every row of every register
        keys = ["id", "custom", self.title, *([self.code] if self.code else []), *self.body]
        self.columns = [self.table.c[k] for k in keys]
        self._body_start = 4 if self.code else 3

    def entry(self, row: Sequence[Any]) -> tuple[int, str, str, str]:
        row_id, custom, raw_title = row[0], row[1], row[2]
        code = str(row[3] or "") if self.code else ""
        parts = [str(v) for v in row[self._body_start:] if v]
        if self.dimension is not None:
            title, other_name = self.dimension(raw_title)
            parts.append(other_name)  # after the evidence: the snippet starts with what was noted
        else:
            title = "" if raw_title is None else str(raw_title)
        if custom and isinstance(custom, dict):  # the client's own columns: their values, as typed
            parts.extend(str(v) for v in custom.values() if v not in (None, ""))
        return row_id, code, title, " · ".join(p for p in parts if p)


class SearchIndex:
    """The search index of one open workspace. Built by `build` (in a worker thread if need be);
    `search`, `refresh` and `rebuild` may then be called from any thread (one lock guards the index)."""

    def __init__(self, workspace: Any, modules: Iterable[str] | None = None, *, lang: str = "fr") -> None:
        self.workspace = workspace
        self.lang = lang  # the language of names the registry translates (maturity dimensions)
        self.modules = [k for k in (modules or MODULES) if k in MODULES]
        self._readers: dict[str, _Reader] = {}
        self._lock = threading.RLock()
        # check_same_thread=False: built in a worker, searched on the GUI thread (under the lock)
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self.built = False

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self.built = False

    def _reader(self, module_key: str) -> _Reader:
        if module_key not in self._readers:
            self._readers[module_key] = _Reader(MODULES[module_key], self.lang)
        return self._readers[module_key]

    # --- building ------------------------------------------------------------------------------------
    def build(self, progress: Progress | None = None) -> None:
        """Index every module (a second call rebuilds)."""
        for i, key in enumerate(self.modules):
            if progress is not None:
                progress(i * 100 // len(self.modules), MODULES[key].label("en"))
            self.rebuild([key])
        self.built = True

    def rebuild(self, module_keys: Iterable[str]) -> None:
        """Index these modules again from scratch (after a change the index was not told row by row,
        such as an import)."""
        for key in module_keys:
            if key not in self.modules:
                continue
            reader = self._reader(key)
            entries = self._read(reader, None)
            with self._lock:
                self._db.execute(f"DROP TABLE IF EXISTS {self._fts(key)}")
                self._db.execute(
                    f"CREATE VIRTUAL TABLE {self._fts(key)} USING fts5(code, title, body, "
                    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
                self._insert(key, entries)
                self._db.commit()

    def refresh(self, changed: Mapping[str, Iterable[int]]) -> None:
        """Re-index the rows `changed` ({module key: ids}) after an edit, an undo or a redo: each is
        read again, or dropped from the index when it no longer exists. Other tables are ignored."""
        if not self.built:
            return
        for key, ids in changed.items():
            ids = sorted(set(ids))
            if key not in self.modules or not ids:
                continue
            entries = self._read(self._reader(key), ids)
            with self._lock:
                for chunk in id_chunks(ids):
                    marks = ",".join("?" * len(chunk))
                    self._db.execute(f"DELETE FROM {self._fts(key)} WHERE rowid IN ({marks})", chunk)
                self._insert(key, entries)
                self._db.commit()

    @staticmethod
    def _fts(module_key: str) -> str:
        return f"fts_{module_key}"  # module keys are identifiers of our own registry, never typed text

    def _read(self, reader: _Reader, ids: list[int] | None) -> list[tuple[int, str, str, str]]:
        statement = select(*reader.columns).order_by(reader.table.c.id)
        entries: list[tuple[int, str, str, str]] = []
        with self.workspace.engine.connect() as conn:
            if ids is None:
                result = conn.execution_options(yield_per=BATCH).execute(statement)
                entries.extend(reader.entry(row) for row in result)
            else:
                for chunk in id_chunks(ids):
                    rows = conn.execute(statement.where(reader.table.c.id.in_(chunk)))
                    entries.extend(reader.entry(row) for row in rows)
        return entries

    def _insert(self, module_key: str, entries: list[tuple[int, str, str, str]]) -> None:
        self._db.executemany(
            f"INSERT INTO {self._fts(module_key)} (rowid, code, title, body) VALUES (?, ?, ?, ?)", entries)

    # --- searching -----------------------------------------------------------------------------------
    def search(self, text: str, *, modules: Iterable[str] | None = None, limit: int = 20) -> list[ModuleHits]:
        """The rows matching `text`, grouped by module in the registry's order (the sidebar's), the
        best `limit` of each module first; modules without a match are left out."""
        expression = match_expression(text)
        if not expression:
            return []
        if not self.built:
            self.build()
        wanted = [k for k in self.modules if modules is None or k in set(modules)]
        groups: list[ModuleHits] = []
        with self._lock:
            for key in wanted:
                table = self._fts(key)
                total = self._db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?",
                                         (expression,)).fetchone()[0]
                if not total:
                    continue
                rows = self._db.execute(
                    f"SELECT rowid, highlight({table}, 0, ?, ?), highlight({table}, 1, ?, ?), "
                    f"snippet({table}, 2, ?, ?, ?, 12) FROM {table} WHERE {table} MATCH ? "
                    f"ORDER BY bm25({table}, {', '.join(map(str, WEIGHTS))}), rowid LIMIT ?",
                    (*(MARK_START, MARK_END) * 3, ELLIPSIS, expression, limit)).fetchall()
                hits = tuple(Hit(key, row_id, code, title, snippet) for row_id, code, title, snippet in rows)
                groups.append(ModuleHits(key, hits, int(total)))
        return groups
