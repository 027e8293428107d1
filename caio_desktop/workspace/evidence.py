"""Evidence blobs inside the workspace: one per distinct SHA-256, written in parts, read in chunks.

A file's bytes go into `evidence_parts` rows of at most `PART_BYTES`, each read into one of two reused
buffers and bound whole (the same on a plain or an SQLCipher workspace), so a 500 MB file never sits in
memory: two parts in Python, and SQLite's copy of the one being written. On a plain workspace reads go
through SQLite's incremental BLOB I/O (`Connection.blobopen`) in `CHUNK_BYTES`; the SQLCipher driver
has none, so there a part is read whole. Reads check the checksum at the end and the callers that
write a file out (`extract`) only keep it when it matches.

Writing happens inside the caller's transaction (the attach operation's), so a process killed during
an attach leaves nothing behind: SQLite rolls the journal back at the next open.

An engagement on a PostgreSQL server (team mode) has the same tables: `store`, `chunks`, `blob_id`,
`orphans` and `forget` hand its connections to workspace/evidence_pg.py (psycopg, binary parts, an
advisory lock per content), after one look at the dialect's name; a file's path is as above.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import IO, Any

from caio_desktop.workspace.errors import WorkspaceError
from caio_desktop.workspace.models import utcnow
from caio_desktop.workspace.writeback import EarlyWriteback

CHUNK_BYTES = 1 << 20  # what a read of stored bytes holds at once (plain workspace)
PART_BYTES = 1 << 20  # one row of bytes: what a write holds at once (twice: one part read ahead).
# Larger parts cost more: SQLite's copies of a bound 4 MiB value went back to the OS after each row
# (glibc trims its heap) and were faulted in anew for the next, 500 MB of page faults per 500 MB.


class EvidenceError(Exception):
    """An evidence file that cannot be attached or read; the message says why, for people."""


class EvidenceTooLargeError(EvidenceError):
    def __init__(self, name: str, size: int, limit: int, *, hint: str | None = None) -> None:
        hint = hint or "raise it with the workspace setting evidence_limit_mb, or link the file instead"
        super().__init__(f"{name}: {size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit per file ({hint})")
        self.size, self.limit = size, limit


class EvidenceDamagedError(EvidenceError, WorkspaceError):
    """The stored bytes no longer match their checksum (or are missing)."""

    def __init__(self, path: Path | str, sha256: str, detail: str) -> None:
        WorkspaceError.__init__(self, path, f"{path}: evidence {sha256[:12]}… is damaged ({detail}); "
                                            f"restore a snapshot or attach the file again")


def _driver(conn: Any) -> Any:
    """The DB-API connection under an SQLAlchemy Connection (or the connection itself)."""
    inner = getattr(conn, "connection", None)
    return getattr(inner, "driver_connection", conn) if inner is not None else conn


def _on_server(conn: Any) -> bool:
    """Whether `conn` is an SQLAlchemy connection to a PostgreSQL server (team mode) rather than a file."""
    dialect = getattr(conn, "dialect", None)
    return dialect is not None and dialect.name == "postgresql"


def blob_id(conn: Any, sha256: str) -> int | None:
    if _on_server(conn):
        from caio_desktop.workspace import evidence_pg

        return evidence_pg.blob_id(conn, sha256)
    row = _driver(conn).execute("SELECT id FROM evidence_blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def store(conn: Any, source: IO[bytes], *, limit: int, name: str) -> tuple[str, int]:
    """Copy `source` into the workspace within the caller's transaction; returns (sha256, size).

    One pass: the bytes are hashed as they are written under a provisional key; when the content turns
    out to be stored already, the new copy is dropped (in the same transaction) and the old one serves.
    `limit` is checked as bytes arrive, so a file that grows while read is refused all the same.
    """
    if _on_server(conn):
        from caio_desktop.workspace import evidence_pg

        return evidence_pg.store(conn, source, limit=limit, name=name)
    raw = _driver(conn)
    now = utcnow().isoformat(sep=" ")
    pending = f"pending-{uuid.uuid4().hex}"
    cursor = raw.execute("INSERT INTO evidence_blobs (sha256, size, created_at, updated_at, custom) "
                         "VALUES (?, 0, ?, ?, '{}')", (pending, now, now))
    new_id = int(cursor.lastrowid)
    digest = hashlib.sha256()
    # Each part is bound whole: SQLite writes its pages once, straight into new pages at the end of the
    # file (never journaled). A zeroblob filled by incremental I/O had every page written twice — the
    # zeroes of a 4 MiB part, spilled from the 2 MB page cache, read back and written again.
    # Meanwhile the disk writes what SQLite has handed over already (`EarlyWriteback`), so the commit
    # does not wait for 500 MB after the copy but for the last few.
    insert_part = ("INSERT INTO evidence_parts (blob_id, seq, data, created_at, updated_at, custom) "
                   "VALUES (?, ?, ?, ?, ?, '{}')")
    size = 0
    with EarlyWriteback(raw) as writeback, closing(_parts(source, digest, limit=limit, name=name)) as parts:
        for seq, part in enumerate(parts):  # (an error: the reader stops, the flush in flight ends)
            raw.execute(insert_part, (new_id, seq, part, now, now))
            size += len(part)
            writeback.wrote(len(part))
    sha256 = digest.hexdigest()
    existing = blob_id(raw, sha256)
    if existing is not None:  # the same content is stored already: one copy is enough
        raw.execute("DELETE FROM evidence_parts WHERE blob_id = ?", (new_id,))
        raw.execute("DELETE FROM evidence_blobs WHERE id = ?", (new_id,))
    else:
        raw.execute("UPDATE evidence_blobs SET sha256 = ?, size = ? WHERE id = ?", (sha256, size, new_id))
    return sha256, size


def _parts(source: IO[bytes], digest: Any, *, limit: int, name: str) -> Iterator[memoryview]:
    """`source` in parts of at most PART_BYTES, each added to `digest`, read and hashed on a worker
    thread one part ahead of the caller's write (file reads, SHA-256 and SQLite all release the GIL,
    so on two cores the hash costs no time). Two buffers, reused: a part is valid until the next one
    is asked for. Raises EvidenceTooLargeError as soon as more than `limit` bytes have arrived. Closed
    early (an error while writing), it waits for the part being read and drops it."""
    buffers = (bytearray(PART_BYTES), bytearray(PART_BYTES))
    arrived = 0

    def fill(buffer: bytearray) -> memoryview:
        nonlocal arrived
        view = memoryview(buffer)
        count = 0
        while count < PART_BYTES and (got := source.readinto(view[count:])):  # (a pipe may return less)
            count += got
        arrived += count
        if arrived > limit:
            raise EvidenceTooLargeError(name, arrived, limit)
        part = view[:count]
        digest.update(part)
        return part

    with ThreadPoolExecutor(1, thread_name_prefix="evidence-hash") as worker:
        ahead = worker.submit(fill, buffers[0])
        turn = 0
        while part := ahead.result():
            turn ^= 1
            ahead = worker.submit(fill, buffers[turn])  # the other buffer: its part was written already
            yield part


def chunks(conn: Any, sha256: str, *, path: Path | str) -> Iterator[bytes]:
    """The stored bytes of `sha256`, chunk by chunk; raises EvidenceDamagedError after the last chunk
    when they do not match (the caller must not trust the bytes before the iteration ends). `path`
    names the workspace in that message (a file's path, or a team engagement's address)."""
    if _on_server(conn):
        from caio_desktop.workspace import evidence_pg

        yield from evidence_pg.chunks(conn, sha256, path=path)
        return
    raw = _driver(conn)
    row = raw.execute("SELECT id, size FROM evidence_blobs WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise EvidenceDamagedError(path, sha256, "its bytes are not in the file")
    found, expected = int(row[0]), int(row[1])
    parts = raw.execute("SELECT id FROM evidence_parts WHERE blob_id = ? ORDER BY seq", (found,)).fetchall()
    digest = hashlib.sha256()
    size = 0
    for (part_id,) in parts:
        if hasattr(raw, "blobopen"):
            with raw.blobopen("evidence_parts", "data", part_id, readonly=True) as blob:
                while chunk := blob.read(CHUNK_BYTES):
                    digest.update(chunk)
                    size += len(chunk)
                    yield chunk
        else:  # SQLCipher: a part is read whole (at most PART_BYTES)
            (data,) = raw.execute("SELECT data FROM evidence_parts WHERE id = ?", (part_id,)).fetchone()
            digest.update(data)
            size += len(data)
            yield bytes(data)
    check_read(path, sha256, size, expected, digest)


def check_read(path: Path | str, sha256: str, size: int, expected: int, digest: Any) -> None:
    """EvidenceDamagedError unless the bytes read (`size` of them, hashed into `digest`) are the stored ones."""
    if size != expected or digest.hexdigest() != sha256:
        raise EvidenceDamagedError(path, sha256, f"{size} bytes read, checksum "
                                   f"{'matches' if digest.hexdigest() == sha256 else 'differs'}")


def extract(conn: Any, sha256: str, target: Path, *, path: Path | str) -> Path:
    """Write the stored bytes of `sha256` to `target`, whole and checked or not at all (a temporary
    name beside it, renamed once the checksum matched)."""
    partial = target.with_name(f".{target.name}.part-{os.getpid()}")
    try:
        with open(partial, "wb") as out:
            for chunk in chunks(conn, sha256, path=path):
                out.write(chunk)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def orphans(conn: Any) -> list[str]:
    """Blobs no attachment refers to (kept after a detach so that undo brings the file back)."""
    if _on_server(conn):
        from caio_desktop.workspace import evidence_pg

        return evidence_pg.orphans(conn)
    raw = _driver(conn)
    return [sha for (sha,) in raw.execute(
        "SELECT sha256 FROM evidence_blobs b WHERE NOT EXISTS "
        "(SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256 AND a.link IS NULL)")]


def forget(conn: Any, sha256: str) -> bool:
    """Delete the stored bytes of `sha256` unless an attachment refers to them again (their parts go by
    cascade, as at `Workspace.close`); True when they went. On a server, under the content's lock."""
    if _on_server(conn):
        from caio_desktop.workspace import evidence_pg

        return evidence_pg.forget(conn, sha256)
    return _driver(conn).execute(
        "DELETE FROM evidence_blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments a "
        "WHERE a.sha256 = evidence_blobs.sha256 AND a.link IS NULL)", (sha256,)).rowcount > 0


