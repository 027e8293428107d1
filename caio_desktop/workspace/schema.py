"""Schema versions of the workspace file and the ordered steps that upgrade an older file.

`PRAGMA user_version` holds the version. Upgrades run in one exclusive transaction: either the file
reaches the current version with every row, or it is left exactly as it was (calibre's
schema_upgrades, Anki's storage upgrades). A file newer than this application is refused, never touched.

Both engines, one list of steps: from schema 5 on a step takes an SQLAlchemy connection and writes DDL
that SQLite and PostgreSQL read alike (`NEUTRAL_UPGRADES`); a file runs it inside its exclusive
transaction (`UPGRADES` holds it adapted), an engagement on a server (caio_desktop.team) in its own.
Steps 1 to 4 stay SQLite-only (they read sqlite_master and PRAGMAs): a team engagement is created at
schema 5 or later and never needs them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caio_desktop.workspace.errors import UpgradeError
from caio_desktop.workspace.fileinfo import APPLICATION_ID
from caio_desktop.workspace.models import Base
from caio_desktop.workspace.version import MIN_SUPPORTED_VERSION, SCHEMA_VERSION  # noqa: F401 - re-exported

if TYPE_CHECKING:
    from sqlalchemy import Connection as SAConnection

_IDENTIFIER = re.compile(r"^\w+$")
UpgradeStep = Callable[[sqlite3.Connection], None]
NeutralStep = Callable[["SAConnection"], None]


def _v2_lighter_indexes(connection: sqlite3.Connection) -> None:
    """Schema 2: the index on risks.level goes (no query reads it), and the index of each foreign key
    that may be empty becomes partial (`WHERE column IS NOT NULL`), so rows linking nothing cost no
    index upkeep. Read from the file itself, so the step stays what it is whatever the models become."""
    connection.execute("DROP INDEX IF EXISTS ix_risks_level")
    tables = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        nullable = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")') if not row[3]}
        for column in sorted({row[3] for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')}):
            name = f"ix_{table}_{column}"
            if column in nullable and _IDENTIFIER.match(name) and connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone():
                connection.execute(f"DROP INDEX {name}")  # (the same DDL text as a new file's)
                connection.execute(f"CREATE INDEX {name} ON {table} ({column}) WHERE {column} IS NOT NULL")


# The DDL a new file gets from the models (`SurveyCampaign`, `SurveyRespondent`, `SurveyAnswer`) as of
# schema 3, written out: a released step must not change when the models do.
_V3_SURVEY_TABLES = (
    """CREATE TABLE survey_campaigns (
        name VARCHAR NOT NULL, kind VARCHAR NOT NULL, token VARCHAR NOT NULL, lang VARCHAR NOT NULL,
        invited INTEGER, anonymous BOOLEAN NOT NULL, questions JSON, opened_on DATE,
        id INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, custom JSON NOT NULL,
        PRIMARY KEY (id), UNIQUE (name), UNIQUE (token))""",
    """CREATE TABLE survey_respondents (
        campaign_id INTEGER NOT NULL, name VARCHAR, department VARCHAR, role VARCHAR,
        fingerprint VARCHAR NOT NULL, source_file VARCHAR, imported_on DATE,
        id INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, custom JSON NOT NULL,
        PRIMARY KEY (id), UNIQUE (campaign_id, fingerprint),
        FOREIGN KEY(campaign_id) REFERENCES survey_campaigns (id) ON DELETE CASCADE)""",
    "CREATE INDEX ix_survey_respondents_campaign_id ON survey_respondents (campaign_id)",
    """CREATE TABLE survey_answers (
        respondent_id INTEGER NOT NULL, question VARCHAR NOT NULL, value VARCHAR, level INTEGER, comment TEXT,
        id INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, custom JSON NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(respondent_id) REFERENCES survey_respondents (id) ON DELETE CASCADE)""",
    "CREATE INDEX ix_survey_answers_respondent_id ON survey_answers (respondent_id)",
)


def _v3_survey_tables(connection: sqlite3.Connection) -> None:
    """Schema 3: staff survey campaigns, their respondents and answers (issue 17). New tables only, so
    every existing row stays as it was."""
    for statement in _V3_SURVEY_TABLES:
        connection.execute(statement)


# The evidence tables (`EvidenceBlob`, `EvidencePart`, `Attachment`) as of schema 4, written out likewise.
_V4_EVIDENCE_TABLES = (
    """CREATE TABLE evidence_blobs (
        sha256 VARCHAR NOT NULL, size INTEGER NOT NULL,
        id INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, custom JSON NOT NULL,
        PRIMARY KEY (id), UNIQUE (sha256))""",
    """CREATE TABLE evidence_parts (
        blob_id INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
        id INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, custom JSON NOT NULL,
        PRIMARY KEY (id), UNIQUE (blob_id, seq),
        FOREIGN KEY(blob_id) REFERENCES evidence_blobs (id) ON DELETE CASCADE)""",
    "CREATE INDEX ix_evidence_parts_blob_id ON evidence_parts (blob_id)",
    """CREATE TABLE attachments (
        module VARCHAR NOT NULL, row_id INTEGER NOT NULL, name VARCHAR NOT NULL, media_type VARCHAR,
        size INTEGER, attached_at DATETIME NOT NULL, attached_by VARCHAR, sha256 VARCHAR, link VARCHAR,
        id INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, custom JSON NOT NULL,
        PRIMARY KEY (id))""",
    "CREATE INDEX ix_attachments_row ON attachments (module, row_id)",
)


def _v4_evidence_tables(connection: sqlite3.Connection) -> None:
    """Schema 4: evidence files attached to register rows, stored once per content (issue 18). New
    tables only."""
    for statement in _V4_EVIDENCE_TABLES:
        connection.execute(statement)


# Every table as of schema 5, written out (a released step must not change when the models do).
_V5_TABLES = (
    "actions", "ai_systems", "attachments", "audit_log", "communications", "compliance", "decisions",
    "deliverables", "engagement", "evidence_blobs", "evidence_parts", "findings", "initiative_dependencies",
    "initiative_use_cases", "initiatives", "interviews", "kpi_measurements", "kpis", "maturity",
    "maturity_ratings", "milestones", "objectives", "phases", "principles", "risk_actions", "risks",
    "settings", "stakeholders", "survey_answers", "survey_campaigns", "survey_respondents", "team",
    "trainings", "use_case_objectives", "use_cases", "vendor_criteria", "vendor_options", "vendor_scores",
    "watch",
)


def _v5_row_versions_and_authors(conn: SAConnection) -> None:
    """Schema 5 (team mode, issue 19): every row carries a version, 1 for the rows already there, and
    each audit entry its author, NULL (not known) for the changes already recorded. The same DDL text on
    SQLite and PostgreSQL (a constant default: SQLite adds the column without rewriting the table)."""
    quote = conn.dialect.identifier_preparer.quote
    for name in _V5_TABLES:
        conn.exec_driver_sql(f"ALTER TABLE {quote(name)} ADD COLUMN row_version INTEGER DEFAULT 1 NOT NULL")
    conn.exec_driver_sql("ALTER TABLE audit_log ADD COLUMN author VARCHAR")


# NEUTRAL_UPGRADES[n] takes a file or a team engagement from version n to n + 1 (n >= 4). Append here;
# never edit a released step.
NEUTRAL_UPGRADES: dict[int, NeutralStep] = {4: _v5_row_versions_and_authors}
FIRST_NEUTRAL_VERSION = min(NEUTRAL_UPGRADES)


class _Lent:
    """The upgrade's raw connection lent to SQLAlchemy for a neutral step: its transaction is the
    upgrade's (BEGIN EXCLUSIVE … COMMIT in `upgrade`), so commit, rollback and close are no-ops here."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass

    def close(self) -> None:
        pass


