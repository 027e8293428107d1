"""Attach and detach evidence files: undoable operations over the `attachments` rows.

    change = attach_file(ws, "compliance", 12, Path("DPIA.pdf"))
    detach(ws, change.row_ids[0])        # the row goes; the stored bytes stay, so undo brings it back

The bytes go into the workspace in the attach's own transaction (`workspace/evidence.py`), the
attachment row through the Recorder, so one undo step removes it and a crash leaves nothing. Stored
bytes are never deleted by a detach: an undo (or redo) in the same session needs them; the session's
end (`Workspace.close`, or `purge_orphans`) reclaims them when nothing can refer to them any more.

The same operations serve an engagement on a PostgreSQL server (team mode): the store beneath
dispatches on the connection's dialect, everything here is neutral SQLAlchemy. There, a session's close
reclaims only the contents it attached or detached itself (`evidence.released`): a colleague's open
session may still undo a detach of its own.
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.evidence import (
    DEFAULT_LIMIT_MB,
    EVIDENCE_MODULES,
    LIMIT_SETTING,
    stored_name,
)
from caio_desktop.operations.authorship import author_of
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.workspace import evidence as store
from caio_desktop.workspace.evidence import EvidenceError, EvidenceTooLargeError
from caio_desktop.workspace.queries import setting


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment as lists show it."""

    id: int
    module: str
    row_id: int
    name: str
    media_type: str | None
    size: int | None
    attached_at: Any
    attached_by: str | None
    sha256: str | None
    link: str | None

    @property
    def linked(self) -> bool:
        return self.link is not None

    @property
    def missing(self) -> bool:
        """A linked file whose path is gone (a share unmounted, a file moved)."""
        return self.link is not None and not Path(self.link).is_file()


def limit_bytes(workspace) -> int:  # noqa: ANN001
    """The per-file limit: the workspace setting `evidence_limit_mb`, else 100 MB."""
    value = setting(workspace, LIMIT_SETTING, DEFAULT_LIMIT_MB)
    try:
        return int(float(value) * 1_000_000)
    except (TypeError, ValueError):
        return DEFAULT_LIMIT_MB * 1_000_000


def _check_row(rec: Recorder, module_key: str, row_id: int) -> None:
    if module_key not in EVIDENCE_MODULES:
        raise EvidenceError(f"{module_key}: files attach to {', '.join(EVIDENCE_MODULES)} only")
    if rec.row(module_key, row_id) is None:
        raise EvidenceError(f"{module_key} has no row {row_id}")


def attach_file(workspace, module_key: str, row_id: int, path: Path, *, link: bool = False,  # noqa: ANN001
                name: str | None = None, who: str | None = None, limit: int | None = None) -> ChangeSet:
    """Attach the file at `path` to one row: its bytes copied into the workspace, or (`link`) its path
    kept. Raises EvidenceError (no such row, not a file, over the limit) with the workspace unchanged."""
    path = Path(path)
    if not path.is_file():
        raise EvidenceError(f"{path}: not a file")
    limit = limit_bytes(workspace) if limit is None else limit
    label = stored_name(name or path.name)
    size = path.stat().st_size
    if not link and size > limit:  # said before a byte is read; `store` checks again as bytes arrive
        raise EvidenceTooLargeError(label, size, limit)
    if not link and workspace.is_team:
        from caio_desktop.workspace.evidence_pg import check_size

        check_size(label, size)
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Attach {label}")
        _check_row(rec, module_key, row_id)
        # Who attached is who the history names for this change (the workspace's author, else
        # CAIO_AUTHOR, the server's role, the login): one rule, so a team's attachments name each
        # consultant rather than a setting all of them share.
        who = author_of(conn) if who is None else who
        if link:
            sha256 = _hash(path)
            target: str | None = str(path.resolve())
        else:
            with open(path, "rb") as source:
                sha256, size = store.store(conn, source, limit=limit, name=label)
            target = None
            store.released(workspace).add(sha256)  # an undo of this attach may leave it unreferenced
        media = mimetypes.guess_type(label)[0] or "application/octet-stream"
        attachment_id = rec.insert("attachments", {
            "module": module_key, "row_id": row_id, "name": label, "media_type": media, "size": size,
            "attached_by": who, "sha256": sha256, "link": target})
    return ChangeSet("attach", module_key, label, rec.changes, [attachment_id], None, "le fichier", "file")


def _hash(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(store.CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def detach(workspace, attachment_id: int) -> ChangeSet:  # noqa: ANN001
    """Remove one attachment (undoable); its stored bytes stay for the undo."""
    with workspace.writing() as conn:
        rec = Recorder(conn, "Detach")
        row = rec.row("attachments", attachment_id)
        if row is None:
            raise EvidenceError(f"there is no attachment {attachment_id}")
        rec.operation = f"Detach {row['name']}"
        rec.delete("attachments", attachment_id)
    if row["sha256"] and row["link"] is None:
        store.released(workspace).add(row["sha256"])
    return ChangeSet("detach", row["module"], row["name"], rec.changes, [attachment_id], None, "le fichier", "file")


def purge_orphans(workspace) -> int:  # noqa: ANN001
    """Delete stored bytes no attachment refers to; returns how many contents went. Only safe when no
    undo step could bring back a detached attachment (the CLI: each command is its own session)."""
    with workspace.writing() as conn:
        gone = [sha256 for sha256 in store.orphans(conn) if store.forget(conn, sha256)]
    return len(gone)


def attachments(workspace, module_key: str | None = None, row_id: int | None = None, *,  # noqa: ANN001
                attachment_id: int | None = None) -> list[AttachmentInfo]:
    """The attachments of one row, one module or the whole workspace, oldest first."""
    t = table("attachments")
    statement = select(t).order_by(t.c.module, t.c.row_id, t.c.id)
    if attachment_id is not None:
        statement = statement.where(t.c.id == attachment_id)
    if module_key is not None:
        statement = statement.where(t.c.module == module_key)
    if row_id is not None:
        statement = statement.where(t.c.row_id == row_id)
    with workspace.engine.connect() as conn:
        rows = conn.execute(statement).mappings().all()
    return [AttachmentInfo(id=r["id"], module=r["module"], row_id=r["row_id"], name=r["name"],
                           media_type=r["media_type"], size=r["size"], attached_at=r["attached_at"],
                           attached_by=r["attached_by"], sha256=r["sha256"], link=r["link"]) for r in rows]


def attachment(workspace, attachment_id: int) -> AttachmentInfo:  # noqa: ANN001
    found = attachments(workspace, attachment_id=attachment_id)
    if not found:
        raise EvidenceError(f"there is no attachment {attachment_id}")
    return found[0]


def extract(workspace, info: AttachmentInfo, target: Path) -> Path:  # noqa: ANN001
    """Write an attachment's bytes to `target` (checked against their checksum); a linked file is
    copied from its path. Raises EvidenceError when a linked file is missing."""
    if info.link is not None:
        if not Path(info.link).is_file():
            raise EvidenceError(f"{info.name}: the linked file {info.link} is missing")
        import shutil

        partial = target.with_name(f".{target.name}.part-{os.getpid()}")
        try:
            shutil.copyfile(info.link, partial)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target
    with workspace.engine.connect() as conn:
        return store.extract(conn, info.sha256 or "", target, path=workspace.location)
