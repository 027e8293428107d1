"""The client's logo on the engagement (shown in the app, printed on deliverable covers), set or
removed as one undoable operation. The image is kept in the file so it travels with the engagement."""

from __future__ import annotations

from sqlalchemy import select

from caio_desktop.domain.logos import MAX_LOGO_BYTES, RASTER_MAGIC, logo_kind
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.team.conflicts import check_edit, locked_row

__all__ = ["LOGO_TYPES", "MAX_LOGO_BYTES", "logo_type", "set_client_logo"]

LOGO_TYPES = (*RASTER_MAGIC, "svg")


def logo_type(data: bytes) -> str:
    """"png", "jpeg" or "svg" for an acceptable client logo, or a ValidationError saying why not."""
    return logo_kind(data, module="engagement", field="client_logo")


def set_client_logo(workspace, data: bytes | None, *, seen: bytes | None = None,  # noqa: ANN001
                    seen_version: int | None = None) -> ChangeSet:
    """Set (PNG, JPEG or SVG, at most 2 MB) or remove (None) the client's logo.

    An SVG with a DOCTYPE or ENTITY declaration is refused (see domain/logos.py). `seen` (the logo as
    the page showed it) and `seen_version` (the engagement's `row_version` then) make the change refuse,
    with an EditConflictError, to replace a logo someone else set since (team mode)."""
    kind = None if data is None else logo_type(data)

    def operation(rec: Recorder) -> list[int]:
        row_id = rec.conn.execute(select(table("engagement").c.id)).scalar_one()
        if seen_version is not None:
            current = locked_row(rec.conn, "engagement", row_id) or {}
            check_edit(rec.conn, "engagement", row_id, {"client_logo": data}, current,
                       seen={"client_logo": seen}, seen_version=seen_version)
        rec.update("engagement", row_id, {"client_logo": data, "client_logo_type": kind})
        return [row_id]

    return run_recorded(workspace, ChangeSet("edit", "engagement", "logo", entity_fr="mission",
                                             entity_en="engagement"), operation)
