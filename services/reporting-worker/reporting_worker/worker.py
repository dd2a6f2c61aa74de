"""The arq worker: consumes the `otklik:reporting` queue of events (and, later, report jobs)."""

from typing import Any

from arq import Worker
from arq.worker import func

from otklik_kit.db import create_engine, create_sessionmaker
from otklik_kit.events.consumer import EventConsumer, Handler
from otklik_kit.events.transport import (
    EVENTS_JOB,
    deserialize_job,
    redis_settings,
    serialize_job,
)
from otklik_kit.observability.logging import configure_logging
from otklik_shared.events import queue_name
from reporting_worker.config import ReportingSettings
from reporting_worker.database import CONSUMER, inbox
from reporting_worker.directory.handlers import on_agency_upserted, on_service_upserted

HANDLERS: dict[str, Handler] = {
    "agency.upserted": on_agency_upserted,
    "service.upserted": on_service_upserted,
}
EVENT_RESULT_KEEP_SECONDS = 24 * 3600


def build_worker(settings: ReportingSettings, *, burst: bool = False) -> Worker:
    engine = create_engine(settings)
    consumer = EventConsumer(
        name=CONSUMER, sessionmaker=create_sessionmaker(engine), inbox=inbox, handlers=HANDLERS
    )

    async def on_startup(ctx: dict[str, Any]) -> None:
        configure_logging("reporting-worker", settings.log_level)
        ctx["settings"] = settings

    async def on_shutdown(ctx: dict[str, Any]) -> None:
        del ctx
        await engine.dispose()

    return Worker(
        functions=[
            func(
                consumer.deliver,
                name=EVENTS_JOB,
                max_tries=10,
                timeout=300,
                # the outbox sweeper reads the result to mark the batch completed
                keep_result=EVENT_RESULT_KEEP_SECONDS,
            )
        ],
        queue_name=queue_name(CONSUMER),
        redis_settings=redis_settings(settings.redis_url),
        job_serializer=serialize_job,
        job_deserializer=deserialize_job,
        on_startup=on_startup,
        on_shutdown=on_shutdown,
        max_jobs=settings.worker_max_jobs,
        poll_delay=settings.worker_poll_seconds,
        burst=burst,
        handle_signals=not burst,
        retry_jobs=True,
    )
