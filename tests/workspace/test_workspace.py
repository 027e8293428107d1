"""Creating, opening and closing a .caio file: pragmas, identity, lock, refusals with clear messages."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from caio_desktop.workspace import Workspace
from caio_desktop.workspace.errors import (
    CorruptFileError,
    EmptyFileError,
    ForeignDatabaseError,
    NewerVersionError,
    NotSQLiteError,
    ReadOnlyError,
    TruncatedFileError,
    WorkspaceExistsError,
    WorkspaceLockedError,
    WorkspaceNotFoundError,
)
from caio_desktop.workspace.fileinfo import APPLICATION_ID
from caio_desktop.workspace.schema import SCHEMA_VERSION


def test_create_stamps_identity_engagement_and_phases(tmp_path: Path) -> None:
    path = tmp_path / "mission.caio"
    with Workspace.create(path, client="Mutuelle Atlantique", language="en", start=dt.date(2026, 1, 31),
                          months=12) as ws:
        engagement = ws.engagement()
        assert engagement.client_name == "Mutuelle Atlantique"
        assert (engagement.start_date, engagement.end_date) == (dt.date(2026, 1, 31), dt.date(2027, 1, 31))
        phases = ws.phases()
        assert [p.phase for p in phases] == ["diagnosis", "strategy", "deployment", "handover"]
        assert phases[0].title == "Diagnosis" and phases[-1].end_date == engagement.end_date
        assert ws.schema_version == SCHEMA_VERSION
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    raw.close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*creating*"))


def test_connections_enforce_foreign_keys_and_full_sync(workspace) -> None:
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_create_refuses_existing_file_and_bad_input(tmp_path: Path, workspace_file: Path) -> None:
    from caio_desktop.domain.errors import ValidationError

    with pytest.raises(WorkspaceExistsError):
        Workspace.create(workspace_file, client="X")
    with pytest.raises(ValidationError, match="client_name"):
        Workspace.create(tmp_path / "a.caio", client="  ")
    with pytest.raises(ValidationError, match="fr or en"):
        Workspace.create(tmp_path / "b.caio", client="X", language="de")
    assert not (tmp_path / "a.caio").exists()


def test_second_open_in_same_process_is_refused_and_first_keeps_working(workspace) -> None:
    from caio_desktop.operations import create_row

    with pytest.raises(WorkspaceLockedError, match=str(workspace.path)):
        Workspace.open(workspace.path)
    create_row(workspace, "watch", {"title": "Mistral publie un modèle"})
    workspace.close()
    with Workspace.open(workspace.path) as again:
        assert again.engagement().client_name == "Assurances du Rhône"


def test_second_process_is_refused_with_the_file_name(workspace) -> None:
    # A command that writes (`caio info` only reads, and is allowed: tests/cli/test_read_only_commands.py)
    result = subprocess.run([sys.executable, "-m", "caio_desktop.cli", "snapshot", str(workspace.path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "already open" in result.stderr and str(workspace.path) in result.stderr
    assert "Traceback" not in result.stderr


def test_read_only_open_does_not_lock_and_refuses_writes(workspace_file: Path) -> None:
    from caio_desktop.operations import create_row

    with Workspace.open(workspace_file) as writer, Workspace.open(workspace_file, read_only=True) as reader:
        assert reader.engagement().client_name == writer.engagement().client_name
        with pytest.raises(ReadOnlyError):
            create_row(reader, "watch", {"title": "x"})


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyFileError),
        (b"client;risk\nACME;bias\n", NotSQLiteError),
        (b"SQLite format 3\x00" + b"\x10\x00", TruncatedFileError),
    ],
)
def test_not_a_workspace_gives_its_own_error(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "odd.caio"
    path.write_bytes(content)
    with pytest.raises(error):
        Workspace.open(path)
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFoundError, match="no such file"):
        Workspace.open(tmp_path / "nowhere.caio")


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.caio"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another application"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_truncated_workspace_is_refused(workspace_file: Path) -> None:
    data = workspace_file.read_bytes()
    workspace_file.write_bytes(data[: len(data) // 2])
    with pytest.raises(TruncatedFileError, match="truncated"):
        Workspace.open(workspace_file)


def test_newer_version_is_refused_untouched(workspace_file: Path) -> None:
    raw = sqlite3.connect(workspace_file)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.close()
    before = workspace_file.read_bytes()
    with pytest.raises(NewerVersionError, match="newer CAIO Desktop"):
        Workspace.open(workspace_file)
    assert workspace_file.read_bytes() == before


def test_damaged_pages_are_reported(workspace_file: Path) -> None:
    data = bytearray(workspace_file.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # scribble over every table page but the first
        data[offset + 8: offset + 64] = b"\xff" * 56
    workspace_file.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="damaged"):
        Workspace.open(workspace_file)


def _register_with_damaged_leaf(workspace_file: Path, tmp_path: Path, *, interrupted: bool) -> Path:
    """A copy of a 2,000-risk file with the header of a leaf page deep in the risk register damaged,
    taken while a write was running (a hot journal beside it) when `interrupted`."""
    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded

    with Workspace.open(workspace_file) as ws:
        rows = [{"code": f"R-{n:04d}", "title": f"Risque {n:04d} : dérive du modèle", "likelihood": 2, "impact": 3,
                 "level": "medium"} for n in range(1, 2001)]
        run_recorded(ws, ChangeSet("add", "risks", "×2000"), lambda rec: rec.insert_many("risks", rows))
    copy = tmp_path / "copy.caio"
    writer = sqlite3.connect(workspace_file, isolation_level=None)
    writer.execute("BEGIN")
    writer.execute("UPDATE risks SET title = 'changed' WHERE id = 1")
    copy.write_bytes(workspace_file.read_bytes())
    journal = workspace_file.with_name(workspace_file.name + "-journal")
    if interrupted:
        assert journal.exists()
        copy.with_name(copy.name + "-journal").write_bytes(journal.read_bytes())
    writer.execute("ROLLBACK")
    writer.close()
    data = bytearray(copy.read_bytes())
    page = data.index(b"Risque 1500 ") // 4096  # a leaf of the risks table, far from its root
    data[page * 4096:page * 4096 + 8] = b"\xff" * 8
    copy.write_bytes(bytes(data))
    return copy


def test_open_after_an_interrupted_write_runs_the_full_check(workspace_file: Path, tmp_path: Path) -> None:
    copy = _register_with_damaged_leaf(workspace_file, tmp_path, interrupted=True)
    with pytest.raises(CorruptFileError):
        Workspace.open(copy)


def test_open_of_a_cleanly_closed_file_reads_only_the_roots_and_check_finds_deep_damage(
        workspace_file: Path, tmp_path: Path) -> None:
    """The trade-off of docs/performance.md: opening stays O(tables); `caio check` reads every page."""
    from caio_desktop.workspace.check import check_workspace

    copy = _register_with_damaged_leaf(workspace_file, tmp_path, interrupted=False)
    with Workspace.open(copy, read_only=True):
        pass
    assert check_workspace(copy)
