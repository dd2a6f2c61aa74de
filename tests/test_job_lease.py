"""Job leases: a job running longer than its lease keeps it (no second worker runs it), while a
killed worker's jobs come free after one lease (tests/chaos/test_worker_kill.py)."""

import asyncio
import dataclasses
from typing import Any

from arq.connections import ArqRedis
from arq.worker import func

from otklik_kit.events.worker import build_worker
from reporting_worker.config import ReportingSettings
from reporting_worker.worker import WORKER

LEASE_SECONDS = 1


async def slow_job(ctx: dict[str, Any]) -> None:
    await ctx["redis"].incr("lease-test:runs")
    await asyncio.sleep(LEASE_SECONDS * 3)


async def test_a_job_longer_than_its_lease_runs_once_with_two_workers(
    settings_overrides: dict[str, Any], redis: ArqRedis
) -> None:
    spec = dataclasses.replace(
        WORKER, functions=(func(slow_job, name="lease-test.slow"),), cron_jobs=()
    )
    settings = ReportingSettings(**{**settings_overrides, "JOB_LEASE_SECONDS": LEASE_SECONDS})
    workers = [build_worker(spec, settings, burst=True) for _ in range(2)]
    await redis.enqueue_job("lease-test.slow", _queue_name="otklik:reporting")

    try:
        await asyncio.gather(*(worker.main() for worker in workers))
    finally:
        for worker in workers:
            await worker.close()

    assert await redis.get("lease-test:runs") == b"1"
    assert [worker.jobs_complete for worker in workers] in ([1, 0], [0, 1])
