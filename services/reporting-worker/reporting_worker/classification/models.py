"""Representative quotes: a bounded sample of classified comments per aggregate key and day,
so a report can quote citizens without reading the raw feedback. Comments arrive with personal
data already masked by feedback-api; contacts never reach the reporting worker."""

import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, Date, DateTime, Index, SmallInteger, String, Text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from reporting_worker.database import Base


class CommentQuote(Base):
    __tablename__ = "comment_quotes"
    __table_args__ = (
        Index("ix_comment_quotes_key_day", "service_id", "day", "stage", "channel"),
        Index("ix_comment_quotes_agency_day", "agency_id", "day"),
    )

    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    service_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    stage: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(40))
    touchpoint_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    rating: Mapped[int] = mapped_column(SmallInteger)
    text: Mapped[str] = mapped_column(Text)
    categories: Mapped[list[str]] = mapped_column(ARRAY(String(40)))
    sentiment: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
