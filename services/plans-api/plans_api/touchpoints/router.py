import asyncio
import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Response, status

from otklik_kit.auth.dependencies import PlansReader, PlansWriter
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.routing import XLSX_MEDIA_TYPE, api_router, file_response
from otklik_shared.vocab import Direction
from otklik_shared.vocab_touchpoints import TouchpointKind
from plans_api.touchpoints import export, service
from plans_api.touchpoints.schemas import (
    TouchpointCreate,
    TouchpointFilter,
    TouchpointRead,
    TouchpointUpdate,
)

router = api_router("touchpoints", tag="touchpoints")


def touchpoint_filter(
    agency_id: uuid.UUID | None = None,
    direction: Annotated[Direction | None, Query(description="Serves this direction")] = None,
    kind: TouchpointKind | None = None,
    service_id: Annotated[uuid.UUID | None, Query(description="Linked to this service")] = None,
    digital: Annotated[bool | None, Query(description="Digital (true) or offline (false)")] = None,
    collects_feedback: bool | None = None,
) -> TouchpointFilter:
    return TouchpointFilter(agency_id, direction, kind, service_id, digital, collects_feedback)


Filter = Annotated[TouchpointFilter, Depends(touchpoint_filter)]


@router.get("", operation_id="list_touchpoints", summary="List touchpoints")
async def list_touchpoints(
    session: DbSession,
    principal: PlansReader,
    where: Filter,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[TouchpointRead]:
    """Touchpoints visible to the key, by name, filtered by direction, kind, service and more."""
    position = decode_cursor(cursor)
    after = (str(position[0]), uuid.UUID(str(position[1]))) if position else None
    rows = await service.list_visible(session, principal, where, after=after, limit=limit)
    items = [TouchpointRead.model_validate(r) for r in rows]
    return Page.of(items, limit, lambda item: [item.name, item.id])


@router.get(
    "/export.xlsx",
    operation_id="export_touchpoints",
    summary="Export the touchpoint registry to XLSX",
    response_class=Response,
    responses={
        **file_response("The registry of one agency as an Excel workbook", XLSX_MEDIA_TYPE),
        **problem_responses(404, 422),
    },
)
async def export_touchpoints(session: DbSession, principal: PlansReader, where: Filter) -> Response:
    """One agency's registry (the key's own, else give `agency_id`); the list's filters apply.

    The first sheet lists every touchpoint, then one sheet per direction of activity (seed 003,
    3.5); A4 landscape, the header row repeated on each page.
    """
    agency, touchpoints = await service.registry(session, principal, where)
    sheets = export.registry_sheets(agency.name, touchpoints)
    content = await asyncio.to_thread(export.registry_workbook, sheets)
    filename = f"touchpoints-{date.today().isoformat()}.xlsx"
    return Response(
        content,
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post(
    "",
    operation_id="create_touchpoint",
    summary="Create a touchpoint",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def create_touchpoint(
    session: DbSession, principal: PlansWriter, body: TouchpointCreate
) -> TouchpointRead:
    """Adds a touchpoint to its agency's registry, linked to services of that agency."""
    created = await service.create_touchpoint(session, principal, body)
    return TouchpointRead.model_validate(created)


@router.get(
    "/{touchpoint_id}",
    operation_id="get_touchpoint",
    summary="Get a touchpoint",
    responses=problem_responses(404),
)
async def get_touchpoint(
    session: DbSession, principal: PlansReader, touchpoint_id: uuid.UUID
) -> TouchpointRead:
    """One touchpoint; 404 when it belongs to another agency than the key's."""
    found = await service.get_visible(session, principal, touchpoint_id)
    return TouchpointRead.model_validate(found)


@router.patch(
    "/{touchpoint_id}",
    operation_id="update_touchpoint",
    summary="Update a touchpoint",
    responses=problem_responses(404, 409, 422),
)
async def update_touchpoint(
    session: DbSession, principal: PlansWriter, touchpoint_id: uuid.UUID, body: TouchpointUpdate
) -> TouchpointRead:
    """Changes the given fields; `service_ids` replaces the linked services."""
    updated = await service.update_touchpoint(session, principal, touchpoint_id, body)
    return TouchpointRead.model_validate(updated)


@router.delete(
    "/{touchpoint_id}",
    operation_id="delete_touchpoint",
    summary="Delete a touchpoint",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
async def delete_touchpoint(
    session: DbSession, principal: PlansWriter, touchpoint_id: uuid.UUID
) -> None:
    """Removes the touchpoint from the registry; the linked services stay."""
    await service.delete_touchpoint(session, principal, touchpoint_id)
