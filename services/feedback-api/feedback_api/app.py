"""feedback-api: citizens' ratings and comments, their review and answer, surveys."""

import logging
from datetime import timedelta

from fastapi import FastAPI

from feedback_api.answers.links import AnswerLinks
from feedback_api.cases.router import router as cases_router
from feedback_api.config import FeedbackSettings
from feedback_api.contacts.router import erasure_router
from feedback_api.contacts.router import router as contacts_router
from feedback_api.crypto import secret_box
from feedback_api.database import outbox
from feedback_api.feedback.partitions import ensure_partitions
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.ingest.fast_path import FeedbackFastPath
from feedback_api.ingest.router import router as ingest_router
from feedback_api.outreach.router import router as outreach_router
from feedback_api.pages.router import router as pages_router
from feedback_api.pages.survey_pages import router as survey_pages_router
from feedback_api.policies.router import router as policies_router
from feedback_api.records.router import router as records_router
from feedback_api.review.router import router as review_router
from feedback_api.surveys.public_router import router as public_surveys_router
from feedback_api.surveys.router import router as surveys_router
from feedback_api.webhooks.router import router as webhooks_router
from feedback_api.widget.cors import OriginRegistry, WidgetCors
from feedback_api.widget.router import router as publishable_keys_router
from feedback_api.widget.router import script_router as widget_script_router
from feedback_api.worker import WORKER
from otklik_kit.app import ServiceSpec, create_service_app

logger = logging.getLogger("otklik.feedback")

DESCRIPTION = """
Ratings and comments from citizens at any stage of a service and through any channel, the review
of each feedback and the answer sent back, and surveys.

Authenticate with an API key: `Authorization: Bearer KEY` or `X-API-Key: KEY`.
Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "feedback", "description": "Posting ratings and comments; the receipt"},
    {
        "name": "review",
        "description": "Operators: listing and export, assignment, answers, closing, proposals",
    },
    {"name": "webhooks", "description": "Answers delivered to the client that posted, signed"},
    {
        "name": "contacts",
        "description": "Citizens' contact details: encrypted, read with the `feedback:contacts` "
        "scope only, every read recorded, erased on request and after the retention period",
    },
    {"name": "surveys", "description": "Survey templates, runs behind a permanent link, results"},
    {"name": "public surveys", "description": "A survey's public form and answers (no API key)"},
    {
        "name": "outreach",
        "description": "QR codes and printable posters of touchpoints' rating pages; "
        "publishable keys of portal widgets",
    },
    {"name": "widget", "description": "The portal widget's script (no API key)"},
    {"name": "operations", "description": "Health, readiness and metrics"},
]
BATCH_PATH = "/api/v1/feedback/batch"


def answer_links(settings: FeedbackSettings) -> AnswerLinks:
    return AnswerLinks(base_url=settings.public_base_url, mask_key=settings.pages_secret())


async def start_ingest(app: FastAPI) -> None:
    settings: FeedbackSettings = app.state.settings
    try:
        await ensure_partitions(app.state.engine)
    except Exception as exc:  # the database may be down at start; the worker retries daily
        logger.warning("could not check feedback partitions: %s", type(exc).__name__)
    batcher = IngestBatcher(
        app.state.engine,
        secret_box(settings),
        default_due_days=settings.answer_due_days,
        clock_skew=timedelta(minutes=settings.clock_skew_minutes),
        links=answer_links(settings),
        max_batch=settings.ingest_batch_max,
        wait_ms=settings.ingest_batch_wait_ms,
        concurrency=max(1, settings.db_pool_size // 2),
    )
    batcher.start()
    app.state.ingest = batcher
    app.state.widget_origins = OriginRegistry(
        app.state.sessionmaker, ttl=settings.api_key_cache_seconds
    )


async def stop_ingest(app: FastAPI) -> None:
    await app.state.ingest.stop()


def create_app(settings: FeedbackSettings | None = None) -> FastAPI:
    spec = ServiceSpec(
        name="feedback-api",
        title="Otklik feedback-api",
        description=DESCRIPTION,
        version="1.0.0",
        routers=[
            ingest_router,
            records_router,
            review_router,
            cases_router,
            policies_router,
            webhooks_router,
            contacts_router,
            erasure_router,
            surveys_router,
            public_surveys_router,
            outreach_router,
            publishable_keys_router,
            widget_script_router,
            survey_pages_router,
            pages_router,
        ],
        tags=TAGS,
        outbox=outbox,
        worker=WORKER,
        on_startup=[start_ingest],
        on_shutdown=[stop_ingest],
        bulk_paths=frozenset({BATCH_PATH}),
        # CORS of the widgets' posts outside the fast path, so it holds whichever serves them
        front=[WidgetCors, FeedbackFastPath],
    )
    return create_service_app(spec, settings or FeedbackSettings())
