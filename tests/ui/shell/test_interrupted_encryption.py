"""Issue 21, point 6, in the app: opening a plain workspace whose encryption was killed half-way says so
(the consultant believes the engagement is protected); an ordinary file opens without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from caio_desktop.ui.shell.files import FileController  # noqa: E402
from caio_desktop.workspace import Workspace  # noqa: E402
from caio_desktop.workspace.encryption import _replace_with_export  # noqa: E402
from caio_desktop.workspace.snapshots import take_snapshot  # noqa: E402


def test_the_app_says_that_an_encryption_was_interrupted(window, demo_file: Path, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: shown.append((title, text)) or None))
    assert window.files.open_path(demo_file)
    assert shown == []
    window.files.close()
    with Workspace.open(demo_file) as ws:
        snapshot = take_snapshot(ws)
    _replace_with_export(snapshot, passphrase=None, new="correct horse battery staple")  # as a killed run leaves it

    assert window.files.open_path(demo_file)  # the file itself is fine: it opens, and the app says what happened

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Chiffrement interrompu"
    assert "chiffrement de cette mission a été interrompu" in text and "déchiffrez les instantanés" in text
