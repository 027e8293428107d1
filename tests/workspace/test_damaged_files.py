"""Damaged and foreign files: each gets its own error, message and way forward, and is never changed.

Every case is opened three ways — `Workspace.open`, `caio info` and `caio check` — and the file's bytes
are compared before and after. A seeded bit-flip sweep then checks the same promises on files damaged
at random places, which is how real disks and interrupted copies damage them.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.check import check_workspace
from caio_desktop.workspace.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    ForeignDatabaseError,
    NewerVersionError,
    NotAFileError,
    NotSQLiteError,
    Remedy,
    TruncatedFileError,
    WorkspaceError,
    WorkspaceLockedError,
)
from caio_desktop.workspace.queries import count_rows, fetch_rows
from caio_desktop.workspace.schema import SCHEMA_VERSION
from caio_desktop.workspace.snapshots import latest_good_snapshot, list_snapshots, take_snapshot

PAGE = 4096
FLIP_TRIALS = int(os.environ.get("CAIO_FLIP_TRIALS", "60"))  # make crash-test: 1000


@pytest.fixture(scope="module")
def filled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with rows in several modules, spread over many pages."""
    path = tmp_path_factory.mktemp("filled") / "filled.caio"
    ws = Workspace.create(path, client="Banque du Léman", language="fr")
    for n in range(60):
        create_row(ws, "risks", {"title": f"Risque de biais n°{n} " * 3, "likelihood": 1 + n % 5,
                                 "impact": 1 + n % 3})
        create_row(ws, "watch", {"title": f"Veille {n}", "relevance": 1 + n % 5})
    create_row(ws, "stakeholders", {"name": "Aline Perret", "role": "DSI"})
    ws.close()
    return path


