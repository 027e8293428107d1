"""Typed SQLAlchemy models of the workspace file: one table per module (named by its module key).

Enumerations are stored as their text codes; every row carries `custom` attributes (the client's own
columns) and created/updated timestamps. The field registry in `caio_desktop.domain.modules` describes
the same columns for people; a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    """Base of every table: a surrogate id, timestamps, the client's custom attributes and the row's
    version (schema 5, team mode: raised by each edit, so that an edit of a row someone else changed
    since it was read can be told apart).

    `row_version` is the last column of every table (`sort_order`), where the schema 5 upgrade of an
    older file adds it: new and upgraded files then have the same columns in the same order. Its default
    is the database's own, so that a bulk insert that leaves it out still gets 1.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    custom: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"), sort_order=1)


def fk(target: str, *, cascade: bool = False, required: bool = False) -> Any:
    """A foreign key column: children of a parent go with it (cascade); mere links are cleared. Its
    index is made by `_index_links` once every table exists."""
    return mapped_column(
        Integer,
        ForeignKey(f"{target}.id", ondelete="CASCADE" if cascade else "SET NULL"),
        nullable=not required,
    )


# --- Engagement --------------------------------------------------------------------------------------
class Engagement(Base):
    __tablename__ = "engagement"
    client_name: Mapped[str] = mapped_column(String)
    sector: Mapped[str | None] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    language: Mapped[str] = mapped_column(String, default="fr")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    sponsor: Mapped[str | None] = mapped_column(String)
    objectives: Mapped[str | None] = mapped_column(Text)
    consultant_name: Mapped[str | None] = mapped_column(String)
    primary_color: Mapped[str | None] = mapped_column(String)
    client_logo: Mapped[bytes | None] = mapped_column(LargeBinary)  # kept in the file: it travels with it
    client_logo_type: Mapped[str | None] = mapped_column(String)  # png, jpeg or svg


class Phase(Base):
    __tablename__ = "phases"
    phase: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String)
    progress: Mapped[int | None] = mapped_column(Integer)


class TeamMember(Base):
    __tablename__ = "team"
    name: Mapped[str] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    department: Mapped[str | None] = mapped_column(String)
    email: Mapped[str | None] = mapped_column(String)
    phone: Mapped[str | None] = mapped_column(String)


# --- Diagnosis ---------------------------------------------------------------------------------------
class MaturityAssessment(Base):
    __tablename__ = "maturity"
    title: Mapped[str] = mapped_column(String)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class MaturityRating(Base):
    __tablename__ = "maturity_ratings"
    __table_args__ = (UniqueConstraint("assessment_id", "dimension"),)
    assessment_id: Mapped[int] = fk("maturity", cascade=True, required=True)
    dimension: Mapped[str] = mapped_column(String)  # key of a dimension of the reference maturity model
    current_level: Mapped[int] = mapped_column(Integer)
    target_level: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)


class Interview(Base):
    __tablename__ = "interviews"
    interviewed_on: Mapped[dt.date] = mapped_column(Date)
    person: Mapped[str] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    department: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str | None] = mapped_column(Text)


class Finding(Base):
    __tablename__ = "findings"
    theme: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    severity: Mapped[str | None] = mapped_column(String)
    interview_id: Mapped[int | None] = fk("interviews")


# --- AI systems --------------------------------------------------------------------------------------
class AISystem(Base):
    __tablename__ = "ai_systems"
    name: Mapped[str] = mapped_column(String)
    vendor: Mapped[str | None] = mapped_column(String)
    purpose: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String)
    business_owner: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    shadow_ai: Mapped[bool | None] = mapped_column(Boolean)
    personal_data: Mapped[bool | None] = mapped_column(Boolean)
    ai_act_role: Mapped[str | None] = mapped_column(String)
    ai_act_tier: Mapped[str | None] = mapped_column(String, default="unclassified")
    annex_iii_area: Mapped[int | None] = mapped_column(Integer)
    classification_rationale: Mapped[str | None] = mapped_column(Text)
    dpia_required: Mapped[bool | None] = mapped_column(Boolean)
    # The answers of the guided AI Act questionnaire, so that changing one answer re-classifies.
    classification_facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# --- Strategy ----------------------------------------------------------------------------------------
class Objective(Base):
    __tablename__ = "objectives"
    title: Mapped[str] = mapped_column(String)
    description: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[str | None] = mapped_column(String)
    owner: Mapped[str | None] = mapped_column(String)


class Principle(Base):
    __tablename__ = "principles"
    principle: Mapped[str] = mapped_column(String)
    commitment: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    adopted_on: Mapped[dt.date | None] = mapped_column(Date)


