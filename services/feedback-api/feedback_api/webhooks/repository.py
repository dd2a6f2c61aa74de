"""Queries of the webhook endpoints, the delivery queue and the attempt log."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from otklik_kit.ids import uuid7


async def endpoint(session: AsyncSession, api_key_id: uuid.UUID) -> WebhookEndpoint | None:
    return await session.get(WebhookEndpoint, api_key_id, populate_existing=True)


async def endpoints(
    session: AsyncSession, api_key_ids: set[uuid.UUID]
) -> dict[uuid.UUID, WebhookEndpoint]:
    found = await session.scalars(
        select(WebhookEndpoint).where(WebhookEndpoint.api_key_id.in_(api_key_ids))
    )
    return {e.api_key_id: e for e in found}


async def attempts(
    session: AsyncSession,
    api_key_id: uuid.UUID,
    *,
    feedback_id: uuid.UUID | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[WebhookAttempt]:
    query = select(WebhookAttempt).where(WebhookAttempt.api_key_id == api_key_id)
    if feedback_id is not None:
        query = query.where(WebhookAttempt.feedback_id == feedback_id)
    if after is not None:
        query = query.where(tuple_(WebhookAttempt.at, WebhookAttempt.id) < tuple_(*after))
    query = query.order_by(WebhookAttempt.at.desc(), WebhookAttempt.id.desc()).limit(limit)
    return (await session.scalars(query)).all()


async def enqueue_delivery(
    session: AsyncSession,
    *,
    feedback_id: uuid.UUID,
    api_key_id: uuid.UUID,
    answer_number: int,
    body: str,
    now: datetime,
) -> None:
    """Queues the answer, due at once; older answers to the same feedback still pending are
    not sent any more."""
    await session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.feedback_id == feedback_id,
            WebhookDelivery.answer_number < answer_number,
            WebhookDelivery.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.SUPERSEDED, finished_at=now)
    )
    await session.execute(
        insert(WebhookDelivery)
        .values(
            id=uuid7(),
            feedback_id=feedback_id,
            api_key_id=api_key_id,
            answer_number=answer_number,
            body=body,
            status=DeliveryStatus.PENDING,
            next_attempt_at=now,
        )
        .on_conflict_do_nothing(constraint="uq_webhook_deliveries_answer")
    )


async def claim_due(
    session: AsyncSession, *, now: datetime, lease_until: datetime, limit: int
) -> Sequence[WebhookDelivery]:
    """Takes due deliveries for one try each: other workers skip them, and until the lease
    ends they are not due again (a worker that dies mid-try gives them back that way)."""
    due = (
        select(WebhookDelivery.id)
        .where(
            WebhookDelivery.status == DeliveryStatus.PENDING,
            WebhookDelivery.next_attempt_at <= now,
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    claimed = await session.scalars(
        update(WebhookDelivery)
        .where(WebhookDelivery.id.in_(due.scalar_subquery()))
        .values(next_attempt_at=lease_until, attempts=WebhookDelivery.attempts + 1)
        .returning(WebhookDelivery)
        .execution_options(populate_existing=True)
    )
    return claimed.all()
