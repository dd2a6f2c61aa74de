"""The arq worker of a service: its event consumer plus its own jobs and cron, on its own queue.

The same builder serves the reporting worker process and the workers embedded in the API
processes (feedback-api, plans-api), which consume their queues in the background of the app.
"""

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from arq import Worker
from arq.cron import CronJob
from arq.worker import Function, func
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncEngine

from otklik_kit.db import create_engine, create_sessionmaker
from otklik_kit.events.consumer import BatchHandler, EventConsumer, Handler
from otklik_kit.events.lease import leased, use_leases
from otklik_kit.events.transport import (
    EVENTS_JOB,
    deserialize_job,
    redis_settings,
    serialize_job,
)
from otklik_kit.observability.logging import configure_logging
from otklik_kit.settings import KitSettings
from otklik_shared.events import queue_name

logger = logging.getLogger("otklik.worker")

EVENT_RESULT_KEEP_SECONDS = 24 * 3600
DELIVER_TIMEOUT_MARGIN_SECONDS = 5
# a batch that fails for a transient reason (its database away) is retried about once a minute
# for some 16 hours: a batch arq gives up on is never applied (an undecodable one fails at once)
EVENT_MAX_TRIES = 1000
ContextHook = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass(frozen=True)
class WorkerSpec:
    service: str
    consumer: str
    inbox: Table
    handlers: Mapping[str, Handler]
    batch_handlers: Mapping[str, BatchHandler] = field(default_factory=dict)
    functions: Sequence[Function] = ()
    cron_jobs: Sequence[CronJob] = ()
    on_startup: Sequence[ContextHook] = field(default_factory=tuple)
    on_shutdown: Sequence[ContextHook] = field(default_factory=tuple)


def build_worker(
    spec: WorkerSpec,
    settings: KitSettings,
    *,
    burst: bool = False,
    handle_signals: bool | None = None,
    configure_logs: bool = True,
) -> Worker:
    """ctx of every job holds `settings`, `engine`, `sessionmaker` and `redis` (arq's pool)."""
    engine = create_engine(settings)
    sessionmaker = create_sessionmaker(engine)
    consumer = EventConsumer(
        name=spec.consumer,
        sessionmaker=sessionmaker,
        inbox=spec.inbox,
        handlers=spec.handlers,
        batch_handlers=spec.batch_handlers,
        time_limit_seconds=settings.events_job_timeout_seconds,
    )

    async def on_startup(ctx: dict[str, Any]) -> None:
        if configure_logs:
            configure_logging(spec.service, settings.log_level)
        ctx["settings"] = settings
        ctx["engine"] = engine
        ctx["sessionmaker"] = sessionmaker
        for hook in spec.on_startup:
            await hook(ctx)

    async def on_shutdown(ctx: dict[str, Any]) -> None:
        for hook in spec.on_shutdown:
            await hook(ctx)
        await engine.dispose()

    lease = settings.job_lease_seconds
    worker = Worker(
        functions=[
            leased(job, lease)
            for job in (
                func(
                    consumer.deliver,
                    name=EVENTS_JOB,
                    max_tries=EVENT_MAX_TRIES,
                    # arq's own limit fails a job for good: the consumer's limit, a little shorter,
                    # turns a slow batch into a retry first
                    timeout=settings.events_job_timeout_seconds + DELIVER_TIMEOUT_MARGIN_SECONDS,
                    # the outbox sweeper reads the result to mark the batch completed
                    keep_result=EVENT_RESULT_KEEP_SECONDS,
                ),
                *spec.functions,
            )
        ],
        cron_jobs=[leased(job, lease) for job in spec.cron_jobs] or None,
        queue_name=queue_name(spec.consumer),
        redis_settings=redis_settings(settings.redis_url),
        job_serializer=serialize_job,
        job_deserializer=deserialize_job,
        on_startup=on_startup,
        on_shutdown=on_shutdown,
        max_jobs=settings.worker_max_jobs,
        poll_delay=settings.worker_poll_seconds,
        burst=burst,
        handle_signals=(not burst) if handle_signals is None else handle_signals,
        retry_jobs=True,
    )
    return use_leases(worker, lease)


async def run_restarting(
    make_worker: Callable[[], Worker], *, restart_seconds: float = 2.0
) -> None:
    """Runs a worker until cancelled, starting it again after a failure (Redis down at startup or
    gone under it), so an API keeps serving and a worker process outlives an outage."""
    while True:
        worker = make_worker()
        try:
            await worker.main()
        except asyncio.CancelledError:
            await _close(worker)
            raise
        except Exception as exc:
            logger.warning("worker stopped, restarting: %s", type(exc).__name__)
        await _close(worker)
        await asyncio.sleep(restart_seconds)


async def _close(worker: Worker) -> None:
    with contextlib.suppress(Exception):
        await worker.close()
    # close() gives up before on_shutdown when Redis is gone: the engine's connections too
    engine: AsyncEngine | None = worker.ctx.get("engine")
    if engine is not None:
        await engine.dispose()


async def run_until_signalled(make_worker: Callable[[], Worker]) -> None:
    """The `otklik worker` process: restarting after failures; SIGTERM or SIGINT stops it, the
    jobs it was running cancelled and left for another worker to run again."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await run_restarting(make_worker)
