"""The rating pages' memory of who rated what today is needed for one day only."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.pages.models import TouchpointRating
from otklik_shared.measures import MOSCOW

KEPT_DAYS = 2


async def prune_touchpoint_ratings_job(ctx: dict[str, Any]) -> int:
    sessionmaker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    cutoff = datetime.now(MOSCOW).date() - timedelta(days=KEPT_DAYS)
    async with sessionmaker() as session, session.begin():
        result = await session.execute(
            delete(TouchpointRating).where(TouchpointRating.day < cutoff)
        )
    return int(result.rowcount)  # type: ignore[attr-defined]
