"""The Recorder: bulk inserts are undoable, replay restores rows exactly, audit entries are written."""

from __future__ import annotations

from caio_desktop.operations import undo
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.workspace.queries import count_rows, fetch_rows


def test_insert_many_is_one_undo_step_with_one_audit_entry(workspace) -> None:
    rows = [{"code": f"R-{n:03d}", "title": f"Risque {n}", "likelihood": 1 + n % 5, "impact": 1 + n % 3,
             "level": "low"} for n in range(1, 501)]
    change = run_recorded(workspace, ChangeSet("import", "risks", "500"),
                          lambda rec: rec.insert_many("risks", rows))
    assert count_rows(workspace, "risks") == 500
    assert change.row_ids == list(range(1, 501))
    assert workspace.audit_trail(1)[0].after == "500 rows"
    undo(workspace, change)
    assert count_rows(workspace, "risks") == 0


def test_merged_changes_keep_first_before_and_last_after(workspace) -> None:
    from caio_desktop.operations import create_row, update_row

    risk = create_row(workspace, "risks", {"title": "Dérive", "likelihood": 1, "impact": 1}).row_ids[0]
    first = update_row(workspace, "risks", risk, {"title": "Dérive du modèle"})
    second = update_row(workspace, "risks", risk, {"title": "Dérive du modèle de tarification"})
    merged = first.merged_with(second)
    assert len(merged.changes) == 1
    assert merged.changes[0].before["title"] == "Dérive"
    assert merged.changes[0].after["title"] == "Dérive du modèle de tarification"
    undo(workspace, merged)
    assert fetch_rows(workspace, "risks")[0]["title"] == "Dérive"


def test_insert_many_stores_each_rows_own_custom_attributes(workspace) -> None:
    """Equal custom attributes are encoded once, yet attributes that only look equal stay apart."""
    customs = [{"Remarque": "vu"}, {"Remarque": "vu"}, {"Remarque": "revu"}, {"n": 1}, {"n": True}, {},
               {"a": "1", "b": "2"}, {"b": "2", "a": "1"}]
    rows = [{"code": f"R-{n:03d}", "title": f"Risque {n}", "likelihood": 2, "impact": 2, "custom": custom}
            for n, custom in enumerate(customs, 1)]
    run_recorded(workspace, ChangeSet("import", "risks", "8"), lambda rec: rec.insert_many("risks", rows))
    stored = {r["code"]: r["custom"] for r in fetch_rows(workspace, "risks")}
    assert [stored[f"R-{n:03d}"] for n in range(1, 9)] == customs
    assert stored["R-005"]["n"] is True and stored["R-004"]["n"] == 1 and stored["R-004"]["n"] is not True


def test_bulk_insert_is_one_compact_change_that_undo_and_redo_replay_exactly(workspace) -> None:
    from caio_desktop.operations import redo
    from caio_desktop.operations.changes import BulkInsert

    rows = [{"code": f"R-{n:03d}", "title": f"Risque {n}", "likelihood": 2, "impact": 3,
             "custom": {"Source": f"ligne {n}"}} for n in range(1, 1001)]
    change = run_recorded(workspace, ChangeSet("import", "risks", "1000"),
                          lambda rec: rec.insert_many("risks", rows))
    assert len(change.changes) == 1 and isinstance(change.changes[0], BulkInsert)
    assert list(change.changes[0].row_ids) == list(range(1, 1001))
    stored = fetch_rows(workspace, "risks")
    undo(workspace, change)
    assert count_rows(workspace, "risks") == 0
    assert workspace.audit_trail(1)[0].before == "1000 rows"
    redo(workspace, change)
    assert fetch_rows(workspace, "risks") == stored  # same ids, values, custom attributes and timestamps
    undo(workspace, change)
    assert count_rows(workspace, "risks") == 0


def test_bulk_insert_merges_row_by_row_with_a_later_edit(workspace) -> None:
    from caio_desktop.operations import update_row

    rows = [{"code": f"R-{n:03d}", "title": f"Risque {n}", "likelihood": 1, "impact": 1} for n in (1, 2)]
    added = run_recorded(workspace, ChangeSet("import", "risks", "2"), lambda rec: rec.insert_many("risks", rows))
    edited = update_row(workspace, "risks", 2, {"title": "Risque renommé"})
    merged = added.merged_with(edited)
    assert [(c.row_id, c.before, c.after["title"]) for c in merged.changes] == [
        (1, None, "Risque 1"), (2, None, "Risque renommé")]
    undo(workspace, merged)
    assert count_rows(workspace, "risks") == 0