def _on_file(step: NeutralStep) -> UpgradeStep:
    """A neutral step run on a file's raw connection, inside the upgrade's exclusive transaction."""
    def run(connection: sqlite3.Connection) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine("sqlite+pysqlite://", creator=lambda: _Lent(connection), poolclass=NullPool)
        try:
            with engine.connect() as conn:
                step(conn)
        finally:
            engine.dispose()

    run.__doc__ = step.__doc__
    return run


# UPGRADES[n] takes a file from version n to n + 1. Append neutral steps to NEUTRAL_UPGRADES instead.
UPGRADES: dict[int, UpgradeStep] = {
    1: _v2_lighter_indexes, 2: _v3_survey_tables, 3: _v4_evidence_tables,
    **{version: _on_file(step) for version, step in NEUTRAL_UPGRADES.items()},
}


def upgrade_neutral(conn: SAConnection, version: int, location: str, *, target: int | None = None,
                    steps: dict[int, NeutralStep] | None = None) -> list[int]:
    """Run the neutral steps from `version` up to `target` on `conn`, inside the caller's transaction
    (a team engagement: its schema and its version stamp change together or not at all).

    Returns the versions reached. A version with no neutral step (below schema 5: only files have those)
    raises UpgradeError naming it and `location` (the engagement's address, without a password).
    """
    target = SCHEMA_VERSION if target is None else target
    reached: list[int] = []
    _run_steps(conn, version, target, NEUTRAL_UPGRADES if steps is None else steps, location, reached)
    return reached


