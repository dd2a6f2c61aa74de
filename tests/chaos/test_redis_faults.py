"""Redis goes away under running services: ingest never depends on it, and every event reaches
the aggregates exactly once after it returns, even when it returns empty."""

import time

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.chaos.helpers import (
    differences_from_a_clean_run,
    figures,
    post_all,
    tally,
    varied_bodies,
    wait_for,
)
from tests.feedback_helpers import Catalog
from tests.processes import Processes, RedisProcess

pytestmark = pytest.mark.chaos

POSTED_BEFORE, POSTED_DURING, POSTED_AFTER = 150, 300, 150


async def test_feedback_posted_while_redis_is_down_is_aggregated_once_it_returns(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    private_redis: RedisProcess,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    api = processes.otklik("feedback-api")
    worker = processes.otklik("reporting-worker", serve=False)
    await api.wait_ready()
    total = POSTED_BEFORE + POSTED_DURING + POSTED_AFTER
    bodies = varied_bodies(catalog, total, "redis-outage")

    before = await post_all(api.url, portal, bodies[:POSTED_BEFORE])
    private_redis.stop()
    during = await post_all(api.url, portal, bodies[POSTED_BEFORE:-POSTED_AFTER])
    async with httpx.AsyncClient(base_url=api.url, trust_env=False) as client:
        readiness = await client.get("/readyz")
    private_redis.start()  # back, and empty
    returned = time.monotonic()
    after = await post_all(api.url, portal, bodies[-POSTED_AFTER:])

    recovery = await wait_for(
        lambda: _all_aggregated(sessionmaker, total),
        what=f"{total} feedback aggregated",
        within=120,
        children=[api, worker],
    )
    recovered_in = time.monotonic() - returned
    counts = await tally(sessionmaker)
    figures(
        "redis stopped while posting",
        posted=total,
        accepted_while_down=during.count(201),
        accepted=before.count(201) + during.count(201) + after.count(201),
        aggregated=counts.aggregated,
        lost=counts.lost,
        duplicates=counts.duplicated,
        recovery_seconds=recovered_in,
        drained_after_load_seconds=recovery,
    )
    # still ready, so a load balancer keeps sending the posts it can take
    assert readiness.status_code == 200
    assert readiness.json()["checks"]["redis"].startswith("unavailable")
    assert during.statuses == [201] * POSTED_DURING
    assert before.statuses + after.statuses == [201] * (POSTED_BEFORE + POSTED_AFTER)
    assert (counts.stored, counts.applied, counts.aggregated, counts.unsent) == (total,) * 3 + (0,)
    assert await differences_from_a_clean_run(sessionmaker) == []


async def test_events_lost_by_a_redis_restarted_empty_are_enqueued_again(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    private_redis: RedisProcess,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    total = 400
    api = processes.otklik("feedback-api")
    await api.wait_ready()
    sent = await post_all(api.url, portal, varied_bodies(catalog, total, "redis-empty"))
    await wait_for(
        lambda: _all_handed_to_redis(sessionmaker),
        what="every event handed to Redis",
        within=60,
        children=[api],
    )
    queued = await _queued_batches(private_redis.url)

    private_redis.stop()
    private_redis.start()  # empty: the queued batches are gone
    restarted = time.monotonic()
    worker = processes.otklik("reporting-worker", serve=False)
    await wait_for(
        lambda: _all_aggregated(sessionmaker, total),
        what=f"{total} feedback aggregated",
        within=120,
        children=[api, worker],
    )
    recovered_in = time.monotonic() - restarted
    counts = await tally(sessionmaker)
    resent = await _resent_rows(sessionmaker)
    figures(
        "redis restarted empty before consumption",
        posted=total,
        accepted=sent.count(201),
        batches_lost_with_redis=queued,
        events_re_enqueued=resent,
        aggregated=counts.aggregated,
        lost=counts.lost,
        duplicates=counts.duplicated,
        recovery_seconds=recovered_in,
    )
    assert sent.statuses == [201] * total
    assert queued > 0
    assert resent == total
    assert (counts.stored, counts.applied, counts.aggregated) == (total, total, total)
    assert await differences_from_a_clean_run(sessionmaker) == []


async def _all_aggregated(sessionmaker: async_sessionmaker[AsyncSession], total: int) -> bool:
    counts = await tally(sessionmaker)
    return counts.aggregated >= total and counts.unsent == 0


async def _all_handed_to_redis(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    counts = await tally(sessionmaker)
    return counts.stored > 0 and counts.unsent == 0


async def _resent_rows(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        resent = await session.scalar(
            text("SELECT count(*) FROM feedback.outbox WHERE send_count > 1")
        )
    return int(resent or 0)


async def _queued_batches(url: str) -> int:
    async with Redis.from_url(url) as client:
        return int(await client.zcard("otklik:reporting"))
