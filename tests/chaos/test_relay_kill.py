"""The outbox relay killed (SIGKILL of the API process running it) after it handed a batch to
Redis and before it marked the rows sent: the rows are sent again and nothing counts twice.

A test hook (`TEST_HOOK_RELAY_PAUSE_AFTER_ENQUEUE`, off by default, refused in production)
holds the relay in that window, so the kill lands there every time.
"""

import time

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.events.transport import EVENTS_JOB, lazy_arq_redis
from tests.chaos.helpers import (
    REPORTING_QUEUE,
    differences_from_a_clean_run,
    figures,
    post_batch,
    tally,
    varied_bodies,
    wait_for,
)
from tests.feedback_helpers import Catalog
from tests.processes import OtklikProcess, Processes, RedisProcess

pytestmark = pytest.mark.chaos

FIRST, SECOND = 200, 100
HELD_IN_THE_WINDOW = {"TEST_HOOK_RELAY_PAUSE_AFTER_ENQUEUE": "300"}
# a replica that takes posts and relays nothing: the rows it writes wait for the relay under test
NO_RELAY = {"OUTBOX_RELAY_ENABLED": "false", "EMBEDDED_WORKER_ENABLED": "false"}


async def test_relay_killed_between_enqueue_and_marking_sent_has_no_duplicate_effect(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    private_redis: RedisProcess,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    worker = processes.otklik("reporting-worker", serve=False)
    ingest = processes.otklik("feedback-api", env=NO_RELAY)
    await ingest.wait_ready()
    bodies = varied_bodies(catalog, FIRST + SECOND, "relay-kill")

    # 1: the first rows are enqueued and applied, then the relay dies before marking them sent
    relay = processes.otklik("feedback-api", env=HELD_IN_THE_WINDOW)
    accepted = await post_batch(ingest.url, portal, bodies[:FIRST])
    await _in_the_window(sessionmaker, relay, worker, applied=FIRST, unsent=FIRST)
    accepted += await post_batch(ingest.url, portal, bodies[FIRST:])
    relay.kill()

    # 2: the next relay sends them again with the new rows: another batch, the same events
    relay = processes.otklik("feedback-api", env=HELD_IN_THE_WINDOW)
    await _in_the_window(sessionmaker, relay, worker, applied=FIRST + SECOND, unsent=FIRST + SECOND)
    relay.kill()

    # 3: a relay without the hook sends the very same batch again (arq refuses its job id)
    restarted = time.monotonic()
    relay = processes.otklik("feedback-api")
    await wait_for(
        lambda: _settled(sessionmaker),
        what="every row marked sent, every event applied",
        within=60,
        children=[relay, worker],
    )
    recovered_in = time.monotonic() - restarted
    counts = await tally(sessionmaker)
    delivered = await _events_delivered(private_redis.url)
    figures(
        "outbox relay SIGKILLed between enqueue and marking sent",
        posted=FIRST + SECOND,
        accepted=accepted,
        relay_kills=2,
        events_delivered=delivered,
        duplicates_dropped_by_inbox=delivered - counts.applied,
        aggregated=counts.aggregated,
        lost=counts.lost,
        duplicates=counts.duplicated,
        recovery_seconds=recovered_in,
    )
    total = FIRST + SECOND
    assert accepted == total
    # the first rows reached the worker twice, the identical third send not at all
    assert delivered == FIRST + total
    assert (counts.stored, counts.applied, counts.aggregated, counts.unsent) == (total,) * 3 + (0,)
    assert await differences_from_a_clean_run(sessionmaker) == []


async def _in_the_window(
    sessionmaker: async_sessionmaker[AsyncSession],
    relay: OtklikProcess,
    worker: OtklikProcess,
    *,
    applied: int,
    unsent: int,
) -> None:
    """Until the worker applied what the held relay enqueued, none of it marked sent."""

    async def held() -> bool:
        counts = await tally(sessionmaker)
        return counts.applied == applied and counts.unsent == unsent

    await wait_for(held, what="the relay held after enqueue", within=60, children=[relay, worker])


async def _settled(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    counts = await tally(sessionmaker)
    return counts.unsent == 0 and counts.aggregated >= counts.stored


async def _events_delivered(url: str) -> int:
    """Events in every batch the reporting worker ran (arq keeps the results a day)."""
    redis = lazy_arq_redis(url)
    try:
        results = await redis.all_job_results()
    finally:
        await redis.aclose(close_connection_pool=True)
    return sum(
        len(result.args[0])
        for result in results
        if result.function == EVENTS_JOB and result.queue_name == REPORTING_QUEUE
    )