def _run_steps(connection: Any, version: int, target: int, steps: dict[int, Any], location: Path | str,
               reached: list[int]) -> int:
    """Run steps[version], steps[version + 1], … up to `target` on `connection`, appending each version
    reached to `reached` (so that a failing step's caller knows which one failed); the version reached."""
    while version < target:
        step = steps.get(version)
        if step is None:
            raise UpgradeError(location, version + 1, f"no upgrade step from version {version}")
        step(connection)
        version += 1
        reached.append(version)
    return version


def create_schema(connection: sqlite3.Connection) -> None:
    """Create every table of the current schema in an empty database and stamp it."""
    from sqlalchemy import create_engine, event

    # Build the DDL through SQLAlchemy (the typed models are the truth) on this very connection.
    # One explicit transaction: one fsync for the whole schema instead of one per CREATE, and a
    # half-created schema is never committed.
    engine = create_engine("sqlite+pysqlite://", creator=lambda: connection)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")


def shape_problems(connection: sqlite3.Connection) -> list[str]:
    """Tables or columns of the current schema that the file lacks (a damaged schema record reads
    as a table without its columns; saying so at open beats an SQL error in the middle of a page)."""
    problems = []
    for table in Base.metadata.sorted_tables:
        present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
        if not present:
            problems.append(f"the {table.name} table is missing")
            continue
        missing = [column.name for column in table.columns if column.name not in present]
        if missing:
            problems.append(f"the {table.name} table lacks {', '.join(missing)}")
    return problems


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def upgrade(connection: sqlite3.Connection, path: Path, *, target: int | None = None,
            steps: dict[int, UpgradeStep] | None = None) -> list[int]:
    """Run the steps from the file's version up to `target` in one exclusive transaction.

    Returns the versions reached (empty when already current). On any error the transaction is rolled
    back and UpgradeError names the step that failed.
    """
    target = SCHEMA_VERSION if target is None else target  # read now, not when this module loaded
    steps = UPGRADES if steps is None else steps
    current = user_version(connection)
    if current >= target:
        return []
    reached: list[int] = []
    # Foreign keys cannot be switched inside a transaction; steps that rebuild tables need them off.
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute("BEGIN EXCLUSIVE")
    try:
        version = _run_steps(connection, current, target, steps, path, reached)
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise UpgradeError(path, version, f"{len(problems)} broken links after the upgrade")
        connection.execute(f"PRAGMA user_version={version}")
        connection.execute("COMMIT")
    except UpgradeError:
        connection.execute("ROLLBACK")
        raise
    except Exception as exc:  # any failure of a step leaves the file as it was
        connection.execute("ROLLBACK")
        raise UpgradeError(path, current + len(reached) + 1, str(exc)) from exc
    finally:
        connection.execute("PRAGMA foreign_keys=ON")
    return reached
