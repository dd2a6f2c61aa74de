"""Proposals for a plan made by operators from citizens' feedback (seed 000, 3.4), received from
feedback-api as events; the agency accepts each into a plan as an item, or rejects it."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from otklik_kit.db import pg_enum
from plans_api.database import Base


class ProposalStatus(StrEnum):
    NEW = "new"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Proposal(Base):
    __tablename__ = "proposals"
    __table_args__ = (Index("ix_proposals_agency_submitted", "agency_id", "submitted_at"),)

    # the id feedback-api gave it: a redelivered event finds it here
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    service_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    stage: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(1000))
    rationale: Mapped[str | None] = mapped_column(Text)
    proposed_by: Mapped[str] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[ProposalStatus] = mapped_column(pg_enum(ProposalStatus, "proposal_status"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    reject_reason: Mapped[str | None] = mapped_column(Text)
    plan_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plans.id", ondelete="SET NULL")
    )
    plan_item_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    item_number: Mapped[str | None] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
