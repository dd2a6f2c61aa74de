"""Publishable keys of portal widgets (operators) and the widget's script (public)."""

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Response, status
from fastapi import Path as PathParam

from feedback_api.widget import service
from feedback_api.widget.schemas import PublishableKeyCreated, PublishableKeyIn, PublishableKeyRead
from otklik_kit.auth.dependencies import FeedbackReviewer
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.query import TOLERATES_EXTRA_QUERY
from otklik_kit.routing import api_router

router = api_router("outreach/publishable-keys", tag="outreach")
script_router = APIRouter(tags=["widget"])

SCRIPT = (Path(__file__).parent / "static" / "otklik.js").read_bytes()
JS_MEDIA_TYPE = "text/javascript; charset=utf-8"
KeyId = Annotated[uuid.UUID, PathParam(description="The publishable key's id")]


@router.post(
    "",
    operation_id="create_publishable_key",
    summary="Mint a publishable key for a portal widget",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(422),
)
async def create_publishable_key(
    session: DbSession, principal: FeedbackReviewer, body: PublishableKeyIn
) -> PublishableKeyCreated:
    """A public key for the widget's snippet: it only posts single feedback for the agency, from
    browsers on the given origins (CORS is answered for them alone), limited per address."""
    return await service.mint(session, principal, body)


@router.get(
    "",
    operation_id="list_publishable_keys",
    summary="List the active publishable keys",
)
async def list_publishable_keys(
    session: DbSession, principal: FeedbackReviewer
) -> list[PublishableKeyRead]:
    """The agency's active publishable keys (all agencies' for a key bound to none)."""
    return await service.listing(session, principal)


@router.delete(
    "/{key_id}",
    operation_id="revoke_publishable_key",
    summary="Revoke a publishable key",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
async def revoke_publishable_key(
    session: DbSession, principal: FeedbackReviewer, key_id: KeyId
) -> Response:
    """The widget stops posting within API_KEY_CACHE_SECONDS."""
    await service.revoke(session, principal, key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@script_router.get(
    "/widget/v1/otklik.js",
    operation_id="get_widget_script",
    summary="The portal widget's script",
    response_class=Response,
    # portals add `?v=…` to refresh their cached copy
    openapi_extra=TOLERATES_EXTRA_QUERY,
    responses={
        200: {
            "description": "JavaScript that renders an accessible rating form into every "
            "`[data-otklik-widget]` element of the page",
            "content": {"text/javascript": {"schema": {"type": "string"}}},
        }
    },
)
async def get_widget_script() -> Response:
    """No key needed: the publishable key is in the host page's snippet."""
    return Response(
        SCRIPT, media_type=JS_MEDIA_TYPE, headers={"Cache-Control": "public, max-age=3600"}
    )
