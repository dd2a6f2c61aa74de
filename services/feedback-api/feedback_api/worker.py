"""feedback-api's arq worker (embedded in the API process unless EMBEDDED_WORKER_ENABLED=false):
keeps the catalog copy, applies classifications, delivers answers to webhooks."""

from arq.cron import cron

from feedback_api.catalog.handlers import (
    on_agency_upserted,
    on_service_upserted,
    on_touchpoint_upserted,
)
from feedback_api.database import CONSUMER, inbox
from feedback_api.webhooks.delivery import (
    close_http_client,
    deliver_due_webhooks,
    on_feedback_answered,
    open_http_client,
)
from otklik_kit.events.consumer import Handler
from otklik_kit.events.worker import WorkerSpec

HANDLERS: dict[str, Handler] = {
    "agency.upserted": on_agency_upserted,
    "service.upserted": on_service_upserted,
    "touchpoint.upserted": on_touchpoint_upserted,
    "feedback.answered": on_feedback_answered,
}

# one round every 5 seconds; across replicas arq runs each tick once
WEBHOOK_CRON = cron(
    deliver_due_webhooks,
    name="webhooks.deliver",
    second=set(range(0, 60, 5)),
    timeout=300,
    max_tries=1,
)

WORKER = WorkerSpec(
    service="feedback-api",
    consumer=CONSUMER,
    inbox=inbox,
    handlers=HANDLERS,
    cron_jobs=[WEBHOOK_CRON],
    on_startup=[open_http_client],
    on_shutdown=[close_http_client],
)
