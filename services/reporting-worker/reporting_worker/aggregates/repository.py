import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.aggregates.models import FeedbackDaily


async def totals(
    session: AsyncSession,
    *,
    agency_ids: Sequence[uuid.UUID],
    first_day: date | None,
    last_day: date | None,
) -> tuple[int, int]:
    """Feedback and comments counted in the daily aggregates of the agencies and days."""
    stmt = select(
        func.coalesce(func.sum(FeedbackDaily.responses), 0),
        func.coalesce(func.sum(FeedbackDaily.comments), 0),
    )
    if agency_ids:
        stmt = stmt.where(FeedbackDaily.agency_id.in_(agency_ids))
    if first_day is not None:
        stmt = stmt.where(FeedbackDaily.day >= first_day)
    if last_day is not None:
        stmt = stmt.where(FeedbackDaily.day <= last_day)
    feedback, comments = (await session.execute(stmt)).one()
    return int(feedback), int(comments)
