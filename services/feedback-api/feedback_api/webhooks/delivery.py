"""Delivering answers to the clients' webhooks.

`feedback.answered` queues a delivery row (in the transaction of the event's inbox record); a
cron job of the feedback worker claims the due rows, POSTs them signed, and records each try in
its own transaction, so the log survives a failure. A failed try is retried with exponential
backoff until WEBHOOK_MAX_ATTEMPTS; the queue lives in PostgreSQL, so losing Redis loses nothing.
"""

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.crypto import secret_box
from feedback_api.feedback.repository import find_feedback
from feedback_api.webhooks import repository
from feedback_api.webhooks.addresses import RefusedAddress, check_resolved, pinned
from feedback_api.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery
from feedback_api.webhooks.schemas import AnswerNotice
from feedback_api.webhooks.signing import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    signature,
)
from otklik_kit.ids import uuid7
from otklik_kit.observability.metrics import WEBHOOK_TRIES
from otklik_shared.events import FeedbackAnswered

logger = logging.getLogger("otklik.webhooks")

EVENT = "feedback.answered"
# claimed together and tried at once, so none waits out its lease before its try starts
CLAIM_BATCH = 20
# a claimed delivery is not due again before its try could have ended
LEASE_MARGIN_SECONDS = 30.0
HTTP_CLIENT = "webhook_http"


async def on_feedback_answered(session: AsyncSession, event: FeedbackAnswered) -> None:
    """Queues the answer for the endpoint of the key that posted the feedback, if it has one."""
    p = event.payload
    row = await find_feedback(session, p.feedback_id)
    if row is None or row.answer_count != p.answer_number:
        return  # answered again since: that later answer is the one to deliver
    endpoint = await repository.endpoint(session, row.submitted_by)
    if endpoint is None or not endpoint.active:
        return
    notice = AnswerNotice(
        feedback_id=row.id,
        status=row.status.value,
        answer=row.answer,
        answered_at=row.answered_at,
        case_number=row.case_number,
        answer_number=p.answer_number,
    )
    await repository.enqueue_delivery(
        session,
        feedback_id=row.id,
        api_key_id=row.submitted_by,
        answer_number=p.answer_number,
        body=notice.model_dump_json(),
        now=datetime.now(UTC),
    )


def retry_delay(settings: FeedbackSettings, attempts: int) -> timedelta:
    """10 s, 30 s, 90 s, ... after the 1st, 2nd, 3rd failed try (with the default base)."""
    seconds = settings.webhook_retry_base_seconds * 3 ** (attempts - 1)
    return timedelta(seconds=min(seconds, settings.webhook_retry_max_seconds))


@dataclass(frozen=True, slots=True)
class TryResult:
    url: str
    status_code: int | None
    error: str | None
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def _post(
    http: httpx.AsyncClient,
    delivery: WebhookDelivery,
    url: str,
    secret: str,
    *,
    wait: float,
    public_only: bool,
) -> TryResult:
    started = time.monotonic()
    try:
        addresses = await check_resolved(url, public_only=public_only)
    except (RefusedAddress, OSError) as exc:
        refusal = f"refused: {exc}" if isinstance(exc, RefusedAddress) else f"DNS: {exc}"
        return TryResult(url, None, refusal[:500], int((time.monotonic() - started) * 1000))
    target = pinned(url, addresses[0])
    body = delivery.body.encode()
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": "Otklik-Webhooks/1",
        SIGNATURE_HEADER: signature(secret, int(time.time()), body),
        DELIVERY_HEADER: str(delivery.id),
        EVENT_HEADER: EVENT,
    }
    extensions = {"sni_hostname": target.server_name} if target.server_name else None
    status_code: int | None = None
    error: str | None = None
    try:
        response = await http.post(
            target.url, content=body, headers=headers, timeout=wait, extensions=extensions
        )
        status_code = response.status_code
        if not 200 <= status_code < 300:
            error = f"HTTP {status_code}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
    duration_ms = int((time.monotonic() - started) * 1000)
    return TryResult(url, status_code, error, duration_ms)


