import uuid
from typing import Annotated

from fastapi import File, Query, UploadFile, status

from otklik_kit.auth.dependencies import Admin, PlansReader, PlansWriter
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from otklik_shared.vocab import Direction, Stage
from plans_api.catalog import bulk_import, repository, service
from plans_api.catalog.schemas import (
    ImportResult,
    LifeSituationCreate,
    LifeSituationRead,
    LifeSituationUpdate,
    ServiceCreate,
    ServiceRead,
    ServiceUpdate,
)

life_situations_router = api_router("life-situations", tag="life situations")
services_router = api_router("services", tag="services")
SearchText = Annotated[str | None, Query(max_length=200, description="Search in titles")]


def _after(cursor: str | None) -> tuple[str, uuid.UUID] | None:
    position = decode_cursor(cursor)
    return (str(position[0]), uuid.UUID(str(position[1]))) if position else None


@life_situations_router.get("", operation_id="list_life_situations", summary="List life situations")
async def list_life_situations(
    session: DbSession,
    principal: PlansReader,
    q: SearchText = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[LifeSituationRead]:
    """Life situations (жизненные ситуации) that group services, by title."""
    del principal
    rows = await repository.search_life_situations(
        session, query=q, after=_after(cursor), limit=limit
    )
    items = [LifeSituationRead.model_validate(r) for r in rows]
    return Page.of(items, limit, lambda item: [item.title, item.id])


@life_situations_router.post(
    "",
    operation_id="create_life_situation",
    summary="Create a life situation",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_life_situation(
    session: DbSession, principal: Admin, body: LifeSituationCreate
) -> LifeSituationRead:
    """Adds a life situation to the shared catalog (admin keys only)."""
    del principal
    return LifeSituationRead.model_validate(await service.create_life_situation(session, body))


@life_situations_router.get(
    "/{situation_id}",
    operation_id="get_life_situation",
    summary="Get a life situation",
    responses=problem_responses(404),
)
async def get_life_situation(
    session: DbSession, principal: PlansReader, situation_id: uuid.UUID
) -> LifeSituationRead:
    """One life situation."""
    del principal
    return LifeSituationRead.model_validate(await service.get_life_situation(session, situation_id))


@life_situations_router.patch(
    "/{situation_id}",
    operation_id="update_life_situation",
    summary="Update a life situation",
    responses=problem_responses(404),
)
async def update_life_situation(
    session: DbSession, principal: Admin, situation_id: uuid.UUID, body: LifeSituationUpdate
) -> LifeSituationRead:
    """Changes the title or description (admin keys only)."""
    del principal
    situation = await service.update_life_situation(session, situation_id, body)
    return LifeSituationRead.model_validate(situation)


@services_router.get("", operation_id="list_services", summary="List and search services")
async def list_services(
    session: DbSession,
    principal: PlansReader,
    q: SearchText = None,
    agency_id: uuid.UUID | None = None,
    direction: Direction | None = None,
    stage: Stage | None = None,
    life_situation_id: uuid.UUID | None = None,
    include_retired: bool = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ServiceRead]:
    """Services visible to the key, by title; `q` matches the title or the register number."""
    visible, agency_id = principal.listing_agency(agency_id)
    if not visible:
        return Page(items=[])
    rows = await repository.search_services(
        session,
        agency_id=agency_id,
        query=q,
        direction=direction,
        stage=stage,
        life_situation_id=life_situation_id,
        include_retired=include_retired,
        after=_after(cursor),
        limit=limit,
    )
    items = [ServiceRead.model_validate(r) for r in rows]
    return Page.of(items, limit, lambda item: [item.title, item.id])


@services_router.post(
    "",
    operation_id="create_service",
    summary="Create a service",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_service(
    session: DbSession, principal: PlansWriter, body: ServiceCreate
) -> ServiceRead:
    """Registers a service of an agency with the stages of its client path."""
    return ServiceRead.model_validate(await service.create_service(session, principal, body))


@services_router.post(
    "/import",
    operation_id="import_services",
    summary="Import services from CSV or XLSX",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def import_services(
    session: DbSession,
    principal: PlansWriter,
    file: Annotated[UploadFile, File(description="CSV (UTF-8 or CP1251) or XLSX, header row")],
) -> ImportResult:
    """All rows or none: any bad row makes a 422 listing every error by line and column.

    When the only errors are duplicates (a title or register number already in the catalog or
    earlier in the file), the answer is 409 naming the existing service or line.

    Columns: agency_id, title, register_number, direction, internal_subkind, stages,
    life_situations (codes); lists separated by `;`.
    """
    created = await bulk_import.import_services(session, principal, await file.read())
    return ImportResult(created=len(created), service_ids=[s.id for s in created])


@services_router.get(
    "/{service_id}",
    operation_id="get_service",
    summary="Get a service",
    responses=problem_responses(404),
)
async def get_service(
    session: DbSession, principal: PlansReader, service_id: uuid.UUID
) -> ServiceRead:
    """One service; 404 when it belongs to another agency than the key's."""
    return ServiceRead.model_validate(
        await service.get_visible_service(session, principal, service_id)
    )


@services_router.patch(
    "/{service_id}",
    operation_id="update_service",
    summary="Update a service",
    responses=problem_responses(404, 409),
)
async def update_service(
    session: DbSession, principal: PlansWriter, service_id: uuid.UUID, body: ServiceUpdate
) -> ServiceRead:
    """Changes the given fields (e.g. the stages); other services learn of it by an event."""
    updated = await service.update_service(session, principal, service_id, body)
    return ServiceRead.model_validate(updated)


@services_router.post(
    "/{service_id}/retire",
    operation_id="retire_service",
    summary="Retire a service",
    responses=problem_responses(404),
)
async def retire_service(
    session: DbSession, principal: PlansWriter, service_id: uuid.UUID
) -> ServiceRead:
    """Marks the service retired: it stays for history and reports, takes no new feedback."""
    retired = await service.retire_service(session, principal, service_id)
    return ServiceRead.model_validate(retired)
