"""Housekeeping jobs of feedback-api's worker: retention of contacts and idempotency keys, and
the monthly partitions made ahead."""

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.contacts.service import EXPIRY_BATCH, expire_contacts
from feedback_api.feedback.models import IdempotencyKey
from feedback_api.feedback.partitions import ensure_partitions

logger = logging.getLogger("otklik.maintenance")

# clients may retry with the same Idempotency-Key for at least 24 hours
IDEMPOTENCY_KEY_LIFETIME = timedelta(hours=48)


async def expire_contacts_job(ctx: dict[str, Any]) -> int:
    sessionmaker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    settings: FeedbackSettings = ctx["settings"]
    erased = 0
    while True:
        async with sessionmaker() as session, session.begin():
            count = await expire_contacts(session, settings.contacts_retention_days)
        erased += count
        if count < EXPIRY_BATCH:
            return erased


async def expire_idempotency_keys_job(ctx: dict[str, Any]) -> int:
    sessionmaker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    cutoff = datetime.now(UTC) - IDEMPOTENCY_KEY_LIFETIME
    async with sessionmaker() as session, session.begin():
        result = await session.execute(
            delete(IdempotencyKey).where(IdempotencyKey.created_at < cutoff)
        )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def ensure_partitions_job(ctx: dict[str, Any]) -> int:
    return await ensure_partitions(ctx["engine"])
