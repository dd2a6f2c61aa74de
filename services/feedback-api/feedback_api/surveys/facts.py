"""The survey facts of a period: which runs were open, their link, dates, instrument and
respondents — what a monthly report states about the surveys (seed 002)."""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.surveys import repository
from feedback_api.surveys.questions import Instrument
from feedback_api.surveys.result_schemas import RunPeriodFacts, SurveyFacts, SurveyPeriodFacts
from feedback_api.surveys.results import instrument_label, period_end
from feedback_api.surveys.service import today_in_moscow
from otklik_kit.auth.keys import Principal
from otklik_kit.query_dates import moscow_days

MAX_RUNS = 1000


async def period_facts(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    service_ids: Sequence[uuid.UUID] | None,
    date_from: date,
    date_to: date,
    link_template: str,
) -> SurveyPeriodFacts:
    visible, agency_id = principal.listing_agency(agency_id)
    if not visible:
        return SurveyPeriodFacts(date_from=date_from, date_to=date_to, runs=[])
    start, end = moscow_days(date_from, date_to)
    runs = await repository.runs_open_during(
        session, agency_id=agency_id, service_ids=service_ids, start=start, end=end, limit=MAX_RUNS
    )
    ids = [run.id for run in runs]
    total = await repository.respondents_by_run(session, ids)
    within = await repository.respondents_by_run(session, ids, start=start, end=end)
    today = today_in_moscow()
    return SurveyPeriodFacts(
        date_from=date_from,
        date_to=date_to,
        runs=[
            RunPeriodFacts(
                run_id=run.id,
                title=run.title,
                agency_id=run.agency_id,
                service_id=run.service_id,
                facts=SurveyFacts(
                    link=link_template.replace("{token}", run.token),
                    start_date=run.starts_on,
                    end_date=period_end(run, today),
                    respondents=total.get(run.id, 0),
                    instrument=instrument_label(Instrument.model_validate(run.instrument)),
                ),
                respondents_in_period=within.get(run.id, 0),
            )
            for run in runs
        ],
    )
