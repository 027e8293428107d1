"""Evidence on an engagement shared on a PostgreSQL server (issues 18 and 19): a file attached in one
consultant's session is listed and opened, byte for byte, in another's; two sessions attaching the same
content at once keep one copy; a client killed in the middle of an attach leaves nothing on the server;
a session's close reclaims only the bytes it let go; a writer role attaches, a reader opens but may not."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from caio_desktop.operations.evidence import attach_file, attachments, detach, extract
from caio_desktop.operations.history import undo
from caio_desktop.team.address import TeamAddress
from caio_desktop.team.errors import TeamReadOnlyError
from caio_desktop.team.workspace import TeamWorkspace
from caio_desktop.workspace import evidence as store
from tests.evidence.test_storage import _count, _risk, _sha
from tests.reliability.crash_harness import CAIO

_roles = itertools.count(1)


def test_a_file_attached_in_one_session_is_listed_and_opened_in_another(team_workspace: Any, team_url: str,
                                                                        tmp_path: Path) -> None:
    source = tmp_path / "DPIA.pdf"
    source.write_bytes(os.urandom(3 * store.PART_BYTES + 7))  # several parts, a short last one
    risk = _risk(team_workspace)
    attach_file(team_workspace, "risks", risk, source, who="Claire")
    with TeamWorkspace.open(team_url, read_only=True) as other:  # a colleague's session, read-only
        (info,) = attachments(other, "risks", risk)
        assert (info.name, info.size, info.attached_by, info.sha256) == (
            "DPIA.pdf", source.stat().st_size, "Claire", _sha(source))
        assert _sha(extract(other, info, tmp_path / "opened.pdf")) == _sha(source)  # same bytes, checked


def test_two_sessions_attaching_the_same_content_at_once_keep_one_copy(team_workspace: Any, team_url: str,
                                                                        pg_server: Any, tmp_path: Path) -> None:
    source = tmp_path / "charte.pdf"
    source.write_bytes(os.urandom(store.PART_BYTES + 99))
    risk = _risk(team_workspace)
    outcome: list[Any] = []
    with TeamWorkspace.open(team_url) as other:
        def attach_meanwhile() -> None:
            try:
                outcome.append(attach_file(other, "risks", risk, source))
            except Exception as exc:  # (the test says what went wrong)
                outcome.append(exc)

        with team_workspace.writing() as conn, open(source, "rb") as handle:
            store.store(conn, handle, limit=10**9, name="charte.pdf")  # not committed yet
            colleague = threading.Thread(target=attach_meanwhile)
            colleague.start()
            deadline = time.monotonic() + 30  # the colleague's attach waits for this one's commit
            while not pg_server.execute("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") \
                    and colleague.is_alive() and time.monotonic() < deadline:
                time.sleep(0.01)
        colleague.join(30)
        assert len(outcome) == 1 and not isinstance(outcome[0], Exception), outcome
        assert _count(other, "evidence_blobs") == 1  # the content is stored once
        (info,) = attachments(other)
        assert _sha(extract(other, info, tmp_path / "back.pdf")) == _sha(source)


def test_a_client_killed_during_an_attach_leaves_nothing_on_the_server(team_workspace: Any, team_url: str,
                                                                        pg_server: Any, tmp_path: Path) -> None:
    source = tmp_path / "scan.bin"
    block = os.urandom(1 << 20)
    with open(source, "wb") as out:
        for i in range(60):
            out.write(block[i:] + block[:i])
    risk = _risk(team_workspace)
    process = subprocess.Popen([*CAIO, "attach", team_url, f"risks:{risk}", str(source)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writing = "SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation " \
              "WHERE c.relname = 'evidence_parts' AND l.mode = 'RowExclusiveLock'"
    deadline = time.monotonic() + 60
    while not pg_server.execute(writing) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert process.poll() is None, "the attach had ended before the kill"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30  # the server notices the lost client and rolls its transaction back
    while pg_server.execute(writing) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (_count(team_workspace, "evidence_parts"), _count(team_workspace, "evidence_blobs")) == (0, 0)
    assert attachments(team_workspace) == []


def test_a_close_reclaims_only_what_its_own_session_let_go(team_workspace: Any, team_url: str,
                                                            tmp_path: Path) -> None:
    """A colleague's session may still undo its detach: the bytes it let go stay until it closes."""

    (tmp_path / "mine.txt").write_text("brouillon")
    (tmp_path / "theirs.txt").write_text("preuve signée")
    risk = _risk(team_workspace)
    theirs = attach_file(team_workspace, "risks", risk, tmp_path / "theirs.txt")
    removed = detach(team_workspace, theirs.row_ids[0])  # this session keeps the undo step
    with TeamWorkspace.open(team_url) as colleague:
        detach(colleague, attach_file(colleague, "risks", risk, tmp_path / "mine.txt").row_ids[0])
        assert _count(colleague, "evidence_blobs") == 2
    assert _count(team_workspace, "evidence_blobs") == 1  # the colleague's own content went at its close
    undo(team_workspace, removed)
    (back,) = attachments(team_workspace)
    assert extract(team_workspace, back, tmp_path / "back.txt").read_text() == "preuve signée"
    detach(team_workspace, back.id)
    team_workspace.close()
    with TeamWorkspace.open(team_url) as later:
        assert _count(later, "evidence_blobs") == 0 and _count(later, "evidence_parts") == 0