class UseCase(Base):
    __tablename__ = "use_cases"
    title: Mapped[str] = mapped_column(String)
    description: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String)
    owner: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    business_value: Mapped[int | None] = mapped_column(Integer)
    strategic_alignment: Mapped[int | None] = mapped_column(Integer)
    data_readiness: Mapped[int | None] = mapped_column(Integer)
    technical_complexity: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[int | None] = mapped_column(Integer)
    risk: Mapped[int | None] = mapped_column(Integer)
    value_score: Mapped[float | None] = mapped_column(Float)
    feasibility_score: Mapped[float | None] = mapped_column(Float)
    quadrant: Mapped[str | None] = mapped_column(String)
    ai_system_id: Mapped[int | None] = fk("ai_systems")


class UseCaseObjective(Base):
    """Link: a use case serves an objective."""

    __tablename__ = "use_case_objectives"
    __table_args__ = (UniqueConstraint("use_case_id", "objective_id"),)
    use_case_id: Mapped[int] = fk("use_cases", cascade=True, required=True)
    objective_id: Mapped[int] = fk("objectives", cascade=True, required=True)


class VendorCriterion(Base):
    __tablename__ = "vendor_criteria"
    name: Mapped[str] = mapped_column(String)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    description: Mapped[str | None] = mapped_column(Text)


class VendorOption(Base):
    __tablename__ = "vendor_options"
    name: Mapped[str] = mapped_column(String)
    vendor: Mapped[str | None] = mapped_column(String)
    category: Mapped[str | None] = mapped_column(String)
    description: Mapped[str | None] = mapped_column(Text)
    weighted_score: Mapped[float | None] = mapped_column(Float)
    selected: Mapped[bool | None] = mapped_column(Boolean)


class VendorScore(Base):
    __tablename__ = "vendor_scores"
    __table_args__ = (UniqueConstraint("option_id", "criterion_id"),)
    option_id: Mapped[int] = fk("vendor_options", cascade=True, required=True)
    criterion_id: Mapped[int] = fk("vendor_criteria", cascade=True, required=True)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)


# --- Roadmap -----------------------------------------------------------------------------------------
class Initiative(Base):
    __tablename__ = "initiatives"
    title: Mapped[str] = mapped_column(String)
    phase: Mapped[str | None] = mapped_column(String)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    progress: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)


class InitiativeDependency(Base):
    """Link: an initiative cannot finish before another one."""

    __tablename__ = "initiative_dependencies"
    __table_args__ = (UniqueConstraint("initiative_id", "depends_on_id"),)
    initiative_id: Mapped[int] = fk("initiatives", cascade=True, required=True)
    depends_on_id: Mapped[int] = fk("initiatives", cascade=True, required=True)


class InitiativeUseCase(Base):
    """Link: an initiative delivers a use case."""

    __tablename__ = "initiative_use_cases"
    __table_args__ = (UniqueConstraint("initiative_id", "use_case_id"),)
    initiative_id: Mapped[int] = fk("initiatives", cascade=True, required=True)
    use_case_id: Mapped[int] = fk("use_cases", cascade=True, required=True)


class Milestone(Base):
    __tablename__ = "milestones"
    title: Mapped[str] = mapped_column(String)
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    initiative_id: Mapped[int | None] = fk("initiatives")


class KPI(Base):
    __tablename__ = "kpis"
    name: Mapped[str] = mapped_column(String)
    unit: Mapped[str | None] = mapped_column(String)
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    direction: Mapped[str | None] = mapped_column(String)
    owner: Mapped[str | None] = mapped_column(String)


class KPIMeasurement(Base):
    __tablename__ = "kpi_measurements"
    kpi_id: Mapped[int] = fk("kpis", cascade=True, required=True)
    measured_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)


# --- Change ------------------------------------------------------------------------------------------
class Stakeholder(Base):
    __tablename__ = "stakeholders"
    name: Mapped[str] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    department: Mapped[str | None] = mapped_column(String)
    influence: Mapped[int | None] = mapped_column(Integer)
    interest: Mapped[int | None] = mapped_column(Integer)
    attitude: Mapped[str | None] = mapped_column(String)
    engagement_plan: Mapped[str | None] = mapped_column(Text)


class Training(Base):
    __tablename__ = "trainings"
    title: Mapped[str] = mapped_column(String)
    audience: Mapped[str | None] = mapped_column(String)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    duration_hours: Mapped[float | None] = mapped_column(Float)
    format: Mapped[str | None] = mapped_column(String)
    trainer: Mapped[str | None] = mapped_column(String)
    planned_attendees: Mapped[int | None] = mapped_column(Integer)
    actual_attendees: Mapped[int | None] = mapped_column(Integer)


