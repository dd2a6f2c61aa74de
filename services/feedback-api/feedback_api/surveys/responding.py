"""Answering a survey through its public link: no API key, one response per server-issued
respondent token, fresh tokens limited per client address, answers rate limited per address and
per respondent."""

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.pages.links import short_code
from feedback_api.respondents.tokens import (
    SURVEY_TOKEN_DAYS,
    RespondentTokens,
    survey_scope,
    token_hash,
)
from feedback_api.surveys import repository
from feedback_api.surveys.answers import GivenAnswer, answer_rows
from feedback_api.surveys.models import SurveyRun
from feedback_api.surveys.public_schemas import (
    PublicSurveyForm,
    RespondentTokenOut,
    SurveyResponseReceipt,
)
from feedback_api.surveys.questions import Instrument
from feedback_api.surveys.schemas import RunStatus, numbered
from feedback_api.surveys.service import run_status, today_in_moscow
from otklik_kit.errors import Conflict, NotFound, TooManyRequests, UnprocessableEntity
from otklik_kit.ids import uuid7
from otklik_kit.ratelimit import FixedWindowLimiter

THANKS = "Спасибо! Ваши ответы приняты."


class SurveyClosed(Conflict):
    code = "survey_closed"
    title = "The survey is closed"


class AlreadyAnswered(Conflict):
    code = "already_answered"
    title = "Already answered"


class InvalidRespondentToken(UnprocessableEntity):
    code = "invalid_respondent_token"


async def open_run(session: AsyncSession, token: str) -> SurveyRun:
    run = await repository.get_run_by_token(session, token)
    status = run_status(run, today_in_moscow()) if run else None
    # a link is not live before its first day: it looks like no link at all
    if run is None or status is RunStatus.SCHEDULED:
        raise NotFound("No survey at this link")
    if status is RunStatus.CLOSED:
        raise SurveyClosed("The survey has ended and takes no more answers")
    return run


async def get_run_by_token(session: AsyncSession, token: str) -> SurveyRun | None:
    return await repository.get_run_by_token(session, token)


async def agency_name(session: AsyncSession, run: SurveyRun) -> str | None:
    agency = await repository.catalog_agency(session, run.agency_id)
    return agency.name if agency else None


async def form_of(session: AsyncSession, run: SurveyRun) -> PublicSurveyForm:
    instrument = Instrument.model_validate(run.instrument)
    agency = await repository.catalog_agency(session, run.agency_id)
    service = await repository.catalog_service(session, run.service_id) if run.service_id else None
    return PublicSurveyForm(
        title=run.title,
        agency_name=agency.name if agency else None,
        service_title=service.title if service else None,
        audience=instrument.audience,
        ends_on=run.ends_on,
        questions=numbered(instrument.questions),
    )


async def public_form(session: AsyncSession, token: str) -> PublicSurveyForm:
    return await form_of(session, await open_run(session, token))


def run_scope(run: SurveyRun) -> str:
    return survey_scope(short_code(run.id))


def token_is_valid(tokens: RespondentTokens, run: SurveyRun, respondent_token: str) -> bool:
    return tokens.valid(respondent_token, run_scope(run), days=SURVEY_TOKEN_DAYS)


async def issue_respondent_token(
    session: AsyncSession,
    issue_limiter: FixedWindowLimiter,
    tokens: RespondentTokens,
    *,
    token: str,
    client_address: str,
) -> RespondentTokenOut:
    """A fresh token for one response to this run; a client address gets only a few a day."""
    run = await open_run(session, token)
    retry_after = await issue_limiter.hit(f"{run.id}:{client_address}")
    if retry_after is not None:
        raise TooManyRequests(
            retry_after, "Too many respondent tokens for this survey from this client today"
        )
    issued = tokens.issue(run_scope(run), days=SURVEY_TOKEN_DAYS)
    return RespondentTokenOut(
        respondent_token=issued.token, expires_at=datetime.fromtimestamp(issued.expires_at, UTC)
    )


async def has_answered(session: AsyncSession, run: SurveyRun, respondent_token: str) -> bool:
    return await repository.has_response(session, run.id, token_hash(respondent_token))


async def submit_response(
    session: AsyncSession,
    limiter: FixedWindowLimiter,
    tokens: RespondentTokens,
    *,
    token: str,
    client_address: str,
    respondent_token: str,
    answers: Sequence[GivenAnswer],
) -> SurveyResponseReceipt:
    respondent = token_hash(respondent_token)
    retry_after = await limiter.hit(f"address:{client_address}", f"respondent:{respondent}")
    if retry_after is not None:
        raise TooManyRequests(retry_after, "Too many answers from this client; retry later")
    run = await open_run(session, token)
    if not token_is_valid(tokens, run, respondent_token):
        raise InvalidRespondentToken.for_field(
            "respondent_token",
            "not a respondent token this service issued for this survey (or an expired one): "
            "get one from POST .../respondent-token",
            type_="invalid_respondent_token",
        )
    instrument = Instrument.model_validate(run.instrument)
    rows = answer_rows(instrument.questions, answers)
    response_id = uuid7()
    submitted_at = await repository.insert_response(
        session, response_id=response_id, run_id=run.id, respondent_hash=respondent
    )
    if submitted_at is None:
        raise AlreadyAnswered("This respondent has already answered this survey")
    await repository.insert_answers(
        session,
        [
            {
                "response_id": response_id,
                "run_id": run.id,
                "question": row.question,
                "number": row.number,
                "option": row.option,
                "text": row.text,
            }
            for row in rows
        ],
    )
    return SurveyResponseReceipt(submitted_at=submitted_at, message=THANKS)
