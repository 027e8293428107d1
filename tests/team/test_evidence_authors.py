"""Who attached a file (issue 19): the same rule as the history's author — the workspace's name
(Preferences, `--author`), else CAIO_AUTHOR, else the server's database role, else the login — on a
file and on an engagement on the server alike, so each consultant's attachments name them."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from caio_desktop.operations.evidence import attach_file, attachments
from caio_desktop.operations.settings import set_setting
from tests.evidence.test_storage import _risk


def _attach(ws: Any, tmp_path: Path, name: str = "DPIA.pdf") -> str | None:
    source = tmp_path / name
    source.write_bytes(b"%PDF-1.7 preuve")
    risk = _risk(ws)
    attach_file(ws, "risks", risk, source)
    (info,) = attachments(ws, "risks", risk)
    return info.attached_by


def test_the_attachment_names_the_author_the_history_names(any_workspace: Any, tmp_path: Path) -> None:
    any_workspace.author = "Claire Martin"
    set_setting(any_workspace, "user_name", "Un nom pour tous")  # shared by everyone on a server: not asked
    assert _attach(any_workspace, tmp_path) == "Claire Martin"
    assert any_workspace.audit_trail(limit=1)[0].author == "Claire Martin"


def test_without_a_name_caio_author_comes_next(any_workspace: Any, tmp_path: Path, monkeypatch) -> None:
    any_workspace.author = None
    monkeypatch.setenv("CAIO_AUTHOR", "Anne  Martin")
    assert _attach(any_workspace, tmp_path) == "Anne Martin"


def test_without_any_name_the_role_on_a_server_the_login_on_a_file(any_workspace: Any, tmp_path: Path,
                                                                    monkeypatch) -> None:
    any_workspace.author = None
    monkeypatch.delenv("CAIO_AUTHOR", raising=False)
    expected = any_workspace.role if any_workspace.is_team else getpass.getuser()
    assert _attach(any_workspace, tmp_path) == expected
