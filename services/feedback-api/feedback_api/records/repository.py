import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.feedback.models import Feedback
from feedback_api.feedback.schemas import CLOCK_SKEW

# nothing arrived before this; the floor also keeps far-past inputs from overflowing
FIRST_ARRIVAL = datetime(2000, 1, 1, tzinfo=UTC)


async def records_between(
    session: AsyncSession,
    occurred_from: datetime,
    occurred_to: datetime,
    *,
    agency_id: uuid.UUID | None,
    after: uuid.UUID | None,
    limit: int,
) -> Sequence[Feedback]:
    """Feedback that occurred in [from, to), in id (= arrival) order."""
    # a feedback arrives after it occurred (give or take the clock skew ingest allows), so
    # partitions of months before `occurred_from` are never read
    arrived_since = max(occurred_from, FIRST_ARRIVAL) - CLOCK_SKEW - timedelta(seconds=1)
    query = (
        select(Feedback)
        .where(
            Feedback.received_at >= arrived_since,
            Feedback.occurred_at >= occurred_from,
            Feedback.occurred_at < occurred_to,
        )
        .order_by(Feedback.id)
        .limit(limit)
    )
    if agency_id is not None:
        query = query.where(Feedback.agency_id == agency_id)
    if after is not None:
        query = query.where(Feedback.id > after)
    return (await session.scalars(query)).all()
