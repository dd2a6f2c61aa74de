"""Webhook history is kept 90 days: finished deliveries and the attempt log."""

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery

HISTORY = timedelta(days=90)


async def prune_webhook_history_job(ctx: dict[str, Any], *, now: datetime | None = None) -> int:
    sessionmaker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    cutoff = (now or datetime.now(UTC)) - HISTORY
    async with sessionmaker() as session, session.begin():
        attempts = await session.execute(delete(WebhookAttempt).where(WebhookAttempt.at < cutoff))
        await session.execute(
            delete(WebhookDelivery).where(
                WebhookDelivery.status != DeliveryStatus.PENDING,
                WebhookDelivery.finished_at < cutoff,
            )
        )
    return int(attempts.rowcount)  # type: ignore[attr-defined]
