"""Ingest never depends on Redis: with Redis stopped feedback is still accepted, and every event
reaches the reporting worker once Redis is back (a real redis-server, stopped and restarted)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer, drain_worker, running
from tests.feedback_helpers import Catalog, feedback_body, seed_catalog
from tests.processes import RedisProcess

POSTED_WHILE_DOWN = 40


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.stop()


async def test_feedback_posted_while_redis_is_down_is_delivered_after_it_returns(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    settings_overrides: dict[str, Any],
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    private_redis: RedisProcess,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    catalog: Catalog = await seed_catalog(plans, plans_app, feedback_settings, admin_headers)
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    on_private = {**settings_overrides, "REDIS_URL": private_redis.url}
    app = create_feedback_app(FeedbackSettings(**on_private))

    async with running(app) as feedback:
        private_redis.stop()
        statuses = [
            (
                await feedback.post("/api/v1/feedback", json=feedback_body(catalog), headers=portal)
            ).status_code
            for _ in range(POSTED_WHILE_DOWN)
        ]
        relay: OutboxRelay = app.state.outbox_relay
        with pytest.raises((RedisError, OSError)):
            await relay.relay_once()

        private_redis.start()  # back, and empty
        while await relay.relay_once():
            pass
        await drain_worker(ReportingSettings(**on_private))

    async with sessionmaker() as session:
        accepted = await session.scalar(text("SELECT count(*) FROM feedback.feedback"))
        applied = await session.scalar(
            text("SELECT count(*) FROM reporting.processed_events WHERE type = 'feedback.received'")
        )
        unsent = await session.scalar(
            text("SELECT count(*) FROM feedback.outbox WHERE sent_at IS NULL")
        )
    assert statuses == [201] * POSTED_WHILE_DOWN
    assert (accepted, applied, unsent) == (POSTED_WHILE_DOWN, POSTED_WHILE_DOWN, 0)