def test_bulk_insert_tells_which_rows_and_owners_it_touched(workspace) -> None:
    from caio_desktop.operations.changes import BulkInsert

    change = BulkInsert("risk_controls", {"id": [7, 8], "risk_id": [3, None], "control_id": [1, 2]})
    assert list(change.row_ids) == [7, 8]
    assert list(change.values_of("risk_id")) == [3]
    assert list(change.inverted().inverted().row_ids) == [7, 8] and change.inverted().removed


def test_bulk_insert_stores_values_shared_by_every_row_exactly(workspace) -> None:
    """Columns with one value in every row are written once into the statement: quotes, NUL characters,
    numbers and empty columns must come back exactly as given."""
    import sqlite3

    for title in ("L'IA « générative »", "'; DROP TABLE risks; --", "nul\x00caché"):
        rows = [{"title": title, "code": f"R-{n}-{len(title)}", "likelihood": 3, "impact": 2, "owner": None,
                 "description": "Même texte", "custom": {"Note": "x"}} for n in range(3)]
        run_recorded(workspace, ChangeSet("import", "risks", "3"), lambda rec, rows=rows: rec.insert_many("risks", rows))
        stored = [r for r in fetch_rows(workspace, "risks") if r["title"] == title]
        assert len(stored) == 3
        assert {(r["likelihood"], r["impact"], r["owner"], r["description"], r["custom"]["Note"]) for r in stored} \
            == {(3, 2, None, "Même texte", "x")}
    connection = sqlite3.connect(workspace.path)
    try:
        kinds = set(connection.execute("select typeof(likelihood), typeof(owner), typeof(created_at) from risks"))
    finally:
        connection.close()
    assert kinds == {("integer", "null", "text")}


def test_bulk_insert_keeps_values_that_are_equal_but_not_the_same() -> None:
    from caio_desktop.operations.recorder import _literal

    assert _literal([1, True, 1.0]) is None and _literal([2, 2]) == "2" and _literal([None, None]) == "NULL"
    assert _literal([float("nan")] * 2) is None and _literal(["a\x00"] * 2) is None
    assert _literal([3.920229424090518] * 2) is None  # bound: SQLite's text-to-double is not exact
    assert _literal(["l'IA"] * 2) == "'l''IA'" and _literal(["a", "b"]) is None and _literal([]) is None
    assert _literal([2**63] * 2) is None and _literal([-(2**63)] * 2) == str(-(2**63))


def _index_sql(workspace) -> dict[str, str]:  # noqa: ANN001
    import sqlite3

    connection = sqlite3.connect(workspace.path)
    try:
        return dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'risks' AND sql IS NOT NULL"))
    finally:
        connection.close()


def test_a_large_bulk_load_rebuilds_the_plain_indexes_as_they_were(workspace, monkeypatch) -> None:
    import pytest

    from caio_desktop.operations import recorder

    monkeypatch.setattr(recorder, "_BULK_LOAD_ROWS", 10)
    before = _index_sql(workspace)
    rows = [{"code": f"R-{n:03d}", "title": f"Risque {n}", "likelihood": 1 + n % 5, "impact": 2} for n in range(40)]

    def load(rec, fail: bool = False):  # noqa: ANN001, ANN202
        with rec.bulk_load("risks", len(rows)):
            assert "ix_risks_matrix" not in dict(rec.conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'risks'").all())
            rec.insert_many("risks", rows)
            if fail:
                raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        run_recorded(workspace, ChangeSet("import", "risks", "40"), lambda rec: load(rec, fail=True))
    assert _index_sql(workspace) == before and count_rows(workspace, "risks") == 0
    run_recorded(workspace, ChangeSet("import", "risks", "40"), load)
    assert _index_sql(workspace) == before and count_rows(workspace, "risks") == 40
    import sqlite3

    connection = sqlite3.connect(workspace.path)
    try:
        plan = connection.execute("EXPLAIN QUERY PLAN SELECT likelihood, impact, count(*) FROM risks "
                                  "GROUP BY likelihood, impact").fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    assert "ix_risks_matrix" in plan[0][-1]


def test_a_number_shared_by_every_row_comes_back_exactly(workspace) -> None:
    """Floats are bound, never written as SQL text (SQLite 3.40 reads some of those one bit off)."""
    from caio_desktop.operations import redo

    value = 3.920229424090518
    rows = [{"name": "Délai moyen de traitement", "baseline": value, "target": value / 3}]
    change = run_recorded(workspace, ChangeSet("import", "kpis", "1"), lambda rec: rec.insert_many("kpis", rows))
    assert fetch_rows(workspace, "kpis")[0]["baseline"] == value
    undo(workspace, change)
    redo(workspace, change)
    assert fetch_rows(workspace, "kpis")[0]["baseline"] == value
