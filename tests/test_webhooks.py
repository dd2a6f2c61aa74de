"""Answers delivered to the client that posted the feedback: a real endpoint on 127.0.0.1
receives them signed; failures are logged and retried with backoff."""

import dataclasses
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.webhooks.delivery import deliver_due_webhooks
from feedback_api.webhooks.housekeeping import prune_webhook_history_job
from feedback_api.worker import WORKER as FEEDBACK_WORKER
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from otklik_shared.events import queue_name
from tests.conftest import KeyMaker, bearer, drain
from tests.http_helpers import assert_no_content
from tests.review_helpers import Desk, complaint
from tests.webhook_receiver import signature_is_valid, webhook_receiver

DELIVERY_CRON = "cron:webhooks.deliver"
ANSWER = "Здравствуйте! Окно приёма документов открыто, очередь сокращена."


class Deliveries:
    """The feedback side of the path: outbox → worker → delivery round, at a chosen time."""

    def __init__(
        self,
        feedback_app: FastAPI,
        settings: FeedbackSettings,
        sessionmaker: async_sessionmaker[AsyncSession],
    ) -> None:
        self._relay: OutboxRelay = feedback_app.state.outbox_relay
        self.settings = settings
        self._sessionmaker = sessionmaker

    async def carry_events(self) -> None:
        while await self._relay.relay_once():
            pass
        # the worker's cron would deliver on its own if a 5-second tick fell inside the drain;
        # these tests run each delivery round themselves, at the time they choose
        await drain(dataclasses.replace(FEEDBACK_WORKER, cron_jobs=()), self.settings)

    async def round(self, now: datetime | None = None, **settings: Any) -> int:
        ctx = {
            "settings": self.settings.model_copy(update=settings),
            "sessionmaker": self._sessionmaker,
        }
        return await deliver_due_webhooks(ctx, now=now)


@pytest.fixture
def deliveries(
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> Deliveries:
    return Deliveries(feedback_app, feedback_settings, sessionmaker)


async def register(client: httpx.AsyncClient, headers: dict[str, str], url: str) -> str:
    response = await client.put("/api/v1/webhooks/endpoint", json={"url": url}, headers=headers)
    assert response.status_code == 200, response.text
    secret: str = response.json()["secret"]
    return secret


async def answer(
    client: httpx.AsyncClient, desk: Desk, feedback_id: str, text: str = ANSWER
) -> None:
    response = await client.post(
        f"/api/v1/feedback/{feedback_id}/answer", json={"text": text}, headers=desk.reviewer
    )
    assert response.status_code == 200, response.text


async def attempts(
    client: httpx.AsyncClient, headers: dict[str, str], feedback_id: str
) -> list[dict[str, Any]]:
    response = await client.get(
        "/api/v1/webhooks/attempts", params={"feedback_id": feedback_id}, headers=headers
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_answer_reaches_the_posting_client_signed(
    feedback: httpx.AsyncClient, desk: Desk, deliveries: Deliveries
) -> None:
    async with webhook_receiver() as receiver:
        secret = await register(feedback, desk.portal, receiver.url)
        shown = await feedback.get("/api/v1/webhooks/endpoint", headers=desk.portal)
        assert shown.json()["url"] == receiver.url
        assert "secret" not in shown.json()
        feedback_id = await complaint(feedback, desk, case_number="2026-000123456")
        await answer(feedback, desk, feedback_id)

        await deliveries.carry_events()
        assert await deliveries.round() == 1
        assert await deliveries.round() == 0

    [received] = receiver.requests
    assert received.path == "/otklik/answers"
    assert received.headers["x-otklik-event"] == "feedback.answered"
    assert signature_is_valid(secret, received.headers["x-otklik-signature"], received.body)
    assert not signature_is_valid(secret, received.headers["x-otklik-signature"], b"{}")
    stamped = int(received.headers["x-otklik-signature"].split(",")[0].removeprefix("t="))
    assert abs(time.time() - stamped) < 60
    body = received.json()
    assert body | {"answered_at": None} == {
        "event": "feedback.answered",
        "feedback_id": feedback_id,
        "status": "answered",
        "answer": ANSWER,
        "answered_at": None,
        "case_number": "2026-000123456",
        "answer_number": 1,
    }
    [attempt] = await attempts(feedback, desk.portal, feedback_id)
    assert (attempt["attempt"], attempt["status_code"], attempt["delivered"]) == (1, 200, True)
    assert attempt["error"] is None


async def test_failed_delivery_is_logged_then_retried_after_its_backoff(
    feedback: httpx.AsyncClient, desk: Desk, deliveries: Deliveries
) -> None:
    async with webhook_receiver(500) as receiver:
        secret = await register(feedback, desk.portal, receiver.url)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id)
        await deliveries.carry_events()
        start = datetime.now(UTC)

        assert await deliveries.round(start) == 1
        [failed] = await attempts(feedback, desk.portal, feedback_id)
        assert (failed["status_code"], failed["delivered"], failed["error"]) == (
            500,
            False,
            "HTTP 500",
        )
        # the first retry waits WEBHOOK_RETRY_BASE_SECONDS (10 s)
        assert await deliveries.round(start + timedelta(seconds=5)) == 0
        assert await deliveries.round(start + timedelta(seconds=11)) == 1

    first, second = receiver.requests
    assert first.body == second.body
    assert first.headers["x-otklik-delivery"] == second.headers["x-otklik-delivery"]
    assert signature_is_valid(secret, second.headers["x-otklik-signature"], second.body)
    log = await attempts(feedback, desk.portal, feedback_id)
    assert [(a["attempt"], a["delivered"]) for a in log] == [(2, True), (1, False)]


async def test_unreachable_endpoint_is_tried_until_the_last_attempt(
    feedback: httpx.AsyncClient, desk: Desk, deliveries: Deliveries
) -> None:
    async with webhook_receiver() as closed:
        unreachable = closed.url  # the port is free again once the server closed
    await register(feedback, desk.portal, unreachable)
    feedback_id = await complaint(feedback, desk)
    await answer(feedback, desk, feedback_id)
    await deliveries.carry_events()
    moment = datetime.now(UTC)

    tried = []
    for _ in range(3):
        tried.append(await deliveries.round(moment, webhook_max_attempts=2))
        moment += timedelta(hours=1)

    assert tried == [1, 1, 0]

    log = await attempts(feedback, desk.portal, feedback_id)
    assert [a["attempt"] for a in log] == [2, 1]
    assert all(a["status_code"] is None and "ConnectError" in a["error"] for a in log)


async def test_a_rotated_secret_signs_and_a_removed_endpoint_gets_nothing(
    feedback: httpx.AsyncClient, desk: Desk, deliveries: Deliveries
) -> None:
    async with webhook_receiver() as receiver:
        old = await register(feedback, desk.portal, receiver.url)
        new = await register(feedback, desk.portal, receiver.url)
        assert old != new
        delivered = await complaint(feedback, desk)
        await answer(feedback, desk, delivered)
        await deliveries.carry_events()
        await deliveries.round()
        [received] = receiver.requests
        assert signature_is_valid(new, received.headers["x-otklik-signature"], received.body)
        assert not signature_is_valid(old, received.headers["x-otklik-signature"], received.body)

        queued = await complaint(feedback, desk)
        await answer(feedback, desk, queued)
        await deliveries.carry_events()
        removed = await feedback.delete("/api/v1/webhooks/endpoint", headers=desk.portal)
        assert_no_content(removed)
        assert await deliveries.round() == 0
        assert len(receiver.requests) == 1

    assert (await feedback.get("/api/v1/webhooks/endpoint", headers=desk.portal)).status_code == 404
    assert (await feedback.delete("/api/v1/webhooks/endpoint", headers=desk.portal)).is_client_error


async def test_only_the_latest_answer_is_delivered_when_answered_again_meanwhile(
    feedback: httpx.AsyncClient, desk: Desk, deliveries: Deliveries
) -> None:
    async with webhook_receiver() as receiver:
        await register(feedback, desk.portal, receiver.url)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id, "Первый ответ")
        await answer(feedback, desk, feedback_id, "Уточнённый ответ")
        await deliveries.carry_events()
        await deliveries.round()
        await answer(feedback, desk, feedback_id, "Третий ответ")
        await deliveries.carry_events()
        await deliveries.round()

    assert [(r.json()["answer_number"], r.json()["answer"]) for r in receiver.requests] == [
        (2, "Уточнённый ответ"),
        (3, "Третий ответ"),
    ]


