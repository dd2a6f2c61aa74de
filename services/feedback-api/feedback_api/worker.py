"""feedback-api's arq worker (embedded in the API process unless EMBEDDED_WORKER_ENABLED=false):
keeps the catalog copy, applies classifications, delivers answers to webhooks."""

from feedback_api.catalog.handlers import (
    on_agency_upserted,
    on_service_upserted,
    on_touchpoint_upserted,
)
from feedback_api.database import CONSUMER, inbox
from otklik_kit.events.consumer import Handler
from otklik_kit.events.worker import WorkerSpec

HANDLERS: dict[str, Handler] = {
    "agency.upserted": on_agency_upserted,
    "service.upserted": on_service_upserted,
    "touchpoint.upserted": on_touchpoint_upserted,
}

WORKER = WorkerSpec(service="feedback-api", consumer=CONSUMER, inbox=inbox, handlers=HANDLERS)
