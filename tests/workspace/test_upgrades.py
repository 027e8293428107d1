"""Schema upgrades on the released v1 fixture: every row kept, all-or-nothing, snapshot first, newer
files refused. The steps here are test-only: they stand for the next real step of `UPGRADES`."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from caio_desktop.workspace import Workspace, schema
from caio_desktop.workspace.digest import content_hash, row_counts
from caio_desktop.workspace.engine import raw_connect
from caio_desktop.workspace.errors import NewerVersionError, UpgradeError
from caio_desktop.workspace.queries import count_rows, fetch_rows
from caio_desktop.workspace.snapshots import list_snapshots

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "workspace-v1.caio"
LATER_COLUMNS = {"row_version", "author"}  # added by schema 5 to rows that had none: left out of "untouched"


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    target = tmp_path / "mission-v1.caio"
    shutil.copyfile(FIXTURE_V1, target)
    return target


def add_risk_velocity(connection: sqlite3.Connection) -> None:
    """A realistic step: a new column filled from existing data, plus an index."""
    connection.execute("ALTER TABLE risks ADD COLUMN velocity INTEGER")
    connection.execute("UPDATE risks SET velocity = likelihood * impact")
    connection.execute("CREATE INDEX ix_risks_velocity ON risks (velocity)")


def half_done_then_failing(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE risks ADD COLUMN detectability INTEGER")
    connection.execute("DELETE FROM watch")
    connection.execute("UPDATE engagement SET client_name = 'lost'")
    raise RuntimeError("disk full while rebuilding the stakeholders table")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixture_is_a_v1_workspace_with_rows_in_several_modules() -> None:
    counts = row_counts(FIXTURE_V1)
    assert {k: counts[k] for k in ("risks", "use_cases", "stakeholders", "decisions", "watch")} == {
        "risks": 3, "use_cases": 2, "stakeholders": 2, "decisions": 1, "watch": 1}
    raw = sqlite3.connect(f"{FIXTURE_V1.as_uri()}?mode=ro", uri=True)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    raw.close()


def test_current_app_opens_the_v1_fixture_with_all_its_rows(v1_file: Path) -> None:
    with Workspace.open(v1_file) as ws:
        assert ws.engagement().client_name == "Mutuelle du Littoral"
        titles = [r["title"] for r in fetch_rows(ws, "risks")]
        assert "Fuite de données personnelles" in titles
        assert fetch_rows(ws, "use_cases")[0]["objective_ids"] == [1]


def test_a_step_runs_on_a_copy_without_losing_a_row(v1_file: Path) -> None:
    counts, hashes = row_counts(v1_file), content_hash(v1_file)
    connection = raw_connect(v1_file)
    try:
        assert schema.upgrade(connection, v1_file, target=2, steps={1: add_risk_velocity}) == [2]
        assert schema.user_version(connection) == 2
    finally:
        connection.close()
    assert row_counts(v1_file) == counts
    after = content_hash(v1_file, ignore={"velocity"})
    assert after == hashes  # every value of every row is still there
    raw = sqlite3.connect(v1_file)
    assert raw.execute("SELECT title, velocity FROM risks ORDER BY id").fetchall()[1] == (
        "Fuite de données personnelles", 10)
    raw.close()
    assert sha(FIXTURE_V1) != sha(v1_file)  # the released fixture itself was not touched


def test_a_failing_step_leaves_the_file_byte_identical(v1_file: Path) -> None:
    before = sha(v1_file)
    connection = raw_connect(v1_file)
    try:
        with pytest.raises(UpgradeError, match="disk full") as caught:
            schema.upgrade(connection, v1_file, target=3, steps={1: add_risk_velocity, 2: half_done_then_failing})
        assert "schema 3" in str(caught.value) and "left unchanged" in str(caught.value)
        assert schema.user_version(connection) == 1
    finally:
        connection.close()
    assert sha(v1_file) == before
    assert not Path(f"{v1_file}-journal").exists()


def test_a_missing_step_is_refused_before_anything_changes(v1_file: Path) -> None:
    before = sha(v1_file)
    connection = raw_connect(v1_file)
    try:
        with pytest.raises(UpgradeError, match="no upgrade step from version 1"):
            schema.upgrade(connection, v1_file, target=2, steps={})
    finally:
        connection.close()
    assert sha(v1_file) == before


def test_open_snapshots_before_upgrading(v1_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = schema.SCHEMA_VERSION  # the released steps, then a test step
    monkeypatch.setattr(schema, "SCHEMA_VERSION", real + 1)
    monkeypatch.setattr(schema, "UPGRADES", {**schema.UPGRADES, real: add_risk_velocity})
    hashes = content_hash(v1_file)
    with Workspace.open(v1_file) as ws:
        assert ws.schema_version == real + 1
        assert count_rows(ws, "risks") == 3
    snapshots = list_snapshots(v1_file)
    assert [s.reason for s in snapshots] == ["before-upgrade-v1"]
    assert content_hash(snapshots[0].path) == hashes  # the snapshot is the file as it was
    raw = sqlite3.connect(snapshots[0].path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    raw.close()


def test_open_keeps_the_file_when_the_upgrade_fails(v1_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setattr(schema, "UPGRADES", {**schema.UPGRADES, schema.SCHEMA_VERSION: half_done_then_failing})
    before = sha(v1_file)
    with pytest.raises(UpgradeError):
        Workspace.open(v1_file)
    assert sha(v1_file) == before
    assert not Path(f"{v1_file}.lock").exists()


def test_a_file_one_version_ahead_is_refused_untouched(v1_file: Path) -> None:
    raw = sqlite3.connect(v1_file)
    raw.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    raw.close()
    before = sha(v1_file)
    for read_only in (False, True):
        with pytest.raises(NewerVersionError, match=f"schema {schema.SCHEMA_VERSION + 1}"):
            Workspace.open(v1_file, read_only=read_only)
    assert sha(v1_file) == before
    assert list_snapshots(v1_file) == []


def _indexes(path: Path) -> list[tuple[str, str]]:
    raw = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        raw.close()


def test_schema_2_drops_the_level_index_and_makes_optional_links_partial(v1_file: Path, tmp_path: Path) -> None:
    """The real first step: the v1 fixture ends with exactly the indexes of a new file, rows untouched."""
    import datetime as dt

    hashes, counts = content_hash(v1_file), row_counts(v1_file)
    assert "ix_risks_level" in dict(_indexes(v1_file))
    with Workspace.open(v1_file) as ws:
        assert ws.schema_version == schema.SCHEMA_VERSION
    Workspace.create(tmp_path / "new.caio", client="Neuve", language="fr", start=dt.date(2026, 1, 5)).close()
    upgraded = dict(_indexes(v1_file))
    assert upgraded == dict(_indexes(tmp_path / "new.caio"))
    assert "ix_risks_level" not in upgraded
    assert upgraded["ix_risks_ai_system_id"].endswith("WHERE ai_system_id IS NOT NULL")
    assert "WHERE" not in upgraded["ix_use_case_objectives_use_case_id"]  # a required link keeps a full index
    after, after_counts = content_hash(v1_file, ignore=LATER_COLUMNS), row_counts(v1_file)
    assert {k: after[k] for k in hashes} == hashes and {k: after_counts[k] for k in counts} == counts
    raw = sqlite3.connect(v1_file)
    try:
        plan = raw.execute("EXPLAIN QUERY PLAN SELECT id FROM risks WHERE ai_system_id = 1").fetchall()
    finally:
        raw.close()
    assert "ix_risks_ai_system_id" in plan[0][-1]  # the look-up deleting an AI system makes still uses it


def test_the_newest_fixture_is_what_this_application_writes(tmp_path: Path) -> None:
    """The released fixture of the current schema opens as it is (no upgrade, no snapshot) with every
    row, and each older fixture upgraded holds the same rows and indexes: the next step starts from any."""
    newest = FIXTURE_V1.with_name(f"workspace-v{schema.SCHEMA_VERSION}.caio")
    copy = tmp_path / "mission-newest.caio"
    shutil.copyfile(newest, copy)
    with Workspace.open(copy) as ws:
        assert ws.schema_version == schema.SCHEMA_VERSION
        assert ws.engagement().client_name == "Mutuelle du Littoral"
    assert not any(s.reason.startswith("before-upgrade") for s in list_snapshots(copy))  # nothing to upgrade
    for version in range(1, schema.SCHEMA_VERSION):
        upgraded = tmp_path / f"mission-v{version}.caio"
        shutil.copyfile(FIXTURE_V1.with_name(f"workspace-v{version}.caio"), upgraded)
        Workspace.open(upgraded).close()
        assert row_counts(upgraded) == row_counts(newest)
        assert _indexes(upgraded) == _indexes(newest)


def _columns(path: Path) -> dict[str, list[tuple]]:
    raw = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [tuple(row) for row in raw.execute(f'PRAGMA table_info("{t}")')] for t in sorted(tables)}
    finally:
        raw.close()


def test_schema_3_adds_the_survey_tables_as_a_new_file_has_them(tmp_path: Path) -> None:
    """Issue 17's step: the v2 fixture gains the survey tables (columns, types, constraints as the models
    make them for a new file), every other row and table untouched."""
    import datetime as dt

    v2 = tmp_path / "mission-v2.caio"
    shutil.copyfile(FIXTURE_V1.with_name("workspace-v2.caio"), v2)
    hashes = content_hash(v2)
    with Workspace.open(v2) as ws:
        assert ws.schema_version == schema.SCHEMA_VERSION  # (and on through the later steps)
    Workspace.create(tmp_path / "new.caio", client="Neuve", language="fr", start=dt.date(2026, 1, 5)).close()
    assert _columns(v2) == _columns(tmp_path / "new.caio")
    after = content_hash(v2, ignore=LATER_COLUMNS)
    assert {k: after[k] for k in hashes} == hashes  # every table it had, every value
    raw = sqlite3.connect(v2)
    try:
        raw.execute("INSERT INTO survey_campaigns (name, kind, token, lang, anonymous, id, created_at, updated_at, "
                    "custom) VALUES ('a', 'usage', 't', 'fr', 0, 1, '2026-01-01', '2026-01-01', '{}')")
        with pytest.raises(sqlite3.IntegrityError):  # one campaign of a name
            raw.execute("INSERT INTO survey_campaigns (name, kind, token, lang, anonymous, id, created_at, "
                        "updated_at, custom) VALUES ('a', 'usage', 'u', 'fr', 0, 2, '2026-01-01', '2026-01-01', '{}')")
    finally:
        raw.close()


def test_schema_5_gives_every_row_version_1_and_every_past_change_no_author(tmp_path: Path) -> None:
    """Issue 19's step on the v4 fixture: the columns of a new file, in its order; every row of every
    table version 1, every audit entry without an author; every value it had untouched."""
    import datetime as dt

    v4 = tmp_path / "mission-v4.caio"
    shutil.copyfile(FIXTURE_V1.with_name("workspace-v4.caio"), v4)
    hashes = content_hash(v4)
    with Workspace.open(v4) as ws:
        assert ws.schema_version == 5
        assert [r["title"] for r in fetch_rows(ws, "risks")][0] == "Biais dans le tri des dossiers"
        assert {entry.author for entry in ws.audit_trail()} == {None}
    Workspace.create(tmp_path / "new.caio", client="Neuve", language="fr", start=dt.date(2026, 1, 5)).close()
    assert _columns(v4) == _columns(tmp_path / "new.caio")
    assert content_hash(v4, ignore=LATER_COLUMNS) == hashes
    raw = sqlite3.connect(v4)
    try:
        for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            assert raw.execute(f'SELECT DISTINCT row_version FROM "{table}"').fetchall() in ([], [(1,)]), table
        assert raw.execute("SELECT count(*), count(author) FROM audit_log").fetchone()[1] == 0
        raw.execute("INSERT INTO settings (key, value, id, created_at, updated_at, custom) "
                    "VALUES ('k', '1', 99, '2026-01-01', '2026-01-01', '{}')")  # a writer that omits it
        assert raw.execute("SELECT row_version FROM settings WHERE id = 99").fetchone() == (1,)
    finally:
        raw.close()


def test_a_new_engagement_records_its_author(tmp_path: Path) -> None:
    import datetime as dt

    with Workspace.create(tmp_path / "new.caio", client="Neuve", start=dt.date(2026, 1, 5),
                          author="Camille Durand") as ws:
        assert ws.author == "Camille Durand"
        assert [(e.operation, e.author) for e in ws.audit_trail()] == [("Create engagement", "Camille Durand")]
    with Workspace.open(tmp_path / "new.caio") as ws:
        assert ws.author is None  # not known until someone says (H6: Preferences or the database role)
