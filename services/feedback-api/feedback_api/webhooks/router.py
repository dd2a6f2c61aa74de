import uuid
from typing import Annotated

from fastapi import Query, Request, status

from feedback_api.config import FeedbackSettings
from feedback_api.crypto import secret_box
from feedback_api.webhooks import service
from feedback_api.webhooks.schemas import (
    WebhookAttemptRead,
    WebhookEndpointCreated,
    WebhookEndpointIn,
    WebhookEndpointRead,
)
from otklik_kit.auth.dependencies import FeedbackWriter
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_time_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router

router = api_router("webhooks", tag="webhooks")


@router.put(
    "/endpoint",
    operation_id="set_webhook_endpoint",
    summary="Register this key's webhook endpoint",
    responses=problem_responses(422),
)
async def set_webhook_endpoint(
    request: Request, session: DbSession, principal: FeedbackWriter, body: WebhookEndpointIn
) -> WebhookEndpointCreated:
    """Answers to the feedback this key posted are POSTed there, signed with the secret returned
    here once; calling again sets the URL and replaces the secret. In production the URL must be
    HTTPS to a public address, without a user or password (checked again at each delivery)."""
    settings: FeedbackSettings = request.app.state.settings
    return await service.register_endpoint(
        session,
        principal,
        body,
        box=secret_box(settings),
        require_https=settings.environment == "production",
        public_only=settings.webhooks_public_only,
    )


@router.get(
    "/endpoint",
    operation_id="get_webhook_endpoint",
    summary="This key's webhook endpoint",
    responses=problem_responses(404),
)
async def get_webhook_endpoint(
    session: DbSession, principal: FeedbackWriter
) -> WebhookEndpointRead:
    """The registered URL (the secret is never shown again)."""
    return WebhookEndpointRead.model_validate(await service.get_endpoint(session, principal))


@router.delete(
    "/endpoint",
    operation_id="delete_webhook_endpoint",
    summary="Remove this key's webhook endpoint",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
async def delete_webhook_endpoint(session: DbSession, principal: FeedbackWriter) -> None:
    """No more answers are sent; the client polls `GET /feedback/{id}/status` instead."""
    await service.remove_endpoint(session, principal)


@router.get(
    "/attempts",
    operation_id="list_webhook_attempts",
    summary="The delivery log of this key's webhooks",
    responses=problem_responses(422),
)
async def list_webhook_attempts(
    session: DbSession,
    principal: FeedbackWriter,
    feedback_id: Annotated[uuid.UUID | None, Query(description="Of this feedback only")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[WebhookAttemptRead]:
    """Every try, newest first: status code, error and duration."""
    rows = await service.list_attempts(
        session, principal, feedback_id=feedback_id, after=decode_time_cursor(cursor), limit=limit
    )
    items = [WebhookAttemptRead.model_validate(r) for r in rows]
    return Page.of(items, limit, lambda item: [item.at.isoformat(), item.id])
