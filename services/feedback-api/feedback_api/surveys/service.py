"""Survey templates and runs: an agency runs a template for itself or one of its services behind
a permanent public link (seed 002: the link stays open, results are analysed monthly).

References in a request body that the key cannot see (another agency's service or template) are
reported as unknown, naming the field; runs of another agency are not found.
"""

import secrets
import uuid
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.surveys import repository
from feedback_api.surveys.builtin import builtin_codes, builtin_templates
from feedback_api.surveys.models import SurveyRun, SurveyTemplate
from feedback_api.surveys.questions import Instrument, Question, question_errors
from feedback_api.surveys.schemas import (
    RunStatus,
    SurveyRunCreate,
    SurveyRunRead,
    SurveyTemplateCreate,
    SurveyTemplateRead,
    TemplateDefinition,
    numbered,
)
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, NotFound, UnprocessableEntity
from otklik_kit.ids import uuid7
from otklik_kit.routing import API_PREFIX
from otklik_shared.measures import MOSCOW

PUBLIC_PREFIX = f"{API_PREFIX}/public/surveys"
MAX_TEMPLATES_PER_AGENCY = 100


def today_in_moscow() -> date:
    return datetime.now(MOSCOW).date()


def run_status(run: SurveyRun, today: date) -> RunStatus:
    if run.closed_at is not None or (run.ends_on is not None and run.ends_on < today):
        return RunStatus.CLOSED
    return RunStatus.SCHEDULED if run.starts_on > today else RunStatus.OPEN


def public_path(token: str) -> str:
    return f"{PUBLIC_PREFIX}/{token}"


def run_read(run: SurveyRun, today: date) -> SurveyRunRead:
    instrument = Instrument.model_validate(run.instrument)
    return SurveyRunRead(
        id=run.id,
        agency_id=run.agency_id,
        service_id=run.service_id,
        template_id=run.template_id,
        template_code=instrument.code,
        template_title=instrument.title,
        title=run.title,
        starts_on=run.starts_on,
        ends_on=run.ends_on,
        status=run_status(run, today),
        token=run.token,
        public_url=public_path(run.token),
        created_at=run.created_at,
        closed_at=run.closed_at,
    )


# --- templates ----------------------------------------------------------------------------------


def _template_read(
    template_id: uuid.UUID, content: TemplateDefinition, agency_id: uuid.UUID | None
) -> SurveyTemplateRead:
    return SurveyTemplateRead(
        id=template_id,
        code=content.code,
        title=content.title,
        description=content.description,
        audience=content.audience,
        methodology_form=content.methodology_form,
        builtin=agency_id is None,
        agency_id=agency_id,
        questions=numbered(content.questions),
    )


def _content(template: SurveyTemplate) -> TemplateDefinition:
    return TemplateDefinition(
        code=template.code,
        title=template.title,
        description=template.description,
        audience=template.audience,
        methodology_form=template.methodology_form,
        questions=[Question.model_validate(q) for q in template.questions],
    )


def _builtin_reads() -> list[SurveyTemplateRead]:
    return [_template_read(i, t, None) for i, t in builtin_templates().items()]


async def list_templates(
    session: AsyncSession, principal: Principal, agency_id: uuid.UUID | None
) -> list[SurveyTemplateRead]:
    visible, agency = principal.listing_agency(agency_id)
    if not visible or agency is None:
        return _builtin_reads()
    own = await repository.agency_templates(session, agency)
    return _builtin_reads() + [_template_read(t.id, _content(t), t.agency_id) for t in own]


async def get_template(
    session: AsyncSession, principal: Principal, template_id: uuid.UUID
) -> SurveyTemplateRead:
    if builtin := builtin_templates().get(template_id):
        return _template_read(template_id, builtin, None)
    template = await repository.get_template(session, template_id)
    if template is None or not principal.sees_agency(template.agency_id):
        raise NotFound(f"Survey template {template_id} not found")
    return _template_read(template.id, _content(template), template.agency_id)


async def _body_agency(
    session: AsyncSession, principal: Principal, agency_id: uuid.UUID | None
) -> uuid.UUID:
    if agency_id is None:
        if principal.agency_id is None:
            raise UnprocessableEntity.for_field("agency_id", "give the agency", type_="missing")
        agency_id = principal.agency_id
    known = principal.sees_agency(agency_id) and await repository.catalog_agency(session, agency_id)
    if not known:
        raise UnprocessableEntity.for_field("agency_id", "unknown agency", type_="unknown_agency")
    return agency_id


