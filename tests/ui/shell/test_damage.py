"""Damage met by a page while it reads (text SQLite cannot decode) says the workspace is damaged and
offers the latest good snapshot, once per open file, instead of a traceback."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from caio_desktop.operations import create_row
from caio_desktop.ui.shell.damage import install_damage_hook
from caio_desktop.ui.shell.files import FileController
from caio_desktop.workspace.engine import database_error
from caio_desktop.workspace.queries import fetch_rows
from caio_desktop.workspace.snapshots import take_snapshot


def _undecodable_title(window, demo_file: Path) -> None:  # noqa: ANN001
    """The demo with a snapshot, then one risk whose title bytes are not UTF-8 (as bit flips leave)."""
    assert window.files.open_path(demo_file)
    workspace = window.context.workspace
    take_snapshot(workspace, reason="manual")
    create_row(workspace, "risks", {"title": "Sera abîmé", "likelihood": 2, "impact": 2})
    raw = sqlite3.connect(workspace.path)
    raw.execute("UPDATE risks SET title = CAST(x'C3FFFE' AS TEXT) WHERE title = 'Sera abîmé'")
    raw.commit()
    raw.close()


def test_a_page_meeting_undecodable_text_offers_the_restore_once(window, qtbot, demo_file: Path,
                                                                  monkeypatch) -> None:  # noqa: ANN001
    offered: list = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: offered.append((title, text, remedies)) or None))
    _undecodable_title(window, demo_file)
    try:
        fetch_rows(window.context.workspace, "risks")
    except Exception as error:  # noqa: BLE001 - what a register's model meets
        met = error
    detail, damaged = database_error(met)
    assert damaged and "Could not decode" in detail and "with text" not in detail
    previous = install_damage_hook(window.files)
    try:
        for _ in range(3):  # a register repainting meets the same row again
            sys.excepthook(type(met), met, met.__traceback__)
        qtbot.waitUntil(lambda: bool(offered), timeout=5000)
        qtbot.wait(50)
    finally:
        sys.excepthook = previous
    assert len(offered) == 1
    title, text, remedies = offered[0]
    assert title == "Fichier de mission endommagé" and "Could not decode" in text
    assert [key for key, _ in remedies] == ["restore_snapshot"]


def test_other_errors_go_to_the_previous_hook(window, monkeypatch) -> None:  # noqa: ANN001
    seen: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: seen.append(info[1]))
    previous = install_damage_hook(window.files)
    try:
        error = ValueError("a bug, not a damaged file")
        sys.excepthook(ValueError, error, None)
        busy = sqlite3.OperationalError("database is locked")
        sys.excepthook(sqlite3.OperationalError, busy, None)
    finally:
        sys.excepthook = previous
    assert seen == [error, busy]
