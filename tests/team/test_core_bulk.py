"""A 100,000-row import into an engagement on the server: one transaction, its rows written by COPY
(not row by row), every value as the sheet gave it; undone in one step."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from caio_desktop.interchange.importing import apply_import, plan_import
from caio_desktop.operations import undo
from caio_desktop.team.bulk import copy_columns
from caio_desktop.workspace.models import Base
from caio_desktop.workspace.queries import count_rows, fetch_rows

ROWS = 100_000


def _sheet(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("Titre;Description;Probabilité;Impact;Propriétaire\n")
        for n in range(ROWS):
            out.write(f"Risque importé {n};Détail « {n} » d'un risque;{n % 5 + 1};{n // 5 % 5 + 1};Équipe {n % 17}\n")
    return path


def test_a_100000_row_import_is_copied_in_one_transaction(team_workspace, tmp_path: Path,  # noqa: ANN001
                                                          monkeypatch) -> None:  # noqa: ANN001
    ws = team_workspace
    statements: list[str] = []
    event.listen(ws.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: statements.append(statement))
    commits: list[int] = []
    event.listen(ws.engine, "commit", lambda conn: commits.append(1))
    import psycopg

    copies: list[str] = []
    driver_copy = psycopg.Cursor.copy

    def counting_copy(self, statement, *args, **kwargs):  # noqa: ANN001, ANN202
        copies.append(str(statement))
        return driver_copy(self, statement, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "copy", counting_copy)
    plan = plan_import(ws, _sheet(tmp_path / "registre.csv"), "risks", mapping="auto")
    assert len(plan.valid) == ROWS
    commits.clear()
    statements.clear()
    result = apply_import(ws, plan)
    assert result.imported == ROWS
    assert len(commits) == 1  # one transaction
    # The rows: COPY, one per batch of the importer (it hands them over 20,000 at a time), no row by row.
    assert {c.split("(")[0].strip() for c in copies} == {"COPY risks"} and 1 <= len(copies) <= 10
    assert len(statements) < 100
    with ws.engine.connect() as conn:  # every row written by that one transaction
        assert conn.exec_driver_sql("SELECT count(DISTINCT xmin::text), count(*) FROM risks").one() == (1, ROWS)
    rows = {r["title"]: r for r in fetch_rows(ws, "risks")}
    sample = rows["Risque importé 99999"]
    assert (sample["description"], sample["likelihood"], sample["impact"], sample["owner"]) == (
        "Détail « 99999 » d'un risque", 5, 5, "Équipe 5")
    assert count_rows(ws, "risks") == ROWS
    undo(ws, result.change)
    assert count_rows(ws, "risks") == 0


def test_copy_columns_writes_every_kind_of_value_and_moves_the_id_sequence(team_workspace) -> None:  # noqa: ANN001
    import datetime as dt

    from caio_desktop.operations import create_row

    ws = team_workspace
    table = Base.metadata.tables["ai_systems"]
    now = dt.datetime(2026, 3, 2, 9, 30)
    with ws.writing() as conn:
        assert copy_columns(conn, table, {
            "id": [10, 11], "name": ["Tri « IA »", "O'Brien\ttab\nligne"], "shadow_ai": [True, None],
            "annex_iii_area": [4, None], "custom": [{"Coût": "12 k€"}, {}], "created_at": [now, now],
            "updated_at": [now, now]}) == 2
    stored = {r["id"]: r for r in fetch_rows(ws, "ai_systems")}
    assert stored[10]["name"] == "Tri « IA »" and stored[11]["name"] == "O'Brien\ttab\nligne"
    assert (stored[10]["shadow_ai"], stored[11]["shadow_ai"], stored[10]["custom"]) == (True, None, {"Coût": "12 k€"})
    assert stored[10]["row_version"] == 1 and stored[10]["created_at"] == now
    assert create_row(ws, "ai_systems", {"name": "Suivant"}).row_ids == [12]  # the sequence moved past 11


def test_a_nul_character_is_refused_naming_its_column_and_row(team_workspace) -> None:  # noqa: ANN001
    import pytest

    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded

    rows = [{"title": "Propre", "code": "R-1"}, {"title": "nul\x00caché", "code": "R-2"}]
    with pytest.raises(ValueError, match=r"risks.title, row 2 .*NUL character"):
        run_recorded(team_workspace, ChangeSet("import", "risks", "2"), lambda rec: rec.insert_many("risks", rows))
    assert count_rows(team_workspace, "risks") == 0  # nothing of the batch


def test_a_server_error_is_one_clear_line(pg_server, team_workspace, capsys) -> None:  # noqa: ANN001
    import pytest

    from caio_desktop.cli import main
    from caio_desktop.workspace.engine import database_error

    with pytest.raises(Exception) as caught, team_workspace.engine.connect() as conn:
        conn.exec_driver_sql("SELECT * FROM registre_absent")
    assert database_error(caught.value) == ('relation "registre_absent" does not exist', False)
    pg_server.execute(f"DROP TABLE {team_workspace.address.schema}.risk_actions CASCADE")  # a hand-edited schema
    assert main(["export", team_workspace.location, "--xlsx", "/dev/null/x.xlsx"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("caio: error: ") and "the risk_actions table is missing" in err
