"""The evidence storage tests (tests/evidence/test_storage.py) on both engines: a `.caio` file and an
engagement on the PostgreSQL server. Imported unchanged; the tests that read the SQLite file itself
(tampering with its pages, snapshots, encryption at rest, its upgrade) stay file-only, and the server's
own counterpart of the tampering test is below."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from caio_desktop.operations.evidence import attach_file, attachments, extract
from tests.evidence.test_storage import *  # noqa: F403
from tests.evidence.test_storage import _risk
from tests.team.engines.conftest import workspace  # noqa: F401  (parametrised: file, postgres)

# What they check is the file itself (sqlite3 on its pages, snapshots, SQLCipher, upgrades), or no
# workspace at all: file-only, they run in tests/evidence.
del test_damaged_bytes_are_refused_on_read  # noqa: F821
del test_hostile_names_are_stored_safely_and_extracted_under_a_clean_name  # noqa: F821
del test_attach_snapshot_restore_keeps_the_bytes  # noqa: F821
del test_encrypted_workspace_keeps_attachment_bytes_unreadable  # noqa: F821
del test_schema_4_adds_the_evidence_tables_as_a_new_file_has_them  # noqa: F821
del test_detached_bytes_stay_for_undo_and_go_when_the_session_ends  # noqa: F821


def test_bytes_damaged_on_the_server_are_refused_on_read(team_workspace: Any, tmp_path: Path) -> None:
    from caio_desktop.workspace.evidence import EvidenceDamagedError

    (tmp_path / "a.txt").write_bytes(b"original evidence")
    attach_file(team_workspace, "risks", _risk(team_workspace), tmp_path / "a.txt")
    with team_workspace.writing() as conn:  # someone with write rights edits the bytes behind the app
        conn.exec_driver_sql("UPDATE evidence_parts SET data = 'tampered evidence'::bytea")
    with pytest.raises(EvidenceDamagedError, match="damaged") as raised:
        extract(team_workspace, attachments(team_workspace)[0], tmp_path / "out.txt")
    assert team_workspace.location in str(raised.value)  # the message names the engagement's address
    assert not (tmp_path / "out.txt").exists()  # never a file of unchecked bytes