def test_a_writer_role_attaches_and_a_reader_opens_but_may_not_attach(pg_server: Any, team_workspace: Any,
                                                                       tmp_path: Path) -> None:
    key = TeamAddress.parse(team_workspace.location).engagement
    suffix = next(_roles)
    writer, reader = f"evidence_writer_{suffix}", f"evidence_reader_{suffix}"  # (names no other test takes)
    pg_server.create_role(writer, can_write=True)
    pg_server.create_role(reader, can_write=False)
    source = tmp_path / "audit.pdf"
    source.write_bytes(os.urandom(store.PART_BYTES + 5))
    risk = _risk(team_workspace)
    with TeamWorkspace.open(pg_server.url(key, user=writer)) as ws:  # the writer's rights cover the evidence
        attach_file(ws, "risks", risk, source)
        detach(ws, attach_file(ws, "risks", risk, source, name="copie.pdf").row_ids[0])  # stored once
    with TeamWorkspace.open(pg_server.url(key, user=reader)) as ws:
        (info,) = attachments(ws)
        assert _sha(extract(ws, info, tmp_path / "lu.pdf")) == _sha(source)
        with pytest.raises(TeamReadOnlyError, match=f"role '{reader}' may only read"):
            attach_file(ws, "risks", risk, source)
    assert _count(team_workspace, "evidence_blobs") == 1 and len(attachments(team_workspace)) == 1


def test_a_file_over_what_a_server_stores_is_refused_in_words(team_workspace: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The server's size columns hold up to 2 GiB: a larger file is refused as such (raising the
    setting would not help), before its bytes are read or as they arrive, and nothing is stored."""
    import io

    from caio_desktop.workspace import evidence_pg
    from caio_desktop.workspace.evidence import EvidenceTooLargeError

    monkeypatch.setattr(evidence_pg, "MAX_BYTES", 1_000_000)  # (a 2 GiB file would only make the test slow)
    source = tmp_path / "scan.bin"
    source.write_bytes(b"\1" * 2_000_000)
    risk = _risk(team_workspace)
    with pytest.raises(EvidenceTooLargeError, match="2.0 MB is over the 1 MB limit .*on a server.*link the file"):
        attach_file(team_workspace, "risks", risk, source, limit=10**10)
    with pytest.raises(EvidenceTooLargeError, match="on a server"), team_workspace.writing() as conn:
        store.store(conn, io.BytesIO(source.read_bytes()), limit=10**10, name="scan.bin")  # a size not known
    with pytest.raises(EvidenceTooLargeError, match="evidence_limit_mb"), team_workspace.writing() as conn:
        store.store(conn, io.BytesIO(source.read_bytes()), limit=500_000, name="scan.bin")  # the setting's own
    assert attach_file(team_workspace, "risks", risk, source, link=True)  # a link has no bytes to store
    assert (_count(team_workspace, "evidence_parts"), _count(team_workspace, "evidence_blobs")) == (0, 0)
