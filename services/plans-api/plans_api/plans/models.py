import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    ARRAY,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from otklik_kit.db import pg_enum
from otklik_shared.vocab import ResultDocument
from plans_api.database import Base


class PlanStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    COMPLETED = "completed"


class ExecutorStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Plan(Base):
    __tablename__ = "plans"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    agency_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("agencies.id", ondelete="RESTRICT"), index=True
    )
    service_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("services.id", ondelete="RESTRICT"), index=True
    )
    checklist_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("checklists.id", ondelete="RESTRICT"), unique=True
    )
    template_code: Mapped[str] = mapped_column(String(50))
    template_version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(1500))
    approving_official: Mapped[str | None] = mapped_column(String(500))
    document_number: Mapped[str | None] = mapped_column(String(100))
    document_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(pg_enum(PlanStatus, "plan_status"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    rows: Mapped[list["PlanRow"]] = relationship(
        lazy="raise", order_by="PlanRow.position", cascade="all, delete-orphan"
    )


class PlanRow(Base):
    """A row of the plan table: a section or group header, or an item with executors."""

    __tablename__ = "plan_rows"
    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_plan_rows_plan_number"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="")
    result_kinds: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list)
    footnotes: Mapped[list[str]] = mapped_column(ARRAY(String(10)), default=list)
    control_point: Mapped[str | None] = mapped_column(String(30))
    origin: Mapped[str] = mapped_column(String(20), default="template")
    proposal_ref: Mapped[str | None] = mapped_column(String(200))
    executors: Mapped[list["Executor"]] = relationship(
        lazy="raise", order_by="Executor.position", cascade="all, delete-orphan"
    )
    evidence: Mapped[list["Evidence"]] = relationship(
        lazy="raise", order_by="Evidence.created_at", cascade="all, delete-orphan"
    )


class Executor(Base):
    """Who carries out an item, from when to when; one item may have several in sequence."""

    __tablename__ = "plan_executors"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    row_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plan_rows.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(500))
    person: Mapped[str | None] = mapped_column(String(200))
    person_position: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    status: Mapped[ExecutorStatus] = mapped_column(pg_enum(ExecutorStatus, "executor_status"))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Evidence(Base):
    """A document that proves an item done; for a survey control point, the survey's facts."""

    __tablename__ = "plan_evidence"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    row_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plan_rows.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ResultDocument] = mapped_column(pg_enum(ResultDocument, "result_document"))
    number: Mapped[str | None] = mapped_column(String(100))
    document_date: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(2000))
    survey: Mapped[dict[str, object] | None] = mapped_column(JSONB)
    file_name: Mapped[str | None] = mapped_column(String(300))
    file_type: Mapped[str | None] = mapped_column(String(100))
    file_size: Mapped[int | None] = mapped_column(Integer)
    file_content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PlanRevision(Base):
    """A change made to an approved plan, with the reason given for it."""

    __tablename__ = "plan_revisions"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[list[dict[str, object]]] = mapped_column(JSONB)
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
