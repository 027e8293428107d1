"""Early write-back during a long write transaction: the disk writes while the attach goes on.

A 500 MB attach hands SQLite's pages to the operating system as it goes (its page cache spills them),
but the OS keeps them in memory until the commit's `fdatasync`, which then waits for the whole file to
reach the disk — after all the reading, hashing and copying, never alongside it. `EarlyWriteback`
asks the OS, from a thread of its own, to write what it already holds every `every` bytes, so that by
the commit there is little left to wait for.

Safety: SQLite assumes any page it wrote may reach the disk at any moment (the OS writes dirty pages
back whenever it likes); flushing some sooner is such a moment, so the rollback journal still brings
the file back after a crash. The flush uses SQLite's own descriptor of the file, found in
/proc/self/fd: opening and closing a second one would drop SQLite's POSIX locks on it. Where there is
no /proc (macOS, Windows) nothing is flushed early and the attach is as durable, only slower.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

FLUSH_EVERY = 32 << 20  # enough bytes per flush for the disk to write in long runs


def main_file(raw: Any) -> Path | None:
    """The file of a raw connection's main database (None in memory)."""
    for _, name, file in raw.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def descriptor(path: Path) -> int | None:
    """A descriptor this process already holds open on `path` (SQLite's), or None (none, or no /proc)."""
    folder = "/proc/self/fd"
    if not os.path.isdir(folder):
        return None
    target = os.path.realpath(path)
    for entry in os.listdir(folder):
        try:
            if os.readlink(f"{folder}/{entry}") == target:
                return int(entry)
        except (OSError, ValueError):  # (a descriptor closed meanwhile, or the listing's own)
            continue
    return None


class EarlyWriteback:
    """Flushes the workspace file on a helper thread each time `wrote` has counted `every` more bytes;
    a flush still running when the next is due is not doubled. Use as a context manager: leaving it
    waits for the flush in flight (the commit then syncs whatever is left)."""

    def __init__(self, raw: Any, *, every: int | None = None) -> None:
        path = main_file(raw)
        self.fd = None if path is None else descriptor(path)
        self.every = FLUSH_EVERY if every is None else every
        self.flushes = 0
        self._pending = 0
        self._due = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        if self.fd is not None:
            self._thread = threading.Thread(target=self._run, name="evidence-writeback", daemon=True)
            self._thread.start()

    def wrote(self, count: int) -> None:
        """`count` more bytes were handed to SQLite."""
        self._pending += count
        if self._pending >= self.every:
            self._pending = 0
            self._due.set()

    def _run(self) -> None:
        while True:
            self._due.wait()
            self._due.clear()
            if self._stop:
                return
            try:
                os.fdatasync(self.fd)  # type: ignore[arg-type]  (releases the GIL while the disk writes)
            except OSError:  # (the descriptor went away: the commit's own sync does the work)
                return
            self.flushes += 1

    def close(self) -> None:
        if self._thread is not None:
            self._stop = True
            self._due.set()
            self._thread.join()
            self._thread = None

    def __enter__(self) -> EarlyWriteback:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