async def test_other_clients_neither_receive_the_answer_nor_see_its_log(
    feedback: httpx.AsyncClient, desk: Desk, deliveries: Deliveries, make_key: KeyMaker
) -> None:
    other_portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    async with webhook_receiver() as ours, webhook_receiver() as theirs:
        await register(feedback, desk.portal, ours.url)
        await register(feedback, other_portal, theirs.url)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id)
        await deliveries.carry_events()
        await deliveries.round()

    assert (len(ours.requests), len(theirs.requests)) == (1, 0)
    assert await attempts(feedback, other_portal, feedback_id) == []
    reader = bearer(await make_key(Scope.FEEDBACK_READ))
    refused = await feedback.put(
        "/api/v1/webhooks/endpoint", json={"url": ours.url}, headers=reader
    )
    assert refused.status_code == 403
    invalid = await feedback.put(
        "/api/v1/webhooks/endpoint", json={"url": "ftp://example.org/x"}, headers=desk.portal
    )
    assert invalid.status_code == 422


async def test_the_feedback_worker_runs_the_delivery_round(
    feedback: httpx.AsyncClient,
    desk: Desk,
    deliveries: Deliveries,
    feedback_settings: FeedbackSettings,
    redis: ArqRedis,
) -> None:
    async with webhook_receiver() as receiver:
        await register(feedback, desk.portal, receiver.url)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id)
        await deliveries.carry_events()
        # what the cron enqueues every 5 seconds, run by the worker as built for production
        await redis.enqueue_job(DELIVERY_CRON, _queue_name=queue_name("feedback"))
        await drain(FEEDBACK_WORKER, feedback_settings, with_cron=True)

    assert [r.json()["feedback_id"] for r in receiver.requests] == [feedback_id]


async def test_webhook_history_is_kept_ninety_days(
    feedback: httpx.AsyncClient,
    desk: Desk,
    deliveries: Deliveries,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with webhook_receiver() as receiver:
        await register(feedback, desk.portal, receiver.url)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id)
        await deliveries.carry_events()
        await deliveries.round()
    ctx = {"sessionmaker": sessionmaker}

    assert await prune_webhook_history_job(ctx, now=datetime.now(UTC) + timedelta(days=89)) == 0
    assert len(await attempts(feedback, desk.portal, feedback_id)) == 1
    assert await prune_webhook_history_job(ctx, now=datetime.now(UTC) + timedelta(days=91)) == 1
    assert await attempts(feedback, desk.portal, feedback_id) == []
