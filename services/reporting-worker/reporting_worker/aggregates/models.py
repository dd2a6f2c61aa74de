"""Live aggregates of feedback: one row per agency × service × stage × channel × touchpoint × day.

Reports read these, never the raw feedback. "No service / stage / touchpoint" is stored as the
nil UUID or an empty string so the key can be a primary key.
"""

import uuid
from datetime import date

from sqlalchemy import Date, Index, Integer, String, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from otklik_shared.vocab import Criterion
from reporting_worker.database import Base

NONE_ID = uuid.UUID(int=0)
NONE_STAGE = ""
CRITERIA = tuple(criterion.value for criterion in Criterion)
SENTIMENT_COUNTERS = ("sentiment_negative", "sentiment_neutral", "sentiment_positive")
COUNTERS = (
    "responses",
    *(f"rating_{value}" for value in range(1, 6)),
    *(f"{criterion}_sum" for criterion in CRITERIA),
    *(f"{criterion}_count" for criterion in CRITERIA),
    "comments",
    *SENTIMENT_COUNTERS,
)
CATEGORY_COUNTERS = ("comments", "negative", "rating_sum")
# the rest of an aggregate's key after its agency, service and day
KEY_REST = ("stage", "channel", "touchpoint_id")


def _counter() -> Mapped[int]:
    return mapped_column(Integer, server_default=text("0"))


class FeedbackDaily(Base):
    __tablename__ = "feedback_daily"
    # Covering: a report's reads of a period become index-only scans, not visits to heap pages
    # the live upserts scattered.
    __table_args__ = (
        Index(
            "ix_feedback_daily_service_day",
            "service_id",
            "day",
            postgresql_include=["agency_id", *KEY_REST, *COUNTERS],
        ),
        Index(
            "ix_feedback_daily_agency_day",
            "agency_id",
            "day",
            postgresql_include=["service_id", *KEY_REST, *COUNTERS],
        ),
    )

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    stage: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), primary_key=True)
    touchpoint_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    responses: Mapped[int] = _counter()
    rating_1: Mapped[int] = _counter()
    rating_2: Mapped[int] = _counter()
    rating_3: Mapped[int] = _counter()
    rating_4: Mapped[int] = _counter()
    rating_5: Mapped[int] = _counter()
    provision_time_sum: Mapped[int] = _counter()
    queue_wait_sum: Mapped[int] = _counter()
    staff_courtesy_sum: Mapped[int] = _counter()
    premises_comfort_sum: Mapped[int] = _counter()
    info_availability_sum: Mapped[int] = _counter()
    provision_time_count: Mapped[int] = _counter()
    queue_wait_count: Mapped[int] = _counter()
    staff_courtesy_count: Mapped[int] = _counter()
    premises_comfort_count: Mapped[int] = _counter()
    info_availability_count: Mapped[int] = _counter()
    comments: Mapped[int] = _counter()
    # comments by the classifier's sentiment
    sentiment_negative: Mapped[int] = _counter()
    sentiment_neutral: Mapped[int] = _counter()
    sentiment_positive: Mapped[int] = _counter()


class FeedbackCategoryDaily(Base):
    """Comments per pain category on the same key as `FeedbackDaily` (a comment counts once in
    each of its categories): how many, how many negative, and the sum of their ratings."""

    __tablename__ = "feedback_category_daily"
    __table_args__ = (
        Index(
            "ix_feedback_category_daily_service_day",
            "service_id",
            "day",
            postgresql_include=["agency_id", *KEY_REST, "category", *CATEGORY_COUNTERS],
        ),
        Index(
            "ix_feedback_category_daily_agency_day",
            "agency_id",
            "day",
            postgresql_include=["service_id", *KEY_REST, "category", *CATEGORY_COUNTERS],
        ),
    )

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    stage: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), primary_key=True)
    touchpoint_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    category: Mapped[str] = mapped_column(String(40), primary_key=True)
    comments: Mapped[int] = _counter()
    negative: Mapped[int] = _counter()
    rating_sum: Mapped[int] = _counter()
