import uuid
from collections.abc import Sequence

from sqlalchemy import exists, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from plans_api.catalog.models import StateService
from plans_api.touchpoints.models import Touchpoint, touchpoint_services
from plans_api.touchpoints.schemas import TouchpointFilter


async def get(session: AsyncSession, touchpoint_id: uuid.UUID) -> Touchpoint | None:
    return await session.scalar(
        select(Touchpoint)
        .where(Touchpoint.id == touchpoint_id)
        .options(selectinload(Touchpoint.services))
        .execution_options(populate_existing=True)
    )


async def services_of_agency(
    session: AsyncSession, agency_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, StateService]:
    if not ids:
        return {}
    rows = await session.scalars(
        select(StateService).where(StateService.id.in_(ids), StateService.agency_id == agency_id)
    )
    return {row.id: row for row in rows}


async def search(
    session: AsyncSession,
    where: TouchpointFilter,
    *,
    after: tuple[str, uuid.UUID] | None = None,
    limit: int | None = None,
) -> Sequence[Touchpoint]:
    """Touchpoints by name; without `limit`, every match (the export)."""
    stmt = (
        select(Touchpoint)
        .options(selectinload(Touchpoint.services))
        .order_by(Touchpoint.name, Touchpoint.id)
        .limit(limit)
    )
    if where.agency_id is not None:
        stmt = stmt.where(Touchpoint.agency_id == where.agency_id)
    if where.direction is not None:
        stmt = stmt.where(Touchpoint.directions.any_() == where.direction)
    if where.kind is not None:
        stmt = stmt.where(Touchpoint.kind == where.kind)
    if where.service_id is not None:
        stmt = stmt.where(
            exists().where(
                touchpoint_services.c.touchpoint_id == Touchpoint.id,
                touchpoint_services.c.service_id == where.service_id,
            )
        )
    if where.digital is not None:
        stmt = stmt.where(Touchpoint.is_digital.is_(where.digital))
    if where.collects_feedback is not None:
        stmt = stmt.where(Touchpoint.collects_feedback.is_(where.collects_feedback))
    if after is not None:
        stmt = stmt.where(tuple_(Touchpoint.name, Touchpoint.id) > after)
    return (await session.scalars(stmt)).all()


async def places_of_agency(
    session: AsyncSession, agency_id: uuid.UUID
) -> Sequence[tuple[uuid.UUID, str, str | None, str | None]]:
    """Id, name, URL and address of each touchpoint of the agency."""
    stmt = select(Touchpoint.id, Touchpoint.name, Touchpoint.url, Touchpoint.address).where(
        Touchpoint.agency_id == agency_id
    )
    return [(r.id, r.name, r.url, r.address) for r in await session.execute(stmt)]
