"""A citizen's feedback, and what the review adds to it.

The table is partitioned by month of `received_at`; ids are UUIDv7 made at the same millisecond
as `received_at`, so a feedback is found by its id with one partition read.
"""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    Computed,
    DateTime,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR, UUID
from sqlalchemy.orm import Mapped, mapped_column

from feedback_api.database import Base
from otklik_kit.db import pg_enum
from otklik_shared.vocab import Channel, ClientType, Criterion, PainCategory, Stage


class FeedbackStatus(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    IN_REVIEW = "in_review"
    ANSWERED = "answered"
    CLOSED = "closed"


OPEN_STATUSES = (FeedbackStatus.ACKNOWLEDGED, FeedbackStatus.IN_REVIEW)
CRITERIA_COLUMNS = {criterion: f"criterion_{criterion.value}" for criterion in Criterion}


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
        *(
            CheckConstraint(f"{column} BETWEEN 1 AND 5", name=f"{column}_range")
            for column in CRITERIA_COLUMNS.values()
        ),
        Index("ix_feedback_agency_received", "agency_id", "received_at"),
        Index("ix_feedback_service_received", "service_id", "received_at"),
        Index("ix_feedback_occurred", "occurred_at"),
        Index(
            "ix_feedback_case_number",
            "case_number",
            postgresql_where=text("case_number IS NOT NULL"),
        ),
        Index(
            "ix_feedback_review_due",
            "answer_due_at",
            postgresql_where=text("status IN ('acknowledged', 'in_review')"),
        ),
        Index(
            "ix_feedback_search",
            "search",
            postgresql_using="gin",
            postgresql_where=text("comment IS NOT NULL"),
        ),
        {"postgresql_partition_by": "RANGE (received_at)"},
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    service_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    stage: Mapped[Stage | None] = mapped_column(pg_enum(Stage, "stage"))
    channel: Mapped[Channel] = mapped_column(pg_enum(Channel, "channel"))
    touchpoint_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    client_type: Mapped[ClientType] = mapped_column(pg_enum(ClientType, "client_type"))
    rating: Mapped[int] = mapped_column(SmallInteger)
    criterion_provision_time: Mapped[int | None] = mapped_column(SmallInteger)
    criterion_queue_wait: Mapped[int | None] = mapped_column(SmallInteger)
    criterion_staff_courtesy: Mapped[int | None] = mapped_column(SmallInteger)
    criterion_premises_comfort: Mapped[int | None] = mapped_column(SmallInteger)
    criterion_info_availability: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    case_number: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # the API key that posted it: the answer goes back to that client's webhook
    submitted_by: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    answer_requested: Mapped[bool] = mapped_column(Boolean)
    has_contact: Mapped[bool] = mapped_column(Boolean)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[FeedbackStatus] = mapped_column(pg_enum(FeedbackStatus, "feedback_status"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answer_due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    assignee: Mapped[str | None] = mapped_column(String(200))
    assigned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(200))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answer_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    categories: Mapped[list[PainCategory]] = mapped_column(
        ARRAY(pg_enum(PainCategory, "pain_category")), server_default=text("'{}'")
    )
    sentiment: Mapped[str | None] = mapped_column(String(10))
    classified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # sha256 (hex) of the random part of the citizen's private answer link (answers/links.py)
    answer_token_hash: Mapped[str | None] = mapped_column(String(64))
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed("to_tsvector('russian', coalesce(comment, ''))", persisted=True),
    )


class ReviewPolicy(Base):
    """How long an agency takes to answer (30 days unless the agency set otherwise)."""

    __tablename__ = "review_policies"

    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    answer_due_days: Mapped[int] = mapped_column(SmallInteger)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()"), onupdate=text("now()")
    )


class IdempotencyKey(Base):
    """A client's `Idempotency-Key` with the hash of its request and the response it got."""

    __tablename__ = "idempotency_keys"

    api_key_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    response: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()"), index=True
    )
