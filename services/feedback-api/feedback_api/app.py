"""feedback-api: citizens' ratings and comments, their review and answer, surveys."""

from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from feedback_api.database import outbox
from feedback_api.worker import WORKER
from otklik_kit.app import ServiceSpec, create_service_app

DESCRIPTION = """
Ratings and comments from citizens at any stage of a service and through any channel, the review
of each feedback and the answer sent back, and surveys.

Authenticate with an API key: `Authorization: Bearer KEY` or `X-API-Key: KEY`.
Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "feedback", "description": "Posting ratings and comments; the receipt"},
    {"name": "operations", "description": "Health, readiness and metrics"},
]


def create_app(settings: FeedbackSettings | None = None) -> FastAPI:
    spec = ServiceSpec(
        name="feedback-api",
        title="Otklik feedback-api",
        description=DESCRIPTION,
        version="1.0.0",
        routers=[],
        tags=TAGS,
        outbox=outbox,
        worker=WORKER,
    )
    return create_service_app(spec, settings or FeedbackSettings())
