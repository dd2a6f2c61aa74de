import uuid
from typing import Annotated

from fastapi import Query, status

from otklik_kit.auth.dependencies import Admin, PlansReader, PlansWriter
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from otklik_shared.vocab import AgencyLevel
from plans_api.agencies import service
from plans_api.agencies.schemas import AgencyCreate, AgencyRead, AgencyUpdate

router = api_router("agencies", tag="agencies")


@router.get("", operation_id="list_agencies", summary="List agencies")
async def list_agencies(
    session: DbSession,
    principal: PlansReader,
    q: Annotated[str | None, Query(max_length=200, description="Search in names")] = None,
    level: AgencyLevel | None = None,
    parent_id: uuid.UUID | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[AgencyRead]:
    """Agencies visible to the key (an agency-bound key sees only its own), by name."""
    position = decode_cursor(cursor)
    after = (str(position[0]), uuid.UUID(str(position[1]))) if position else None
    agencies = await service.list_visible(
        session, principal, query=q, level=level, parent_id=parent_id, after=after, limit=limit
    )
    items = [AgencyRead.model_validate(a) for a in agencies]
    return Page.of(items, limit, lambda item: [item.name, item.id])


@router.post(
    "",
    operation_id="create_agency",
    summary="Create an agency",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409, 422),
)
async def create_agency(session: DbSession, principal: Admin, body: AgencyCreate) -> AgencyRead:
    """Registers a federal, regional or municipal body (admin keys only)."""
    return AgencyRead.model_validate(await service.create_agency(session, principal, body))


@router.get(
    "/{agency_id}",
    operation_id="get_agency",
    summary="Get an agency",
    responses=problem_responses(404),
)
async def get_agency(
    session: DbSession, principal: PlansReader, agency_id: uuid.UUID
) -> AgencyRead:
    """One agency; 404 when it does not exist or the key is bound to another agency."""
    return AgencyRead.model_validate(await service.get_visible(session, principal, agency_id))


@router.patch(
    "/{agency_id}",
    operation_id="update_agency",
    summary="Update an agency",
    responses=problem_responses(404, 409, 422),
)
async def update_agency(
    session: DbSession, principal: PlansWriter, agency_id: uuid.UUID, body: AgencyUpdate
) -> AgencyRead:
    """Changes the given fields; the change is published to the other services."""
    agency = await service.update_agency(session, principal, agency_id, body)
    return AgencyRead.model_validate(agency)