async def create_template(
    session: AsyncSession, principal: Principal, data: SurveyTemplateCreate
) -> SurveyTemplateRead:
    agency_id = await _body_agency(session, principal, data.agency_id)
    if errors := question_errors(data.questions):
        names = ", ".join(f"body.{e.field}" for e in errors[:10])
        raise UnprocessableEntity(f"{len(errors)} field(s) invalid: {names}", errors=errors)
    if data.code in builtin_codes():
        raise UnprocessableEntity.for_field(
            "code", "the code of a built-in template", type_="reserved_code"
        )
    if await repository.count_templates(session, agency_id) >= MAX_TEMPLATES_PER_AGENCY:
        raise Conflict(f"An agency keeps at most {MAX_TEMPLATES_PER_AGENCY} survey templates")
    values = data.model_dump(exclude={"agency_id", "questions"})
    values["questions"] = [q.model_dump(mode="json") for q in data.questions]
    template = await repository.insert_template(
        session, {**values, "id": uuid.uuid4(), "agency_id": agency_id}
    )
    if template is None:
        raise Conflict(f"The agency already has a survey template with code {data.code}")
    return _template_read(template.id, _content(template), agency_id)


# --- runs ---------------------------------------------------------------------------------------


async def _run_agency(
    session: AsyncSession, principal: Principal, data: SurveyRunCreate
) -> uuid.UUID:
    if data.service_id is None:
        return await _body_agency(session, principal, data.agency_id)
    service = await repository.catalog_service(session, data.service_id)
    if service is None or not principal.sees_agency(service.agency_id):
        raise UnprocessableEntity.for_field(
            "service_id", "unknown service", type_="unknown_service"
        )
    if data.agency_id is not None and data.agency_id != service.agency_id:
        raise UnprocessableEntity.for_field(
            "service_id", "the service belongs to another agency", type_="agency_mismatch"
        )
    if service.retired:
        raise UnprocessableEntity.for_field(
            "service_id", "the service is retired", type_="retired_service"
        )
    return service.agency_id


async def _instrument(
    session: AsyncSession, *, template_id: uuid.UUID, agency_id: uuid.UUID
) -> Instrument:
    content = builtin_templates().get(template_id)
    if content is None:
        template = await repository.get_template(session, template_id)
        if template is None or template.agency_id != agency_id:
            raise UnprocessableEntity.for_field(
                "template_id",
                "unknown template: use a built-in one or one of the agency's",
                type_="unknown_template",
            )
        content = _content(template)
    return Instrument(template_id=template_id, **content.model_dump(exclude={"description"}))


def _check_period(data: SurveyRunCreate, today: date) -> None:
    if data.ends_on is None:
        return
    if data.ends_on < data.starts_on:
        raise UnprocessableEntity.for_field(
            "ends_on", "the end is before the start", type_="period"
        )
    if data.ends_on < today:
        raise UnprocessableEntity.for_field("ends_on", "the end is in the past", type_="past")


async def create_run(
    session: AsyncSession, principal: Principal, data: SurveyRunCreate
) -> SurveyRunRead:
    agency_id = await _run_agency(session, principal, data)
    instrument = await _instrument(session, template_id=data.template_id, agency_id=agency_id)
    today = today_in_moscow()
    _check_period(data, today)
    run = SurveyRun(
        id=uuid7(),
        agency_id=agency_id,
        service_id=data.service_id,
        template_id=data.template_id,
        instrument=instrument.model_dump(mode="json"),
        title=data.title,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        token=secrets.token_urlsafe(24),
    )
    session.add(run)
    await session.flush()
    await session.refresh(run)
    return run_read(run, today)


async def get_visible_run(
    session: AsyncSession, principal: Principal, run_id: uuid.UUID
) -> SurveyRun:
    run = await repository.get_run(session, run_id)
    if run is None or not principal.sees_agency(run.agency_id):
        raise NotFound(f"Survey run {run_id} not found")
    return run


async def get_run(session: AsyncSession, principal: Principal, run_id: uuid.UUID) -> SurveyRunRead:
    return run_read(await get_visible_run(session, principal, run_id), today_in_moscow())


async def list_runs(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    status: RunStatus | None,
    before: uuid.UUID | None,
    limit: int,
) -> list[SurveyRunRead]:
    visible, agency = principal.listing_agency(agency_id)
    if not visible:
        return []
    today = today_in_moscow()
    runs = await repository.search_runs(
        session,
        agency_id=agency,
        service_id=service_id,
        status=status,
        today=today,
        before=before,
        limit=limit,
    )
    return [run_read(run, today) for run in runs]


async def close_run(
    session: AsyncSession, principal: Principal, run_id: uuid.UUID
) -> SurveyRunRead:
    run = await get_visible_run(session, principal, run_id)
    today = today_in_moscow()
    if run_status(run, today) is RunStatus.CLOSED:
        raise Conflict("The survey run is already closed")
    run.closed_at = datetime.now(UTC)
    await session.flush()
    return run_read(run, today)
