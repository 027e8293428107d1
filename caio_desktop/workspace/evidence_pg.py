"""Evidence blobs of an engagement on a PostgreSQL server (team mode): the same tables and guarantees as
a file's (workspace/evidence.py), through psycopg.

- Streaming: the bytes go in `evidence_parts` rows of at most PART_BYTES, one INSERT per part with the
  part bound as binary `bytea` (no hex text twice its size), from the file's two reused buffers; reads
  fetch one part at a time in binary and check the checksum at the end. A part is the most that sits in
  memory, whatever the file's size.
- One transaction: everything runs on the caller's connection (the attach operation's `writing()`), so
  an attach that fails or a client that dies leaves nothing; the server rolls the transaction back.
- Content-addressed under concurrency: the blob's SHA-256 is only known once its bytes are in. Two
  consultants attaching the same content at once would both try to give their copy that key (unique):
  a transaction-level advisory lock on the key serialises them, so the second waits for the first's
  commit, then finds its copy and drops its own. The reclaim of unreferenced bytes takes the same lock
  and checks again, so it never deletes a content an attach in flight has just decided to reuse.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text

from caio_desktop.workspace.evidence import EvidenceDamagedError, EvidenceTooLargeError, _parts, check_read
from caio_desktop.workspace.models import utcnow

# The size columns are 32-bit integers on a server (SQLite's are 64-bit): a larger file is refused in
# words, before its bytes are read when its size says so, else as they arrive.
MAX_BYTES = 2**31 - 1
SERVER_LIMIT = "the most an engagement on a server stores per file; link the file instead"

_UNREFERENCED = ("NOT EXISTS (SELECT 1 FROM attachments a "
                 "WHERE a.sha256 = evidence_blobs.sha256 AND a.link IS NULL)")


def _driver(conn: Any) -> Any:
    """The psycopg connection of this SQLAlchemy Connection's transaction."""
    return conn.connection.driver_connection


def lock_key(sha256: str) -> int:
    """The advisory lock of one content: 60 bits of its digest (a collision only makes two wait)."""
    return int(sha256[:15], 16)


def blob_id(conn: Any, sha256: str) -> int | None:
    found = conn.execute(text("SELECT id FROM evidence_blobs WHERE sha256 = :sha"), {"sha": sha256}).scalar()
    return None if found is None else int(found)


def store(conn: Any, source: IO[bytes], *, limit: int, name: str) -> tuple[str, int]:
    """Copy `source` into the engagement within the caller's transaction; returns (sha256, size). The
    parts come from the file's reader (two buffers, hashed one part ahead on a worker thread)."""
    now = utcnow()
    digest = hashlib.sha256()
    size = 0
    with _driver(conn).cursor() as cursor:
        cursor.execute("INSERT INTO evidence_blobs (sha256, size, created_at, updated_at, custom) "
                       "VALUES (%s, 0, %s, %s, '{}') RETURNING id", (f"pending-{uuid.uuid4().hex}", now, now))
        (new_id,) = cursor.fetchone()
        insert_part = ("INSERT INTO evidence_parts (blob_id, seq, data, created_at, updated_at, custom) "
                       "VALUES (%s, %s, %b, %s, %s, '{}')")  # %b: the part travels as binary bytea
        capped = min(limit, MAX_BYTES)
        try:
            with closing(_parts(source, digest, limit=capped, name=name)) as reader:
                for seq, part in enumerate(reader):  # (sent before the next part refills its buffer)
                    cursor.execute(insert_part, (new_id, seq, part, now, now))
                    size += len(part)
        except EvidenceTooLargeError as exc:
            if capped < limit:  # the server's bound, not the setting's: raising the setting would not help
                raise EvidenceTooLargeError(name, exc.size, capped, hint=SERVER_LIMIT) from None
            raise
        sha256 = digest.hexdigest()
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(sha256),))  # held until commit
        # (READ COMMITTED: this statement sees what a concurrent attach of the same content committed)
        cursor.execute("SELECT id FROM evidence_blobs WHERE sha256 = %s", (sha256,))
        if cursor.fetchone() is not None:  # the same content is stored already: one copy is enough
            cursor.execute("DELETE FROM evidence_parts WHERE blob_id = %s", (new_id,))
            cursor.execute("DELETE FROM evidence_blobs WHERE id = %s", (new_id,))
        else:
            cursor.execute("UPDATE evidence_blobs SET sha256 = %s, size = %s WHERE id = %s", (sha256, size, new_id))
    return sha256, size


def check_size(name: str, size: int) -> None:
    """EvidenceTooLargeError when a file of `size` bytes is more than a server engagement can store."""
    if size > MAX_BYTES:
        raise EvidenceTooLargeError(name, size, MAX_BYTES, hint=SERVER_LIMIT)


def chunks(conn: Any, sha256: str, *, path: Path | str) -> Iterator[bytes]:
    """The stored bytes of `sha256`, part by part; raises EvidenceDamagedError after the last part when
    they do not match (the caller must not trust the bytes before the iteration ends)."""
    row = conn.execute(text("SELECT id, size FROM evidence_blobs WHERE sha256 = :sha"), {"sha": sha256}).first()
    if row is None:
        raise EvidenceDamagedError(path, sha256, "its bytes are not in the engagement")
    found, expected = int(row[0]), int(row[1])
    part_ids = [int(i) for (i,) in conn.execute(
        text("SELECT id FROM evidence_parts WHERE blob_id = :blob ORDER BY seq"), {"blob": found})]
    digest = hashlib.sha256()
    size = 0
    with _driver(conn).cursor(binary=True) as cursor:  # binary results: bytes as they are, no hex to decode
        for part_id in part_ids:
            cursor.execute("SELECT data FROM evidence_parts WHERE id = %s", (part_id,))
            (data,) = cursor.fetchone()
            digest.update(data)
            size += len(data)
            yield bytes(data)
    check_read(path, sha256, size, expected, digest)


def orphans(conn: Any) -> list[str]:
    return [sha for (sha,) in conn.execute(text(f"SELECT sha256 FROM evidence_blobs WHERE {_UNREFERENCED}"))]


def forget(conn: Any, sha256: str) -> bool:
    """Delete one content if still no attachment refers to it (under its lock: an attach that reuses it
    commits its attachment first, and this then sees it); True when it went (its parts by cascade)."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(sha256)})
    gone = conn.execute(text(f"DELETE FROM evidence_blobs WHERE sha256 = :sha AND {_UNREFERENCED}"),
                        {"sha": sha256})
    return gone.rowcount > 0
