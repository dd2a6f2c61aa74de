"""The arq worker: the `otklik:reporting` queue of events, report builds and the monthly cron."""

import asyncio
from typing import Any

from arq import Worker

from otklik_kit.events.consumer import BatchHandler, Handler
from otklik_kit.events.worker import WorkerSpec
from otklik_kit.events.worker import build_worker as build_service_worker
from reporting_worker.aggregates.handlers import on_feedback_received
from reporting_worker.answers.handlers import on_answer_rated
from reporting_worker.classification.classifier import shared_classifier
from reporting_worker.config import ReportingSettings
from reporting_worker.database import CONSUMER, inbox
from reporting_worker.directory.handlers import (
    on_agency_upserted,
    on_service_upserted,
    on_touchpoint_upserted,
)
from reporting_worker.reports.jobs import CRON_JOBS, FUNCTIONS, close_upstream, open_upstream

HANDLERS: dict[str, Handler] = {
    "agency.upserted": on_agency_upserted,
    "service.upserted": on_service_upserted,
    "touchpoint.upserted": on_touchpoint_upserted,
}

BATCH_HANDLERS: dict[str, BatchHandler] = {
    "feedback.received": on_feedback_received,
    "feedback.answer_rated": on_answer_rated,
}


async def load_classifier(ctx: dict[str, Any]) -> None:
    # loaded before the first batch, off the loop, so no batch waits for the dictionary
    del ctx
    await asyncio.to_thread(shared_classifier)


WORKER = WorkerSpec(
    service="reporting-worker",
    consumer=CONSUMER,
    inbox=inbox,
    handlers=HANDLERS,
    batch_handlers=BATCH_HANDLERS,
    functions=FUNCTIONS,
    cron_jobs=CRON_JOBS,
    on_startup=(load_classifier, open_upstream),
    on_shutdown=(close_upstream,),
)


def build_worker(settings: ReportingSettings, *, burst: bool = False) -> Worker:
    return build_service_worker(WORKER, settings, burst=burst)
