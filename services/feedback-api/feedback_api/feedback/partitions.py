"""Monthly partitions of the feedback table, made ahead of time (on start and daily)."""

import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

logger = logging.getLogger("otklik.partitions")

MONTHS_AHEAD = 3


async def ensure_partitions(engine: AsyncEngine) -> int:
    async with engine.begin() as connection:
        made = await connection.scalar(
            text("SELECT feedback.ensure_feedback_partitions(now()::date, :months)"),
            {"months": MONTHS_AHEAD},
        )
    if made:
        logger.info("made %s monthly feedback partitions", made)
    return int(made or 0)
