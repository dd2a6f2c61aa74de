import uuid

from fastapi import Request

from feedback_api.config import FeedbackSettings
from feedback_api.policies import service
from feedback_api.policies.schemas import ReviewPolicyIn, ReviewPolicyRead
from otklik_kit.auth.dependencies import FeedbackReader, FeedbackReviewer
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router

router = api_router("agencies", tag="review")
POLICY = "/{agency_id}/review-policy"


def _default_days(request: Request) -> int:
    settings: FeedbackSettings = request.app.state.settings
    return settings.answer_due_days


@router.get(
    POLICY,
    operation_id="get_review_policy",
    summary="An agency's answer deadline",
    responses=problem_responses(404),
)
async def get_review_policy(
    request: Request, session: DbSession, principal: FeedbackReader, agency_id: uuid.UUID
) -> ReviewPolicyRead:
    """Days the agency takes to answer; the default (ANSWER_DUE_DAYS) until it sets its own."""
    return await service.get_policy(
        session, principal, agency_id, default_days=_default_days(request)
    )


@router.put(
    POLICY,
    operation_id="set_review_policy",
    summary="Set an agency's answer deadline",
    responses=problem_responses(404, 422),
)
async def set_review_policy(
    request: Request,
    session: DbSession,
    principal: FeedbackReviewer,
    agency_id: uuid.UUID,
    body: ReviewPolicyIn,
) -> ReviewPolicyRead:
    """Applies to feedback received from now on; answer dates already promised stand."""
    return await service.set_policy(
        session, principal, agency_id, body, default_days=_default_days(request)
    )
