"""Evidence storage (issue 18): content-addressed blobs inside the workspace, streamed in chunks,
checked on read; attachment rows undoable; linked files; hostile names; snapshots and encryption."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from caio_desktop.domain.evidence import clean_name, stored_name, unique_name
from caio_desktop.operations import create_row
from caio_desktop.operations.evidence import attach_file, attachments, detach, extract, purge_orphans
from caio_desktop.operations.history import redo, undo
from caio_desktop.operations.rows import delete_rows
from caio_desktop.operations.settings import set_setting
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.check import check_workspace
from caio_desktop.workspace.evidence import EvidenceDamagedError, EvidenceError, EvidenceTooLargeError
from caio_desktop.workspace.snapshots import restore, take_snapshot


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _risk(ws: Workspace) -> int:
    return create_row(ws, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]


def _count(ws: Workspace, table: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def test_attach_stores_one_copy_per_content_and_reads_it_back_checked(workspace: Workspace, tmp_path: Path) -> None:
    risk = _risk(workspace)
    source = tmp_path / "DPIA.pdf"
    source.write_bytes(os.urandom(9 * 1024 * 1024 + 123))  # several parts, a short last one
    first = attach_file(workspace, "risks", risk, source, who="Claire")
    attach_file(workspace, "risks", risk, source, name="copie.pdf")
    found = attachments(workspace, "risks", risk)
    assert [(a.name, a.media_type, a.size, a.attached_by) for a in found] == [
        ("DPIA.pdf", "application/pdf", source.stat().st_size, "Claire"),
        ("copie.pdf", "application/pdf", source.stat().st_size, found[1].attached_by)]
    assert found[1].attached_by  # the OS login when no user name is set
    assert _count(workspace, "evidence_blobs") == 1  # one content, stored once
    out = extract(workspace, found[0], tmp_path / "out.pdf")
    assert _sha(out) == _sha(source) == found[0].sha256
    assert first.text("en") == "Attach file DPIA.pdf"


def test_who_attached_is_the_workspaces_author(workspace: Workspace, tmp_path: Path) -> None:
    workspace.author = "Claire Martin"  # the name set in Preferences (or --author)
    set_setting(workspace, "user_name", "Ancien réglage")  # a setting of old files: no longer asked
    (tmp_path / "a.txt").write_text("a")
    attach_file(workspace, "risks", _risk(workspace), tmp_path / "a.txt")
    assert attachments(workspace)[0].attached_by == "Claire Martin"


def test_detach_is_undoable_and_deleting_the_row_takes_its_attachments(workspace: Workspace, tmp_path: Path) -> None:
    risk = _risk(workspace)
    (tmp_path / "a.txt").write_text("preuve")
    attached = attach_file(workspace, "risks", risk, tmp_path / "a.txt")
    removed = detach(workspace, attached.row_ids[0])
    assert attachments(workspace) == []
    undo(workspace, removed)
    (back,) = attachments(workspace)
    assert extract(workspace, back, tmp_path / "back.txt").read_text() == "preuve"  # the bytes stayed
    redo(workspace, removed)
    undo(workspace, attached)
    assert attachments(workspace) == []
    redo(workspace, attached)
    deleted = delete_rows(workspace, "risks", [risk])
    assert attachments(workspace) == []
    undo(workspace, deleted)
    assert len(attachments(workspace, "risks", risk)) == 1
    detach(workspace, attachments(workspace)[0].id)
    assert purge_orphans(workspace) == 1 and _count(workspace, "evidence_parts") == 0


def test_refusals_leave_the_workspace_unchanged(workspace: Workspace, tmp_path: Path) -> None:
    risk = _risk(workspace)
    big = tmp_path / "big.bin"
    big.write_bytes(b"\0" * 2_000_001)
    with pytest.raises(EvidenceTooLargeError, match=r"2\.0 MB is over the 1 MB limit"):
        attach_file(workspace, "risks", risk, big, limit=1_000_000)
    set_setting(workspace, "evidence_limit_mb", 1)  # configurable per workspace
    with pytest.raises(EvidenceTooLargeError):
        attach_file(workspace, "risks", risk, big)
    with pytest.raises(EvidenceError, match="has no row 999"):
        attach_file(workspace, "risks", 999, tmp_path / "big.bin", limit=10**9)
    with pytest.raises(EvidenceError, match="attach to"):
        attach_file(workspace, "phases", 1, big, limit=10**9)
    with pytest.raises(EvidenceError, match="not a file"):
        attach_file(workspace, "risks", risk, tmp_path)
    assert attachments(workspace) == [] and _count(workspace, "evidence_blobs") == 0


def test_a_file_growing_past_the_limit_while_read_is_refused(workspace: Workspace, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.workspace import evidence

    risk = _risk(workspace)
    source = tmp_path / "grows.bin"
    source.write_bytes(b"x" * 10)
    real = evidence.store

    def growing(conn, handle, **kwargs):  # noqa: ANN001, ANN003, ANN202
        source.write_bytes(b"x" * 5_000_000)  # the file changes after the size was read
        return real(conn, open(source, "rb"), **kwargs)

    monkeypatch.setattr(evidence, "store", growing)
    with pytest.raises(EvidenceTooLargeError):
        attach_file(workspace, "risks", risk, source, limit=1_000_000)
    assert _count(workspace, "evidence_parts") == 0


def test_damaged_bytes_are_refused_on_read(workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"original evidence")
    attach_file(workspace, "risks", _risk(workspace), tmp_path / "a.txt")
    raw = sqlite3.connect(workspace.path)
    raw.execute("UPDATE evidence_parts SET data = ?", (b"tampered evidence",))
    raw.commit()
    raw.close()
    with pytest.raises(EvidenceDamagedError, match="damaged"):
        extract(workspace, attachments(workspace)[0], tmp_path / "out.txt")
    assert not (tmp_path / "out.txt").exists()  # never a file of unchecked bytes
    problems = check_workspace(workspace.path)
    assert any("no longer match their checksum" in p for p in problems)  # and `caio check` says so


def test_linked_files_keep_their_path_and_show_as_missing(workspace: Workspace, tmp_path: Path) -> None:
    shared = tmp_path / "share" / "contrat.docx"
    shared.parent.mkdir()
    shared.write_bytes(b"clause 12")
    attach_file(workspace, "decisions", create_row(workspace, "decisions", {
        "text": "Go", "decided_on": "2026-01-05"}).row_ids[0], shared, link=True)
    (info,) = attachments(workspace)
    assert info.link == str(shared.resolve()) and not info.missing and _count(workspace, "evidence_blobs") == 0
    shared.unlink()
    (info,) = attachments(workspace)
    assert info.missing
    with pytest.raises(EvidenceError, match="missing"):
        extract(workspace, info, tmp_path / "x.docx")


@pytest.mark.parametrize("hostile", [
    "../../etc/passwd", "..\\..\\boot.ini", "a/b/c.pdf", "..", ".", "", "\x00\x01\x1b[31mred.txt", "CON.txt",
    "é" * 200 + ".pdf", "x" * 300, ".hidden", "name\udcff.pdf",
])
def test_hostile_names_are_stored_safely_and_extracted_under_a_clean_name(hostile: str) -> None:
    stored = stored_name(hostile)
    stored.encode("utf-8")  # valid text for SQLite
    clean = clean_name(hostile)
    assert clean and "/" not in clean and "\\" not in clean and not clean.startswith(".")
    assert not any(ord(c) < 32 for c in clean) and len(clean.encode("utf-8")) <= 200
    assert clean.split(".")[0].lower() not in {"con", "nul", "prn", "aux"}
    if hostile.endswith(".pdf"):
        assert clean.endswith(".pdf")
    assert unique_name(clean, {clean.lower()}) != clean


def test_a_hostile_name_attached_is_extracted_inside_the_target_folder(workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    attach_file(workspace, "risks", _risk(workspace), tmp_path / "a.txt", name="../../\x07evil/../x.sh")
    (info,) = attachments(workspace)
    assert info.name == "../../\x07evil/../x.sh"  # kept as given, a label only
    out = tmp_path / "out"
    out.mkdir()
    target = extract(workspace, info, out / clean_name(info.name))
    assert target.parent == out and target.name == "x.sh"


def test_attach_snapshot_restore_keeps_the_bytes(workspace_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "charte.pdf"
    source.write_bytes(os.urandom(5_000_000))
    with Workspace.open(workspace_file) as ws:
        attach_file(ws, "risks", _risk(ws), source)
        snapshot = take_snapshot(ws, reason="manual")
        detach(ws, attachments(ws)[0].id)
        purge_orphans(ws)
    restore(workspace_file, snapshot)
    with Workspace.open(workspace_file) as ws:
        (info,) = attachments(ws)
        assert _sha(extract(ws, info, tmp_path / "back.pdf")) == _sha(source)
    assert check_workspace(workspace_file) == []


def test_memory_stays_flat_while_attaching_and_extracting(workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "large.bin"
    with open(source, "wb") as out:
        for _ in range(40):
            out.write(os.urandom(1 << 20))
    risk = _risk(workspace)
    tracemalloc.start()
    try:
        attach_file(workspace, "risks", risk, source, limit=10**9)
        extract(workspace, attachments(workspace)[0], tmp_path / "back.bin")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12 * (1 << 20), peak  # a 40 MB file: a few chunks in memory, never the file
    assert _sha(tmp_path / "back.bin") == _sha(source)


def test_encrypted_workspace_keeps_attachment_bytes_unreadable(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    marker = b"CONFIDENTIAL-DPIA-" * 4000
    source = tmp_path / "dpia.txt"
    source.write_bytes(marker)
    path = tmp_path / "secret.caio"
    with Workspace.create(path, client="Banque", passphrase="correct horse") as ws:
        attach_file(ws, "risks", _risk(ws), source)
        (info,) = attachments(ws)
        assert extract(ws, info, tmp_path / "back.txt").read_bytes() == marker
    assert b"CONFIDENTIAL-DPIA" not in path.read_bytes()
    raw = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        raw.execute("SELECT data FROM evidence_parts").fetchall()
    raw.close()


def test_schema_4_adds_the_evidence_tables_as_a_new_file_has_them(tmp_path: Path) -> None:
    """The v3 fixture gains the evidence tables exactly as a new file has them, every row untouched."""
    import shutil

    from caio_desktop.workspace.digest import content_hash
    from tests.workspace.test_upgrades import LATER_COLUMNS, _columns, _indexes

    v3 = tmp_path / "mission-v3.caio"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "fixtures" / "workspace-v3.caio", v3)
    hashes = content_hash(v3)
    with Workspace.open(v3) as ws:
        assert ws.schema_version >= 4  # (and on through the later steps)
    Workspace.create(tmp_path / "new.caio", client="Neuve").close()
    assert _columns(v3) == _columns(tmp_path / "new.caio")
    assert _indexes(v3) == _indexes(tmp_path / "new.caio")
    after = content_hash(v3, ignore=LATER_COLUMNS)
    assert {k: after[k] for k in hashes} == hashes


def test_detached_bytes_stay_for_undo_and_go_when_the_session_ends(workspace_file: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("preuve")
    (tmp_path / "b.txt").write_text("autre")
    with Workspace.open(workspace_file) as ws:
        risk = _risk(ws)
        kept = attach_file(ws, "risks", risk, tmp_path / "a.txt")
        gone = attach_file(ws, "risks", risk, tmp_path / "b.txt")
        detach(ws, gone.row_ids[0])
        undo(ws, detach(ws, kept.row_ids[0]))  # detached then back: still referred to
        assert _count(ws, "evidence_blobs") == 2  # within the session, an undo may need either
    with Workspace.open(workspace_file) as ws:
        assert _count(ws, "evidence_blobs") == 1 and [a.name for a in attachments(ws)] == ["a.txt"]
        assert _count(ws, "evidence_parts") == 1
    assert check_workspace(workspace_file) == []


def test_a_source_that_returns_short_reads_is_stored_whole_in_full_parts(workspace: Workspace) -> None:
    """A pipe or a network share may hand over fewer bytes than asked: the parts are still full, the
    bytes the same, and a zero-byte file is stored as such."""
    import io

    from caio_desktop.workspace.evidence import PART_BYTES, chunks, store

    class Trickle(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data, self.at = data, 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # noqa: ANN001
            piece = self.data[self.at:self.at + min(len(buffer), 100_000)]  # at most 100 kB at a time
            buffer[:len(piece)] = piece
            self.at += len(piece)
            return len(piece)

    data = os.urandom(2 * PART_BYTES + 12_345)
    with workspace.writing() as conn:
        sha256, size = store(conn, Trickle(data), limit=10**9, name="flux.bin")
        empty, nothing = store(conn, Trickle(b""), limit=10**9, name="vide.bin")
    assert (sha256, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert (empty, nothing) == (hashlib.sha256(b"").hexdigest(), 0)
    with workspace.engine.connect() as conn:
        lengths = [n for (n,) in conn.exec_driver_sql("SELECT length(data) FROM evidence_parts ORDER BY id")]
        assert lengths == [PART_BYTES, PART_BYTES, 12_345]
        assert b"".join(chunks(conn, sha256, path=workspace.path)) == data
        assert b"".join(chunks(conn, empty, path=workspace.path)) == b""
