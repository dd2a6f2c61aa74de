"""The public survey form and its answers: no API key, rate limited. The form's link answers
browsers (Accept: text/html) with the HTML form and API clients with JSON."""

from typing import Annotated, Any

from fastapi import Path, Request, status
from starlette.responses import Response

from feedback_api.pages.render import prefers_html
from feedback_api.pages.survey_pages import survey_form_page
from feedback_api.respondents.dependencies import (
    ClientAddress,
    SurveyAnswerLimiter,
    SurveyTokenLimiter,
    Tokens,
)
from feedback_api.surveys import responding
from feedback_api.surveys.public_schemas import (
    PublicSurveyForm,
    RespondentTokenOut,
    SurveyResponseIn,
    SurveyResponseReceipt,
)
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router

router = api_router("public/surveys", tag="public surveys")

SurveyToken = Annotated[
    str, Path(min_length=8, max_length=64, description="The token of the survey link")
]
HTML_FORM: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The form: JSON for API clients; for `Accept: text/html` (a browser) "
        "the HTML page to answer it, posted without JavaScript",
        "content": {"text/html": {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/{token}",
    operation_id="get_public_survey",
    summary="Get a survey's public form",
    response_model=PublicSurveyForm,
    responses={**HTML_FORM, **problem_responses(404, 409, 429)},
)
async def get_public_survey(
    request: Request,
    session: DbSession,
    tokens: Tokens,
    issue_limiter: SurveyTokenLimiter,
    address: ClientAddress,
    token: SurveyToken,
) -> PublicSurveyForm | Response:
    """The questions to show a respondent; 404 before the first day, 409 once it has ended."""
    if prefers_html(request.headers.get("accept")):
        return await survey_form_page(
            request, session, tokens, issue_limiter, token=token, client_address=address
        )
    return await responding.public_form(session, token)


@router.post(
    "/{token}/respondent-token",
    operation_id="issue_survey_respondent_token",
    summary="Get a respondent token to answer a survey",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 429),
)
async def issue_survey_respondent_token(
    session: DbSession,
    tokens: Tokens,
    issue_limiter: SurveyTokenLimiter,
    address: ClientAddress,
    token: SurveyToken,
) -> RespondentTokenOut:
    """A signed token for one response to this survey; keep it per browser or device. One
    client address gets SURVEY_TOKENS_PER_ADDRESS_PER_DAY fresh tokens per survey a day (429
    with Retry-After beyond)."""
    return await responding.issue_respondent_token(
        session, issue_limiter, tokens, token=token, client_address=address
    )


@router.post(
    "/{token}/responses",
    operation_id="answer_public_survey",
    summary="Answer a survey",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 422, 429),
)
async def answer_public_survey(
    session: DbSession,
    limiter: SurveyAnswerLimiter,
    tokens: Tokens,
    address: ClientAddress,
    token: SurveyToken,
    body: SurveyResponseIn,
) -> SurveyResponseReceipt:
    """One response per respondent token this service issued (else 422
    `invalid_respondent_token`); every invalid answer is named (`answers[2].rating`); a second
    response is a 409, too many from one client a 429 with Retry-After."""
    return await responding.submit_response(
        session,
        limiter,
        tokens,
        token=token,
        client_address=address,
        respondent_token=body.respondent_token,
        answers=body.answers,
    )
