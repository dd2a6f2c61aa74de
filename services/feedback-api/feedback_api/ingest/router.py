from typing import Annotated

from fastapi import Depends, Header, Request, Response, status

from feedback_api.feedback.schemas import FeedbackCreate, FeedbackReceipt
from feedback_api.ingest import service
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.ingest.schemas import (
    IDEMPOTENCY_KEY_MAX_LENGTH,
    IDEMPOTENCY_KEY_PATTERN,
    BatchReport,
    FeedbackBatch,
)
from feedback_api.widget import browser
from otklik_kit.auth.dependencies import FeedbackWriter, require_any
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.errors import Forbidden, TooManyRequests
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router

router = api_router("feedback", tag="feedback")

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=IDEMPOTENCY_KEY_MAX_LENGTH,
        pattern=IDEMPOTENCY_KEY_PATTERN,
        description="Makes the post safe to retry: the same key with the same body returns the "
        "original receipt (kept at least 24 h); with another body it is a 422",
    ),
]


async def feedback_poster(
    request: Request,
    principal: Annotated[
        Principal, Depends(require_any(Scope.FEEDBACK_WRITE, Scope.FEEDBACK_PUBLISH))
    ],
) -> Principal:
    """A portal's backend key, or a widget's publishable key used from one of its origins and
    within the limit per client address."""
    if not browser.origin_allowed(principal, request.headers.get("origin")):
        raise Forbidden(browser.WRONG_ORIGIN)
    address = request.client.host if request.client else "unknown"
    wait = await browser.address_wait(request.app.state, principal, address)
    if wait is not None:
        raise TooManyRequests(wait, "Too many ratings from this address: try again in a minute")
    return principal


FeedbackPoster = Annotated[Principal, Depends(feedback_poster)]


def _batcher(request: Request) -> IngestBatcher:
    batcher: IngestBatcher = request.app.state.ingest
    return batcher


@router.post(
    "",
    operation_id="create_feedback",
    summary="Post a citizen's rating and comment",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422, 429, 503),
)
async def create_feedback(
    request: Request,
    response: Response,
    principal: FeedbackPoster,
    body: FeedbackCreate,
    idempotency_key: IdempotencyKey = None,
) -> FeedbackReceipt:
    """Accepts a rating at any stage through any channel; answers once it is committed, with the
    receipt to show the citizen and the date the answer is due. A widget's publishable key
    (`feedback:publish`) posts from its allowed origins only (else 403), limited per address."""
    outcome = await service.submit_feedback(_batcher(request), principal, body, idempotency_key)
    if outcome.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    assert outcome.receipt is not None
    return outcome.receipt


@router.post(
    "/batch",
    operation_id="create_feedback_batch",
    summary="Post up to 1000 feedback at once",
    responses=problem_responses(422, 503),
)
async def create_feedback_batch(
    request: Request, principal: FeedbackWriter, body: FeedbackBatch
) -> BatchReport:
    """For backends flushing offline queues: each item is accepted or rejected on its own, with
    its receipt or its problem; give each item an `idempotency_key` so a resent batch stores
    nothing twice."""
    return await service.submit_batch(_batcher(request), principal, body)
