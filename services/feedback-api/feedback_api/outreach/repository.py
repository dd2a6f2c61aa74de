import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogService, CatalogTouchpoint
from feedback_api.outreach.schemas import PosterFilter


async def touchpoint(session: AsyncSession, touchpoint_id: uuid.UUID) -> CatalogTouchpoint | None:
    return await session.scalar(
        select(CatalogTouchpoint).where(
            CatalogTouchpoint.id == touchpoint_id, CatalogTouchpoint.deleted.is_(False)
        )
    )


async def agency(session: AsyncSession, agency_id: uuid.UUID) -> CatalogAgency | None:
    return await session.get(CatalogAgency, agency_id)


async def service(session: AsyncSession, service_id: uuid.UUID) -> CatalogService | None:
    return await session.get(CatalogService, service_id)


async def touchpoints(
    session: AsyncSession, agency_id: uuid.UUID, where: PosterFilter, *, limit: int
) -> Sequence[CatalogTouchpoint]:
    """The agency's touchpoints the filter keeps, by name; at most `limit`."""
    stmt = select(CatalogTouchpoint).where(
        CatalogTouchpoint.agency_id == agency_id, CatalogTouchpoint.deleted.is_(False)
    )
    if where.direction is not None:
        stmt = stmt.where(CatalogTouchpoint.directions.any_() == where.direction.value)
    if where.kind is not None:
        stmt = stmt.where(CatalogTouchpoint.kind == where.kind.value)
    if where.service_id is not None:
        stmt = stmt.where(CatalogTouchpoint.service_ids.any_() == where.service_id)
    stmt = stmt.order_by(CatalogTouchpoint.name, CatalogTouchpoint.id).limit(limit)
    return (await session.scalars(stmt)).all()
