import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import Query, Request, status

from feedback_api.config import FeedbackSettings
from feedback_api.surveys import facts, results, service
from feedback_api.surveys.result_schemas import SurveyPeriodFacts, SurveyResults
from feedback_api.surveys.schemas import (
    RunStatus,
    SurveyRunCreate,
    SurveyRunRead,
    SurveyTemplateCreate,
    SurveyTemplateList,
    SurveyTemplateRead,
)
from otklik_kit.auth.dependencies import FeedbackReader, FeedbackReviewer
from otklik_kit.db import DbSession
from otklik_kit.errors import UnprocessableEntity
from otklik_kit.pagination import Cursor, Limit, Page, decode_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.query_dates import QueryDate
from otklik_kit.routing import api_router

router = api_router("surveys", tag="surveys")
MAX_PERIOD_DAYS = 366


@router.get("/templates", operation_id="list_survey_templates", summary="List survey templates")
async def list_survey_templates(
    session: DbSession, principal: FeedbackReader, agency_id: uuid.UUID | None = None
) -> SurveyTemplateList:
    """The built-in templates, then the agency's own (a key bound to an agency: its own)."""
    items = await service.list_templates(session, principal, agency_id)
    return SurveyTemplateList(items=items)


@router.post(
    "/templates",
    operation_id="create_survey_template",
    summary="Create an agency's survey template",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def create_survey_template(
    session: DbSession, principal: FeedbackReviewer, body: SurveyTemplateCreate
) -> SurveyTemplateRead:
    """A template of the agency's own; it cannot be changed afterwards (create another)."""
    return await service.create_template(session, principal, body)


@router.get(
    "/templates/{template_id}",
    operation_id="get_survey_template",
    summary="Get a survey template",
    responses=problem_responses(404),
)
async def get_survey_template(
    session: DbSession, principal: FeedbackReader, template_id: uuid.UUID
) -> SurveyTemplateRead:
    """A built-in template or one of the agency's, with its numbered questions."""
    return await service.get_template(session, principal, template_id)


@router.post(
    "/runs",
    operation_id="create_survey_run",
    summary="Start a survey run behind a permanent link",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(422),
)
async def create_survey_run(
    session: DbSession, principal: FeedbackReviewer, body: SurveyRunCreate
) -> SurveyRunRead:
    """A survey of the agency or of one of its services, with its public link (`public_url`)."""
    return await service.create_run(session, principal, body)


def _before(cursor: str | None) -> uuid.UUID | None:
    position = decode_cursor(cursor)
    if not position:
        return None
    try:
        return uuid.UUID(str(position[0]))
    except ValueError:
        raise UnprocessableEntity.for_field(
            "cursor", "Invalid cursor", location="query", type_="invalid_cursor"
        ) from None


@router.get("/runs", operation_id="list_survey_runs", summary="List survey runs")
async def list_survey_runs(
    session: DbSession,
    principal: FeedbackReader,
    agency_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
    status: RunStatus | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[SurveyRunRead]:
    """Runs visible to the key, newest first."""
    items = await service.list_runs(
        session,
        principal,
        agency_id=agency_id,
        service_id=service_id,
        status=status,
        before=_before(cursor),
        limit=limit,
    )
    return Page.of(items, limit, lambda item: [item.id])


@router.get(
    "/runs/{run_id}",
    operation_id="get_survey_run",
    summary="Get a survey run",
    responses=problem_responses(404),
)
async def get_survey_run(
    session: DbSession, principal: FeedbackReader, run_id: uuid.UUID
) -> SurveyRunRead:
    """One run; 404 when it does not exist or belongs to another agency than the key's."""
    return await service.get_run(session, principal, run_id)


@router.post(
    "/runs/{run_id}/close",
    operation_id="close_survey_run",
    summary="Close a survey run",
    responses=problem_responses(404, 409),
)
async def close_survey_run(
    session: DbSession, principal: FeedbackReviewer, run_id: uuid.UUID
) -> SurveyRunRead:
    """The link stops taking answers at once; the results stay."""
    return await service.close_run(session, principal, run_id)


@router.get(
    "/runs/{run_id}/results",
    operation_id="get_survey_results",
    summary="Get a survey run's results",
    responses=problem_responses(404),
)
async def get_survey_results(
    request: Request,
    session: DbSession,
    principal: FeedbackReader,
    run_id: uuid.UUID,
    date_from: Annotated[
        QueryDate | None, Query(description="With date_to: count only responses of these days")
    ] = None,
    date_to: QueryDate | None = None,
) -> SurveyResults:
    """Respondents, dates and per-question aggregates, with the `facts` a monthly report and a
    plan's survey control point need: link, dates, respondents, instrument. With `date_from`
    and `date_to` (Moscow days) the respondents and per-question figures are the period's."""
    if (date_from is None) != (date_to is None):
        raise UnprocessableEntity.for_field(
            "date_to" if date_to is None else "date_from",
            "date_from and date_to go together",
            location="query",
        )
    period = None
    if date_from is not None and date_to is not None:
        if date_to < date_from:
            raise UnprocessableEntity.for_field(
                "date_to", "date_to is before date_from", location="query"
            )
        period = (date_from, date_to)
    return await results.run_results(
        session, principal, run_id, link_template=_link_template(request), period=period
    )


def _link_template(request: Request) -> str:
    settings: FeedbackSettings = request.app.state.settings
    return settings.survey_link_template or (
        str(request.base_url).rstrip("/") + service.public_path("{token}")
    )


@router.get(
    "/facts",
    operation_id="get_survey_period_facts",
    summary="Survey facts of a period",
    responses=problem_responses(422),
)
async def get_survey_period_facts(
    request: Request,
    session: DbSession,
    principal: FeedbackReader,
    date_from: QueryDate,
    date_to: QueryDate,
    agency_id: uuid.UUID | None = None,
    service_id: Annotated[
        list[uuid.UUID] | None,
        Query(max_length=500, description="Repeat for several services"),
    ] = None,
) -> SurveyPeriodFacts:
    """The runs open during `date_from`..`date_to` (Moscow days) of the agency or services,
    each with its link, dates, instrument, respondents in all and within the period."""
    if date_to < date_from:
        raise UnprocessableEntity.for_field(
            "date_to", "date_to is before date_from", location="query"
        )
    if date_to - date_from > timedelta(days=MAX_PERIOD_DAYS):
        raise UnprocessableEntity.for_field(
            "date_to", f"The period is longer than {MAX_PERIOD_DAYS} days", location="query"
        )
    return await facts.period_facts(
        session,
        principal,
        agency_id=agency_id,
        service_ids=service_id or None,
        date_from=date_from,
        date_to=date_to,
        link_template=_link_template(request),
    )