class Communication(Base):
    __tablename__ = "communications"
    audience: Mapped[str] = mapped_column(String)
    channel: Mapped[str | None] = mapped_column(String)
    message: Mapped[str] = mapped_column(Text)
    planned_on: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)


# --- Risks and compliance ----------------------------------------------------------------------------
class Risk(Base):
    __tablename__ = "risks"
    # Covering index for the heat maps' grouped counts (current and residual): with 100,000 risks the
    # count reads the index instead of the table (0.11 s → 0.02 s), so opening a large register stays fast.
    __table_args__ = (Index("ix_risks_matrix", "likelihood", "impact", "residual_likelihood",
                            "residual_impact"),)
    code: Mapped[str] = mapped_column(String, unique=True)
    title: Mapped[str] = mapped_column(String)
    description: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String)
    cause: Mapped[str | None] = mapped_column(Text)
    consequence: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String)
    ai_system_id: Mapped[int | None] = fk("ai_systems")
    use_case_id: Mapped[int | None] = fk("use_cases")
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    level: Mapped[str | None] = mapped_column(String)
    residual_likelihood: Mapped[int | None] = mapped_column(Integer)
    residual_impact: Mapped[int | None] = mapped_column(Integer)
    residual_level: Mapped[str | None] = mapped_column(String)
    treatment: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    review_date: Mapped[dt.date | None] = mapped_column(Date)


class RiskAction(Base):
    __tablename__ = "risk_actions"
    risk_id: Mapped[int] = fk("risks", cascade=True, required=True)
    title: Mapped[str] = mapped_column(String)
    owner: Mapped[str | None] = mapped_column(String)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String)


class ComplianceItem(Base):
    __tablename__ = "compliance"
    framework: Mapped[str] = mapped_column(String)
    reference: Mapped[str] = mapped_column(String)
    requirement: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String)
    evidence: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String)
    ai_system_id: Mapped[int | None] = fk("ai_systems")
    due_date: Mapped[dt.date | None] = mapped_column(Date)


# --- Governance --------------------------------------------------------------------------------------
class Decision(Base):
    __tablename__ = "decisions"
    decided_on: Mapped[dt.date] = mapped_column(Date)
    body: Mapped[str | None] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)


class Action(Base):
    __tablename__ = "actions"
    title: Mapped[str] = mapped_column(String)
    owner: Mapped[str | None] = mapped_column(String)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String)
    source_module: Mapped[str | None] = mapped_column(String)
    source_id: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class WatchItem(Base):
    __tablename__ = "watch"
    noted_on: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String)
    source: Mapped[str | None] = mapped_column(String)
    relevance: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class Deliverable(Base):
    __tablename__ = "deliverables"
    kind: Mapped[str] = mapped_column(String)
    version: Mapped[str | None] = mapped_column(String)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    recipient: Mapped[str | None] = mapped_column(String)
    file_name: Mapped[str | None] = mapped_column(String)


# --- Staff surveys (schema 3) -----------------------------------------------------------------------
class SurveyCampaign(Base):
    """One questionnaire sent to many people (maturity or AI usage). `token` is written, hidden, into
    every form of the campaign, so a filled form finds its campaign (and a form of another one is told
    apart) whatever its file is called."""

    __tablename__ = "survey_campaigns"
    name: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String)  # maturity | usage
    token: Mapped[str] = mapped_column(String, unique=True)
    lang: Mapped[str] = mapped_column(String, default="fr")
    invited: Mapped[int | None] = mapped_column(Integer)  # the population the form was sent to
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    questions: Mapped[list[str] | None] = mapped_column(JSON)  # question codes on the form, in order
    opened_on: Mapped[dt.date | None] = mapped_column(Date)


class SurveyRespondent(Base):
    """One filled form. `name` stays empty in an anonymous campaign; `fingerprint` (a hash of the
    form's content) refuses the same form imported twice."""

    __tablename__ = "survey_respondents"
    __table_args__ = (UniqueConstraint("campaign_id", "fingerprint"),)
    campaign_id: Mapped[int] = fk("survey_campaigns", cascade=True, required=True)
    name: Mapped[str | None] = mapped_column(String)
    department: Mapped[str | None] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    fingerprint: Mapped[str] = mapped_column(String)
    source_file: Mapped[str | None] = mapped_column(String)
    imported_on: Mapped[dt.date | None] = mapped_column(Date)


