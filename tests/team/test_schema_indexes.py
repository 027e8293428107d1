"""The partial link indexes (`WHERE column IS NOT NULL`) exist on a server as in a file, without the
PostgreSQL dialect being loaded by every `caio` command that only works on files."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text


def test_a_team_engagement_has_the_same_partial_link_indexes_as_a_file(team_workspace, workspace) -> None:
    with team_workspace.engine.connect() as conn:
        server = dict(conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname LIKE 'ix_%'")).all())
    with workspace.engine.connect() as conn:
        file = dict(conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'")).all())
    assert "ix_risks_ai_system_id" in server and set(file) <= set(server)
    for name, sql in file.items():
        assert ("WHERE" in sql) == ("WHERE" in server[name]), name
    assert "WHERE (ai_system_id IS NOT NULL)" in server["ix_risks_ai_system_id"]


def test_the_models_do_not_load_the_postgresql_dialect() -> None:
    probe = ("import sys, caio_desktop.workspace.models, caio_desktop.cli; "
             "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
