"""Answering a survey through its public link: no API key, one response per respondent token,
rate limited per client address and per respondent."""

import hashlib

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.surveys import repository
from feedback_api.surveys.answers import answer_rows
from feedback_api.surveys.models import SurveyRun
from feedback_api.surveys.public_schemas import (
    PublicSurveyForm,
    SurveyResponseIn,
    SurveyResponseReceipt,
)
from feedback_api.surveys.questions import Instrument
from feedback_api.surveys.schemas import RunStatus, numbered
from feedback_api.surveys.service import run_status, today_in_moscow
from otklik_kit.errors import Conflict, NotFound, TooManyRequests
from otklik_kit.ids import uuid7
from otklik_kit.ratelimit import FixedWindowLimiter

THANKS = "Спасибо! Ваши ответы приняты."


class SurveyClosed(Conflict):
    code = "survey_closed"
    title = "The survey is closed"


class AlreadyAnswered(Conflict):
    code = "already_answered"
    title = "Already answered"


async def _open_run(session: AsyncSession, token: str) -> SurveyRun:
    run = await repository.get_run_by_token(session, token)
    status = run_status(run, today_in_moscow()) if run else None
    # a link is not live before its first day: it looks like no link at all
    if run is None or status is RunStatus.SCHEDULED:
        raise NotFound("No survey at this link")
    if status is RunStatus.CLOSED:
        raise SurveyClosed("The survey has ended and takes no more answers")
    return run


async def public_form(session: AsyncSession, token: str) -> PublicSurveyForm:
    run = await _open_run(session, token)
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


def respondent_hash(respondent_token: str) -> str:
    return hashlib.sha256(respondent_token.encode()).hexdigest()


async def submit_response(
    session: AsyncSession,
    limiter: FixedWindowLimiter,
    *,
    token: str,
    client_address: str,
    data: SurveyResponseIn,
) -> SurveyResponseReceipt:
    respondent = respondent_hash(data.respondent_token)
    retry_after = await limiter.hit(f"address:{client_address}", f"respondent:{respondent}")
    if retry_after is not None:
        raise TooManyRequests(retry_after, "Too many answers from this client; retry later")
    run = await _open_run(session, token)
    instrument = Instrument.model_validate(run.instrument)
    rows = answer_rows(instrument.questions, data.answers)
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
