"""Live aggregates from feedback.received: counted exactly once, whatever the delivery does."""

from typing import Any

import httpx
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from otklik_kit.events.transport import EVENTS_JOB
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer, drain_worker
from tests.feedback_helpers import feedback_body, seed_catalog

AGGREGATE = """
SELECT stage, channel, sum(responses) AS responses,
       sum(rating_1) AS r1, sum(rating_2) AS r2, sum(rating_4) AS r4, sum(rating_5) AS r5,
       sum(queue_wait_sum) AS queue_wait_sum, sum(queue_wait_count) AS queue_wait_count,
       sum(comments) AS comments
  FROM reporting.feedback_daily GROUP BY stage, channel ORDER BY stage, channel
"""


async def aggregates(sessionmaker: async_sessionmaker[AsyncSession]) -> list[tuple[Any, ...]]:
    async with sessionmaker() as session:
        return [tuple(row) for row in (await session.execute(text(AGGREGATE))).all()]


async def test_feedback_is_counted_once_even_when_delivered_again(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    redis: ArqRedis,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    catalog = await seed_catalog(plans, plans_app, feedback_settings, admin_headers)
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    bodies = [
        feedback_body(catalog, rating=5, comment=None),
        feedback_body(catalog, rating=4, criteria={"queue_wait": 4}),
        feedback_body(catalog, rating=1, criteria={"queue_wait": 1}, comment="Очередь 3 часа"),
        feedback_body(catalog, rating=2, stage="result", channel="mfc", comment=None),
    ]
    for body in bodies:
        response = await feedback.post("/api/v1/feedback", json=body, headers=portal)
        assert response.status_code == 201, response.text
    relay: OutboxRelay = feedback_app.state.outbox_relay
    await relay.relay_once()
    await drain_worker(reporting_settings)
    counted_once = await aggregates(sessionmaker)

    # at-least-once delivery: the same batch arrives again under another job id
    [delivered] = [
        r for r in await redis.all_job_results() if r.args[0][0]["type"] == "feedback.received"
    ]
    await redis.enqueue_job(
        EVENTS_JOB, delivered.args[0], _job_id="again", _queue_name="otklik:reporting"
    )
    await drain_worker(reporting_settings)

    expected = [
        # stage, channel, responses, r1, r2, r4, r5, queue_wait sum/count, comments
        ("application", "regional_portal", 3, 1, 0, 1, 1, 5, 2, 2),
        ("result", "mfc", 1, 0, 1, 0, 0, 0, 0, 0),
    ]
    assert counted_once == expected
    assert await aggregates(sessionmaker) == expected
