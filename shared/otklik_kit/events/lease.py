"""Job leases: a worker killed mid-job frees its jobs within seconds, not the longest time limit.

arq marks a job taken with an in-progress key that lives as long as the longest time limit of
any function of the worker (+10 s): with report builds (10 min) and the monthly cron (30 min) on
the queue, a SIGKILLed worker would hold even its event batches for half an hour. Here the key
lives one short lease, renewed while the job runs, so only a dead worker's jobs come free.
"""

import asyncio
import contextlib
import dataclasses
import functools
from typing import Any, TypeVar

from arq import Worker
from arq.connections import ArqRedis
from arq.constants import in_progress_key_prefix
from arq.cron import CronJob
from arq.worker import Function
from redis.exceptions import RedisError

Job = TypeVar("Job", Function, CronJob)


def leased(job: Job, lease_seconds: float) -> Job:
    """The same job, renewing its in-progress key every third of the lease while it runs."""
    coroutine = job.coroutine

    @functools.wraps(coroutine)
    async def run(ctx: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        renewing = asyncio.create_task(_renew(ctx["redis"], ctx["job_id"], lease_seconds))
        try:
            return await coroutine(ctx, *args, **kwargs)
        finally:
            renewing.cancel()

    return dataclasses.replace(job, coroutine=run)


def use_leases(worker: Worker, lease_seconds: float) -> Worker:
    """Takes jobs for one lease instead of the longest time limit (the jobs must be `leased`)."""
    worker.in_progress_timeout_s = lease_seconds
    return worker


async def _renew(redis: ArqRedis, job_id: str, lease_seconds: float) -> None:
    key = in_progress_key_prefix + job_id
    while True:
        await asyncio.sleep(lease_seconds / 3)
        # a missed renewal is retried at the next third; a lease lost to a long Redis outage
        # only lets another worker run the job again, which every job is written to allow
        with contextlib.suppress(RedisError, OSError):
            await redis.pexpire(key, int(lease_seconds * 1000))