def released(workspace: Any) -> set[str]:
    """The contents this session attached or detached (team mode): the only ones its close may reclaim,
    since another consultant's open session may still undo a detach of its own."""
    return workspace.__dict__.setdefault("evidence_released", set())


def reclaim_released(workspace: Any) -> int:
    """At the close of a team session: delete the contents it let go that nothing refers to any more,
    each under its lock (`forget`); returns how many went. Whatever fails, the bytes wait (kept is safe)."""
    contents = sorted(released(workspace))
    if not contents:
        return 0
    try:
        with workspace.engine.begin() as conn:
            return sum(forget(conn, sha256) for sha256 in contents)
    except Exception:  # (the server gone, a role without DELETE): a close must finish
        return 0


def evidence_problems(conn: Any, *, limit: int = 20) -> list[str]:
    """What `caio check` finds wrong with the evidence: stored bytes whose checksum no longer matches
    (every byte is read, as PRAGMA integrity_check reads every page), attachments whose bytes are gone."""
    raw = _driver(conn)
    problems: list[str] = []
    for (sha256,) in raw.execute("SELECT sha256 FROM evidence_blobs ORDER BY id"):
        try:
            for _ in chunks(raw, sha256, path=Path("workspace")):
                pass
        except EvidenceDamagedError:
            problems.append(f"evidence {sha256[:12]}…: its bytes no longer match their checksum")
        if len(problems) >= limit:
            return problems
    for attachment_id, name in raw.execute(
            "SELECT a.id, a.name FROM attachments a WHERE a.link IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM evidence_blobs b WHERE b.sha256 = a.sha256) LIMIT ?", (limit,)):
        problems.append(f"attachment {attachment_id} ({name!r}): its stored bytes are missing")
    return problems[:limit]