@pytest.fixture
def filled(filled_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "engagement.caio"
    target.write_bytes(filled_template.read_bytes())
    return target


def digest(path: Path) -> str:
    if path.is_dir():
        return "dir:" + ",".join(sorted(os.listdir(path)))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def root_page(path: Path, table: str) -> int:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        raw.close()


def patch(path: Path, offset: int, data: bytes) -> None:
    content = bytearray(path.read_bytes())
    content[offset:offset + len(data)] = data
    path.write_bytes(bytes(content))


# --- how each damaged or foreign file is made --------------------------------------------------------
def truncated_half(path: Path) -> Path:
    path.write_bytes(path.read_bytes()[: (path.stat().st_size // 2)])
    return path


def truncated_mid_page(path: Path) -> Path:
    path.write_bytes(path.read_bytes()[:-1000])
    return path


def flipped_data_page(path: Path) -> Path:
    # The b-tree page header of the risks table: page type, first freeblock, cell count.
    offset = (root_page(path, "risks") - 1) * PAGE
    content = bytearray(path.read_bytes())
    for i in range(8):
        content[offset + i] ^= 0xFF
    path.write_bytes(bytes(content))
    return path


def flipped_header_page_size(path: Path) -> Path:
    patch(path, 16, b"\x12\x34")
    return path


def flipped_header_magic(path: Path) -> Path:
    patch(path, 3, b"q")  # "SQLqte format 3"
    return path


def flipped_header_application_id(path: Path) -> Path:
    patch(path, 68, b"\x00\x00\x00\x07")
    return path


def zero_length(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def newer_version(path: Path) -> Path:
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.close()
    return path


def other_application(path: Path) -> Path:
    path.unlink()
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    raw.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    raw.commit()
    raw.close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("Client;Risque;Probabilité\nACME;Biais;3\n", encoding="utf-8")
    return path


def spreadsheet_renamed(path: Path) -> Path:
    path.unlink()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>" * 400)
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(7).randbytes(3 * PAGE))
    return path


def directory(path: Path) -> Path:
    path.unlink()
    path.mkdir()
    (path / "notes.txt").write_text("a folder named like a workspace")
    return path


CASES: list[tuple[str, Callable[[Path], Path], type[WorkspaceError], str, tuple[Remedy, ...]]] = [
    ("truncated", truncated_half, TruncatedFileError, "truncated", (Remedy.RESTORE_SNAPSHOT,)),
    ("truncated mid-page", truncated_mid_page, TruncatedFileError, "truncated", (Remedy.RESTORE_SNAPSHOT,)),
    ("flipped bytes in a data page", flipped_data_page, CorruptFileError, "damaged",
     (Remedy.RESTORE_SNAPSHOT,)),
    ("flipped page size in the header", flipped_header_page_size, CorruptFileError, "page size",
     (Remedy.RESTORE_SNAPSHOT,)),
    ("flipped magic in the header", flipped_header_magic, NotSQLiteError, "not an SQLite database", ()),
    ("flipped application id", flipped_header_application_id, ForeignDatabaseError, "another application", ()),
    ("zero length", zero_length, EmptyFileError, "empty", (Remedy.RESTORE_SNAPSHOT,)),
    ("newer version", newer_version, NewerVersionError, "newer CAIO Desktop", ()),
    ("another application's SQLite", other_application, ForeignDatabaseError, "another application", ()),
    ("text file", text_file, NotSQLiteError, "not a CAIO Desktop workspace", ()),
    ("spreadsheet renamed .caio", spreadsheet_renamed, NotSQLiteError, "not a CAIO Desktop workspace", ()),
    ("random bytes", random_bytes, EncryptedFileError, "passphrase", (Remedy.ENTER_PASSPHRASE,)),
    ("directory", directory, NotAFileError, "a folder", ()),
]


@pytest.mark.parametrize(("make", "error", "words", "remedies"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_open_gives_its_error_and_way_forward_and_leaves_the_file(
        filled: Path, make: Callable[[Path], Path], error: type, words: str, remedies: tuple) -> None:
    path = make(filled)
    before = digest(path)
    with pytest.raises(error, match=words) as caught:
        Workspace.open(path)
    assert type(caught.value) is error
    assert caught.value.remedies == remedies
    assert str(path) in str(caught.value)
    with pytest.raises(error):
        Workspace.open(path, read_only=True)
    assert digest(path) == before
    assert not Path(f"{path}.lock").exists()  # a refused file leaves no lock file behind


@pytest.mark.parametrize(("make", "error", "words"), [c[1:4] for c in CASES], ids=[c[0] for c in CASES])
def test_cli_info_and_check_print_one_line_and_fail(filled: Path, make: Callable[[Path], Path], error: type,
                                                     words: str, capsys: pytest.CaptureFixture) -> None:
    path = make(filled)
    before = digest(path)
    for command in ("info", "check"):
        assert main([command, str(path)]) == 1, command
        err = capsys.readouterr().err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("caio: error: "), (command, err)
        assert "Traceback" not in err
    assert digest(path) == before


def test_check_names_a_value_damaged_inside_a_row(filled: Path, capsys: pytest.CaptureFixture) -> None:
    """A flipped byte inside a title leaves every b-tree intact: opening succeeds, `check` names it."""
    data = filled.read_bytes()
    needle = "Risque de biais n°17 ".encode()
    # The title is stored in the risks table and, as text, in the audit trail: damage every copy.
    filled.write_bytes(data.replace(needle, needle.replace("°".encode(), b"\xff\xff")))
    before = digest(filled)
    problems = check_workspace(filled)
    assert "unreadable value: risks row 18 title (not valid UTF-8 text)" in problems
    assert main(["check", str(filled)]) == 1
    captured = capsys.readouterr()
    assert "not valid UTF-8" in captured.out and "caio restore" in captured.err
    assert digest(filled) == before


def test_lock_held_by_another_process(filled: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from caio_desktop.workspace import Workspace; ws = Workspace.open(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read(); ws.close()", str(filled)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = digest(filled)
        with pytest.raises(WorkspaceLockedError, match="already open") as caught:
            Workspace.open(filled)
        assert caught.value.remedies == (Remedy.OPEN_READ_ONLY,)
        with Workspace.open(filled, read_only=True) as reader:  # the way forward works
            assert count_rows(reader, "risks") == 60
        # Reading is safe: `caio info` reads, and says on stderr that another process holds the file
        # (the one rule of read-only commands, issue 21; tests/cli/test_read_only_commands.py).
        result = subprocess.run([sys.executable, "-m", "caio_desktop.cli", "info", str(filled)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1 and "open in another" in result.stderr
        assert digest(filled) == before
    finally:
        holder.communicate("", timeout=30)
    with Workspace.open(filled) as ws:  # released when the holder exits
        assert count_rows(ws, "risks") == 60


def test_random_bit_flips_never_crash_never_change_and_are_caught_by_check(filled_template: Path,
                                                                          tmp_path: Path) -> None:
    """Seeded sweep: wherever bits flip, opening either works or raises a WorkspaceError, the file stays
    as it was, and whenever reading a register fails, `check` reports a problem."""
    original = filled_template.read_bytes()
    rng = random.Random(20261125)
    path = tmp_path / "flipped.caio"
    outcomes = {"opened": 0, "refused": 0}
    for _ in range(FLIP_TRIALS):
        content = bytearray(original)
        near_header = rng.random() < 0.3
        for _ in range(rng.choice((1, 4, 16))):
            offset = rng.randrange(100) if near_header else rng.randrange(len(content))
            content[offset] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(content))
        problems = check_workspace(path)
        try:
            ws = Workspace.open(path)
        except WorkspaceError:
            outcomes["refused"] += 1
            assert problems, "a file refused at open must fail its check too"
        else:
            outcomes["opened"] += 1
            try:
                for key in MODULES:
                    fetch_rows(ws, key)
            except Exception:  # noqa: BLE001 - any read failure must have been foreseen by check
                assert problems, "reading failed on a file that passed its check"
            finally:
                ws.close()
        assert path.read_bytes() == bytes(content)
    assert outcomes["opened"] and outcomes["refused"]  # the sweep exercised both paths


def test_latest_good_snapshot_skips_damaged_ones(filled: Path) -> None:
    assert latest_good_snapshot(filled) is None
    with Workspace.open(filled) as ws:
        good = take_snapshot(ws, reason="good")
        create_row(ws, "watch", {"title": "après"})
        newest = take_snapshot(ws, reason="newest")
    assert latest_good_snapshot(filled).path == newest
    flipped_data_page(newest)
    assert latest_good_snapshot(filled).path == good
    truncated_half(good)
    assert latest_good_snapshot(filled) is None
    assert len(list_snapshots(filled)) == 2


def test_restore_the_latest_good_snapshot_after_damage(filled: Path, capsys: pytest.CaptureFixture) -> None:
    """The way forward of a damaged file, end to end: refused, restored, open again with its rows."""
    with Workspace.open(filled) as ws:
        take_snapshot(ws, reason="daily")
    flipped_data_page(filled)
    with pytest.raises(CorruptFileError) as caught:
        Workspace.open(filled)
    assert Remedy.RESTORE_SNAPSHOT in caught.value.remedies
    snapshot = latest_good_snapshot(filled)
    assert main(["restore", str(filled), "--from", str(snapshot.path)]) == 0
    with Workspace.open(filled) as ws:
        assert count_rows(ws, "risks") == 60 and count_rows(ws, "watch") == 60
    assert main(["check", str(filled)]) == 0


def test_restore_latest_skips_a_damaged_newest_snapshot(filled: Path, capsys: pytest.CaptureFixture) -> None:
    with Workspace.open(filled) as ws:
        good = take_snapshot(ws, reason="good")
        newest = take_snapshot(ws, reason="newest")
    truncated_half(newest)
    zero_length(filled)
    assert main(["restore", str(filled), "--from", "latest"]) == 0
    assert str(good) in capsys.readouterr().out
    with Workspace.open(filled) as ws:
        assert count_rows(ws, "risks") == 60
    for snap in list_snapshots(filled):
        truncated_half(snap.path)
    assert main(["restore", str(filled), "--from", "latest"]) == 1
    assert "every snapshot fails its check" in capsys.readouterr().err