class SurveyAnswer(Base):
    """One answered question of one form: `value` is the answer's code (a level "1".."5", a choice
    code, a tool's name as written); `level` the number for maturity answers."""

    __tablename__ = "survey_answers"
    respondent_id: Mapped[int] = fk("survey_respondents", cascade=True, required=True)
    question: Mapped[str] = mapped_column(String)
    value: Mapped[str | None] = mapped_column(String)
    level: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)


# --- Evidence (issue 18) -----------------------------------------------------------------------------
class EvidenceBlob(Base):
    """One distinct file content, stored once whatever how many rows attach it (content-addressed).
    Its bytes are in `evidence_parts`, so no single value must be read or written whole."""

    __tablename__ = "evidence_blobs"
    sha256: Mapped[str] = mapped_column(String, unique=True)
    size: Mapped[int] = mapped_column(Integer)


class EvidencePart(Base):
    """A run of one blob's bytes, in order of `seq` (written and read in chunks by incremental BLOB I/O)."""

    __tablename__ = "evidence_parts"
    __table_args__ = (UniqueConstraint("blob_id", "seq"),)
    blob_id: Mapped[int] = fk("evidence_blobs", cascade=True, required=True)
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base):
    """A file attached to one row of a register: a stored blob (`sha256`) or a linked path (`link`).
    `module` and `row_id` name the row (several registers, so no foreign key); the name is kept as given
    and cleaned only when the file is written out."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_row", "module", "row_id"),)  # a form lists its row's files
    module: Mapped[str] = mapped_column(String)
    row_id: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    media_type: Mapped[str | None] = mapped_column(String)
    size: Mapped[int | None] = mapped_column(Integer)
    attached_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    attached_by: Mapped[str | None] = mapped_column(String)
    sha256: Mapped[str | None] = mapped_column(String)
    link: Mapped[str | None] = mapped_column(String)


# --- Bookkeeping -------------------------------------------------------------------------------------
class AuditEntry(Base):
    """One change, as the audit trail shows it: when, which operation, which row, before → after."""

    __tablename__ = "audit_log"
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    operation: Mapped[str] = mapped_column(String)
    entity: Mapped[str] = mapped_column(String)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    # Who made the change (schema 5): the user name set in Preferences or the database role in team mode;
    # NULL when not known (every change made before schema 5). After `row_version`, as the upgrade adds it.
    author: Mapped[str | None] = mapped_column(String, sort_order=2)


class Setting(Base):
    """Key → value settings that travel with the workspace (saved import mappings, last committee date)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, unique=True)
    value: Mapped[Any] = mapped_column(JSON)


_PARTIAL_INDEXES: list[tuple[Index, Any]] = []


def _index_links() -> None:
    """An index on every foreign key, for the look-ups that deleting a parent and reading a link make.
    A link that may be empty gets a partial index (`WHERE column IS NOT NULL`, schema 2): rows that link
    nothing, most risks of an imported register, cost no index upkeep, and `column = ?` still uses it.
    (Its PostgreSQL form is added by `partial_indexes_for_postgresql`, only when team mode creates
    tables: naming `postgresql_where` here made every `caio` command import SQLAlchemy's PostgreSQL
    dialect, asyncpg's included, to check the keyword — 20–60 ms of a start.)"""
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.foreign_keys:
                partial = column.is_not(None) if column.nullable else None  # (both engines alike)
                index = Index(f"ix_{table.name}_{column.name}", column, sqlite_where=partial)
                if partial is not None:
                    _PARTIAL_INDEXES.append((index, partial))


def partial_indexes_for_postgresql() -> None:
    """Give the partial link indexes their PostgreSQL `WHERE` too (idempotent): called before the
    models' tables are created on a server."""
    for index, partial in _PARTIAL_INDEXES:
        index.dialect_options["postgresql"]["where"] = partial


_index_links()


# Module key → model, and the link tables behind REFS fields: (link model, own column, other column).
MODELS: dict[str, type[Base]] = {
    m.__tablename__: m
    for m in (
        Engagement, Phase, TeamMember, MaturityAssessment, MaturityRating, Interview, Finding, AISystem,
        Objective, Principle, UseCase, VendorCriterion, VendorOption, VendorScore, Initiative, Milestone,
        KPI, KPIMeasurement, Stakeholder, Training, Communication, Risk, RiskAction, ComplianceItem,
        Decision, Action, WatchItem, Deliverable,
    )
}
LINKS: dict[tuple[str, str], tuple[type[Base], str, str]] = {
    ("use_cases", "objective_ids"): (UseCaseObjective, "use_case_id", "objective_id"),
    ("initiatives", "depends_on_ids"): (InitiativeDependency, "initiative_id", "depends_on_id"),
    ("initiatives", "use_case_ids"): (InitiativeUseCase, "initiative_id", "use_case_id"),
}