async def _record(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: FeedbackSettings,
    delivery: WebhookDelivery,
    result: TryResult,
    now: datetime,
) -> None:
    async with sessionmaker() as session, session.begin():
        session.add(
            WebhookAttempt(
                id=uuid7(),
                feedback_id=delivery.feedback_id,
                api_key_id=delivery.api_key_id,
                answer_number=delivery.answer_number,
                attempt=delivery.attempts,
                url=result.url,
                status_code=result.status_code,
                error=result.error,
                duration_ms=result.duration_ms,
                delivered=result.delivered,
                at=datetime.now(UTC),
            )
        )
        row = await session.get(WebhookDelivery, delivery.id, with_for_update=True)
        assert row is not None
        row.last_error = result.error
        if result.delivered:
            row.status, row.finished_at = DeliveryStatus.DELIVERED, now
            WEBHOOK_TRIES.labels("delivered").inc()
        elif row.attempts >= settings.webhook_max_attempts:
            row.status, row.finished_at = DeliveryStatus.FAILED, now
            WEBHOOK_TRIES.labels("failed").inc()
            logger.warning("webhook delivery gave up", extra={"delivery_id": str(row.id)})
        else:
            row.next_attempt_at = now + retry_delay(settings, row.attempts)
            WEBHOOK_TRIES.labels("retry").inc()


async def _drop(
    sessionmaker: async_sessionmaker[AsyncSession], delivery_id: uuid.UUID, now: datetime
) -> None:
    async with sessionmaker() as session, session.begin():
        row = await session.get(WebhookDelivery, delivery_id, with_for_update=True)
        assert row is not None
        row.status, row.finished_at = DeliveryStatus.FAILED, now
        row.last_error = "the endpoint was removed"


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: FeedbackSettings,
    http: httpx.AsyncClient,
    *,
    now: datetime | None = None,
) -> int:
    """Tries every delivery due, once each; returns how many were tried. `now` fixes the clock
    (tests step through the backoff with it); by default each batch reads the time."""

    def clock() -> datetime:
        return now or datetime.now(UTC)

    lease = timedelta(seconds=settings.webhook_timeout_seconds + LEASE_MARGIN_SECONDS)
    box = secret_box(settings)
    tried = 0

    async def attempt(delivery: WebhookDelivery, url: str, secret: str) -> None:
        result = await _post(
            http,
            delivery,
            url,
            secret,
            wait=settings.webhook_timeout_seconds,
            public_only=settings.webhooks_public_only,
        )
        await _record(sessionmaker, settings, delivery, result, clock())

    while True:
        claimed_at = clock()
        async with sessionmaker() as session, session.begin():
            claimed = await repository.claim_due(
                session, now=claimed_at, lease_until=claimed_at + lease, limit=CLAIM_BATCH
            )
            endpoints = await repository.endpoints(session, {d.api_key_id for d in claimed})
        if not claimed:
            return tried
        tries = []
        for delivery in claimed:
            endpoint = endpoints.get(delivery.api_key_id)
            if endpoint is None or not endpoint.active:
                await _drop(sessionmaker, delivery.id, claimed_at)
                continue
            secret = box.open(endpoint.secret_ciphertext).decode()
            tries.append(attempt(delivery, endpoint.url, secret))
        for outcome in await asyncio.gather(*tries, return_exceptions=True):
            if isinstance(outcome, Exception):
                # its lease runs out and it is tried again
                logger.error("webhook try not recorded: %s", type(outcome).__name__)
        tried += len(tries)


async def open_http_client(ctx: dict[str, Any]) -> None:
    # redirects are not followed: a signed body goes only where the client registered
    ctx[HTTP_CLIENT] = httpx.AsyncClient(follow_redirects=False)


async def close_http_client(ctx: dict[str, Any]) -> None:
    if HTTP_CLIENT in ctx:
        await ctx[HTTP_CLIENT].aclose()


async def deliver_due_webhooks(ctx: dict[str, Any], *, now: datetime | None = None) -> int:
    """The worker's cron job (and what tests call): one round of due deliveries."""
    settings: FeedbackSettings = ctx["settings"]
    http: httpx.AsyncClient | None = ctx.get(HTTP_CLIENT)
    if http is not None:
        return await deliver_due(ctx["sessionmaker"], settings, http, now=now)
    async with httpx.AsyncClient(follow_redirects=False) as own:
        return await deliver_due(ctx["sessionmaker"], settings, own, now=now)
