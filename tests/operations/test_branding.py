"""Setting and removing the client's logo: stored in the file, one undo step, foreign files refused."""

from __future__ import annotations

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations import redo, undo
from caio_desktop.operations.branding import set_client_logo
from caio_desktop.workspace.queries import fetch_rows

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _engagement(ws) -> dict:
    return fetch_rows(ws, "engagement", limit=1)[0]


def test_logo_is_set_undone_and_redone(workspace) -> None:
    change = set_client_logo(workspace, PNG)
    assert _engagement(workspace)["client_logo"] == PNG
    assert _engagement(workspace)["client_logo_type"] == "png"
    undo(workspace, change)
    assert _engagement(workspace)["client_logo"] is None
    redo(workspace, change)
    assert _engagement(workspace)["client_logo"] == PNG
    set_client_logo(workspace, None)
    assert _engagement(workspace)["client_logo_type"] is None


def test_a_file_that_is_not_an_image_is_refused(workspace) -> None:
    with pytest.raises(ValidationError, match="not a PNG or JPEG"):
        set_client_logo(workspace, b"%PDF-1.7 ...")
    assert _engagement(workspace)["client_logo"] is None
