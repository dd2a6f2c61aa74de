"""Hourly aggregates for the live dashboard (seed 004, real-time monitoring): one row per hour ×
agency × service × stage × channel. The daily aggregates are too coarse for "the last 24 hours";
these are counted in the same transaction as the daily ones, so exactly once as well."""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import DateTime, Index, Integer, String, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from otklik_shared.events import FeedbackPayload
from reporting_worker.aggregates.counting import Totals, add_counts
from reporting_worker.aggregates.models import NONE_ID, NONE_STAGE
from reporting_worker.database import Base

HOURLY_KEY_COLUMNS = ("hour", "agency_id", "service_id", "stage", "channel")
HOURLY_COUNTERS = ("responses", *(f"rating_{value}" for value in range(1, 6)))


def _counter() -> Mapped[int]:
    return mapped_column(Integer, server_default=text("0"))


class FeedbackHourly(Base):
    __tablename__ = "feedback_hourly"
    __table_args__ = (
        Index("ix_feedback_hourly_agency_hour", "agency_id", "hour"),
        Index("ix_feedback_hourly_service_hour", "service_id", "hour"),
    )

    hour: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    stage: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), primary_key=True)
    responses: Mapped[int] = _counter()
    rating_1: Mapped[int] = _counter()
    rating_2: Mapped[int] = _counter()
    rating_3: Mapped[int] = _counter()
    rating_4: Mapped[int] = _counter()
    rating_5: Mapped[int] = _counter()


def hour_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def count_hourly(feedbacks: Iterable[FeedbackPayload]) -> Totals:
    totals: Totals = defaultdict(lambda: [0] * len(HOURLY_COUNTERS))
    for feedback in feedbacks:
        row = totals[
            (
                hour_of(feedback.occurred_at),
                feedback.agency_id,
                feedback.service_id or NONE_ID,
                feedback.stage.value if feedback.stage else NONE_STAGE,
                feedback.channel.value,
            )
        ]
        row[0] += 1
        row[feedback.rating] += 1
    return totals


async def add_to_hourly(session: AsyncSession, feedbacks: Iterable[FeedbackPayload]) -> None:
    """Counts a batch of new feedback into the hourly aggregates."""
    totals = count_hourly(feedbacks)
    if totals:
        await add_counts(session, FeedbackHourly, HOURLY_KEY_COLUMNS, HOURLY_COUNTERS, totals)
