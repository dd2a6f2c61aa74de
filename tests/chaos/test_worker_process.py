"""`otklik worker` as a process: SIGTERM stops it cleanly, and it starts while Redis is down,
then works once Redis comes up (it no longer exits at the first lost connection)."""

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.chaos.helpers import REPORTING_QUEUE, figures, post_batch, tally, varied_bodies, wait_for
from tests.feedback_helpers import Catalog
from tests.processes import Processes, RedisProcess

pytestmark = pytest.mark.chaos

POSTED = 100


async def test_worker_started_without_redis_works_once_it_comes_and_stops_on_sigterm(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    private_redis: RedisProcess,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    private_redis.stop()
    worker = processes.otklik("reporting-worker", serve=False)
    api = processes.otklik("feedback-api")
    await api.wait_ready(path="/healthz")
    accepted = await post_batch(api.url, portal, varied_bodies(catalog, POSTED, "no-redis"))
    down_for = await wait_for(
        lambda: _worker_retrying(worker.log.read_text()), what="a retry", within=30
    )

    private_redis.start()
    drained = await wait_for(
        lambda: _aggregated(sessionmaker, POSTED),
        what="the backlog aggregated",
        within=60,
        children=[worker, api],
    )
    alive = await _worker_heartbeat(private_redis.url)
    status = worker.stop()

    figures(
        "worker started with Redis down",
        posted=POSTED,
        accepted=accepted,
        seconds_before_redis=down_for,
        drained_seconds=drained,
        exit_status_on_sigterm=status,
    )
    assert accepted == POSTED
    assert alive
    assert status == 0


async def _worker_retrying(log: str) -> bool:
    return "worker stopped, restarting" in log


async def _aggregated(sessionmaker: async_sessionmaker[AsyncSession], total: int) -> bool:
    return (await tally(sessionmaker)).aggregated >= total


async def _worker_heartbeat(url: str) -> bool:
    async with Redis.from_url(url) as client:
        return bool(await client.exists(f"{REPORTING_QUEUE}:health-check"))
