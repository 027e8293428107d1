"""Early write-back during an attach (workspace/writeback.py): the file is flushed while the bytes go
in, through SQLite's own descriptor, and the attach keeps every guarantee (bytes, refusals)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from caio_desktop.operations import create_row
from caio_desktop.operations.evidence import attach_file, attachments, extract
from caio_desktop.workspace import Workspace, writeback
from caio_desktop.workspace.evidence import EvidenceTooLargeError, store
from caio_desktop.workspace.writeback import EarlyWriteback, descriptor, main_file

needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="descriptors are listed in /proc")


def _risk(ws: Workspace) -> int:
    return create_row(ws, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]


@needs_proc
def test_the_descriptor_found_is_the_one_sqlite_holds_on_the_workspace(tmp_path: Path) -> None:
    path = tmp_path / "mission.caio"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    try:
        assert main_file(connection) == path
        found = descriptor(path)
        assert found is not None and os.path.samefile(f"/proc/self/fd/{found}", path)
        assert descriptor(tmp_path / "other.caio") is None  # a file nobody opened
    finally:
        connection.close()
    assert descriptor(path) is None  # closed: nothing left to flush through


def test_an_in_memory_database_has_nothing_to_flush() -> None:
    connection = sqlite3.connect(":memory:")
    with EarlyWriteback(connection, every=1) as flushing:
        flushing.wrote(10)
    assert flushing.fd is None and flushing.flushes == 0


@needs_proc
def test_a_large_attach_flushes_while_writing_and_reads_back_intact(workspace: Workspace, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writeback, "FLUSH_EVERY", 1 << 20)  # a flush per part of this 6 MB file
    flushed: list[str] = []
    real = os.fdatasync

    def spy(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(writeback.os, "fdatasync", spy)
    source = tmp_path / "DPIA.pdf"
    source.write_bytes(os.urandom(6 * 1024 * 1024 + 17))
    attach_file(workspace, "risks", _risk(workspace), source)
    assert flushed and set(flushed) == {os.path.realpath(workspace.path)}  # the workspace, nothing else
    (info,) = attachments(workspace)
    back = extract(workspace, info, tmp_path / "back.pdf")
    assert hashlib.sha256(back.read_bytes()).hexdigest() == hashlib.sha256(source.read_bytes()).hexdigest()
    assert not [t for t in threading.enumerate() if t.name == "evidence-writeback"]  # stopped with the attach


def test_a_refused_attach_stops_the_flushing_and_leaves_nothing(workspace: Workspace, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writeback, "FLUSH_EVERY", 1 << 20)
    source = tmp_path / "scan.bin"
    source.write_bytes(os.urandom(5 * 1024 * 1024))
    with pytest.raises(EvidenceTooLargeError):  # over the limit after a few parts went in
        _attach_unchecked(workspace, source, limit=3_000_000)
    assert attachments(workspace) == []
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM evidence_parts").scalar_one() == 0
    assert not [t for t in threading.enumerate() if t.name == "evidence-writeback"]


def _attach_unchecked(workspace: Workspace, source: Path, *, limit: int) -> None:
    """The bytes of an attach without its size check up front (as when the file grew after it), so
    the limit is only passed once parts are written."""
    with workspace.writing() as conn, open(source, "rb") as handle:
        store(conn, handle, limit=limit, name=source.name)
