from typing import Annotated

from fastapi import Header, Request, Response, status

from feedback_api.feedback.schemas import FeedbackCreate, FeedbackReceipt
from feedback_api.ingest import service
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.ingest.schemas import (
    IDEMPOTENCY_KEY_MAX_LENGTH,
    IDEMPOTENCY_KEY_PATTERN,
    BatchReport,
    FeedbackBatch,
)
from otklik_kit.auth.dependencies import FeedbackWriter
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


def _batcher(request: Request) -> IngestBatcher:
    batcher: IngestBatcher = request.app.state.ingest
    return batcher


@router.post(
    "",
    operation_id="create_feedback",
    summary="Post a citizen's rating and comment",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422, 503),
)
async def create_feedback(
    request: Request,
    response: Response,
    principal: FeedbackWriter,
    body: FeedbackCreate,
    idempotency_key: IdempotencyKey = None,
) -> FeedbackReceipt:
    """Accepts a rating at any stage through any channel; answers once it is committed, with the
    receipt to show the citizen and the date the answer is due."""
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
