"""The client's logo on the engagement (shown in the app, printed on deliverable covers), set or
removed as one undoable operation. The image is kept in the file so it travels with the engagement."""

from __future__ import annotations

from sqlalchemy import select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table

LOGO_TYPES = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
MAX_LOGO_BYTES = 2_000_000


def logo_type(data: bytes) -> str:
    """"png" or "jpeg" from the image's first bytes, or a ValidationError."""
    for kind, magic in LOGO_TYPES.items():
        if data.startswith(magic):
            return kind
    raise ValidationError("engagement", "client_logo", f"{len(data)} bytes", "is not a PNG or JPEG image")


def set_client_logo(workspace, data: bytes | None) -> ChangeSet:  # noqa: ANN001
    """Set (PNG or JPEG, at most 2 MB) or remove (None) the client's logo."""
    kind = None
    if data is not None:
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError("engagement", "client_logo", f"{len(data)} bytes",
                                  f"is larger than {MAX_LOGO_BYTES // 1_000_000} MB")
        kind = logo_type(data)

    def operation(rec: Recorder) -> list[int]:
        row_id = rec.conn.execute(select(table("engagement").c.id)).scalar_one()
        rec.update("engagement", row_id, {"client_logo": data, "client_logo_type": kind})
        return [row_id]

    return run_recorded(workspace, ChangeSet("edit", "engagement", "logo", entity_fr="mission",
                                             entity_en="engagement"), operation)
