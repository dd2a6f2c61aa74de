"""What the rating pages remember: which respondent token rated which touchpoint on which day."""

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, Index, String, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from feedback_api.database import Base


class TouchpointRating(Base):
    """One rating per respondent token, touchpoint and Moscow day; the form's idempotency key
    tells a resent form (the same rating) from a second rating."""

    __tablename__ = "touchpoint_ratings"
    __table_args__ = (Index("ix_touchpoint_ratings_day", "day"),)

    respondent_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    touchpoint_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    form_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
