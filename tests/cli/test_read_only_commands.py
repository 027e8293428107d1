"""Issue 21, points 4, 7 and 8: what the read-only commands say about a file they cannot fully trust.

- 7: while another process holds the workspace, `caio info`, `caio check` and `caio export` all read it
  (reading is safe) and say on stderr that another process holds it. Before, `info` alone refused.
- 8: a workspace written by a newer version: `caio check` advises updating the application, never
  restoring an older snapshot (which would replace the newer work).
- 4: text that is not UTF-8 inside a damaged file: the workspace is called damaged and the restore is
  offered, never "internal error" with SQLAlchemy's link.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

CAIO = [sys.executable, "-m", "caio_desktop.cli"]


def caio(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CAIO, *map(str, args)], capture_output=True, text=True, timeout=180)


@pytest.fixture
def held(demo_file: Path) -> Iterator[Path]:
    """The demo workspace, open (locked) in another process for the duration of the test."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from caio_desktop.workspace import Workspace; "
         "ws = Workspace.open(sys.argv[1]); print('ready', flush=True); sys.stdin.read(); ws.close()",
         str(demo_file)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    try:
        yield demo_file
    finally:
        holder.communicate("", timeout=30)


@pytest.mark.parametrize("command", [("info",), ("info", "--json"), ("check",), ("export", "--xlsx", "{dir}/m.xlsx")])
def test_read_only_commands_read_a_held_file_and_say_so(held: Path, command: tuple[str, ...]) -> None:
    args = [a.format(dir=held.parent) for a in command]
    done = caio(args[0], held, *args[1:])
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == (f"caio: note: {held} is open in another CAIO Desktop window or process; "
                                   "read as it was last saved there")
    assert done.stdout.strip()


def test_a_command_that_writes_is_still_refused_on_a_held_file(held: Path) -> None:
    done = caio("snapshot", held)
    assert done.returncode == 1 and "already open in another" in done.stderr


def test_no_note_when_nobody_holds_the_file(demo_file: Path) -> None:
    done = caio("info", demo_file)
    assert done.returncode == 0 and done.stderr == ""


def test_check_of_a_newer_workspace_advises_updating_the_application(demo_file: Path) -> None:
    connection = sqlite3.connect(demo_file)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    done = caio("check", demo_file)
    assert done.returncode == 1
    assert "newer CAIO Desktop" in done.stderr and "update the application" in done.stderr
    assert "restore" not in done.stderr + done.stdout


def test_undecodable_text_is_called_damage_with_the_restore_offered(demo_file: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(demo_file)
    title = connection.execute("SELECT title FROM risks ORDER BY id LIMIT 1").fetchone()[0]
    connection.close()
    data = demo_file.read_bytes()
    needle = title.encode()
    assert needle in data
    demo_file.write_bytes(data.replace(needle, b"\xff\xfe" + needle[2:]))  # every copy (audit trail too)

    done = caio("export", demo_file, "--xlsx", tmp_path / "m.xlsx")
    assert done.returncode == 1, done.stdout[-300:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in lines[0] and "sqlalche.me" not in lines[0], lines
    assert lines[0].startswith(f"caio: error: {demo_file}: the workspace is damaged (Could not decode")
    assert lines[0].endswith(f"restore a snapshot with: caio restore {demo_file} --from latest")
    assert not (tmp_path / "m.xlsx").exists()
    checked = caio("check", demo_file)
    assert checked.returncode == 1 and "not valid UTF-8" in checked.stdout
