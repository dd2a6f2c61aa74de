"""Where each API client wants answers delivered, what is to deliver, and every attempt."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from feedback_api.database import Base
from otklik_kit.db import pg_enum


class WebhookEndpoint(Base):
    """One per API key: answers to the feedback that key posted are POSTed here, signed."""

    __tablename__ = "webhook_endpoints"

    api_key_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    # the signing secret, encrypted like contacts (we must read it back to sign)
    secret_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()")
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()"), onupdate=text("now()")
    )


class WebhookAttempt(Base):
    __tablename__ = "webhook_attempts"
    # a client's log, newest first
    __table_args__ = (Index("ix_webhook_attempts_key_at", "api_key_id", "at"),)

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    api_key_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    answer_number: Mapped[int] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(String(2000))
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int] = mapped_column(Integer)
    delivered: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    # every attempt failed, or the endpoint was removed
    FAILED = "failed"
    # a later answer to the same feedback is delivered instead
    SUPERSEDED = "superseded"


class WebhookDelivery(Base):
    """One answer to deliver to one client's endpoint: the queue of the delivery job, in the
    database so that nothing is lost with Redis; its attempts are in `webhook_attempts`."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("feedback_id", "answer_number", name="uq_webhook_deliveries_answer"),
        Index(
            "ix_webhook_deliveries_due",
            "next_attempt_at",
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    api_key_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    answer_number: Mapped[int] = mapped_column(Integer)
    # the JSON body, fixed when the answer was given, so every retry sends the same
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[DeliveryStatus] = mapped_column(
        pg_enum(DeliveryStatus, "webhook_delivery_status")
    )
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()")
    )
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
