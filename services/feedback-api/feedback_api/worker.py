"""feedback-api's arq worker (embedded in the API process unless EMBEDDED_WORKER_ENABLED=false):
keeps the catalog copy, applies classifications, delivers answers to webhooks, housekeeping."""

from arq import cron
from arq.worker import func

from feedback_api.catalog.handlers import (
    on_agency_upserted,
    on_service_upserted,
    on_touchpoint_upserted,
)
from feedback_api.database import CONSUMER, inbox
from feedback_api.feedback.classification import on_feedbacks_classified
from feedback_api.maintenance import (
    ensure_partitions_job,
    expire_contacts_job,
    expire_idempotency_keys_job,
)
from feedback_api.pages.housekeeping import prune_touchpoint_ratings_job
from feedback_api.review.proposals import on_proposal_decided
from feedback_api.webhooks.delivery import (
    close_http_client,
    deliver_due_webhooks,
    on_feedback_answered,
    open_http_client,
)
from feedback_api.webhooks.housekeeping import prune_webhook_history_job
from otklik_kit.events.consumer import BatchHandler, Handler
from otklik_kit.events.worker import WorkerSpec

HANDLERS: dict[str, Handler] = {
    "agency.upserted": on_agency_upserted,
    "service.upserted": on_service_upserted,
    "touchpoint.upserted": on_touchpoint_upserted,
    "feedback.answered": on_feedback_answered,
    "proposal.decided": on_proposal_decided,
}
# classifications come in batches of hundreds: applied together, in one transaction
BATCH_HANDLERS: dict[str, BatchHandler] = {"feedback.classified": on_feedbacks_classified}

MAINTENANCE = (
    func(expire_contacts_job, name="feedback.expire_contacts", max_tries=3, timeout=600),
    func(expire_idempotency_keys_job, name="feedback.expire_idempotency_keys", max_tries=3),
    func(ensure_partitions_job, name="feedback.ensure_partitions", max_tries=3),
    func(prune_touchpoint_ratings_job, name="pages.prune_touchpoint_ratings", max_tries=3),
)

WORKER = WorkerSpec(
    service="feedback-api",
    consumer=CONSUMER,
    inbox=inbox,
    handlers=HANDLERS,
    batch_handlers=BATCH_HANDLERS,
    functions=MAINTENANCE,
    cron_jobs=(
        # every replica runs the worker: arq's cron job ids make each run happen once
        cron(expire_contacts_job, name="cron:feedback.expire_contacts", minute=17, unique=True),
        cron(
            expire_idempotency_keys_job,
            name="cron:feedback.expire_idempotency_keys",
            minute={7, 37},
            unique=True,
        ),
        cron(ensure_partitions_job, name="cron:feedback.ensure_partitions", hour=3, minute=3),
        # answers to the clients' webhooks, from their queue in the database
        cron(
            deliver_due_webhooks,
            name="cron:webhooks.deliver",
            second=set(range(0, 60, 5)),
            timeout=300,
            unique=True,
        ),
        cron(prune_webhook_history_job, name="cron:webhooks.prune", hour=4, minute=21),
        cron(
            prune_touchpoint_ratings_job,
            name="cron:pages.prune_touchpoint_ratings",
            hour=4,
            minute=41,
            unique=True,
        ),
    ),
    on_startup=(open_http_client,),
    on_shutdown=(close_http_client,),
)
