"""The public survey form and its answers: no API key, rate limited."""

from typing import Annotated

from fastapi import Depends, Path, Request, status

from feedback_api.config import FeedbackSettings
from feedback_api.surveys import responding
from feedback_api.surveys.public_schemas import (
    PublicSurveyForm,
    SurveyResponseIn,
    SurveyResponseReceipt,
)
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.ratelimit import FixedWindowLimiter
from otklik_kit.routing import api_router

router = api_router("public/surveys", tag="public surveys")

SurveyToken = Annotated[
    str, Path(min_length=8, max_length=64, description="The token of the survey link")
]


def _survey_limiter(request: Request) -> FixedWindowLimiter:
    """One limiter per app and Redis client; it remembers a Redis outage between requests."""
    state = request.app.state
    limiter: FixedWindowLimiter | None = getattr(state, "survey_limiter", None)
    if limiter is None or limiter.redis is not state.redis:
        settings: FeedbackSettings = state.settings
        limiter = FixedWindowLimiter(
            state.redis,
            name="survey-responses",
            limit=settings.survey_rate_limit_per_minute,
            window_seconds=60,
        )
        state.survey_limiter = limiter
    return limiter


@router.get(
    "/{token}",
    operation_id="get_public_survey",
    summary="Get a survey's public form",
    responses=problem_responses(404, 409),
)
async def get_public_survey(session: DbSession, token: SurveyToken) -> PublicSurveyForm:
    """The questions to show a respondent; 404 before the first day, 409 once it has ended."""
    return await responding.public_form(session, token)


@router.post(
    "/{token}/responses",
    operation_id="answer_public_survey",
    summary="Answer a survey",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 422, 429),
)
async def answer_public_survey(
    request: Request,
    session: DbSession,
    limiter: Annotated[FixedWindowLimiter, Depends(_survey_limiter)],
    token: SurveyToken,
    body: SurveyResponseIn,
) -> SurveyResponseReceipt:
    """One response per respondent token; every invalid answer is named (`answers[2].value`);
    a second response is a 409, too many from one client a 429 with Retry-After."""
    client_address = request.client.host if request.client else "unknown"
    return await responding.submit_response(
        session, limiter, token=token, client_address=client_address, data=body
    )
