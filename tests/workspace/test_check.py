"""`check_workspace`: healthy files pass; damage, broken links and foreign files are named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from caio_desktop.workspace.check import check_workspace


def test_healthy_file_has_no_problem(workspace_file: Path) -> None:
    assert check_workspace(workspace_file) == []


def test_broken_links_are_reported(workspace_file: Path) -> None:
    raw = sqlite3.connect(workspace_file)
    raw.execute("INSERT INTO risk_actions (risk_id, title, custom, created_at, updated_at) "
                "VALUES (42, 'orphan', '{}', '2026-01-01', '2026-01-01')")
    raw.commit()
    raw.close()
    problems = check_workspace(workspace_file)
    assert any("risk_actions" in p and "missing risks" in p for p in problems)


def test_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "x.caio"
    path.write_text("hello")
    assert "not a CAIO Desktop workspace" in check_workspace(path)[0]
